import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, OtklikDb, SCHEMA_VERSIONS, declareVersions } from './db';
import { countByState, jobEvents, listJobs } from './jobs';
import { enqueue, enqueueMany } from '../queue/enqueue';
import { removeJob, retryJob } from '../queue/user-actions';
import type { Job, VacancySnapshot } from '../../core/db/schema';

let n = 0;
const opened: Dexie[] = [];
function freshName(): string {
  return `otklik-test-db-${process.pid}-${++n}`;
}
function freshDb(): OtklikDb {
  const db = new OtklikDb(freshName());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const HASH = 'a'.repeat(38);
const HASH2 = 'b'.repeat(38);
const vacancy = (id: string, employer = 'ООО Ромашка'): VacancySnapshot => ({
  id,
  title: `Vacancy ${id}`,
  employer: { id: `e${id}`, name: employer },
  url: `https://hh.ru/vacancy/${id}`,
  score: 0.8,
});

describe('db schema', () => {
  it('declares ascending versions (numbers are assigned per feature, so one may land before another), the last one being DB_VERSION', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
    expect(DB_VERSION).toBe(versions[versions.length - 1]);
  });

  it('opens empty at the current version with every table', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'discovery',
      'events',
      'jobs',
      'meta',
      'negotiations',
      'replies',
      'seen',
      'sends',
    ]);
  });

  it('upgrades v1 → v2: the send log is backfilled from applied jobs, other data kept', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    declareVersions(v1, 1);
    const base = {
      resumeHash: HASH,
      letter: null,
      attempts: 1,
      transientFailures: 0,
      leaseOwner: null,
      leaseUntil: 0,
      lastError: null,
      reason: null,
      link: null,
      unconfirmed: false,
      source: 'listing',
      createdAt: 1,
      updatedAt: 2,
    };
    await v1.table('jobs').bulkAdd([
      {
        ...base,
        vacancyId: '1',
        vacancy: vacancy('1'),
        state: 'applied',
        nextAttemptAt: 1,
        outcome: { kind: 'applied', at: 1000, topicId: 't1' },
      },
      {
        ...base,
        vacancyId: '2',
        vacancy: vacancy('2'),
        state: 'applied',
        nextAttemptAt: 1,
        outcome: { kind: 'already_applied', at: 1500 },
      },
      { ...base, vacancyId: '3', vacancy: vacancy('3'), state: 'pending', nextAttemptAt: 5, outcome: null },
    ]);
    await v1.table('events').add({ jobId: 1, at: 1000, type: 'applied', state: 'applied', detail: 'x' });
    v1.close();

    const db = new OtklikDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.sends.toArray()).toEqual([{ id: 1, at: 1000, jobId: 1, vacancyId: '1', confirmed: true }]);
    expect(await db.jobs.count()).toBe(3);
    expect(await db.events.count()).toBe(1);
    // indexes of v1 still work after the upgrade
    expect(await db.jobs.where('[state+nextAttemptAt]').between(['pending', 0], ['pending', 10]).count()).toBe(1);
  });
});

describe('enqueue', () => {
  it('creates a pending job with an "enqueued" event', async () => {
    const db = freshDb();
    const r = await enqueue(db, { vacancy: vacancy('100'), resumeHash: HASH, source: 'listing' }, 1000);
    expect(r).toEqual({ jobId: expect.any(Number), created: true, state: 'pending' });
    const job = (await db.jobs.get(r.jobId))!;
    expect(job).toMatchObject({
      vacancyId: '100',
      resumeHash: HASH,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 1000,
      letter: null,
      leaseUntil: 0,
    });
    expect(job.maybeSentAt).toBeUndefined();
    expect((await jobEvents(db, r.jobId)).map((e) => e.type)).toEqual(['enqueued']);
  });

  it('enqueueing the same vacancy+resume twice is a no-op that says so', async () => {
    const db = freshDb();
    const a = await enqueue(db, { vacancy: vacancy('100'), resumeHash: HASH }, 1000);
    const b = await enqueue(db, { vacancy: vacancy('100'), resumeHash: HASH }, 2000);
    expect(b).toMatchObject({ jobId: a.jobId, created: false, reason: 'already_queued', state: 'pending' });
    expect(await db.jobs.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('the unique index holds even for racing inserts', async () => {
    const db = freshDb();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => enqueue(db, { vacancy: vacancy('7'), resumeHash: HASH }, 1)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => !r.created).every((r) => r.reason === 'already_queued')).toBe(true);
    expect(await db.jobs.count()).toBe(1);
  });

  it('refuses a second resume for a vacancy that is queued or applied (hh takes one response per vacancy)', async () => {
    const db = freshDb();
    await enqueue(db, { vacancy: vacancy('100'), resumeHash: HASH }, 1000);
    const r = await enqueue(db, { vacancy: vacancy('100'), resumeHash: HASH2 }, 1000);
    expect(r).toMatchObject({ created: false, reason: 'vacancy_queued_with_other_resume' });
  });

  it('a blacklisted employer is recorded as skipped with the reason', async () => {
    const db = freshDb();
    const r = await enqueue(db, { vacancy: vacancy('5', 'Evil Corp'), resumeHash: HASH }, 1000, (v) =>
      v.employer?.name === 'Evil Corp' ? 'employer blacklisted: Evil Corp' : null,
    );
    expect(r).toMatchObject({
      created: true,
      state: 'skipped',
      reason: 'blacklisted',
      detail: 'employer blacklisted: Evil Corp',
    });
    expect((await db.jobs.get(r.jobId))!.reason).toBe('blacklisted');
    expect((await jobEvents(db, r.jobId)).map((e) => [e.type, e.state])).toEqual([
      ['enqueued', 'pending'],
      ['skipped', 'skipped'],
    ]);
  });

  it('enqueueMany answers per item, in order, in one go', async () => {
    const db = freshDb();
    await enqueue(db, { vacancy: vacancy('2'), resumeHash: HASH }, 1);
    const r = await enqueueMany(
      db,
      [
        { vacancy: vacancy('1'), resumeHash: HASH },
        { vacancy: vacancy('2'), resumeHash: HASH },
        { vacancy: vacancy('1'), resumeHash: HASH },
      ],
      5,
    );
    expect(r.map((x) => [x.created, x.reason])).toEqual([
      [true, undefined],
      [false, 'already_queued'],
      [false, 'already_queued'],
    ]);
    expect(await db.jobs.count()).toBe(2);
  });
});

/** Forces a job into a state (tests of user actions). */
async function force(db: OtklikDb, id: number, patch: Partial<Job>) {
  await db.jobs.update(id, patch);
}

describe('user actions', () => {
  it('retry: needs_user / failed / skipped / cancelled → pending, counters reset; pending/processing/applied refuse', async () => {
    const db = freshDb();
    const { jobId } = await enqueue(db, { vacancy: vacancy('1'), resumeHash: HASH }, 1);
    expect(await retryJob(db, jobId, 2)).toMatchObject({ ok: false });
    for (const state of ['needs_user', 'failed', 'skipped', 'cancelled'] as const) {
      await force(db, jobId, { state, transientFailures: 3, reason: 'x', lastError: 'y', nextAttemptAt: 99 });
      expect(await retryJob(db, jobId, 10)).toEqual({ ok: true, state: 'pending' });
      expect(await db.jobs.get(jobId)).toMatchObject({
        state: 'pending',
        transientFailures: 0,
        reason: null,
        lastError: null,
        nextAttemptAt: 10,
      });
    }
    for (const state of ['processing', 'applied'] as const) {
      await force(db, jobId, { state });
      expect(await retryJob(db, jobId, 10)).toMatchObject({ ok: false });
    }
    expect(await retryJob(db, 999, 10)).toEqual({ ok: false, error: 'no job 999' });
    expect((await jobEvents(db, jobId)).filter((e) => e.type === 'retried')).toHaveLength(4);
  });

  it('retry never sends a letter nobody approved: a review job stays in review, an unapproved one goes back to it', async () => {
    const db = freshDb();
    const draft = (problems: string[], status: 'ready' | 'failed' = 'ready') => ({
      status,
      at: 1,
      problems,
      asks: [],
      provider: 'openai',
      fallbackReason: null,
      error: status === 'failed' ? 'boom' : null,
      lang: 'ru' as const,
    });
    const { jobId } = await enqueue(db, { vacancy: vacancy('1'), resumeHash: HASH, awaitLetter: true }, 1);
    // Waiting for review with a letter that failed its checks: Retry keeps it there (letter kept, nothing sent).
    await force(db, jobId, { letter: 'Hello', letterDraft: draft(['contains a phone number']) });
    await db.events.add({ jobId, at: 2, type: 'letter', state: 'review', detail: 'draft' });
    expect(await retryJob(db, jobId, 10)).toEqual({ ok: true, state: 'review' });
    expect(await db.jobs.get(jobId)).toMatchObject({
      state: 'review',
      letter: 'Hello',
      letterDraft: { problems: ['contains a phone number'] },
    });
    // Removed from review, then retried: back to review, not pending.
    await force(db, jobId, { state: 'cancelled' });
    expect(await retryJob(db, jobId, 11)).toEqual({ ok: true, state: 'review' });
    // A failed draft is dropped so the writer makes a new one.
    await force(db, jobId, { state: 'review', letter: null, letterDraft: draft([], 'failed') });
    expect(await retryJob(db, jobId, 12)).toEqual({ ok: true, state: 'review' });
    expect((await db.jobs.get(jobId))!.letterDraft).toBeUndefined();
    // Once approved (then hh refused it, say), Retry sends it again.
    await force(db, jobId, { state: 'failed', letter: 'Hello', letterDraft: draft([]) });
    await db.events.add({ jobId, at: 13, type: 'approved', state: 'pending', detail: 'approved' });
    expect(await retryJob(db, jobId, 14)).toEqual({ ok: true, state: 'pending' });
    // A new draft after the approval (the job went back to review) needs approving again.
    await force(db, jobId, { state: 'failed' });
    await db.events.add({ jobId, at: 15, type: 'letter', state: 'review', detail: 'draft' });
    expect(await retryJob(db, jobId, 16)).toEqual({ ok: true, state: 'review' });
    expect((await jobEvents(db, jobId)).filter((e) => e.type === 'retried').map((e) => e.state)).toEqual([
      'review',
      'review',
      'review',
      'pending',
      'review',
    ]);
  });

  it('enqueue stores the canonical hh URL built from the id, whatever URL the page gave', async () => {
    const db = freshDb();
    for (const [id, url, expected] of [
      ['11', 'javascript:alert(1)', 'https://hh.ru/vacancy/11'],
      ['12', 'data:text/html,<b>x</b>', 'https://hh.ru/vacancy/12'],
      ['13', 'https://evil.example/vacancy/13', 'https://hh.ru/vacancy/13'],
      ['14', 'https://almaty.hh.kz/vacancy/14?from=x', 'https://hh.kz/vacancy/14'],
    ] as const) {
      const { jobId } = await enqueue(db, { vacancy: { ...vacancy(id), url }, resumeHash: HASH }, 1);
      expect((await db.jobs.get(jobId))!.vacancy.url).toBe(expected);
    }
    await expect(enqueue(db, { vacancy: { ...vacancy('1'), id: 'x1' }, resumeHash: HASH }, 1)).rejects.toThrow(
      /not an hh vacancy id/,
    );
  });

  it('remove: becomes cancelled (history kept); refused while in flight or once applied', async () => {
    const db = freshDb();
    const { jobId } = await enqueue(db, { vacancy: vacancy('1'), resumeHash: HASH }, 1);
    expect(await removeJob(db, jobId, 2)).toEqual({ ok: true, state: 'cancelled' });
    expect((await db.jobs.get(jobId))!.state).toBe('cancelled');
    expect(await removeJob(db, jobId, 3)).toEqual({ ok: true, state: 'cancelled' });
    await force(db, jobId, { state: 'processing' });
    expect(await removeJob(db, jobId, 4)).toMatchObject({ ok: false, error: expect.stringMatching(/right now/) });
    await force(db, jobId, { state: 'applied' });
    expect(await removeJob(db, jobId, 4)).toMatchObject({ ok: false, error: expect.stringMatching(/already applied/) });
  });

  it('enqueueing a cancelled pair revives the same job', async () => {
    const db = freshDb();
    const { jobId } = await enqueue(db, { vacancy: vacancy('1'), resumeHash: HASH }, 1);
    await removeJob(db, jobId, 2);
    const r = await enqueue(db, { vacancy: vacancy('1'), resumeHash: HASH }, 3);
    expect(r).toEqual({ jobId, created: true, state: 'pending', reason: 'revived' });
    expect((await jobEvents(db, jobId)).map((e) => e.type)).toEqual(['enqueued', 'cancelled', 'retried']);
  });

  it('counts and lists by state', async () => {
    const db = freshDb();
    const a = await enqueue(db, { vacancy: vacancy('1'), resumeHash: HASH }, 1);
    await enqueue(db, { vacancy: vacancy('2'), resumeHash: HASH }, 2);
    await removeJob(db, a.jobId, 3);
    const counts = await countByState(db);
    expect(counts).toMatchObject({ pending: 1, cancelled: 1, applied: 0 });
    expect((await listJobs(db)).map((j) => j.vacancyId)).toEqual(['1', '2']);
    expect((await listJobs(db, { states: ['pending'] })).map((j) => j.vacancyId)).toEqual(['2']);
  });
});
