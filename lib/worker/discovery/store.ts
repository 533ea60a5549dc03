import type { OtklikDb } from '../db/db';
import type { DiscoveryState, SeenVacancy, SeenVerdict } from '../../core/db/discovery-rows';

/** Discovery's records (Dexie v4 tables `seen` and `discovery`). Short transactions only: never a fetch inside. */

export const initialState = (): DiscoveryState => ({
  key: 'state',
  lastRun: null,
  pause: null,
  backoffUntil: 0,
  failures: 0,
  topics: {},
});

export async function getState(db: OtklikDb): Promise<DiscoveryState> {
  return { ...initialState(), ...(await db.discovery.get('state')) };
}

/** Read-modify-write of the state row in one transaction. */
export function updateState(db: OtklikDb, fn: (s: DiscoveryState) => DiscoveryState): Promise<DiscoveryState> {
  return db.transaction('rw', db.discovery, async () => {
    const next = fn({ ...initialState(), ...(await db.discovery.get('state')) });
    await db.discovery.put(next);
    return next;
  });
}

/** Which of these vacancy ids discovery has already looked at. */
export async function seenIds(db: OtklikDb, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.seen.bulkGet([...ids]);
  return new Set(rows.filter((r): r is SeenVacancy => r !== undefined).map((r) => r.id));
}

/** Remembers new vacancies; one already there keeps its first record (a racing round never overwrites). */
export function rememberSeen(db: OtklikDb, rows: readonly SeenVacancy[]): Promise<number> {
  if (!rows.length) return Promise.resolve(0);
  return db.transaction('rw', db.seen, async () => {
    const have = await db.seen.bulkGet(rows.map((r) => r.id));
    const fresh = rows.filter((_, i) => have[i] === undefined);
    await db.seen.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Suggestions waiting for the user, newest first. */
export function listSuggestions(db: OtklikDb, limit = 100): Promise<SeenVacancy[]> {
  return db.seen
    .where('[verdict+updatedAt]')
    .between(['suggested', -Infinity], ['suggested', Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

export function countSuggestions(db: OtklikDb): Promise<number> {
  return db.seen.where('verdict').equals('suggested').count();
}

/** Changes a row's verdict; false when discovery never saw the vacancy. */
export async function setVerdict(db: OtklikDb, id: string, verdict: SeenVerdict, now: number): Promise<boolean> {
  return (await db.seen.update(id, { verdict, updatedAt: now })) > 0;
}

/** Forget everything seen (options: "look at everything again"); suggestions go too. */
export async function forgetSeen(db: OtklikDb): Promise<void> {
  await db.seen.clear();
}

/**
 * Keeps the table from growing forever: rows first seen before `before` are dropped, except waiting
 * suggestions. A dropped vacancy still open on hh is simply looked at again (and most likely judged the same).
 */
export async function pruneSeen(db: OtklikDb, before: number): Promise<number> {
  return db.seen
    .where('firstSeenAt')
    .below(before)
    .filter((r) => r.verdict !== 'suggested')
    .delete();
}
