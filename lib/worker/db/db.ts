import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Job, JobEvent, MetaRow, SendRecord } from '../../core/db/schema';
import type { DiscoveryState, SeenVacancy } from '../../core/db/discovery-rows';
import type { NegotiationRecord, ReplyRecord } from '../../core/db/negotiation-rows';
import { queueTables } from '../queue/tables';
import { discoveryTables } from '../discovery/tables';
import { negotiationTables } from '../negotiations/tables';

/**
 * The extension's IndexedDB (background / extension pages only: in a content script IndexedDB would be
 * hh.ru's). Every schema change is a new version in the owning feature's tables.ts with an upgrade test in db.test.ts that
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

/**
 * Each feature declares its own tables by version (lib/worker/<feature>/tables.ts); they are merged here, one entry
 * per version, in version order. A version is never edited once shipped: a change is a new version in the feature
 * that owns the table (db.test.ts pins the merged list).
 */
export function composeSchema(parts: readonly (readonly SchemaVersion[])[]): SchemaVersion[] {
  const byVersion = new Map<number, SchemaVersion>();
  for (const v of parts.flat()) {
    const prev = byVersion.get(v.version);
    if (!prev) {
      byVersion.set(v.version, { ...v, stores: { ...v.stores } });
      continue;
    }
    const clash = Object.keys(v.stores).find((t) => t in prev.stores);
    if (clash) throw new Error(`schema v${v.version}: table "${clash}" declared twice`);
    if (prev.upgrade && v.upgrade) throw new Error(`schema v${v.version}: two upgrades`);
    byVersion.set(v.version, {
      version: v.version,
      stores: { ...prev.stores, ...v.stores },
      ...((prev.upgrade ?? v.upgrade) ? { upgrade: prev.upgrade ?? v.upgrade } : {}),
    });
  }
  return [...byVersion.values()].sort((x, y) => x.version - y.version);
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = composeSchema([
  queueTables,
  discoveryTables,
  negotiationTables,
]);

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
