import type { OtklikDb } from '../db/db';
import type { Job, PauseState } from '../db/schema';
import type { ApplyClient } from '../hh/apply-client';
import type { ApplyOutcome } from '../hh/apply-outcome';
import { hhOriginFor } from '../hh/sites';
import { claimNext, type ClaimResult } from './claim';
import { commitOutcome } from './commit';
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
   * Called after a claim, before the network: the background arms a wake-up at the lease expiry here, so
   * that if the worker is killed mid-request something wakes it to recover the job.
   */
  onClaimed?: (job: Job) => void | Promise<void>;
}

export type StepResult =
  | { kind: 'worked'; job: Job; outcome: ApplyOutcome; recovered: boolean; pause: PauseState | null; stale: boolean }
  | Exclude<ClaimResult, { kind: 'claimed' }>;

function originOf(url: string): string {
  try {
    return hhOriginFor(new URL(url).hostname);
  } catch {
    return 'https://hh.ru';
  }
}

const PAUSING: ReadonlySet<ApplyOutcome['kind']> = new Set(['daily_limit', 'captcha_or_login', 'xsrf']);

/** One step: claim (transaction) → apply (network, no transaction) → commit (transaction). */
export async function drainOnce(deps: DrainDeps, config: QueueConfig): Promise<StepResult> {
  const { db } = deps;
  const claim = await claimNext(db, { now: deps.now(), owner: deps.owner, random: deps.random, config });
  if (claim.kind !== 'claimed') return claim;
  const { job, recovered } = claim;
  try {
    await deps.onClaimed?.(job);
  } catch {
    /* a missing wake-up only delays recovery */
  }

  // The work. Never inside a transaction: a fetch would let IndexedDB auto-commit mid-way.
  // It must finish before the lease expires, or another claimer would recover the job while we still
  // wait for hh: the overall deadline aborts it (→ network outcome, retried under the usual rules).
  let outcome: ApplyOutcome;
  try {
    const budget = Math.max(1_000, job.leaseUntil - deps.now() - 500);
    outcome = await deps.client.apply(
      { vacancyId: job.vacancyId, resumeHash: job.resumeHash, letter: job.letter ?? '', origin: originOf(job.vacancy.url) },
      AbortSignal.timeout(budget),
    );
  } catch (e) {
    outcome = { kind: 'network', status: 0, detail: e instanceof Error ? e.message : String(e) };
  }

  const commit = await commitOutcome(db, job.id, outcome, { now: deps.now(), owner: deps.owner, random: deps.random, config });
  const result: StepResult = {
    kind: 'worked',
    job: commit.job ?? job,
    outcome,
    recovered,
    pause: commit.kind === 'committed' ? commit.pause : null,
    stale: commit.kind === 'stale',
  };
  try {
    if (commit.kind === 'committed' && commit.pause && PAUSING.has(outcome.kind)) await deps.notifier?.paused(commit.pause);
    if (commit.kind === 'committed' && commit.needsUser) await deps.notifier?.needsUser(commit.job);
  } catch {
    /* notifications are best effort */
  }
  return result;
}

export interface DrainSummary {
  steps: StepResult[];
  /** Why it stopped: the last non-work result (with its wake-up time), or 'budget'. */
  stop: Exclude<StepResult, { kind: 'worked' }> | { kind: 'budget' };
}

/**
 * Steps until the queue has to wait (pacing, pause, cap, nothing due) or the budget is spent. With pacing on
 * this is one job per wake-up; with pacing off (fast mode, bench) it drains many in one wake-up.
 */
export async function drainUntilWait(deps: DrainDeps, config: QueueConfig, budget: { maxJobs: number; maxMs: number }): Promise<DrainSummary> {
  const started = deps.now();
  const steps: StepResult[] = [];
  for (;;) {
    if (steps.length >= budget.maxJobs || deps.now() - started >= budget.maxMs) return { steps, stop: { kind: 'budget' } };
    const r = await drainOnce(deps, config);
    steps.push(r);
    if (r.kind !== 'worked') return { steps, stop: r };
  }
}
