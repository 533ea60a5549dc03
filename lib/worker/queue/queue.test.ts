import { describe, expect, it, vi } from 'vitest';
import type { OtklikDb } from '../db/db';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import type { Job, VacancySnapshot } from '../../core/db/schema';
import type { ApplyClient } from '../../core/hh/apply-client';
import type { ApplyOutcome } from '../../core/hh/apply-outcome';
import { claimNext, usedInWindow, type ClaimResult } from './claim';
import { commitOutcome } from './commit';
import { DEFAULT_QUEUE_CONFIG, WINDOW_MS, type QueueConfig } from './config';
import { drainOnce, drainUntilWait, type Notifier } from './drain';
import { backoffDelay, employerBlockReason, normEmployer, quietUntil } from './guards';
import { checkHistory, storyOf } from './history';
import { clearPause, readPause, setPause } from './pause';
import { queueStatus } from './status';
import { mulberry32 } from '../../../test/fake-hh/hash';
import { useFreshDbs } from '../../../test/fresh-db';

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────
const freshDb = useFreshDbs('otklik-queue-test');

const HASH = 'f'.repeat(38);
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0); // 12:00 UTC
const vacancy = (id: string, employer = `Employer ${id}`, employerId = `e${id}`): VacancySnapshot => ({
  id,
  title: `Job ${id}`,
  employer: { id: employerId, name: employer },
  url: `https://hh.ru/vacancy/${id}`,
});
const utcMinutes = (now: number) => new Date(now).getUTCHours() * 60 + new Date(now).getUTCMinutes();
const config = (over: Partial<QueueConfig> = {}): QueueConfig => ({
  ...DEFAULT_QUEUE_CONFIG,
  minutesOfDay: utcMinutes,
  ...over,
});
const half = () => 0.5;
const ctx = (now: number, over: Partial<QueueConfig> = {}, owner = 'w1') => ({
  now,
  owner,
  random: half,
  config: config(over),
});

async function seed(db: OtklikDb, ids: string[], at = T0): Promise<number[]> {
  const out: number[] = [];
  for (const [i, id] of ids.entries())
    out.push((await enqueue(db, { vacancy: vacancy(id), resumeHash: HASH, source: 'listing' }, at + i)).jobId);
  return out;
}
function claimed(r: ClaimResult): Job {
  if (r.kind !== 'claimed') throw new Error(`expected a claim, got ${JSON.stringify(r)}`);
  return r.job;
}
const types = async (db: OtklikDb, id: number) => (await jobEvents(db, id)).map((e) => e.type);
const APPLIED: ApplyOutcome = {
  kind: 'applied',
  status: 200,
  topicId: '5179231635',
  chatId: '5212556056',
  responseLabel: 'nonreq-letter-no-test-without-letter',
};

// ── claim ────────────────────────────────────────────────────────────────────────────────────────────────
describe('claimNext', () => {
  it('empty queue → idle with no wake-up; only future jobs → idle until the first is due', async () => {
    const db = freshDb();
    expect(await claimNext(db, ctx(T0))).toEqual({ kind: 'idle', wakeAt: null });
    const [id] = await seed(db, ['1']);
    await db.jobs.update(id!, { nextAttemptAt: T0 + 5000 });
    expect(await claimNext(db, ctx(T0))).toEqual({ kind: 'idle', wakeAt: T0 + 5000 });
  });

  it('claims the oldest due pending job: processing, leased, attempt counted, possibly-sent from now, pacing armed', async () => {
    const db = freshDb();
    const ids = await seed(db, ['1', '2', '3']);
    const now = T0 + 100;
    const job = claimed(await claimNext(db, ctx(now)));
    expect(job.id).toBe(ids[0]);
    expect(job).toMatchObject({
      state: 'processing',
      leaseOwner: 'w1',
      leaseUntil: now + 90_000,
      attempts: 1,
      maybeSentAt: now,
      unconfirmed: false,
    });
    expect(await db.jobs.get(job.id)).toEqual(job);
    expect(await types(db, job.id)).toEqual(['enqueued', 'claimed']);
    expect(await db.meta.get('pacing')).toEqual({ key: 'pacing', value: { nextAt: now + 60_000, at: now } }); // 30 + 0.5·(90−30) s
  });

  it('a job retried later waits behind its nextAttemptAt, younger due jobs go first', async () => {
    const db = freshDb();
    const ids = await seed(db, ['1', '2']);
    await db.jobs.update(ids[0]!, { nextAttemptAt: T0 + 10_000 });
    expect(claimed(await claimNext(db, ctx(T0 + 5))).id).toBe(ids[1]);
  });

  it('single flight: while a lease is live nothing else is claimed (busy until the lease ends)', async () => {
    const db = freshDb();
    await seed(db, ['1', '2']);
    const job = claimed(await claimNext(db, ctx(T0, { pacingMs: { min: 0, max: 0 } })));
    expect(await claimNext(db, ctx(T0 + 1000, { pacingMs: { min: 0, max: 0 } }, 'w2'))).toEqual({
      kind: 'busy',
      wakeAt: job.leaseUntil,
    });
  });

  it('pacing: after a send the next claim waits for the drawn gap', async () => {
    const db = freshDb();
    await seed(db, ['1', '2']);
    const first = claimed(await claimNext(db, ctx(T0)));
    await commitOutcome(db, first.id, APPLIED, ctx(T0 + 500));
    expect(await claimNext(db, ctx(T0 + 1000))).toEqual({ kind: 'pacing', wakeAt: T0 + 60_000 });
    expect(claimed(await claimNext(db, ctx(T0 + 60_000))).vacancyId).toBe('2');
  });

  it('recovers a job whose lease expired (worker died) before any pending job, marking it unconfirmed', async () => {
    const db = freshDb();
    const ids = await seed(db, ['1', '2']);
    const first = claimed(await claimNext(db, ctx(T0, {}, 'dead-worker')));
    // ...the worker is killed here: no commit.
    const later = first.leaseUntil + 1;
    const r = await claimNext(db, ctx(later, {}, 'w2'));
    expect(r).toMatchObject({ kind: 'claimed', recovered: true });
    const job = claimed(r);
    expect(job.id).toBe(ids[0]);
    expect(job).toMatchObject({ attempts: 2, leaseOwner: 'w2', unconfirmed: true, maybeSentAt: later });
    expect(await types(db, job.id)).toEqual(['enqueued', 'claimed', 'recovered']);
  });

  it('paused → nothing claimed; a timed pause ends by itself', async () => {
    const db = freshDb();
    await seed(db, ['1']);
    await setPause(db, { reason: 'user', message: 'm', since: T0 });
    expect(await claimNext(db, ctx(T0 + 1))).toMatchObject({ kind: 'paused', pause: { reason: 'user' }, wakeAt: null });
    await clearPause(db);
    await setPause(db, { reason: 'daily_limit', message: 'm', since: T0, until: T0 + 1000 });
    expect(await claimNext(db, ctx(T0 + 999))).toMatchObject({ kind: 'paused', wakeAt: T0 + 1000 });
    expect((await claimNext(db, ctx(T0 + 1000))).kind).toBe('claimed');
    expect(await readPause(db)).toBeNull();
  });

  it('quiet hours (spanning midnight) hold the queue until they end', async () => {
    const db = freshDb();
    await seed(db, ['1']);
    const quiet = { quietHours: { from: 23 * 60, to: 8 * 60 } };
    const at2330 = Date.UTC(2026, 10, 2, 23, 30, 15);
    expect(await claimNext(db, ctx(at2330, quiet))).toEqual({ kind: 'quiet', wakeAt: Date.UTC(2026, 10, 3, 8, 0, 0) });
    const at0300 = Date.UTC(2026, 10, 3, 3, 0, 0);
    expect(await claimNext(db, ctx(at0300, quiet))).toEqual({ kind: 'quiet', wakeAt: Date.UTC(2026, 10, 3, 8, 0, 0) });
    expect((await claimNext(db, ctx(Date.UTC(2026, 10, 3, 8, 0, 0), quiet))).kind).toBe('claimed');
  });

  it('never applies to a blacklisted employer (checked again at claim time) or the current employer', async () => {
    const db = freshDb();
    await enqueue(db, { vacancy: vacancy('1', 'ООО «Рога и копыта»', '77'), resumeHash: HASH }, T0);
    await enqueue(db, { vacancy: vacancy('2', 'Current Inc'), resumeHash: HASH }, T0 + 1);
    await enqueue(db, { vacancy: vacancy('3', 'Fine'), resumeHash: HASH }, T0 + 2);
    const job = claimed(
      await claimNext(db, ctx(T0 + 10, { blacklist: [{ name: 'Рога и Копыта' }], currentEmployer: 'current inc' })),
    );
    expect(job.vacancyId).toBe('3');
    const skipped = await db.jobs.where('state').equals('skipped').toArray();
    expect(skipped.map((j) => [j.vacancyId, j.reason])).toEqual([
      ['1', 'blacklisted'],
      ['2', 'blacklisted'],
    ]);
    expect((await jobEvents(db, skipped[0]!.id)).at(-1)).toMatchObject({
      type: 'skipped',
      detail: 'employer blacklisted: Рога и Копыта',
    });
    expect((await jobEvents(db, skipped[1]!.id)).at(-1)).toMatchObject({ detail: 'current employer: current inc' });
  });

  it('the daily cap counts a rolling 24 h: sends older than 24 h free their slot', async () => {
    const db = freshDb();
    await seed(db, ['1']);
    await db.sends.bulkAdd([
      { at: T0 - WINDOW_MS - 1, jobId: 90, vacancyId: '90', confirmed: true },
      { at: T0 - 3600_000, jobId: 91, vacancyId: '91', confirmed: true },
      { at: T0 - 60_000, jobId: 92, vacancyId: '92', confirmed: true },
    ]);
    expect(await claimNext(db, ctx(T0, { dailyCap: 2 }))).toEqual({
      kind: 'capped',
      used: 2,
      cap: 2,
      wakeAt: T0 - 3600_000 + WINDOW_MS + 1,
    });
    expect((await claimNext(db, ctx(T0 - 3600_000 + WINDOW_MS + 1, { dailyCap: 2 }))).kind).toBe('claimed');
  });

  it('possibly-sent jobs (lost answers) count against the cap, except the job being retried', async () => {
    const db = freshDb();
    const ids = await seed(db, ['1', '2']);
    await db.jobs.update(ids[0]!, { maybeSentAt: T0 - 1000, unconfirmed: true, nextAttemptAt: T0 + 10 });
    expect(await usedInWindow(db, T0)).toEqual({ used: 1, oldest: T0 - 1000 });
    // job 2 would be an extra application: capped; job 1 itself may go (its retry confirms its own slot),
    // and goes first although job 2 has been due longer
    expect((await claimNext(db, ctx(T0 + 5, { dailyCap: 1 }))).kind).toBe('capped');
    expect(claimed(await claimNext(db, ctx(T0 + 10, { dailyCap: 1 }))).id).toBe(ids[0]);
  });
});

// ── commit: every hh answer ──────────────────────────────────────────────────────────────────────────────
describe('commitOutcome: every hh answer', () => {
  async function run(outcome: ApplyOutcome, prep?: (db: OtklikDb, job: Job) => Promise<void>) {
    const db = freshDb();
    await seed(db, ['1']);
    let job = claimed(await claimNext(db, ctx(T0)));
    if (prep) {
      await prep(db, job);
      job = (await db.jobs.get(job.id))!;
    }
    const r = await commitOutcome(db, job.id, outcome, ctx(T0 + 2000));
    if (r.kind !== 'committed') throw new Error('stale');
    return {
      db,
      job: r.job,
      r,
      events: await jobEvents(db, job.id),
      sends: await db.sends.toArray(),
      pause: await readPause(db),
    };
  }

  it('applied → applied, hh ids kept, a confirmed send recorded, nothing uncertain left', async () => {
    const { job, sends, events, pause } = await run(APPLIED);
    expect(job).toMatchObject({
      state: 'applied',
      outcome: {
        kind: 'applied',
        topicId: '5179231635',
        chatId: '5212556056',
        responseLabel: 'nonreq-letter-no-test-without-letter',
        at: T0 + 2000,
      },
      leaseOwner: null,
      leaseUntil: 0,
    });
    expect('maybeSentAt' in job).toBe(false);
    expect(sends).toEqual([{ id: 1, at: T0 + 2000, jobId: job.id, vacancyId: '1', confirmed: true }]);
    expect(events.at(-1)).toMatchObject({ type: 'applied', state: 'applied' });
    expect(pause).toBeNull();
  });

  it('already applied on a first attempt → applied (by hand before), not counted as ours', async () => {
    const { job, sends } = await run({ kind: 'already_applied', status: 400, topicId: '9' });
    expect(job).toMatchObject({
      state: 'applied',
      reason: 'already_applied',
      outcome: { kind: 'already_applied', topicId: '9' },
    });
    expect(sends).toEqual([]);
  });

  it('already applied after a lost answer → applied, counted as our (inferred) send', async () => {
    const { job, sends, events } = await run({ kind: 'already_applied', status: 400 }, (db, j) =>
      db.jobs.update(j.id, { unconfirmed: true }).then(() => undefined),
    );
    expect(job.state).toBe('applied');
    expect(sends).toEqual([expect.objectContaining({ at: T0, confirmed: false })]);
    expect(events.at(-1)!.detail).toMatch(/earlier attempt had landed/);
  });

  it.each([
    [
      {
        kind: 'test_required',
        status: 400,
        link: 'https://hh.ru/applicant/vacancy_response?vacancyId=1&startedWithQuestion=false',
      } as ApplyOutcome,
      'needs_user',
      'test_required',
      'https://hh.ru/applicant/vacancy_response?vacancyId=1&startedWithQuestion=false',
    ],
    [
      { kind: 'letter_required', status: 400 } as ApplyOutcome,
      'needs_user',
      'letter_required',
      'https://hh.ru/vacancy/1',
    ],
    [
      { kind: 'external', status: 400, url: 'https://jobs.example.com/1' } as ApplyOutcome,
      'needs_user',
      'external',
      'https://jobs.example.com/1',
    ],
    [
      { kind: 'vacancy_gone', status: 400, detail: 'unknown not_found' } as ApplyOutcome,
      'skipped',
      'vacancy_gone',
      null,
    ],
    [
      { kind: 'rejected', status: 400, code: 'resume_not_found', detail: 'x' } as ApplyOutcome,
      'failed',
      'resume_not_found',
      null,
    ],
  ])('%o → %s (%s)', async (outcome, state, reason, link) => {
    const { job, sends, events, pause } = await run(outcome);
    expect(job).toMatchObject({ state, reason, link, leaseUntil: 0 });
    expect('maybeSentAt' in job).toBe(false);
    expect(sends).toEqual([]);
    expect(pause).toBeNull();
    expect(events.at(-1)!.state).toBe(state);
  });

  it('daily limit → the job waits (pending, not failed), the queue pauses until the window frees', async () => {
    const { job, pause, events } = await run({ kind: 'daily_limit', status: 400 }, async (db) => {
      await db.sends.add({ at: T0 - 20 * 3600_000, jobId: 50, vacancyId: '50', confirmed: true });
    });
    expect(job).toMatchObject({ state: 'pending', attempts: 1, transientFailures: 0, nextAttemptAt: T0 });
    expect('maybeSentAt' in job).toBe(false);
    expect(pause).toEqual({
      reason: 'daily_limit',
      message: expect.any(String),
      since: T0 + 2000,
      until: T0 - 20 * 3600_000 + WINDOW_MS + 1,
    });
    expect(events.at(-1)).toMatchObject({ type: 'deferred', state: 'pending' });
  });

  it('daily limit with no sends of ours in the window: paused for at least 30 min', async () => {
    const { pause } = await run({ kind: 'daily_limit', status: 400 });
    expect(pause?.until).toBe(T0 + 2000 + 30 * 60_000);
  });

  it.each([
    ['captcha', 'captcha'],
    ['login', 'logged_out'],
  ] as const)('%s → job back to pending, queue paused (%s) until the user resumes', async (which, reason) => {
    const { job, pause } = await run({ kind: 'captcha_or_login', status: 200, which, detail: 'x' });
    expect(job.state).toBe('pending');
    expect(pause).toMatchObject({ reason });
    expect(pause?.until).toBeUndefined();
  });

  it.each([
    ['captcha', { kind: 'captcha_or_login', status: 200, which: 'captcha', detail: 'x' } as ApplyOutcome],
    ['daily limit', { kind: 'daily_limit', status: 400 } as ApplyOutcome],
  ])('%s after a lost answer: nothing sent now, the earlier attempt stays possibly sent', async (_, outcome) => {
    const { db, job } = await run(outcome, (db, j) =>
      db.jobs.update(j.id, { unconfirmed: true }).then(() => undefined),
    );
    // hh refused THIS request before applying; it says nothing about the earlier one whose answer was lost
    expect(job).toMatchObject({
      state: 'pending',
      unconfirmed: true,
      maybeSentAt: T0,
      leaseOwner: null,
      leaseUntil: 0,
    });
    expect((await usedInWindow(db, T0 + 3000)).used).toBe(1);
    // Resumed: it goes before a job due earlier, and a full cap does not hold it; the fresh one waits for a slot.
    await clearPause(db);
    const [fresh] = await seed(db, ['2'], T0 - 5000);
    const at = T0 + 200_000;
    const again = claimed(await claimNext(db, ctx(at, { dailyCap: 1 })));
    expect(again.id).toBe(job.id);
    await commitOutcome(db, again.id, { kind: 'already_applied', status: 400 }, ctx(at + 1, { dailyCap: 1 }));
    expect(await db.jobs.get(job.id)).toMatchObject({ state: 'applied' });
    expect(await claimNext(db, ctx(at + 200_000, { dailyCap: 1 }))).toMatchObject({ kind: 'capped', used: 1 });
    expect((await db.jobs.get(fresh!))!.attempts).toBe(0);
  });

  it("xsrf (after the client's refresh) → job failed, queue paused", async () => {
    const { job, pause } = await run({ kind: 'xsrf', status: 403 });
    expect(job).toMatchObject({ state: 'failed', reason: 'xsrf' });
    expect(pause).toMatchObject({ reason: 'xsrf' });
  });

  it.each([
    [{ kind: 'server_error', status: 502, detail: 'HTTP 502' } as ApplyOutcome],
    [{ kind: 'network', status: 0, detail: 'timed out' } as ApplyOutcome],
  ])(
    '%o → retry later with backoff; the application may exist, so it stays counted and unconfirmed',
    async (outcome) => {
      const { job, events, sends } = await run(outcome);
      expect(job).toMatchObject({
        state: 'pending',
        transientFailures: 1,
        unconfirmed: true,
        maybeSentAt: T0,
        nextAttemptAt: T0 + 2000 + 22_500,
      }); // d=30 s, jitter 0.5 → 22.5 s
      expect(events.at(-1)).toMatchObject({ type: 'retry_scheduled' });
      expect(sends).toEqual([]);
    },
  );

  it('a server Retry-After longer than the backoff wins', async () => {
    const { job } = await run({ kind: 'server_error', status: 429, retryAfterMs: 600_000, detail: '429' });
    expect(job.nextAttemptAt).toBe(T0 + 2000 + 600_000);
  });

  it('transient failures are bounded: the last allowed one fails the job', async () => {
    const { job, events } = await run({ kind: 'network', status: 0, detail: 'reset' }, (db, j) =>
      db.jobs
        .update(j.id, { transientFailures: DEFAULT_QUEUE_CONFIG.retry.maxTransientFailures - 1 })
        .then(() => undefined),
    );
    expect(job).toMatchObject({ state: 'failed', reason: 'network', outcome: { kind: 'exhausted' } });
    expect(job.maybeSentAt).toBe(T0); // still counts for the cap: it may have landed
    expect(events.at(-1)!.detail).toMatch(/gave up after 6/);
  });

  it('a captcha pause is not downgraded by a later daily-limit answer; a user pause is replaced by captcha', async () => {
    const db = freshDb();
    await setPause(db, { reason: 'captcha', message: 'c', since: 1 });
    expect(await setPause(db, { reason: 'daily_limit', message: 'd', since: 2, until: 5 })).toMatchObject({
      reason: 'captcha',
    });
    await clearPause(db);
    await setPause(db, { reason: 'user', message: 'u', since: 1 });
    expect(await setPause(db, { reason: 'captcha', message: 'c', since: 3 })).toMatchObject({ reason: 'captcha' });
  });

  it('a stale commit (lease lost to a recovery) changes nothing, unless hh says the application exists', async () => {
    const db = freshDb();
    await seed(db, ['1', '2']);
    const a = claimed(await claimNext(db, ctx(T0, {}, 'slow')));
    const b = claimed(await claimNext(db, ctx(a.leaseUntil + 1, {}, 'fast')));
    expect(b.id).toBe(a.id);
    expect(
      await commitOutcome(db, a.id, { kind: 'network', status: 0, detail: 'late' }, ctx(a.leaseUntil + 2, {}, 'slow')),
    ).toMatchObject({ kind: 'stale' });
    expect((await db.jobs.get(a.id))!).toMatchObject({ state: 'processing', leaseOwner: 'fast' });
    const r = await commitOutcome(db, a.id, APPLIED, ctx(a.leaseUntil + 3, {}, 'slow'));
    expect(r.kind).toBe('committed');
    expect((await db.jobs.get(a.id))!.state).toBe('applied');
    // the recovering worker's answer ("already applied") then arrives: stale, job stays applied, no second send
    expect(
      await commitOutcome(db, a.id, { kind: 'already_applied', status: 400 }, ctx(a.leaseUntil + 4, {}, 'fast')),
    ).toMatchObject({ kind: 'stale' });
    expect(await db.sends.count()).toBe(1);
    expect(await types(db, a.id)).toEqual([
      'enqueued',
      'claimed',
      'recovered',
      'stale_commit',
      'stale_commit',
      'applied',
      'stale_commit',
    ]);
  });
});

// ── guards ───────────────────────────────────────────────────────────────────────────────────────────────
describe('guards', () => {
  it('backoff grows exponentially with jitter in [d/2, d] and is capped', () => {
    const cfg = { retry: { baseMs: 1000, maxMs: 10_000, maxTransientFailures: 9 } };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, cfg, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect([1, 2, 3].map((n) => backoffDelay(n, cfg, () => 0))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(1, cfg, () => 0, 60_000)).toBe(60_000);
  });

  it('employer matching: by id, by normalised name (legal form, quotes, case, ё), current employer', () => {
    expect(normEmployer('ООО «Ёлка-Палка»')).toBe('елка-палка');
    const v = vacancy('1', 'ООО "Ёлка-Палка"', '123');
    expect(employerBlockReason(v, [{ name: 'елка-палка' }], '')).toMatch(/blacklisted/);
    expect(employerBlockReason(v, [{ id: '123', name: 'renamed' }], '')).toMatch(/blacklisted: renamed/);
    expect(employerBlockReason(v, [{ name: 'Ёлка' }], '')).toBeNull();
    expect(employerBlockReason(v, [], 'Ёлка-палка')).toMatch(/current employer/);
    expect(employerBlockReason({ ...v, employer: null }, [{ name: 'x' }], 'x')).toBeNull();
  });

  it('quiet hours within one day and across midnight', () => {
    const at = (h: number, m = 0) => Date.UTC(2026, 0, 1, h, m);
    const day = { quietHours: { from: 13 * 60, to: 14 * 60 }, minutesOfDay: utcMinutes };
    expect(quietUntil(at(12, 59), day)).toBeNull();
    expect(quietUntil(at(13, 30), day)).toBe(at(14));
    expect(quietUntil(at(14), day)).toBeNull();
    const night = { quietHours: { from: 23 * 60, to: 8 * 60 }, minutesOfDay: utcMinutes };
    expect(quietUntil(at(22, 59), night)).toBeNull();
    expect(quietUntil(at(23), night)).toBe(Date.UTC(2026, 0, 2, 8));
    expect(quietUntil(at(7, 59), night)).toBe(at(8));
    expect(quietUntil(at(8), night)).toBeNull();
    expect(quietUntil(at(3), { quietHours: null, minutesOfDay: utcMinutes })).toBeNull();
  });
});

// ── drain ────────────────────────────────────────────────────────────────────────────────────────────────
function scriptedClient(outcomes: ApplyOutcome[]): ApplyClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async apply(req) {
      calls.push(`${req.vacancyId}:${req.resumeHash.slice(0, 2)}:${req.origin}`);
      const o = outcomes.shift();
      if (!o) throw new Error('no scripted answer');
      return o;
    },
  };
}

describe('drainOnce / drainUntilWait', () => {
  it('claim → apply (outside the transaction) → commit, with notifications for pauses and needs-user', async () => {
    const db = freshDb();
    await seed(db, ['1', '2', '3']);
    let t = T0;
    const client = scriptedClient([
      APPLIED,
      { kind: 'test_required', status: 400, link: 'L' },
      { kind: 'captcha_or_login', status: 200, which: 'captcha', detail: 'x' },
    ]);
    const notifier: Notifier = { paused: vi.fn(), needsUser: vi.fn() };
    const onClaimed = vi.fn();
    const deps = { db, client, now: () => (t += 10), random: half, owner: 'w', notifier, onClaimed };
    const cfg = config({ pacingMs: { min: 0, max: 0 } });
    const sum = await drainUntilWait(deps, cfg, { maxJobs: 10, maxMs: 60_000 });
    expect(sum.steps.map((s) => (s.kind === 'worked' ? s.outcome.kind : s.kind))).toEqual([
      'applied',
      'test_required',
      'captcha_or_login',
      'paused',
    ]);
    expect(client.calls).toEqual([`1:ff:https://hh.ru`, `2:ff:https://hh.ru`, `3:ff:https://hh.ru`]);
    expect(onClaimed).toHaveBeenCalledTimes(3);
    expect(notifier.needsUser).toHaveBeenCalledWith(
      expect.objectContaining({ vacancyId: '2', state: 'needs_user', link: 'L' }),
    );
    expect(notifier.paused).toHaveBeenCalledWith(expect.objectContaining({ reason: 'captcha' }));
    expect((await db.jobs.toArray()).map((j) => j.state)).toEqual(['applied', 'needs_user', 'pending']);
  });

  it('an apply client that throws is a network outcome, not a crash of the drain', async () => {
    const db = freshDb();
    await seed(db, ['1']);
    const r = await drainOnce({ db, client: scriptedClient([]), now: () => T0, random: half, owner: 'w' }, config());
    expect(r).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'network' },
      job: { state: 'pending', transientFailures: 1 },
    });
  });

  it('the regional host of a vacancy picks the family domain to post to', async () => {
    const db = freshDb();
    await enqueue(db, { vacancy: { ...vacancy('5'), url: 'https://almaty.hh.kz/vacancy/5' }, resumeHash: HASH }, T0);
    const client = scriptedClient([APPLIED]);
    await drainOnce({ db, client, now: () => T0, random: half, owner: 'w' }, config());
    expect(client.calls).toEqual(['5:ff:https://hh.kz']);
  });
});

// ── a lost answer on the last slot under the cap ─────────────────────────────────────────────────────────
/**
 * The interleaving the chaos e2e test met (test/e2e/queue-chaos.e2e.ts): the job that takes the last slot under the
 * cap reaches hh, the worker is killed before it reads the answer, the recovering worker's re-POST hits a 5xx. hh
 * now holds the application while the job is pending (a retry in backoff), and the cap counts it, so "the cap is
 * reached and nothing is in flight" is not yet a settled queue: that job is retried ahead of the cap and ends
 * applied (hh's "already applied", counted as ours), and only then does the rest wait for the window.
 */
describe('a lost answer on the last slot under the cap', () => {
  it('stays possibly sent (counted, not held by the cap) until hh says "already applied"', async () => {
    const db = freshDb();
    const ids = await seed(db, ['1', '2', '3']);
    let t = T0 + 1000;
    const hh = new Map<string, number>(); // vacancy → when hh recorded the application
    const answers: Array<'5xx' | 'ok'> = [];
    const client: ApplyClient & { posts: string[] } = {
      posts: [],
      async apply(req) {
        client.posts.push(req.vacancyId);
        if (answers.shift() === '5xx') return { kind: 'server_error', status: 502, detail: 'HTTP 502' };
        if (hh.has(req.vacancyId)) return { kind: 'already_applied', status: 400 };
        hh.set(req.vacancyId, t);
        return { ...APPLIED, topicId: `t${req.vacancyId}` };
      },
    };
    const cfg = config({
      dailyCap: 2,
      pacingMs: { min: 0, max: 0 },
      retry: { baseMs: 4000, maxMs: 8000, maxTransientFailures: 8 },
    });
    const deps = (owner: string) => ({ db, client, now: () => t, random: half, owner });

    expect(await drainOnce(deps('w1'), cfg)).toMatchObject({ kind: 'worked', outcome: { kind: 'applied' } });
    // The last slot: job 2's POST lands on hh, then the worker dies before its commit.
    t += 10;
    const c = claimed(await claimNext(db, { now: t, owner: 'w1', random: half, config: cfg }));
    expect(c.id).toBe(ids[1]);
    await client.apply({ vacancyId: c.vacancyId, resumeHash: c.resumeHash, letter: '' });
    // The next worker recovers it after the lease; its re-POST's answer is a 5xx.
    t = c.leaseUntil + 1;
    answers.push('5xx');
    expect(await drainOnce(deps('w2'), cfg)).toMatchObject({
      kind: 'worked',
      recovered: true,
      outcome: { kind: 'server_error' },
      job: { id: ids[1], state: 'pending', unconfirmed: true, maybeSentAt: t },
    });

    // hh holds vacancy 2; the queue has it pending, counted against the full cap, with nothing in flight.
    expect([...hh.keys()]).toEqual(['1', '2']);
    expect(await queueStatus(db, t, cfg)).toMatchObject({
      counts: { applied: 1, pending: 2, processing: 0 },
      cap: { used: 2, cap: 2 },
      interrupted: 0,
      possiblySent: 1,
    });
    // A fresh job gets no slot, but the drain wakes for the possibly-sent one's retry, not when the window frees;
    // that retry goes out at the full cap and is confirmed.
    const retryAt = (await db.jobs.get(ids[1]!))!.nextAttemptAt;
    expect(retryAt).toBe(t + 3000);
    expect(await drainOnce(deps('w2'), cfg)).toEqual({ kind: 'capped', used: 2, cap: 2, wakeAt: retryAt });
    t = retryAt;
    expect(await drainOnce(deps('w2'), cfg)).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'already_applied' },
      job: { id: ids[1], state: 'applied' },
    });
    expect(await drainOnce(deps('w2'), cfg)).toEqual({
      kind: 'capped',
      used: 2,
      cap: 2,
      wakeAt: T0 + 1000 + WINDOW_MS + 1,
    });
    expect(await queueStatus(db, t, cfg)).toMatchObject({
      counts: { applied: 2, pending: 1 },
      cap: { used: 2 },
      possiblySent: 0,
    });
    // Settled: every application hh holds is an applied job, each counted once; vacancy 3 was never posted.
    const applied = (await db.jobs.toArray()).filter((j) => j.state === 'applied').map((j) => j.vacancyId);
    expect(applied.sort()).toEqual([...hh.keys()].sort());
    expect((await db.sends.toArray()).map((x) => [x.vacancyId, x.confirmed])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    expect(client.posts).toEqual(['1', '2', '2', '2']);
    for (const id of ids) expect(checkHistory((await db.jobs.get(id))!, await jobEvents(db, id))).toEqual([]);
  });
});

// ── the crash-safety property ────────────────────────────────────────────────────────────────────────────
/**
 * A model of hh: one application per vacancy ("already applied" after), random 5xx before processing,
 * random lost answers after processing. The drain is run step by step with the worker "killed" at random
 * between the POST and the commit. Whatever happens: at most one application per vacancy, never more
 * than the cap in any 24 h, and every job's log explains it.
 */
describe('crash safety (model of hh + random crashes)', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: no double application, cap never exceeded, every history consistent',
    async (s) => {
      const rnd = mulberry32(s);
      const db = freshDb();
      const N = 40;
      const cap = 12;
      const ids = Array.from({ length: N }, (_, i) => String(1000 + i));
      await seed(db, ids);
      const server = new Map<string, number>(); // vacancyId → time applied
      let t = T0 + 1000;
      const client: ApplyClient = {
        async apply(req) {
          const r = rnd();
          if (r < 0.15) return { kind: 'server_error', status: 502, detail: 'HTTP 502' };
          if (server.has(req.vacancyId)) return { kind: 'already_applied', status: 400 };
          server.set(req.vacancyId, t);
          if (r < 0.3) return { kind: 'network', status: 0, detail: 'connection reset after the server processed it' };
          return { kind: 'applied', status: 200, topicId: String(server.size) };
        },
      };
      const cfg = config({
        dailyCap: cap,
        pacingMs: { min: 0, max: 0 },
        leaseMs: 60_000,
        retry: { baseMs: 20 * 60_000, maxMs: 3 * 3600_000, maxTransientFailures: 8 },
      });
      let owner = 0;
      for (let step = 0; step < 5000; step++) {
        t += 2 * 60_000 + Math.floor(rnd() * 60_000);
        const c = await claimNext(db, { now: t, owner: `w${owner}`, random: rnd, config: cfg });
        if (c.kind === 'idle' && c.wakeAt === null) break;
        if (c.kind !== 'claimed') continue;
        const outcome = await client.apply({ vacancyId: c.job.vacancyId, resumeHash: c.job.resumeHash, letter: '' });
        if (rnd() < 0.2) {
          owner++; // the worker dies before committing; a new one starts with a new owner id
          continue;
        }
        await commitOutcome(db, c.job.id, outcome, { now: t + 500, owner: `w${owner}`, random: rnd, config: cfg });
      }
      const jobs = await db.jobs.toArray();
      // everything ended up applied (hh accepted all of them eventually)
      expect(jobs.map((j) => j.state).filter((x) => x !== 'applied')).toEqual([]);
      expect(server.size).toBe(N);
      // our cap held on the server's own timeline
      const times = [...server.values()].sort((a, b) => a - b);
      for (const [i, at] of times.entries()) {
        const inWindow = times.filter((x) => x > at - WINDOW_MS && x <= at).length;
        expect(inWindow, `applications in the 24 h before #${i}`).toBeLessThanOrEqual(cap);
      }
      // and the log explains every job
      for (const job of jobs)
        expect(
          checkHistory(job, await jobEvents(db, job.id)),
          `job ${job.id}: ${storyOf(await jobEvents(db, job.id))}`,
        ).toEqual([]);
    },
  );
});

describe('history check', () => {
  it('accepts a consistent log and names what is wrong in a broken one', async () => {
    const db = freshDb();
    await seed(db, ['1']);
    const job = claimed(await claimNext(db, ctx(T0)));
    await commitOutcome(db, job.id, { kind: 'network', status: 0, detail: 'x' }, ctx(T0 + 1));
    const j2 = claimed(await claimNext(db, ctx(T0 + 200_000)));
    await commitOutcome(db, j2.id, APPLIED, ctx(T0 + 200_001));
    const final = (await db.jobs.get(job.id))!;
    const events = await jobEvents(db, job.id);
    expect(storyOf(events)).toBe('queued → sent → retry → sent → applied');
    expect(checkHistory(final, events)).toEqual([]);
    expect(checkHistory(final, events.slice(1))).toContain('first event is claimed, not enqueued');
    expect(checkHistory({ ...final, attempts: 3 }, events)).toContain('2 attempts in the log, 3 on the job');
    expect(checkHistory({ ...final, state: 'failed' }, events)).toContain(
      'last event leaves the job applied, but it is failed',
    );
    const doubled = [...events.slice(0, 2), events[1]!, ...events.slice(2)];
    expect(checkHistory(final, doubled).join()).toMatch(/claimed while a previous attempt was still in flight/);
  });
});

describe('queueStatus', () => {
  it('counts, pause, cap use and interrupted jobs', async () => {
    const db = freshDb();
    await seed(db, ['1', '2', '3']);
    const job = claimed(await claimNext(db, ctx(T0)));
    await commitOutcome(db, job.id, APPLIED, ctx(T0 + 1));
    const j2 = claimed(await claimNext(db, ctx(T0 + 100_000)));
    await setPause(db, { reason: 'user', message: 'Paused by you.', since: T0 });
    const s = await queueStatus(db, j2.leaseUntil + 1, config({ dailyCap: 2 }));
    expect(s).toMatchObject({
      counts: { applied: 1, processing: 1, pending: 1 },
      pause: { reason: 'user' },
      cap: { used: 2, cap: 2, freesAt: T0 + 1 + WINDOW_MS },
      interrupted: 1,
      possiblySent: 0,
    });
  });
});
