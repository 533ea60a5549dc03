import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtklikDb } from '../db/db';
import { queueMessages } from '../../core/messaging/protocol';
import { createRouter } from '../../core/messaging/router';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { createQueueHandlers } from './handlers';

let n = 0;
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const HASH = 'ab'.repeat(19);
const vacancy = (id: string, employer = 'Acme') => ({
  id,
  title: `Job ${id}`,
  employer: { name: employer },
  url: `https://hh.ru/vacancy/${id}`,
});

function setup(patch: (s: Settings) => void = () => {}, resumesStatus = 200) {
  const db = new OtklikDb(`otklik-msg-test-${process.pid}-${++n}`);
  dbs.push(db);
  const settings = defaultSettings();
  settings.apply.defaultResumeHash = HASH;
  patch(settings);
  const kick = vi.fn();
  const resumesPage = `<a data-qa="resume-card-link-${HASH}"><div data-qa="resume-title"><span>Dev</span></div></a>`;
  const fetch = (async (u: RequestInfo | URL) => {
    const r = new Response(resumesStatus === 200 ? resumesPage : 'down', { status: resumesStatus });
    Object.defineProperty(r, 'url', { value: String(u) });
    return r;
  }) as typeof globalThis.fetch;
  let t = 1_000_000;
  const saveDefaultResume = vi.fn(async (hash: string) => void (settings.apply.defaultResumeHash = hash));
  const route = createRouter(
    queueMessages,
    createQueueHandlers({
      db: () => db,
      now: () => (t += 1000),
      settings: async () => settings,
      fetch,
      kick,
      saveDefaultResume,
    }),
  );
  const send = async (type: string, payload: unknown) => route({ otklik: 1, type, payload });
  return { db, send, kick, settings, saveDefaultResume };
}

describe('queue messages (validated both ways through the router)', () => {
  it('enqueue uses the default resume, says so on a repeat, and kicks the drain once', async () => {
    const { send, kick } = setup();
    expect(await send('enqueue', { vacancy: vacancy('1'), source: 'listing' })).toEqual({
      ok: true,
      data: { jobId: 1, created: true, state: 'pending' },
    });
    expect(await send('enqueue', { vacancy: vacancy('1') })).toMatchObject({
      ok: true,
      data: { jobId: 1, created: false, reason: 'already_queued' },
    });
    expect(kick).toHaveBeenCalledTimes(1);
  });

  it('a page-supplied data:/javascript:/foreign URL never comes back: the job shows and opens the canonical hh URL', async () => {
    const { send, db } = setup();
    expect(
      await send('enqueue', { vacancy: { ...vacancy('7'), url: 'javascript:alert(document.cookie)' } }),
    ).toMatchObject({ ok: true, data: { created: true } });
    expect(
      await send('enqueue', { vacancy: { ...vacancy('8'), url: 'https://evil.example/vacancy/8' } }),
    ).toMatchObject({ ok: true, data: { created: true } });
    // A record stored before URLs were checked, with a forged link too.
    await db.jobs.update(2, {
      vacancy: { ...vacancy('8'), url: 'data:text/html,x' },
      state: 'needs_user',
      reason: 'test_required',
      link: 'javascript:alert(1)',
    });
    const list = await send('listJobs', {});
    expect(list).toMatchObject({
      ok: true,
      data: {
        jobs: expect.arrayContaining([
          expect.objectContaining({ id: 1, url: 'https://hh.ru/vacancy/7', link: null }),
          expect.objectContaining({ id: 2, url: 'https://hh.ru/vacancy/8', link: 'https://hh.ru/vacancy/8' }),
        ]),
      },
    });
  });

  it('picks and remembers the hh resume when none was chosen', async () => {
    const { send, settings, saveDefaultResume } = setup((s) => (s.apply.defaultResumeHash = null));
    expect(await send('enqueue', { vacancy: vacancy('1') })).toMatchObject({ ok: true, data: { created: true } });
    expect(saveDefaultResume).toHaveBeenCalledWith(HASH);
    expect(settings.apply.defaultResumeHash).toBe(HASH);
  });

  it('refuses an enqueue when no resume can be found, and malformed vacancies', async () => {
    const { send } = setup((s) => (s.apply.defaultResumeHash = null), 500);
    expect(await send('enqueue', { vacancy: vacancy('1') })).toEqual({
      ok: false,
      error: expect.stringMatching(/no resume chosen/),
    });
    expect(await send('enqueue', { vacancy: { ...vacancy('x1'), id: 'abc' }, resumeHash: HASH })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/vacancy\.id/),
    });
  });

  it('enqueueMany skips blacklisted and current employers with a reason', async () => {
    const { send } = setup((s) => {
      s.profile.employerBlacklist = [{ name: 'Evil' }];
      s.apply.currentEmployer = 'Home LLC';
    });
    const r = await send('enqueueMany', {
      items: [{ vacancy: vacancy('1') }, { vacancy: vacancy('2', 'Evil') }, { vacancy: vacancy('3', 'Home') }],
    });
    expect(r).toMatchObject({
      ok: true,
      data: {
        created: 3,
        results: [
          { state: 'pending' },
          { state: 'skipped', reason: 'blacklisted' },
          { state: 'skipped', reason: 'blacklisted' },
        ],
      },
    });
  });

  it("the popup's confirmation sends a job whose employer refuses automatic applications; the drain is kicked", async () => {
    const { send, db, kick } = setup();
    await send('enqueue', { vacancy: vacancy('3'), source: 'vacancy' });
    kick.mockClear();
    // What the drain leaves after hh said so (lib/worker/queue/hh-conditions.ts).
    await db.jobs.update(1, {
      state: 'needs_user',
      reason: 'no_auto_response',
      hhSignals: { acceptAutoResponse: false, letterRequired: null, testRequired: null, at: 1 },
    });
    expect(await send('retryJob', { jobId: 1 })).toEqual({ ok: true, data: { ok: true, state: 'pending' } });
    expect(kick).toHaveBeenCalledTimes(1);
    expect((await db.jobs.get(1))!.autoConfirmedAt).toBeGreaterThan(0);
    expect(await send('jobHistory', { jobId: 1 })).toMatchObject({
      ok: true,
      data: { events: [{ type: 'enqueued' }, { type: 'confirmed', state: 'pending' }] },
    });
  });

  it('status, list, history, pause/resume, retry/remove', async () => {
    const { send, db } = setup();
    await send('enqueue', { vacancy: vacancy('1') });
    await send('enqueue', { vacancy: vacancy('2') });
    expect(await send('pauseQueue', {})).toMatchObject({ ok: true, data: { pause: { reason: 'user' } } });
    const status = await send('queueStatus', {});
    expect(status).toMatchObject({
      ok: true,
      data: { counts: { pending: 2 }, pause: { reason: 'user' }, cap: { used: 0, cap: 50 }, defaultResumeHash: HASH },
    });
    expect(await send('resumeQueue', {})).toMatchObject({
      ok: true,
      data: { resumed: true, previous: { reason: 'user' } },
    });
    expect(await send('removeJob', { jobId: 2 })).toEqual({ ok: true, data: { ok: true, state: 'cancelled' } });
    expect(await send('retryJob', { jobId: 2 })).toEqual({ ok: true, data: { ok: true, state: 'pending' } });
    expect(await send('retryJob', { jobId: 2 })).toMatchObject({ ok: true, data: { ok: false } });
    const list = await send('listJobs', { states: ['pending'] });
    expect(list).toMatchObject({
      ok: true,
      data: {
        jobs: [
          { id: 2, story: 'queued → cancelled → retried' },
          { id: 1, story: 'queued' },
        ],
      },
    });
    expect(await send('jobHistory', { jobId: 2 })).toMatchObject({
      ok: true,
      data: { events: [{ type: 'enqueued' }, { type: 'cancelled' }, { type: 'retried' }] },
    });
    await db.jobs.update(1, { state: 'applied' });
    expect(await send('jobsForVacancies', { vacancyIds: ['1', '2', '3'] })).toEqual({
      ok: true,
      data: {
        jobs: [
          { vacancyId: '1', state: 'applied' },
          { vacancyId: '2', state: 'pending' },
        ],
      },
    });
  });

  it('listResumes reads the resumes page', async () => {
    const { send } = setup();
    expect(await send('listResumes', {})).toEqual({
      ok: true,
      data: { ok: true, resumes: [{ hash: HASH, title: 'Dev' }] },
    });
  });
});
