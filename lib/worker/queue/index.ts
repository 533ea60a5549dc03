export {
  enqueue,
  enqueueMany,
  type EmployerBlock,
  type EnqueueInput,
  type EnqueueReason,
  type EnqueueResult,
} from './enqueue';
export { removeJob, retryJob, type UserActionResult } from './user-actions';
export { ACTIVE_STATES, FINISHED_STATES, HOLDS_VACANCY, OPEN_STATES, RETRYABLE, isActive } from './states';
export { claimNext, usedInWindow, type ClaimContext, type ClaimResult } from './claim';
export {
  OUTCOME_UNKNOWN,
  commitOutcome,
  renewLease,
  transition,
  type CommitContext,
  type CommitResult,
  type QuestionnaireNote,
} from './commit';
export {
  DEFAULT_QUEUE_CONFIG,
  WINDOW_MS,
  localMinutesOfDay,
  queueConfigFromSettings,
  type QueueConfig,
} from './config';
export { drainOnce, drainUntilWait, type DrainDeps, type DrainSummary, type Notifier, type StepResult } from './drain';
export { backoffDelay, blockFor, employerBlockReason, normEmployer, pacingDelay, quietUntil } from './guards';
export { checkHistory, storyOf } from './history';
export { jobOpenUrl } from './links';
export { PAUSE_MESSAGES, clearPause, readPause, setPause } from './pause';
export { queueStatus, type QueueStatus } from './status';
export {
  checkUnknownOutcomes,
  readResponses,
  settleAsApplied,
  settleUnknown,
  unknownOutcomeJobs,
  type ResponsesCheck,
  type SeenResponse,
  type SettleResult,
} from './unknown';
export { JUMP_TOLERANCE_MS, measureJump, observeClock, type ClockReading, type RebaseResult } from './clock';
