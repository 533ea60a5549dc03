import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { declareVersions, OtklikDb } from '../db/db';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('Dexie v5 (negotiations, replies)', () => {
  it('upgrades a v4 database: new tables empty and queryable, existing jobs kept', async () => {
    const name = `otklik-v5-upgrade-${process.pid}`;
    const v4 = new Dexie(name);
    opened.push(v4);
    declareVersions(v4, 4);
    await v4.table('jobs').add({
      vacancyId: '1',
      resumeHash: 'ab'.repeat(19),
      state: 'applied',
      nextAttemptAt: 1,
      maybeSentAt: undefined,
      updatedAt: 1,
    });
    v4.close();
    const db = new OtklikDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.jobs.count()).toBe(1);
    expect(await db.negotiations.where('status').equals('sent').count()).toBe(0);
    expect(await db.replies.where('state').equals('new').count()).toBe(0);
  });
});
