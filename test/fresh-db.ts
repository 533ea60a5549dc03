import { afterEach } from 'vitest';
import { OtklikDb } from '../lib/worker/db/db';

/** Uniquely named extension databases for one test file (fake-indexeddb), each deleted after its test. */
export function useFreshDbs(prefix: string): () => OtklikDb {
  let seq = 0;
  const open: OtklikDb[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.delete();
  });
  return () => {
    const db = new OtklikDb(`${prefix}-${process.pid}-${++seq}`);
    open.push(db);
    return db;
  };
}
