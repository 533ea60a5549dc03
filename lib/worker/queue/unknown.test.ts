import { describe, expect, it, vi } from 'vitest';
import type { OtklikDb } from '../db/db';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import { retryJob } from './user-actions';
import type { VacancySnapshot } from '../../core/db/schema';
import type { ApplyClient } from '../../core/hh/apply-client';
import { classifyApplyAnswer, type ApplyOutcome } from '../../core/hh/apply-outcome';
import type { NegotiationsFetch, NegotiationTopic } from '../../core/hh/negotiations';
import { applySnapshot } from '../negotiations/sync';
import { claimNext, usedInWindow } from './claim';
import { OUTCOME_UNKNOWN, commitOutcome } from './commit';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainOnce, drainUntilWait, type Notifier } from './drain';
import { checkHistory } from './history';
import { clearPause, readPause } from './pause';
import { queueStatus } from './status';
import { readResponses, settleUnknown, type ResponsesCheck } from './unknown';
import { useFreshDbs } from '../../../test/fresh-db';
import { testTopic } from '../../../test/topic-fixture';

const freshDb = useFreshDbs('otklik-unknown-test');
const HASH = 'f'.repeat(38);
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const vacancy = (id: string): VacancySnapshot => ({
  id,
  title: `Job ${id}`,
  employer: { id: `e${id}`, name: `Employer ${id}` },
  url: `https://hh.ru/vacancy/${id}`,
});
const config = (over: Partial<QueueConfig> = {}): QueueConfig => ({
  ...DEFAULT_QUEUE_CONFIG,
  pacingMs: { min: 0, max: 0 },
  minutesOfDay: () => 12 * 60,
  ...over,
});
const ctx = (now: number, over: Partial<QueueConfig> = {}) => ({
  now,
  owner: 'w1',
  random: () => 0.5,
  config: config(over),
});
const UNKNOWN = (body: string, contentType = 'application/json'): ApplyOutcome =>
  classifyApplyAnswer(
    { status: 200, url: 'https://hh.ru/applicant/vacancy_response/popup', contentType, body },
    { vacancyId: '1', origin: 'https://hh.ru' },
  );

async function seed(db: OtklikDb, ids: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const id of ids) out.push((await enqueue(db, { vacancy: vacancy(id), resumeHash: HASH }, T0)).jobId);
  return out;
}

function scriptedClient(outcomes: ApplyOutcome[]): ApplyClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async apply(req) {
      calls.push(req.vacancyId);
      const o = outcomes.shift();
      if (!o) throw new Error('no scripted answer');
      return o;
    },
  };
}

const topic = (topicId: string, vacancyId: string | null): NegotiationTopic => testTopic(topicId, { vacancyId });

describe('an answer hh never sends = outcome unknown', () => {
  const bodies: Array<[string, string, string?]> = [
    ['{}', '{}'],
    ['{"success":1}', '{"success":1}'],
    ['empty body', ''],
    ['HTML page', '<html><body>Готово</body></html>', 'text/html'],
  ];
  it.each(bodies)(
    '%s: stays "maybe sent", counts against the cap, pauses with a clear message, is not re-sent',
    async (_n, body, type) => {
      const db = freshDb();
      const [id] = await seed(db, ['1', '2']);
      const job = await claimNext(db, ctx(T0));
      expect(job.kind).toBe('claimed');
      const outcome = UNKNOWN(body, type);
      expect(outcome.kind).toBe('unknown');
      const r = await commitOutcome(db, id!, outcome, ctx(T0 + 500));
      expect(r).toMatchObject({ kind: 'committed', needsUser: false, pause: { reason: 'unknown_answer' } });
      const after = (await db.jobs.get(id!))!;
      expect(after).toMatchObject({ state: 'needs_user', reason: OUTCOME_UNKNOWN, unconfirmed: true, maybeSentAt: T0 });
      expect(await readPause(db)).toMatchObject({
        reason: 'unknown_answer',
        message: expect.stringMatching(/may have been sent.*not sent again.*resume/s),
      });
      // Counted against the cap: a cap of 1 is full.
      expect((await usedInWindow(db, T0 + 1000)).used).toBe(1);
      expect((await queueStatus(db, T0 + 1000, config({ dailyCap: 1 }))).cap).toMatchObject({ used: 1 });
      // Even once the user resumes, the queue never claims it again by itself (job 2 goes, not job 1).
      await clearPause(db);
      const next = await claimNext(db, ctx(T0 + 2000, { dailyCap: 5 }));
      expect(next).toMatchObject({ kind: 'claimed', job: { vacancyId: '2' } });
      expect(checkHistory(after, await jobEvents(db, id!))).toEqual([]);
    },
  );

  it('a cap of 1 with an unknown outcome sends nothing else within 24 h', async () => {
    const db = freshDb();
    const [id] = await seed(db, ['1', '2']);
    await claimNext(db, ctx(T0, { dailyCap: 1 }));
    await commitOutcome(db, id!, UNKNOWN('{}'), ctx(T0 + 500, { dailyCap: 1 }));
    await clearPause(db);
    expect(await claimNext(db, ctx(T0 + 60_000, { dailyCap: 1 }))).toMatchObject({ kind: 'capped', used: 1, cap: 1 });
  });

  it('the drain settles it by reading hh (listed → applied, counted once), never by POSTing again', async () => {
    const db = freshDb();
    await seed(db, ['1', '2']);
    const client = scriptedClient([UNKNOWN('{"success":1}')]);
    const notifier: Notifier = { paused: vi.fn(), needsUser: vi.fn() };
    const check = vi.fn(async (): Promise<ResponsesCheck> => ({
      ok: true,
      responses: [{ topicId: '900', vacancyId: '1', chatId: '901' }],
    }));
    let t = T0;
    const sum = await drainUntilWait(
      { db, client, now: () => (t += 10), random: () => 0.5, owner: 'w', notifier, checkResponses: check },
      config(),
      { maxJobs: 10, maxMs: 60_000 },
    );
    expect(sum.steps.map((s) => (s.kind === 'worked' ? s.outcome.kind : s.kind))).toEqual(['unknown', 'paused']);
    expect(client.calls).toEqual(['1']);
    expect(check).toHaveBeenCalledTimes(1);
    expect(notifier.paused).toHaveBeenCalledWith(expect.objectContaining({ reason: 'unknown_answer' }));
    expect(notifier.needsUser).not.toHaveBeenCalled();
    const job = (await db.jobs.get(1))!;
    expect(job).toMatchObject({ state: 'applied', outcome: { kind: 'applied', topicId: '900', chatId: '901' } });
    expect(job.maybeSentAt).toBeUndefined();
    expect(await db.sends.toArray()).toEqual([
      expect.objectContaining({ jobId: 1, confirmed: true, at: job.outcome!.at }),
    ]);
    expect((await usedInWindow(db, t)).used).toBe(1);
    expect(checkHistory(job, await jobEvents(db, 1))).toEqual([]);
    // The pause stays until a person resumes (hh may have changed its answers).
    expect(await readPause(db)).toMatchObject({ reason: 'unknown_answer' });
  });

  it('not among the responses hh lists (with vacancy ids) → not sent: back to the queue, still unconfirmed', async () => {
    const db = freshDb();
    const [id] = await seed(db, ['1']);
    await claimNext(db, ctx(T0));
    await commitOutcome(db, id!, UNKNOWN(''), ctx(T0 + 500));
    const r = await settleUnknown(db, [{ topicId: '5', vacancyId: '999', chatId: null }], T0 + 1000);
    expect(r).toEqual({ applied: [], notSent: [id], open: [] });
    expect(await db.jobs.get(id!)).toMatchObject({ state: 'pending', reason: null, unconfirmed: true });
    // It goes out only after the user resumes; a later "already applied" then counts as ours.
    expect((await claimNext(db, ctx(T0 + 2000))).kind).toBe('paused');
    await clearPause(db);
    const again = await claimNext(db, ctx(T0 + 3000));
    expect(again).toMatchObject({ kind: 'claimed', job: { id, unconfirmed: true } });
    await commitOutcome(db, id!, { kind: 'already_applied', status: 400 }, ctx(T0 + 3500));
    expect(await db.sends.count()).toBe(1);
  });

  it('a page that names no vacancies (cards only) or cannot be read leaves it unknown', async () => {
    const db = freshDb();
    const [id] = await seed(db, ['1']);
    await claimNext(db, ctx(T0));
    await commitOutcome(db, id!, UNKNOWN('{}'), ctx(T0 + 500));
    expect(await settleUnknown(db, [{ topicId: '5', vacancyId: null, chatId: null }], T0 + 1000)).toEqual({
      applied: [],
      notSent: [],
      open: [id],
    });
    const client = scriptedClient([]);
    await clearPause(db);
    await drainOnce(
      {
        db,
        client,
        now: () => T0 + 2000,
        random: () => 0.5,
        owner: 'w',
        checkResponses: async () => ({ ok: false, detail: 'captcha' }),
      },
      config(),
    );
    await drainOnce(
      {
        db,
        client,
        now: () => T0 + 3000,
        random: () => 0.5,
        owner: 'w',
        checkResponses: async () => Promise.reject(new Error('offline')),
      },
      config(),
    );
    expect(client.calls).toEqual([]);
    expect(await db.jobs.get(id!)).toMatchObject({ state: 'needs_user', reason: OUTCOME_UNKNOWN, maybeSentAt: T0 });
  });

  it("the negotiations sync (the worker's own read) settles it too, with the send counted", async () => {
    const db = freshDb();
    const [id] = await seed(db, ['1']);
    await claimNext(db, ctx(T0));
    await commitOutcome(db, id!, UNKNOWN('{}'), ctx(T0 + 500));
    const r = await applySnapshot(db, { cards: [], topics: [topic('321', '1')] }, T0 + 5000);
    expect(r.completedJobs).toEqual([id]);
    const job = (await db.jobs.get(id!))!;
    expect(job).toMatchObject({ state: 'applied', outcome: { topicId: '321', at: T0 } });
    expect(job.maybeSentAt).toBeUndefined();
    expect(await db.sends.toArray()).toEqual([expect.objectContaining({ jobId: id, at: T0 })]);
    expect((await jobEvents(db, id!)).at(-1)).toMatchObject({
      type: 'already_applied',
      detail: expect.stringMatching(/had applied it/),
    });
  });

  it('the user may still retry it by hand (hh deduplicates; a later "already applied" counts as ours)', async () => {
    const db = freshDb();
    const [id] = await seed(db, ['1']);
    await claimNext(db, ctx(T0));
    await commitOutcome(db, id!, UNKNOWN('{}'), ctx(T0 + 500));
    expect(await retryJob(db, id!, T0 + 1000)).toEqual({ ok: true, state: 'pending' });
    expect(await db.jobs.get(id!)).toMatchObject({ unconfirmed: true, maybeSentAt: T0 });
  });

  it('readResponses: topics of up to two pages; a first page that fails is a failed check', async () => {
    const page = (topics: NegotiationTopic[], cards = topics.length): NegotiationsFetch => ({
      ok: true,
      page: {
        cards: Array.from(
          { length: cards },
          (_, i) =>
            ({ topicId: String(i), title: '', company: '', dateText: '', status: 'viewed', tag: null }) as never,
        ),
        topics,
        unrecognised: 0,
        staleState: false,
        loggedOut: false,
      },
    });
    const full = Array.from({ length: 20 }, (_, i) => topic(String(100 + i), String(i)));
    const pages = [page(full), page([topic('200', '55')])];
    const fetchPage = vi.fn(async (n: number) => pages[n]!);
    expect(await readResponses(fetchPage)).toMatchObject({
      ok: true,
      responses: expect.arrayContaining([{ topicId: '200', vacancyId: '55', chatId: null }]),
    });
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(await readResponses(async () => ({ ok: false, error: 'logged_out', detail: 'login' }))).toEqual({
      ok: false,
      detail: 'logged_out: login',
    });
    // A second page that fails keeps what the first one said.
    expect(
      await readResponses(async (n) => (n === 0 ? page(full) : { ok: false, error: 'network', detail: 'x' })),
    ).toMatchObject({ ok: true });
  });
});
