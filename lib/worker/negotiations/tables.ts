import type { SchemaVersion } from '../db/db';

/** The responses feature's Dexie tables. */
export const negotiationTables: readonly SchemaVersion[] = [
  {
    // v5 (issue 8, responses and employer chats): one row per hh response topic (status, milestones, linked job);
    // replies = employer messages waiting for the user with their draft (never sent without a click).
    version: 5,
    stores: { negotiations: 'topicId, vacancyId, jobId, status, appliedAt', replies: 'topicId, state' },
  },
];
