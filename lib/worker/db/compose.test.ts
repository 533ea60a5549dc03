import { describe, expect, it } from 'vitest';
import { DB_VERSION, SCHEMA_VERSIONS, composeSchema } from './db';

/** The schema as one literal list declared it before the features owned their tables (issue 20): must not move. */
const PINNED = [
  {
    version: 1,
    stores: {
      jobs: '++id, &[vacancyId+resumeHash], vacancyId, state, [state+nextAttemptAt], maybeSentAt, updatedAt',
      events: '++id, jobId, at',
      meta: 'key',
    },
    upgrade: false,
  },
  { version: 2, stores: { sends: '++id, at, jobId' }, upgrade: true },
  { version: 4, stores: { seen: 'id, verdict, [verdict+updatedAt], firstSeenAt', discovery: 'key' }, upgrade: false },
  {
    version: 5,
    stores: { negotiations: 'topicId, vacancyId, jobId, status, appliedAt', replies: 'topicId, state' },
    upgrade: false,
  },
];

describe('the Dexie schema composed from the features', () => {
  it('equals the schema shipped so far, version by version (upgrade path unchanged)', () => {
    expect(
      SCHEMA_VERSIONS.slice(0, PINNED.length).map((v) => ({
        version: v.version,
        stores: v.stores,
        upgrade: typeof v.upgrade === 'function',
      })),
    ).toEqual(PINNED);
    expect(DB_VERSION).toBeGreaterThanOrEqual(5);
  });

  it('merges one version from several features; refuses a table or an upgrade declared twice', () => {
    const up = async () => undefined;
    expect(
      composeSchema([
        [{ version: 3, stores: { a: 'id' } }],
        [
          { version: 1, stores: { b: 'id' }, upgrade: up },
          { version: 3, stores: { c: 'key' } },
        ],
      ]),
    ).toEqual([
      { version: 1, stores: { b: 'id' }, upgrade: up },
      { version: 3, stores: { a: 'id', c: 'key' } },
    ]);
    expect(() =>
      composeSchema([[{ version: 1, stores: { a: 'id' } }], [{ version: 1, stores: { a: 'key' } }]]),
    ).toThrow('table "a" declared twice');
    expect(() =>
      composeSchema([
        [{ version: 1, stores: { a: 'id' }, upgrade: up }],
        [{ version: 1, stores: { b: 'id' }, upgrade: up }],
      ]),
    ).toThrow('two upgrades');
  });
});
