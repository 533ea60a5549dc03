import { describe, expect, it } from 'vitest';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import type { VacancySnapshot } from '../../core/db/schema';
import type { ApplyClient, PageAnswer } from '../../core/hh/apply-client';
import type { ApplyOutcome } from '../../core/hh/apply-outcome';
import { usedInWindow } from './claim';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainOnce, drainUntilWait } from './drain';
import { checkHistory } from './history';
import { readPause } from './pause';
import { judgeVacancy } from './verify';
import { useFreshDbs } from '../../../test/fresh-db';

const freshDb = useFreshDbs('otklik-verify-test');
const HASH = 'f'.repeat(38);
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const config = (over: Partial<QueueConfig> = {}): QueueConfig => ({
  ...DEFAULT_QUEUE_CONFIG,
  pacingMs: { min: 0, max: 0 },
  minutesOfDay: () => 12 * 60,
  ...over,
});
const APPLIED: ApplyOutcome = { kind: 'applied', status: 200, topicId: '1' };
const snap = (id: string, employer: VacancySnapshot['employer']): VacancySnapshot => ({
  id,
  title: `Job ${id}`,
  employer,
  url: `https://hh.ru/vacancy/${id}`,
});

/** hh's vacancy pages by id (the state as hh embeds it); null = 404. */
function hhPages(
  pages: Record<
    string,
    { employer: { id: number; name: string } | null; id?: number } | 'captcha' | 'down' | 'garbage'
  >,
) {
  const got: string[] = [];
  const getPage = async (url: string): Promise<PageAnswer> => {
    got.push(url);
    const id = /\/vacancy\/(\d+)$/.exec(url)?.[1] ?? '';
    const p = pages[id];
    if (p === 'down') return { kind: 'network', detail: 'ECONNRESET' };
    if (p === 'captcha')
      return {
        kind: 'answer',
        answer: { status: 200, url: 'https://hh.ru/account/captcha?backurl=x', contentType: 'text/html', body: '' },
      };
    if (p === 'garbage')
      return {
        kind: 'answer',
        answer: { status: 200, url, contentType: 'text/html', body: '<html>maintenance</html>' },
      };
    if (!p) return { kind: 'answer', answer: { status: 404, url, contentType: 'text/html', body: 'not found' } };
    const state = {
      vacancyView: {
        vacancyFull: { vacancy: { vacancyId: p.id ?? Number(id), name: `Real ${id}`, company: p.employer } },
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
  return { getPage, got };
}

function client(getPage: ApplyClient['getPage'], outcomes: ApplyOutcome[] = []): ApplyClient & { posted: string[] } {
  const posted: string[] = [];
  return {
    posted,
    getPage,
    async apply(req) {
      posted.push(req.vacancyId);
      return outcomes.shift() ?? APPLIED;
    },
  };
}

describe('judgeVacancy (pure)', () => {
  const facts = (employer: { id?: string; name: string } | null, id = '1') => ({
    kind: 'facts' as const,
    facts: { id, title: 'T', employer, archived: false, source: 'state' as const },
  });
  const cfg = { blacklist: [{ id: '66', name: 'Evil Corp' }], currentEmployer: 'Home LLC' };
  const job = (employer: VacancySnapshot['employer']) => ({ vacancyId: '1', vacancy: snap('1', employer) });
  it.each([
    ['ids agree', job({ id: '5', name: 'Nice' }), facts({ id: '5', name: 'Nice Ltd' }), 'ok'],
    [
      'names agree once normalised (no ids on the page)',
      job({ name: 'ООО «Ромашка»' }),
      facts({ id: '5', name: 'Ромашка' }),
      'ok',
    ],
    ['the page named no employer: hh decides', job(null), facts({ id: '5', name: 'Nice' }), 'ok'],
    ['both hidden', job(null), facts(null), 'ok'],
    ['another employer id', job({ id: '5', name: 'Nice' }), facts({ id: '66', name: 'Nice' }), 'page_mismatch'],
    ['another name (no page id)', job({ name: 'Nice' }), facts({ id: '66', name: 'Evil Corp' }), 'page_mismatch'],
    ['hh hides the employer the page named', job({ id: '5', name: 'Nice' }), facts(null), 'page_mismatch'],
    ['another vacancy id', job({ id: '5', name: 'Nice' }), facts({ id: '5', name: 'Nice' }, '2'), 'page_mismatch'],
    ["hh's employer is blacklisted (page named none)", job(null), facts({ id: '66', name: 'Whatever' }), 'blacklisted'],
    ["hh's employer is the current one", job(null), facts({ id: '7', name: 'Home' }), 'blacklisted'],
  ])('%s', (_n, j, read, expected) => {
    const v = judgeVacancy(j, read, cfg);
    expect(v.kind === 'refuse' ? v.reason : v.kind).toBe(expected);
  });
  it('unreadable page → refused (unverified); a page outcome passes through', () => {
    expect(judgeVacancy(job(null), { kind: 'unreadable', reason: 'x' }, cfg)).toMatchObject({
      kind: 'refuse',
      reason: 'unverified',
    });
    expect(
      judgeVacancy(job(null), { kind: 'outcome', outcome: { kind: 'vacancy_gone', status: 404, detail: 'd' } }, cfg),
    ).toMatchObject({ kind: 'outcome' });
  });
});

describe('the worker reads the vacancy from hh before sending', () => {
  it("a forged card (another employer) for a blacklisted employer's vacancy is never sent", async () => {
    const db = freshDb();
    const hh = hhPages({
      '1': { employer: { id: 66, name: 'Evil Corp' } },
      '2': { employer: { id: 5, name: 'Nice' } },
    });
    const c = client(hh.getPage);
    // The page claims vacancy 1 is by "Nice" (id 5); hh says Evil Corp (blacklisted by id).
    await enqueue(db, { vacancy: snap('1', { id: '5', name: 'Nice' }), resumeHash: HASH }, T0);
    await enqueue(db, { vacancy: snap('2', { id: '5', name: 'Nice' }), resumeHash: HASH }, T0 + 1);
    let t = T0;
    const cfg = config({ blacklist: [{ id: '66', name: 'Evil Corp' }] });
    const sum = await drainUntilWait(
      { db, client: c, now: () => (t += 10), random: () => 0.5, owner: 'w', verifyVacancy: true },
      cfg,
      { maxJobs: 10, maxMs: 60_000 },
    );
    expect(
      sum.steps.map((s) =>
        s.kind === 'refused' ? `refused:${s.reason}` : s.kind === 'worked' ? s.outcome.kind : s.kind,
      ),
    ).toEqual(['refused:page_mismatch', 'applied', 'idle']);
    expect(c.posted).toEqual(['2']);
    const forged = (await db.jobs.get(1))!;
    expect(forged).toMatchObject({
      state: 'skipped',
      reason: 'page_mismatch',
      outcome: { kind: 'mismatch' },
      vacancy: { employer: { id: '66', name: 'Evil Corp' } },
    });
    expect(forged.lastError).toMatch(/page said.*Nice.*hh\.ru says.*Evil Corp/);
    expect(forged.maybeSentAt).toBeUndefined();
    expect((await usedInWindow(db, t)).used).toBe(1);
    expect(checkHistory(forged, await jobEvents(db, 1))).toEqual([]);
    // A Retry: the stored employer is hh's now, so the claim's blacklist check refuses it before any request.
    await db.jobs.update(1, { state: 'pending', reason: null });
    const again = await drainOnce(
      { db, client: c, now: () => (t += 10), random: () => 0.5, owner: 'w', verifyVacancy: true },
      cfg,
    );
    expect(again).toMatchObject({ kind: 'idle' });
    expect(hh.got).toEqual(['https://hh.ru/vacancy/1', 'https://hh.ru/vacancy/2']);
    expect(c.posted).toEqual(['2']);
    expect(await db.jobs.get(1)).toMatchObject({ state: 'skipped', reason: 'blacklisted' });
  });

  it('a card that names no employer is checked against the employer hh names', async () => {
    const db = freshDb();
    const hh = hhPages({ '3': { employer: { id: 9, name: 'ООО "Моя работа"' } } });
    const c = client(hh.getPage);
    await enqueue(db, { vacancy: snap('3', null), resumeHash: HASH }, T0);
    const r = await drainOnce(
      { db, client: c, now: () => T0 + 10, random: () => 0.5, owner: 'w', verifyVacancy: true },
      config({ currentEmployer: 'Моя работа' }),
    );
    expect(r).toMatchObject({
      kind: 'refused',
      reason: 'blacklisted',
      detail: expect.stringMatching(/current employer/),
    });
    expect(c.posted).toEqual([]);
  });

  it('a matching vacancy is sent once; its employer is stored and not read again on a retry', async () => {
    const db = freshDb();
    const hh = hhPages({ '4': { employer: { id: 5, name: 'Nice Ltd' } } });
    const c = client(hh.getPage, [{ kind: 'server_error', status: 502, detail: 'x' }, APPLIED]);
    await enqueue(db, { vacancy: snap('4', { id: '5', name: 'Nice' }), resumeHash: HASH }, T0);
    await drainOnce(
      { db, client: c, now: () => T0 + 10, random: () => 0.5, owner: 'w', verifyVacancy: true },
      config(),
    );
    expect(await db.jobs.get(1)).toMatchObject({
      state: 'pending',
      employerCheckedAt: T0 + 10,
      vacancy: { employer: { id: '5', name: 'Nice Ltd' }, title: 'Real 4' },
    });
    await drainOnce(
      { db, client: c, now: () => T0 + 600_000, random: () => 0.5, owner: 'w', verifyVacancy: true },
      config(),
    );
    expect(hh.got).toEqual(['https://hh.ru/vacancy/4']);
    expect(c.posted).toEqual(['4', '4']);
    expect((await db.jobs.get(1))!.state).toBe('applied');
  });

  it("the check's own failures: gone → skipped, captcha → paused, network → retried; never counted, never sent", async () => {
    const db = freshDb();
    const hh = hhPages({ '6': 'down', '7': 'captcha', '9': 'garbage' });
    const c = client(hh.getPage);
    for (const id of ['5', '6', '7', '9']) await enqueue(db, { vacancy: snap(id, null), resumeHash: HASH }, T0);
    const deps = (now: number) => ({
      db,
      client: c,
      now: () => now,
      random: () => 0.5,
      owner: 'w',
      verifyVacancy: true,
    });
    expect(await drainOnce(deps(T0 + 10), config())).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'vacancy_gone' },
      job: { state: 'skipped' },
    });
    expect(await drainOnce(deps(T0 + 20), config())).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'network' },
      job: { state: 'pending', unconfirmed: false, transientFailures: 1 },
    });
    expect(await drainOnce(deps(T0 + 30), config())).toMatchObject({
      kind: 'worked',
      outcome: { kind: 'captcha_or_login' },
    });
    expect(await readPause(db)).toMatchObject({ reason: 'captcha' });
    await db.meta.put({ key: 'pause', value: null });
    // Job 7 (captcha) waits at the head again; garbage page → failed (unverified), not sent on the page's word.
    await db.jobs.update(3, { state: 'cancelled' });
    expect(await drainOnce(deps(T0 + 40), config())).toMatchObject({ kind: 'refused', reason: 'unverified' });
    expect(c.posted).toEqual([]);
    expect((await usedInWindow(db, T0 + 50)).used).toBe(0);
    for (const j of await db.jobs.toArray()) expect(j.maybeSentAt).toBeUndefined();
    for (const id of [1, 2, 4]) expect(checkHistory((await db.jobs.get(id))!, await jobEvents(db, id))).toEqual([]);
  });
});
