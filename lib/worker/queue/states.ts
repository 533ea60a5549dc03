import type { JobState } from '../../core/db/job-state';

/**
 * The groups of job states the queue, the worker and the popup ask about, each named once (the states and
 * their diagram are in lib/core/db/schema.ts). Arrays, so they serve Dexie's `anyOf` as they are.
 */

/** The drain may still act on these without the user: the queue has work. */
export const ACTIVE_STATES: readonly JobState[] = ['pending', 'processing'];

/** Not finished: waiting for the drain or for the user (the popup reads all of them). */
export const OPEN_STATES: readonly JobState[] = ['pending', 'processing', 'review', 'needs_user'];

/** Finished and listed in the popup's groups (cancelled jobs are not shown). */
export const FINISHED_STATES: readonly JobState[] = ['applied', 'failed', 'skipped'];

/** The vacancy's one response with hh is taken: queued, being sent, waiting for review, or sent. */
export const HOLDS_VACANCY: ReadonlySet<JobState> = new Set(['pending', 'processing', 'review', 'applied']);

/** The user may ask to try again. */
export const RETRYABLE: ReadonlySet<JobState> = new Set(['needs_user', 'failed', 'skipped', 'cancelled', 'review']);

export const isActive = (state: JobState): boolean => ACTIVE_STATES.includes(state);
