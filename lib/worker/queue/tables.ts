import type { Job, SendRecord } from '../../core/db/schema';
import type { SchemaVersion } from '../db/db';

/** The queue's Dexie tables: jobs, their events, the send log, and the meta rows (pause, leases). */
export const queueTables: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      jobs: '++id, &[vacancyId+resumeHash], vacancyId, state, [state+nextAttemptAt], maybeSentAt, updatedAt',
      events: '++id, jobId, at',
      meta: 'key',
    },
  },
  {
    // v2: the rolling 24 h window moves from "applied jobs by outcome.at" to its own append-only send log, so
    // a removed job or an inferred send (lost answer, then "already applied") still counts. Backfilled from
    // the applied jobs v1 knew about.
    version: 2,
    stores: { sends: '++id, at, jobId' },
    upgrade: async (tx) => {
      const applied = await tx.table<Job, number>('jobs').where('state').equals('applied').toArray();
      const rows: SendRecord[] = applied
        .filter((job) => job.outcome?.kind === 'applied')
        .map((job) => ({ at: job.outcome!.at, jobId: job.id, vacancyId: job.vacancyId, confirmed: true }));
      await tx.table<SendRecord, number>('sends').bulkAdd(rows);
    },
  },
];
