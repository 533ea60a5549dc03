import { describe, expect, it, vi } from 'vitest';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import type { ApplyClient, ApplyRequest, PageAnswer } from '../../core/hh/apply-client';
import type { ApplyOutcome } from '../../core/hh/apply-outcome';
import { qaItemSchema, type QaItem } from '../../core/negotiations/settings';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainOnce, drainUntilWait, type DrainDeps, type Notifier } from './drain';
import { checkHistory, storyOf } from './history';
import { readPause } from './pause';
import { useFreshDbs } from '../../../test/fresh-db';

/**
 * The queue answering an employer questionnaire from the Q&A bank (issue 8): test-required → GET of the
 * questionnaire page → the answered POST, all in one attempt under the job's lease; anything the bank does
 * not answer leaves the job to the user as before.
 */

const freshDb = useFreshDbs('otklik-questionnaire-test');

const HASH = 'f'.repeat(38);
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const item = (x: Partial<QaItem>): QaItem => qaItemSchema.parse(x);
const BANK = [item({ kind: 'salary', answer: 'от 200 000 ₽' }), item({ kind: 'notice', answer: 'через две недели' })];
const config = (over: Partial<QueueConfig> = {}): QueueConfig => ({
  ...DEFAULT_QUEUE_CONFIG,
  pacingMs: { min: 30_000, max: 30_000 },
  questionnaire: { auto: true, bank: BANK },
  minutesOfDay: (now) => new Date(now).getUTCHours() * 60 + new Date(now).getUTCMinutes(),
  ...over,
});

const LINK = (id: string) => `https://hh.ru/applicant/vacancy_response?vacancyId=${id}&startedWithQuestion=false`;
const TEST_REQUIRED = (id: string): ApplyOutcome => ({ kind: 'test_required', status: 400, link: LINK(id) });
const APPLIED: ApplyOutcome = {
  kind: 'applied',
  status: 200,
  topicId: '7',
  chatId: '8',
  responseLabel: 'nonreq-letter-req-test-without-letter',
};
const task = (id: number, q: string) =>
  `<div data-qa="task-body"><div data-qa="task-question">${q}</div><textarea name="task_${id}_text"></textarea></div>`;
const FORM_HTML = (extra = '') =>
  `<html><body><form><input type="hidden" name="uidPk" value="100"><input type="hidden" name="guid" value="G-1"><input type="hidden" name="startTime" value="1779647649"><input type="hidden" name="testRequired" value="true">${task(101, 'Ваши зарплатные ожидания?')}${task(102, 'Когда сможете выйти на работу?')}${extra}</form></body></html>`;
const page = (body: string, over: Partial<{ status: number; url: string; contentType: string }> = {}): PageAnswer => ({
  kind: 'answer',
  answer: { status: 200, url: LINK('1'), contentType: 'text/html; charset=utf-8', body, ...over },
});

type Step = ApplyOutcome | ((req: ApplyRequest) => ApplyOutcome | Promise<ApplyOutcome>);
function client(
  posts: Step[],
  pages: Array<PageAnswer | (() => Promise<PageAnswer>)>,
): ApplyClient & { posts: ApplyRequest[]; gets: string[] } {
  const sent: ApplyRequest[] = [];
  const gets: string[] = [];
  return {
    posts: sent,
    gets,
    async apply(req) {
      sent.push(req);
      const s = posts.shift();
      if (!s) throw new Error('no scripted answer');
      return typeof s === 'function' ? s(req) : s;
    },
    async getPage(url) {
      gets.push(url);
      const p = pages.shift();
      if (!p) throw new Error('no scripted page');
      return typeof p === 'function' ? p() : p;
    },
  };
}

async function setup(ids = ['1'], letter = 'Здравствуйте!') {
  const db = freshDb();
  for (const [i, id] of ids.entries()) {
    const { jobId } = await enqueue(
      db,
      {
        vacancy: {
          id,
          title: `Job ${id}`,
          employer: { id: `e${id}`, name: `E${id}` },
          url: `https://hh.ru/vacancy/${id}`,
        },
        resumeHash: HASH,
        source: 'listing',
      },
      T0 + i,
    );
    await db.jobs.update(jobId, { letter });
  }
  let t = T0 + 1_000;
  const notifier: Notifier = { paused: vi.fn(), needsUser: vi.fn() };
  const onClaimed = vi.fn();
  const deps = (c: ApplyClient): DrainDeps => ({
    db,
    client: c,
    now: () => (t += 10),
    random: () => 0.5,
    owner: 'w',
    notifier,
    onClaimed,
  });
  return { db, deps, notifier, onClaimed, clock: () => t };
}

describe('questionnaire answered from the bank', () => {
  it('every question answered → the second POST carries hidden fields + answers + the letter; applied once, answers in the events, paced', async () => {
    const { db, deps, onClaimed, clock } = await setup();
    const c = client([TEST_REQUIRED('1'), APPLIED], [page(FORM_HTML())]);
    const r = await drainOnce(deps(c), config());
    expect(r).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'applied' },
      job: { state: 'applied', questionnaire: { total: 2, unknown: 0, answered: 2 } },
    });
    expect(c.gets).toEqual([LINK('1')]);
    expect(c.posts).toHaveLength(2);
    expect(c.posts[0]!.questionnaire).toBeUndefined();
    expect(c.posts[1]).toMatchObject({
      vacancyId: '1',
      resumeHash: HASH,
      letter: 'Здравствуйте!',
      origin: 'https://hh.ru',
    });
    expect(c.posts[1]!.questionnaire).toEqual([
      ['uidPk', '100'],
      ['guid', 'G-1'],
      ['startTime', '1779647649'],
      ['testRequired', 'true'],
      ['task_101_text', 'от 200 000 ₽'],
      ['task_102_text', 'через две недели'],
    ]);
    const job = (await db.jobs.get(1))!;
    expect(job.maybeSentAt).toBeUndefined();
    const events = await jobEvents(db, 1);
    expect(storyOf(events)).toBe('queued → sent → answered-questions → applied');
    expect(events[2]!.detail).toBe(
      "sent 2 answers to the employer's questions from your bank: «Ваши зарплатные ожидания?» → «от 200 000 ₽»; «Когда сможете выйти на работу?» → «через две недели»",
    );
    expect(checkHistory(job, events)).toEqual([]);
    // One send counted; the next POST waits a full pacing gap after the answered one.
    expect(await db.sends.count()).toBe(1);
    expect((await db.meta.get('pacing'))?.value).toEqual({ nextAt: expect.any(Number), at: expect.any(Number) });
    const pacing = await db.meta.get('pacing');
    expect(pacing?.key === 'pacing' && pacing.value.nextAt).toBeGreaterThanOrEqual(clock() - 20 + 30_000);
    // The lease was renewed before the page GET and before the answered POST (each arms a wake-up).
    expect(onClaimed).toHaveBeenCalledTimes(3);
  });

  it('one question the bank does not know → needs_user as before, nothing else sent; the event says which', async () => {
    const { db, deps, notifier } = await setup();
    const c = client([TEST_REQUIRED('1')], [page(FORM_HTML(task(103, 'Какой у вас опыт с linux?')))]);
    const r = await drainOnce(deps(c), config());
    expect(r).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'test_required' },
      job: {
        state: 'needs_user',
        reason: 'test_required',
        link: LINK('1'),
        questionnaire: { total: 3, unknown: 1, answered: 0 },
      },
    });
    expect(c.posts).toHaveLength(1);
    const events = await jobEvents(db, 1);
    expect(events.at(-1)!.detail).toBe(
      'employer questionnaire must be answered on hh: 1 of 3 questions unknown; not in your answer bank: «Какой у вас опыт с linux?»',
    );
    expect(notifier.needsUser).toHaveBeenCalledTimes(1);
    expect(await db.sends.count()).toBe(0);
    expect((await db.jobs.get(1))!.maybeSentAt).toBeUndefined();
  });

  it('a choice question → needs_user, never answered', async () => {
    const { deps } = await setup();
    const choice =
      '<div data-qa="task-body"><div data-qa="task-question">Готовы к переезду?</div><input type="radio" name="task_104" value="1"></div>';
    const c = client([TEST_REQUIRED('1')], [page(FORM_HTML(choice))]);
    expect(
      await drainOnce(
        deps(c),
        config({ questionnaire: { auto: true, bank: [...BANK, item({ kind: 'relocation', answer: 'да' })] } }),
      ),
    ).toMatchObject({ job: { state: 'needs_user', questionnaire: { unknown: 1 } } });
    expect(c.posts).toHaveLength(1);
  });

  it('a page without questions → needs_user with a clear reason, no crash', async () => {
    const { db, deps } = await setup();
    const c = client(
      [TEST_REQUIRED('1')],
      [page('<html><h1>Вакансия</h1></html>', { url: 'https://hh.ru/vacancy/1' })],
    );
    expect(await drainOnce(deps(c), config())).toMatchObject({ job: { state: 'needs_user', reason: 'test_required' } });
    expect((await jobEvents(db, 1)).at(-1)!.detail).toBe(
      'employer questionnaire must be answered on hh: questionnaire page: no employer questions found (/vacancy/1) — not understood, answer it on hh',
    );
  });

  it('the page GET answers a login page → the queue pauses (logged out), the job waits at the head, nothing sent', async () => {
    const { db, deps, notifier } = await setup();
    const c = client(
      [TEST_REQUIRED('1')],
      [page('<html>login</html>', { url: 'https://hh.ru/account/login?backurl=%2Fapplicant' })],
    );
    expect(await drainOnce(deps(c), config())).toMatchObject({
      outcome: { kind: 'captcha_or_login', which: 'login' },
      job: { state: 'pending' },
    });
    expect(await readPause(db)).toMatchObject({ reason: 'logged_out' });
    expect(notifier.paused).toHaveBeenCalledWith(expect.objectContaining({ reason: 'logged_out' }));
    expect(c.posts).toHaveLength(1);
    expect((await db.jobs.get(1))!.maybeSentAt).toBeUndefined();
  });

  it('the page GET fails (5xx, network) → the usual retry; the next attempt starts over with a plain POST', async () => {
    const { db, deps } = await setup();
    const c = client(
      [TEST_REQUIRED('1'), TEST_REQUIRED('1'), APPLIED],
      [page('oops', { status: 503 }), { kind: 'network', detail: 'reset' }],
    );
    expect(await drainOnce(deps(c), config())).toMatchObject({
      outcome: { kind: 'server_error', detail: 'questionnaire page: HTTP 503' },
      job: { state: 'pending', transientFailures: 1 },
    });
    await db.jobs.update(1, { nextAttemptAt: 0 });
    await db.meta.put({ key: 'pacing', value: { nextAt: 0 } });
    expect(await drainOnce(deps(c), config())).toMatchObject({
      outcome: { kind: 'network', detail: 'questionnaire page: reset' },
      job: { state: 'pending', transientFailures: 2 },
    });
    expect(c.posts.map((p) => p.questionnaire === undefined)).toEqual([true, true]);
  });

  it('the answered POST\'s answer is lost → retried; the plain POST then hears "already applied" = our application, counted once', async () => {
    const { db, deps } = await setup();
    const c = client(
      [
        TEST_REQUIRED('1'),
        { kind: 'network', status: 0, detail: 'timed out' },
        { kind: 'already_applied', status: 400, topicId: '7' },
      ],
      [page(FORM_HTML())],
    );
    const r = await drainOnce(deps(c), config());
    expect(r).toMatchObject({ outcome: { kind: 'network' }, job: { state: 'pending', unconfirmed: true } });
    const mid = (await db.jobs.get(1))!;
    expect(mid.maybeSentAt).toBeGreaterThan(T0 + 1_000);
    await db.jobs.update(1, { nextAttemptAt: 0 });
    await db.meta.put({ key: 'pacing', value: { nextAt: 0 } });
    expect(await drainOnce(deps(c), config())).toMatchObject({
      outcome: { kind: 'already_applied' },
      job: { state: 'applied', reason: 'already_applied' },
    });
    expect(c.posts.map((p) => p.questionnaire !== undefined)).toEqual([false, true, false]);
    const sends = await db.sends.toArray();
    expect(sends).toEqual([expect.objectContaining({ jobId: 1, confirmed: false })]);
    expect(sends[0]!.at).toBeGreaterThanOrEqual(mid.maybeSentAt!); // the conservative (latest) end
    const events = await jobEvents(db, 1);
    expect(storyOf(events)).toBe('queued → sent → answered-questions → retry → sent → already-applied');
    expect(checkHistory((await db.jobs.get(1))!, events)).toEqual([]);
  });

  it('hh asks for the questionnaire again after our answers → needs_user, no loop', async () => {
    const { db, deps } = await setup();
    const c = client([TEST_REQUIRED('1'), TEST_REQUIRED('1')], [page(FORM_HTML())]);
    expect(await drainOnce(deps(c), config())).toMatchObject({
      job: { state: 'needs_user', questionnaire: { answered: 2 } },
    });
    expect(c.posts).toHaveLength(2);
    expect((await jobEvents(db, 1)).at(-1)!.detail).toMatch(/^hh asked for the questionnaire again after our answers/);
  });

  it('the lease lost before the answered POST (another worker recovered the job) → no second POST', async () => {
    const { db, deps } = await setup();
    const steal = async (): Promise<PageAnswer> => {
      await db.jobs.update(1, { leaseOwner: 'other', leaseUntil: T0 + 10_000_000 });
      return page(FORM_HTML());
    };
    const c = client([TEST_REQUIRED('1')], [steal]);
    expect(await drainOnce(deps(c), config())).toMatchObject({ outcome: { kind: 'test_required' }, stale: true });
    expect(c.posts).toHaveLength(1);
  });

  it('switched off, or an empty bank → no page request: needs_user as before', async () => {
    for (const q of [
      { auto: false, bank: BANK },
      { auto: true, bank: [item({ kind: 'salary', answer: ' ' })] },
    ]) {
      const { deps } = await setup();
      const c = client([TEST_REQUIRED('1')], []);
      expect(await drainOnce(deps(c), config({ questionnaire: q }))).toMatchObject({ job: { state: 'needs_user' } });
      expect(c.gets).toEqual([]);
    }
  });

  it("a link off the vacancy's site is never fetched", async () => {
    const { deps } = await setup();
    const c = client(
      [{ kind: 'test_required', status: 400, link: 'https://evil.example/applicant/vacancy_response?vacancyId=1' }],
      [],
    );
    expect(await drainOnce(deps(c), config())).toMatchObject({ job: { state: 'needs_user' } });
    expect(c.gets).toEqual([]);
  });

  it('the answered POST counts against the daily cap like any send', async () => {
    const { db, deps } = await setup(['1', '2']);
    const c = client([TEST_REQUIRED('1'), APPLIED], [page(FORM_HTML())]);
    const sum = await drainUntilWait(deps(c), config({ dailyCap: 1, pacingMs: { min: 0, max: 0 } }), {
      maxJobs: 5,
      maxMs: 60_000,
    });
    expect(sum.steps.map((s) => s.kind)).toEqual(['worked', 'capped']);
    expect(await db.sends.count()).toBe(1);
    expect(c.posts).toHaveLength(2);
  });
});
