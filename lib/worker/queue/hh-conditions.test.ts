import { describe, expect, it } from 'vitest';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import { retryJob } from './user-actions';
import type { VacancySnapshot } from '../../core/db/schema';
import type { ApplyClient, ApplyRequest, PageAnswer } from '../../core/hh/apply-client';
import { approveJob, claimDraft, jobsNeedingDraft, saveDraft } from '../letters/jobs';
import { usedInWindow } from './claim';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainOnce, type DrainDeps } from './drain';
import { checkHistory } from './history';
import { confirmSend, holdBeforeSend, mergeSignals } from './hh-conditions';
import { useFreshDbs } from '../../../test/fresh-db';

const freshDb = useFreshDbs('otklik-hh-conditions-test');
const HASH = 'c'.repeat(38);
const T0 = Date.UTC(2026, 11, 5, 12, 0, 0);
const config = (over: Partial<QueueConfig> = {}): QueueConfig => ({
  ...DEFAULT_QUEUE_CONFIG,
  pacingMs: { min: 0, max: 0 },
  minutesOfDay: () => 12 * 60,
  ...over,
});
const snap = (id: string): VacancySnapshot => ({
  id,
  title: `Job ${id}`,
  employer: { id: '5', name: 'Nice' },
  url: `https://hh.ru/vacancy/${id}`,
});

/** hh's vacancy page of each id, with the vacancy fields hh's state carries (search-item spelling). */
function hh(vacancies: Record<string, Record<string, unknown>>) {
  const got: string[] = [];
  const posted: ApplyRequest[] = [];
  const getPage = async (url: string): Promise<PageAnswer> => {
    got.push(url);
    const id = /\/vacancy\/(\d+)$/.exec(url)?.[1] ?? '';
    const state = {
      vacancyView: {
        vacancyFull: {
          vacancy: { vacancyId: Number(id), name: `Real ${id}`, company: { id: 5, name: 'Nice' }, ...vacancies[id] },
        },
      },
    };
    return {
      kind: 'answer',
      answer: {
        status: 200,
        url,
        contentType: 'text/html',
        body: `<template id="HH-Lux-InitialState">${JSON.stringify(state)}</template>`,
      },
    };
  };
  const client: ApplyClient = {
    getPage,
    async apply(req) {
      posted.push(req);
      return { kind: 'applied', status: 200, topicId: '1' };
    },
  };
  return { client, got, posted };
}

describe('holdBeforeSend / mergeSignals (pure)', () => {
  const signals = (s: Partial<{ acceptAutoResponse: boolean | null; letterRequired: boolean | null }>) => ({
    acceptAutoResponse: null,
    letterRequired: null,
    testRequired: null,
    at: 1,
    ...s,
  });
  it('a required letter holds a job without one; a refusal of automatic applications holds an unconfirmed job', () => {
    expect(holdBeforeSend({ letter: '', hhSignals: signals({ letterRequired: true }) })).toMatchObject({
      kind: 'letter',
    });
    expect(holdBeforeSend({ letter: '  \n', hhSignals: signals({ letterRequired: true }) })).toMatchObject({
      kind: 'letter',
    });
    expect(holdBeforeSend({ letter: 'Hello', hhSignals: signals({ letterRequired: true }) })).toBeNull();
    expect(holdBeforeSend({ letter: '', hhSignals: signals({ acceptAutoResponse: false }) })).toMatchObject({
      kind: 'confirm',
    });
    expect(
      holdBeforeSend({ letter: '', hhSignals: signals({ acceptAutoResponse: false }), autoConfirmedAt: 5 }),
    ).toBeNull();
    // Both: the letter first (it is written while the job then waits for the confirmation).
    expect(
      holdBeforeSend({ letter: null, hhSignals: signals({ acceptAutoResponse: false, letterRequired: true }) }),
    ).toMatchObject({ kind: 'letter' });
    // Unknown (null) or never read: nothing held on a guess.
    expect(holdBeforeSend({ letter: '', hhSignals: signals({}) })).toBeNull();
    expect(holdBeforeSend({ letter: '' })).toBeNull();
  });
  it("hh's vacancy page wins; where it is silent, what the worker read from hh's search state", () => {
    const page = { acceptAutoResponse: true, letterRequired: null, testRequired: null, employerNegative: [] };
    expect(mergeSignals(page, { acceptAutoResponse: false, letterRequired: true }, 9)).toEqual({
      acceptAutoResponse: true,
      letterRequired: true,
      testRequired: null,
      at: 9,
    });
    expect(mergeSignals(undefined, undefined, 9)).toEqual({
      acceptAutoResponse: null,
      letterRequired: null,
      testRequired: null,
      at: 9,
    });
  });
});

describe("the queue acts on hh's conditions, read by the worker", () => {
  const deps = (
    db: ReturnType<typeof freshDb>,
    client: ApplyClient,
    now: number,
    over: Partial<DrainDeps> = {},
  ): DrainDeps => ({ db, client, now: () => now, random: () => 0.5, owner: 'w', verifyVacancy: true, ...over });

  it('an employer that refuses automatic applications: the job waits for the confirmation, then is sent once', async () => {
    const db = freshDb();
    const fake = hh({ '1': { autoResponse: { acceptAutoResponse: false } } });
    const notified: number[] = [];
    await enqueue(db, { vacancy: snap('1'), resumeHash: HASH, letter: '', source: 'vacancy' }, T0);
    const r = await drainOnce(
      deps(db, fake.client, T0 + 10, {
        notifier: { paused: () => undefined, needsUser: (j) => void notified.push(j.id) },
      }),
      config(),
    );
    expect(r).toMatchObject({ kind: 'refused', reason: 'no_auto_response' });
    expect(fake.posted).toEqual([]);
    const held = (await db.jobs.get(1))!;
    expect(held).toMatchObject({
      state: 'needs_user',
      reason: 'no_auto_response',
      link: 'https://hh.ru/vacancy/1',
      hhSignals: { acceptAutoResponse: false },
    });
    expect(held.lastError).toMatch(/does not accept automatic applications/);
    expect(held.maybeSentAt).toBeUndefined();
    expect(notified).toEqual([1]);
    expect((await usedInWindow(db, T0 + 20)).used).toBe(0);
    // Nothing more happens without the user.
    expect(await drainOnce(deps(db, fake.client, T0 + 100_000), config())).toMatchObject({ kind: 'idle' });
    expect(fake.posted).toEqual([]);

    expect(await confirmSend(db, 1, T0 + 200_000)).toEqual({ ok: true, state: 'pending' });
    const sent = await drainOnce(deps(db, fake.client, T0 + 200_010), config());
    expect(sent).toMatchObject({ kind: 'worked', outcome: { kind: 'applied' } });
    expect(fake.posted.map((p) => p.vacancyId)).toEqual(['1']);
    // hh was read once: the stored facts decide every later attempt.
    expect(fake.got).toEqual(['https://hh.ru/vacancy/1']);
    const job = (await db.jobs.get(1))!;
    expect(job).toMatchObject({ state: 'applied', autoConfirmedAt: T0 + 200_000 });
    const events = await jobEvents(db, 1);
    expect(events.map((e) => e.type)).toEqual(['enqueued', 'claimed', 'needs_user', 'confirmed', 'claimed', 'applied']);
    expect(checkHistory(job, events)).toEqual([]);
  });

  it('confirmSend leaves other jobs to the usual retry', async () => {
    const db = freshDb();
    await enqueue(db, { vacancy: snap('2'), resumeHash: HASH, letter: '' }, T0);
    expect(await confirmSend(db, 1, T0)).toBeNull();
    await db.jobs.update(1, { state: 'needs_user', reason: 'test_required' });
    expect(await confirmSend(db, 1, T0)).toBeNull();
    expect(await confirmSend(db, 99, T0)).toBeNull();
  });

  it("hh's page silent: what the worker read from the search state decides; a page's own claim does not", async () => {
    const db = freshDb();
    const fake = hh({});
    await enqueue(db, { vacancy: snap('3'), resumeHash: HASH, letter: '' }, T0);
    await enqueue(db, { vacancy: snap('4'), resumeHash: HASH, letter: '' }, T0 + 1);
    const known = (id: string) => (id === '3' ? { acceptAutoResponse: false } : undefined);
    expect(await drainOnce(deps(db, fake.client, T0 + 10, { knownSignals: known }), config())).toMatchObject({
      kind: 'refused',
      reason: 'no_auto_response',
    });
    expect(await drainOnce(deps(db, fake.client, T0 + 20, { knownSignals: known }), config())).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'applied' },
    });
    expect(fake.posted.map((p) => p.vacancyId)).toEqual(['4']);
  });

  it('a required letter: letters off, the job still gets one (the template), reviewed, and is never sent empty', async () => {
    const db = freshDb();
    const fake = hh({ '5': { '@responseLetterRequired': true } });
    const kicks: number[] = [];
    // Letters off: queued with no letter ('' = send without one).
    await enqueue(db, { vacancy: snap('5'), resumeHash: HASH, letter: '' }, T0);
    const r = await drainOnce(deps(db, fake.client, T0 + 10, { onLetterNeeded: () => void kicks.push(1) }), config());
    expect(r).toMatchObject({ kind: 'refused', reason: 'letter_required' });
    expect(kicks).toEqual([1]);
    expect(fake.posted).toEqual([]);
    expect(await db.jobs.get(1)).toMatchObject({ state: 'review', letter: null, hhSignals: { letterRequired: true } });
    expect((await db.jobs.get(1))!.maybeSentAt).toBeUndefined();
    // The letter flow picks it up (the background's draft pass: the template when no model is set).
    expect((await jobsNeedingDraft(db, T0 + 20)).map((j) => j.id)).toEqual([1]);
    expect(await claimDraft(db, 1, T0 + 20)).not.toBeNull();
    expect(
      await saveDraft(
        db,
        1,
        {
          letter: 'Здравствуйте! Мой опыт…',
          problems: [],
          asks: [],
          provider: 'template',
          fallbackReason: null,
          lang: 'ru',
          noDescription: false,
        },
        'review',
        T0 + 30,
      ),
    ).toBe('review');
    // Review mode: nothing is sent before the user approves; an empty letter is refused for such a vacancy.
    expect(await drainOnce(deps(db, fake.client, T0 + 40), config())).toMatchObject({ kind: 'idle' });
    expect(await approveJob(db, 1, '', T0 + 50)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/requires a cover letter/),
    });
    expect(await approveJob(db, 1, undefined, T0 + 60)).toEqual({ ok: true, state: 'pending' });
    expect(await drainOnce(deps(db, fake.client, T0 + 70), config())).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'applied' },
    });
    expect(fake.posted.map((p) => [p.vacancyId, p.letter])).toEqual([['5', 'Здравствуйте! Мой опыт…']]);
    const job = (await db.jobs.get(1))!;
    expect(checkHistory(job, await jobEvents(db, 1))).toEqual([]);
  });

  it('a retry of a letter-required job without a letter is held again before any POST', async () => {
    const db = freshDb();
    const fake = hh({ '6': { responseLetterRequired: true } });
    await enqueue(db, { vacancy: snap('6'), resumeHash: HASH, letter: '' }, T0);
    await drainOnce(deps(db, fake.client, T0 + 10), config());
    // Someone forces it back to the queue with an empty letter (an old job, a manual edit): still never sent empty.
    await db.jobs.update(1, { state: 'pending', letter: '' });
    expect(await drainOnce(deps(db, fake.client, T0 + 20), config())).toMatchObject({
      kind: 'refused',
      reason: 'letter_required',
    });
    expect(fake.posted).toEqual([]);
    // The user's Retry of a job waiting for its letter goes to review, not to the send queue.
    expect(await retryJob(db, 1, T0 + 30)).toMatchObject({ ok: true, state: 'review' });
  });
});
