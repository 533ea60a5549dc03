import type { OtklikDb } from '../db/db';
import type { Job, PauseState } from '../../core/db/schema';
import type { ApplyClient, ApplyRequest } from '../../core/hh/apply-client';
import type { ApplyOutcome } from '../../core/hh/apply-outcome';
import { readQuestionnairePage } from '../../core/hh/questions';
import { fetchVacancyFacts, type VacancySignals } from '../../core/hh/vacancy-facts';
import { hhOriginOf } from '../../core/hh/vacancy-url';
import { isApplyPageUrl } from '../../core/hh/urls';
import { bankHasAnswers, decideQuestionnaire, describeSentAnswers } from '../negotiations/auto-answer';
import { claimNext, type ClaimResult } from './claim';
import { observeClock } from './clock';
import { checkUnknownOutcomes, type ResponsesCheck } from './unknown';
import { commitVerdict, judgeVacancy } from './verify';
import { commitHold, holdBeforeSend, NO_AUTO_RESPONSE } from './hh-conditions';
import { commitOutcome, renewLease, type QuestionnaireNote } from './commit';
import type { QueueConfig } from './config';

/** How the queue tells the person (background: browser.notifications). Failures to notify are ignored. */
export interface Notifier {
  paused(pause: PauseState): void | Promise<void>;
  needsUser(job: Job): void | Promise<void>;
}

export interface DrainDeps {
  db: OtklikDb;
  client: ApplyClient;
  now: () => number;
  random: () => number;
  /** Unique per worker lifetime. */
  owner: string;
  notifier?: Notifier;
  /**
   * Called after a claim (and after each lease renewal), before the network: the background arms a wake-up at
   * the lease expiry here, so that if the worker is killed mid-request something wakes it to recover the job.
   */
  onClaimed?: (job: Job) => void | Promise<void>;
  /**
   * The worker's own read of hh's responses page (lib/worker/queue/unknown.ts): settles jobs whose answer was not
   * understood. Absent = such jobs wait for the negotiations sync or the user.
   */
  checkResponses?: () => Promise<ResponsesCheck>;
  /**
   * Read each job's vacancy from hh (its page, with the client's `getPage`) before its first POST and refuse it
   * when hh disagrees with the page that queued it or names a blacklisted employer (lib/worker/queue/verify.ts). The
   * background always sets it; unit tests of other parts leave it off.
   */
  verifyVacancy?: boolean;
  /**
   * A monotonic clock (performance.now): with it each step first checks the wall clock for jumps and rebases the
   * queue's times (lib/worker/queue/clock.ts). Absent = no check (tests of other parts).
   */
  mono?: () => number;
  /**
   * What the worker itself read from hh's search state about a vacancy (lib/worker/triage/hh-signal-memory.ts): used
   * where hh's vacancy page does not say whether the employer takes automatic applications or wants a letter.
   */
  knownSignals?: (vacancyId: string) => Partial<VacancySignals> | undefined;
  /** A job went to review to get the cover letter hh requires (lib/worker/queue/hh-conditions.ts): start the writer. */
  onLetterNeeded?: () => void;
}

export type StepResult =
  | { kind: 'worked'; job: Job; outcome: ApplyOutcome; recovered: boolean; pause: PauseState | null; stale: boolean }
  /** The vacancy check before the POST refused the job (nothing sent), or the lease was lost during it. */
  | { kind: 'refused'; job: Job; reason: string; detail: string }
  | Exclude<ClaimResult, { kind: 'claimed' }>;

const PAUSING: ReadonlySet<ApplyOutcome['kind']> = new Set(['daily_limit', 'captcha_or_login', 'xsrf', 'unknown']);

/** One step: claim (transaction) → apply (network, no transaction) → commit (transaction). */
export async function drainOnce(deps: DrainDeps, config: QueueConfig): Promise<StepResult> {
  const { db } = deps;
  if (deps.mono) await observeClock(db, { wall: deps.now(), mono: deps.mono(), life: deps.owner });
  // An answer hh gave that was not understood is settled by looking at hh, never by sending again.
  if (deps.checkResponses) await checkUnknownOutcomes(db, deps.checkResponses, deps.now).catch(() => null);
  const claim = await claimNext(db, { now: deps.now(), owner: deps.owner, random: deps.random, config });
  if (claim.kind !== 'claimed') return claim;
  const { recovered } = claim;
  let job = claim.job;
  try {
    await deps.onClaimed?.(job);
  } catch {
    /* a missing wake-up only delays recovery */
  }
  const origin = hhOriginOf(job.vacancy.url);

  // Facts that decide the send come from hh, not from the page that queued the job.
  if (deps.verifyVacancy && deps.client.getPage && job.employerCheckedAt === undefined) {
    const read = await fetchVacancyFacts(deps.client.getPage, origin, job.vacancyId, leaseDeadline(deps, job));
    const verdict = judgeVacancy(job, read, config);
    if (verdict.kind === 'outcome')
      return commitAndNotify(deps, config, job, verdict.outcome, recovered, undefined, { preflight: true });
    const known = deps.knownSignals?.(job.vacancyId);
    const checked = await commitVerdict(db, job.id, verdict, {
      now: deps.now(),
      owner: deps.owner,
      leaseMs: config.leaseMs,
      ...(known ? { known } : {}),
    });
    if (!checked || verdict.kind === 'refuse') {
      return {
        kind: 'refused',
        job: checked ?? job,
        reason: verdict.kind === 'refuse' ? verdict.reason : 'lease_lost',
        detail: verdict.kind === 'refuse' ? verdict.detail : 'the lease ran out while hh was read; nothing sent',
      };
    }
    job = checked;
    try {
      await deps.onClaimed?.(job);
    } catch {
      /* a missing wake-up only delays recovery */
    }
  }

  // hh's conditions (a required letter, an employer that refuses automatic applications) hold the job before any POST.
  const hold = holdBeforeSend(job);
  if (hold) {
    const held = await commitHold(db, job.id, hold, { now: deps.now(), owner: deps.owner });
    if (held && hold.kind === 'letter') deps.onLetterNeeded?.();
    if (held && hold.kind === 'confirm') {
      try {
        await deps.notifier?.needsUser(held);
      } catch {
        /* notifications are best effort */
      }
    }
    return {
      kind: 'refused',
      job: held ?? job,
      reason: held ? (hold.kind === 'letter' ? 'letter_required' : NO_AUTO_RESPONSE) : 'lease_lost',
      detail: hold.detail,
    };
  }

  // The work. Never inside a transaction: a fetch would let IndexedDB auto-commit mid-way.
  // It must finish before the lease expires, or another claimer would recover the job while we still
  // wait for hh: the overall deadline aborts it (→ network outcome, retried under the usual rules).
  const request: ApplyRequest = {
    vacancyId: job.vacancyId,
    resumeHash: job.resumeHash,
    letter: job.letter ?? '',
    origin,
  };
  let outcome = await applyWithin(deps, job, request);
  let note: QuestionnaireNote | undefined;
  if (
    outcome.kind === 'test_required' &&
    config.questionnaire.auto &&
    bankHasAnswers(config.questionnaire.bank) &&
    deps.client.getPage
  ) {
    ({ outcome, note } = await answerQuestionnaire(deps, config, job, outcome, request));
  }

  return commitAndNotify(deps, config, job, outcome, recovered, note);
}

async function commitAndNotify(
  deps: DrainDeps,
  config: QueueConfig,
  job: Job,
  outcome: ApplyOutcome,
  recovered: boolean,
  note?: QuestionnaireNote,
  opts?: { preflight?: boolean },
): Promise<StepResult> {
  const commit = await commitOutcome(
    deps.db,
    job.id,
    outcome,
    { now: deps.now(), owner: deps.owner, random: deps.random, config },
    note,
    opts,
  );
  const result: StepResult = {
    kind: 'worked',
    job: commit.job ?? job,
    outcome,
    recovered,
    pause: commit.kind === 'committed' ? commit.pause : null,
    stale: commit.kind === 'stale',
  };
  try {
    if (commit.kind === 'committed' && commit.pause && PAUSING.has(outcome.kind))
      await deps.notifier?.paused(commit.pause);
    if (commit.kind === 'committed' && commit.needsUser) await deps.notifier?.needsUser(commit.job);
  } catch {
    /* notifications are best effort */
  }
  return result;
}

/** A request made under the job's lease must end before it: aborted half a second ahead (at least 1 s given). */
const leaseDeadline = (deps: DrainDeps, job: Job): AbortSignal =>
  AbortSignal.timeout(Math.max(1_000, job.leaseUntil - deps.now() - 500));
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** One apply POST under the job's lease: the deadline is the lease's end (→ a network outcome, retried as usual). */
async function applyWithin(deps: DrainDeps, job: Job, req: ApplyRequest): Promise<ApplyOutcome> {
  try {
    return await deps.client.apply(req, leaseDeadline(deps, job));
  } catch (e) {
    return { kind: 'network', status: 0, detail: errorText(e) };
  }
}

/**
 * hh answered "test-required" (a definitive "not applied"): read the questionnaire page with the user's session
 * and, when the bank answers EVERY question (lib/worker/negotiations/auto-answer.ts), POST again with the answers —
 * the same attempt, under the same lease (renewed before each phase; a lost lease stops here and the
 * test-required answer is committed as it is). Returns the outcome to commit:
 *
 * - page answered a login/captcha page → captcha_or_login (pause; the job waits at the head, nothing was sent);
 *   page 5xx or network → the usual retry (the next attempt starts over with a plain POST);
 * - page unreadable, or a question the bank does not answer → the original test_required (needs_user), with a
 *   note saying why / which questions;
 * - answered POST → its own outcome. Lost (network/5xx) → retried: the next attempt's plain POST gets "already
 *   applied" when the answers landed, which the commit counts as ours (the job is `unconfirmed`).
 *
 * Extra requests per questionnaire job: 1 GET, plus 1 POST when the bank answers everything.
 */
async function answerQuestionnaire(
  deps: DrainDeps,
  config: QueueConfig,
  claimed: Job,
  first: Extract<ApplyOutcome, { kind: 'test_required' }>,
  request: ApplyRequest,
): Promise<{ outcome: ApplyOutcome; note?: QuestionnaireNote }> {
  const getPage = deps.client.getPage;
  let link: URL;
  try {
    link = new URL(first.link);
  } catch {
    return { outcome: first };
  }
  // Only hh's own questionnaire page on the vacancy's site, with the user's session.
  if (!isApplyPageUrl(link, request.origin) || !getPage) return { outcome: first };

  const renew = async (): Promise<Job | null> => {
    const job = await renewLease(deps.db, claimed.id, { now: deps.now(), owner: deps.owner, config });
    if (job) {
      try {
        await deps.onClaimed?.(job);
      } catch {
        /* a missing wake-up only delays recovery */
      }
    }
    return job;
  };

  let job = await renew();
  if (!job) return { outcome: first };
  const page = await getPage(link.href, leaseDeadline(deps, job)).catch((e: unknown) => ({
    kind: 'network' as const,
    detail: errorText(e),
  }));
  if (page.kind === 'network')
    return { outcome: { kind: 'network', status: 0, detail: `questionnaire page: ${page.detail}` } };
  const read = readQuestionnairePage(page.answer);
  if (read.kind === 'outcome') return { outcome: read.outcome };
  if (read.kind === 'unreadable')
    return {
      outcome: first,
      note: { total: 0, unknown: 0, problem: `${read.reason} — not understood, answer it on hh` },
    };

  const decision = decideQuestionnaire(read.form, config.questionnaire.bank);
  if (decision.kind === 'needs_user')
    return {
      outcome: first,
      note: { total: decision.total, unknown: decision.unknown.length, problem: decision.problem },
    };

  job = await renew();
  if (!job) return { outcome: first };
  const at = deps.now();
  const outcome = await applyWithin(deps, job, { ...request, questionnaire: decision.fields });
  return {
    outcome,
    note: {
      total: decision.total,
      unknown: 0,
      sent: { at, answers: decision.answers, description: describeSentAnswers(decision.answers) },
    },
  };
}

export interface DrainSummary {
  steps: StepResult[];
  /** Why it stopped: the last non-work result (with its wake-up time), or 'budget'. */
  stop: Exclude<StepResult, { kind: 'worked' } | { kind: 'refused' }> | { kind: 'budget' };
}

/**
 * Steps until the queue has to wait (pacing, pause, cap, nothing due) or the budget is spent. With pacing on
 * this is one job per wake-up; with pacing off (fast mode, bench) it drains many in one wake-up.
 */
export async function drainUntilWait(
  deps: DrainDeps,
  config: QueueConfig,
  budget: { maxJobs: number; maxMs: number },
): Promise<DrainSummary> {
  const started = deps.now();
  const steps: StepResult[] = [];
  for (;;) {
    if (steps.length >= budget.maxJobs || deps.now() - started >= budget.maxMs)
      return { steps, stop: { kind: 'budget' } };
    const r = await drainOnce(deps, config);
    steps.push(r);
    if (r.kind !== 'worked' && r.kind !== 'refused') return { steps, stop: r };
  }
}
