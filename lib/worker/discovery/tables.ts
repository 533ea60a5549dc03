import type { SchemaVersion } from '../db/db';

/** Discovery's Dexie tables. */
export const discoveryTables: readonly SchemaVersion[] = [
  {
    // v4 (issue 7, auto-discovery): every vacancy discovery looked at, by id; suggestions = verdict 'suggested'
    // (listed newest first by updatedAt); one state row (last round, pause, backoff).
    version: 4,
    stores: { seen: 'id, verdict, [verdict+updatedAt], firstSeenAt', discovery: 'key' },
  },
];
