import type { Job } from '../lib/core/db/schema';

/** A complete Job row for tests: a pending listing job for vacancy `vacancyId`; `patch` overrides any field. */
export function testJob(vacancyId: string, patch: Partial<Job> = {}): Omit<Job, 'id'> {
  return {
    vacancyId,
    resumeHash: 'ab'.repeat(19),
    vacancy: {
      id: vacancyId,
      title: `Vacancy ${vacancyId}`,
      employer: { name: 'Acme' },
      url: `https://hh.ru/vacancy/${vacancyId}`,
    },
    letter: null,
    state: 'pending',
    attempts: 0,
    transientFailures: 0,
    leaseOwner: null,
    leaseUntil: 0,
    nextAttemptAt: 0,
    lastError: null,
    reason: null,
    link: null,
    outcome: null,
    unconfirmed: false,
    source: 'listing',
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
}
