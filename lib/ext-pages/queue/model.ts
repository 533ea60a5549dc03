import type { Job, JobState } from '../../core/db/schema';
import { isActive } from '../../worker/queue/states';
import type { PopupTexts } from './texts';

/**
 * What the popup shows of the queue, as pure functions of the job records (unit-tested without a browser):
 * the groups in the order a person acts on them, each row's plain-words problem and its actions.
 */
export type GroupId = 'needs_user' | 'review' | 'processing' | 'pending' | 'failed' | 'applied';
export const GROUP_ORDER: readonly GroupId[] = ['needs_user', 'review', 'processing', 'pending', 'failed', 'applied'];

export const GROUP_OF: Record<JobState, GroupId | null> = {
  needs_user: 'needs_user',
  review: 'review',
  processing: 'processing',
  pending: 'pending',
  failed: 'failed',
  // Skipped jobs (blacklisted employer, archived vacancy) were not sent either: the user sees them with the failures.
  skipped: 'failed',
  applied: 'applied',
  cancelled: null,
};

/** confirm: send a job whose employer refuses automatic applications (lib/worker/queue/hh-conditions.ts). */
export type Action = 'approve' | 'edit' | 'confirm' | 'retry' | 'remove' | 'open';

export interface Group {
  id: GroupId;
  jobs: Job[];
}

/** Non-empty groups in GROUP_ORDER; within a group the most recently changed first (pending: next to go first). */
export function groupJobs(jobs: readonly Job[]): Group[] {
  const by = new Map<GroupId, Job[]>();
  for (const j of jobs) {
    const g = GROUP_OF[j.state];
    if (!g) continue;
    (by.get(g) ?? by.set(g, []).get(g)!).push(j);
  }
  return GROUP_ORDER.filter((id) => by.has(id)).map((id) => {
    const list = by.get(id)!;
    list.sort(
      id === 'pending'
        ? (a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id
        : (a, b) => b.updatedAt - a.updatedAt || b.id - a.id,
    );
    return { id, jobs: list };
  });
}

/** needs_user reasons a retry cannot fix: the user acts on hh.ru or the employer's site (Open). */
const ONLY_BY_HAND: ReadonlySet<string> = new Set(['test_required', 'external']);

/**
 * What the user can do with a job in its state (the background enforces the same rules), in one order
 * everywhere: the state's own action first (it is the primary button), then Open, then Remove last.
 */
export function actionsFor(job: Pick<Job, 'state' | 'reason'>): Action[] {
  switch (job.state) {
    case 'review':
      return ['edit', 'approve', 'open', 'remove'];
    case 'pending':
      return ['open', 'remove'];
    case 'needs_user':
      if (job.reason === 'no_auto_response') return ['confirm', 'open', 'remove'];
      return job.reason && ONLY_BY_HAND.has(job.reason) ? ['open', 'remove'] : ['retry', 'open', 'remove'];
    case 'failed':
      return ['retry', 'open', 'remove'];
    case 'skipped':
      return ['open', 'remove'];
    default:
      return ['open'];
  }
}

/**
 * The job's problem in words a person can act on, or null. Known reason codes get a sentence; an unknown
 * refusal shows hh's own detail; a transient failure of a still-pending job explains the retry.
 */
export function problemOf(
  job: Pick<Job, 'state' | 'reason' | 'lastError' | 'questionnaire'>,
  t: PopupTexts,
): string | null {
  if (job.state === 'applied') return job.reason === 'already_applied' ? t.problem['already_applied']! : null;
  if (job.state === 'cancelled' || job.state === 'review' || job.state === 'processing') return null;
  // A questionnaire the worker read: say how many questions the bank did not know ("2 of 8").
  const q = job.questionnaire;
  if (job.state === 'needs_user' && job.reason === 'test_required' && q && q.unknown > 0)
    return `${t.problem['test_required']!} ${t.questionsUnknown(q.unknown, q.total)}`;
  if (job.reason && t.problem[job.reason]) return t.problem[job.reason]!;
  if (job.state === 'pending') return job.lastError ? t.problem['network']! : null;
  if (job.lastError) return t.problemOther(job.lastError);
  return job.reason ? t.problemOther(job.reason) : null;
}

/** The first line or so of a letter, for the row ('' = sent without a letter, null = not written yet). */
export function letterPreview(letter: string | null, max = 90): string | null {
  if (letter === null) return null;
  const flat = letter.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * Progress of the current batch while the queue drains: of the jobs created since the oldest still-active job
 * was queued, how many are no longer pending/sending. null when nothing is active.
 */
export function drainProgress(
  jobs: readonly Pick<Job, 'state' | 'createdAt'>[],
): { done: number; total: number } | null {
  const active = jobs.filter((j) => isActive(j.state));
  if (!active.length) return null;
  const since = Math.min(...active.map((j) => j.createdAt));
  const batch = jobs.filter((j) => j.createdAt >= since && j.state !== 'cancelled');
  return { done: batch.length - active.length, total: batch.length };
}
