import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Job, JobEvent, MetaRow, SendRecord } from '../../core/db/schema';
import type { DiscoveryState, SeenVacancy } from './discovery-rows';
import type { NegotiationRecord, ReplyRecord } from './negotiation-rows';

/**
 * The extension's IndexedDB (background / extension pages only: in a content script IndexedDB would be
 * hh.ru's). Every schema change is a new entry in SCHEMA_VERSIONS with an upgrade test in db.test.ts that
 * seeds a fake-indexeddb at the previous version and opens it with this class.
 *
 * Index only what is queried (style-anchors §4.1): jobs are scanned by [state+nextAttemptAt] (the drain's
 * "oldest due pending job"), by state (processing leases, status counts), by vacancyId (enqueue dedup across
 * resumes) and by maybeSentAt (the daily cap counts possibly-sent applications); the compound unique
 * [vacancyId+resumeHash] makes a second enqueue of the same pair impossible even across racing contexts.
 */
export const DB_NAME = 'otklik';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Data migration from the previous version; runs inside Dexie's versionchange transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
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
  {
    // v4 (issue 7, auto-discovery): every vacancy discovery looked at, by id; suggestions = verdict 'suggested'
    // (listed newest first by updatedAt); one state row (last round, pause, backoff).
    version: 4,
    stores: { seen: 'id, verdict, [verdict+updatedAt], firstSeenAt', discovery: 'key' },
  },
  {
    // v5 (issue 8, responses and employer chats): one row per hh response topic (status, milestones, linked job);
    // replies = employer messages waiting for the user with their draft (never sent without a click).
    version: 5,
    stores: { negotiations: 'topicId, vacancyId, jobId, status, appliedAt', replies: 'topicId, state' },
  },
];

export const DB_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));

export class OtklikDb extends Dexie {
  jobs!: EntityTable<Job, 'id'>;
  events!: EntityTable<JobEvent, 'id'>;
  sends!: EntityTable<SendRecord, 'id'>;
  meta!: Table<MetaRow, string>;
  seen!: Table<SeenVacancy, string>;
  discovery!: Table<DiscoveryState, string>;
  negotiations!: Table<NegotiationRecord, string>;
  replies!: Table<ReplyRecord, string>;

  constructor(name: string = DB_NAME, opts?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, opts);
    declareVersions(this, DB_VERSION);
  }
}

/** Declares versions 1..upTo on a Dexie instance (tests use it to create a database at an old version). */
export function declareVersions(db: Dexie, upTo: number): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const decl = db.version(v.version).stores(v.stores);
    if (v.upgrade) decl.upgrade(v.upgrade);
  }
}

let shared: OtklikDb | null = null;

/** The one instance of a context (background worker, extension page). */
export function getDb(): OtklikDb {
  shared ??= new OtklikDb();
  return shared;
}
