import { afterEach, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import { jobEvents } from '../db/jobs';
import { enqueue } from '../queue/enqueue';
import type { VacancySnapshot } from '../../core/db/schema';
import { claimNext } from '../queue/claim';
import { checkHistory } from '../queue/history';
import { queueConfigFromSettings } from '../queue/config';
import { defaultSettings } from '../../core/settings/schema';
import {
  approveJob,
  claimDraft,
  failDraft,
  jobsNeedingDraft,
  resetDraft,
  retryForLetter,
  saveDraft,
  updateLetter,
  WRITING_LEASE_MS,
  type DraftResult,
} from './jobs';

let n = 0;
const dbs: OtklikDb[] = [];
const fresh = () => {
  const db = new OtklikDb(`letters-jobs-${process.pid}-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const HASH = 'c'.repeat(38);
const v = (id: string): VacancySnapshot => ({
  id,
  title: `Python ${id}`,
  employer: { name: 'ООО Ромашка' },
  url: `https://hh.ru/vacancy/${id}`,
});
const draft = (extra: Partial<DraftResult> = {}): DraftResult => ({
  letter: 'Здравствуйте! …',
  problems: [],
  asks: [],
  provider: 'openai',
  fallbackReason: null,
  lang: 'ru',
  noDescription: false,
  ...extra,
});
const config = { ...queueConfigFromSettings(defaultSettings()), pacingMs: { min: 0, max: 0 } };
const claimCtx = (now: number) => ({ now, owner: 'w1', random: () => 0, config });

describe('letters in the queue', () => {
  it('letters on: a new job waits in review without a letter, and the drain never claims it', async () => {
    const db = fresh();
    const r = await enqueue(db, { vacancy: v('1'), resumeHash: HASH, awaitLetter: true }, 1000);
    expect(r).toMatchObject({ created: true, state: 'review' });
    expect((await claimNext(db, claimCtx(2000))).kind).toBe('idle');
    expect((await jobsNeedingDraft(db, 2000)).map((j) => j.id)).toEqual([r.jobId]);
    // letters off, or a letter given: pending as before
    expect((await enqueue(db, { vacancy: v('2'), resumeHash: HASH }, 1000)).state).toBe('pending');
    expect((await enqueue(db, { vacancy: v('3'), resumeHash: HASH, awaitLetter: true, letter: '' }, 1000)).state).toBe(
      'pending',
    );
  });

  it('review mode: draft → stays in review → user edits and approves → pending with the edited letter → claimed', async () => {
    const db = fresh();
    const { jobId } = await enqueue(db, { vacancy: v('1'), resumeHash: HASH, awaitLetter: true }, 1000);
    expect(await claimDraft(db, jobId, 1100)).not.toBeNull();
    expect(await claimDraft(db, jobId, 1150)).toBeNull(); // single writer
    expect(await saveDraft(db, jobId, draft(), 'review', 1200)).toBe('review');
    expect(await jobsNeedingDraft(db, 1300)).toEqual([]);
    expect(await updateLetter(db, jobId, 'Моё письмо', [], 1300)).toMatchObject({ ok: true });
    expect(await approveJob(db, jobId, 'Моё письмо, исправленное', 1400)).toEqual({ ok: true, state: 'pending' });
    const claim = await claimNext(db, claimCtx(1500));
    expect(claim.kind).toBe('claimed');
    if (claim.kind === 'claimed') expect(claim.job.letter).toBe('Моё письмо, исправленное');
    const job = (await db.jobs.get(jobId))!;
    expect(checkHistory(job, await jobEvents(db, jobId))).toEqual([]);
    expect((await jobEvents(db, jobId)).map((e) => e.type)).toEqual(['enqueued', 'letter', 'approved', 'claimed']);
  });

  it('auto mode: a clean letter goes to pending by itself; problems, vacancy asks or a template standing in for a failed model keep it in review with the reason', async () => {
    const db = fresh();
    const a = (await enqueue(db, { vacancy: v('1'), resumeHash: HASH, awaitLetter: true }, 1000)).jobId;
    const b = (await enqueue(db, { vacancy: v('2'), resumeHash: HASH, awaitLetter: true }, 1000)).jobId;
    const c = (await enqueue(db, { vacancy: v('3'), resumeHash: HASH, awaitLetter: true }, 1000)).jobId;
    for (const id of [a, b, c]) await claimDraft(db, id, 1100);
    expect(await saveDraft(db, a, draft(), 'auto', 1200)).toBe('pending');
    expect(await saveDraft(db, b, draft({ problems: ['слишком короткое'] }), 'auto', 1200)).toBe('review');
    expect(await saveDraft(db, c, draft({ asks: ['Работодатель просит: «кодовое слово»'] }), 'auto', 1200)).toBe(
      'review',
    );
    expect((await db.jobs.get(b))!.reason).toBe('letter_problems');
    expect((await db.jobs.get(c))!.reason).toBe('letter_asks');
    expect((await db.jobs.get(c))!.letterDraft?.asks).toEqual(['Работодатель просит: «кодовое слово»']);
    const d = (await enqueue(db, { vacancy: v('4'), resumeHash: HASH, awaitLetter: true }, 1000)).jobId;
    await claimDraft(db, d, 1100);
    expect(
      await saveDraft(
        db,
        d,
        draft({ provider: 'template', fallbackReason: 'OpenRouter rejected the API key (HTTP 401): check the key' }),
        'auto',
        1200,
      ),
    ).toBe('review');
    expect((await db.jobs.get(d))!.reason).toBe('letter_fallback');
  });

  it('a writer killed mid-way: the stale claim is taken over after the lease; a removed job drops the late draft', async () => {
    const db = fresh();
    const { jobId } = await enqueue(db, { vacancy: v('1'), resumeHash: HASH, awaitLetter: true }, 1000);
    await claimDraft(db, jobId, 1000);
    expect(await jobsNeedingDraft(db, 1000 + WRITING_LEASE_MS - 1)).toEqual([]);
    expect(await jobsNeedingDraft(db, 1000 + WRITING_LEASE_MS + 1)).toHaveLength(1);
    expect(await claimDraft(db, jobId, 1000 + WRITING_LEASE_MS + 1)).not.toBeNull();
    await db.jobs.update(jobId, { state: 'cancelled' });
    expect(await saveDraft(db, jobId, draft(), 'auto', 1000 + WRITING_LEASE_MS + 2)).toBeNull();
    expect((await db.jobs.get(jobId))!.letter).toBeNull();
  });

  it('failed draft, regenerate, and the guards of approve', async () => {
    const db = fresh();
    const { jobId } = await enqueue(db, { vacancy: v('1'), resumeHash: HASH, awaitLetter: true }, 1000);
    expect(await approveJob(db, jobId, undefined, 1050)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not written yet/),
    });
    await claimDraft(db, jobId, 1100);
    await failDraft(db, jobId, 'boom', 1200);
    expect((await db.jobs.get(jobId))!.letterDraft).toMatchObject({ status: 'failed', error: 'boom' });
    expect(await jobsNeedingDraft(db, 1300)).toEqual([]);
    expect(await resetDraft(db, jobId, 1300)).toMatchObject({ ok: true });
    expect(await jobsNeedingDraft(db, 1300)).toHaveLength(1);
    // an empty letter is the user's choice: approved, sent without a letter
    expect(await approveJob(db, jobId, '', 1400)).toEqual({ ok: true, state: 'pending' });
    expect(await approveJob(db, jobId, 'x', 1500)).toMatchObject({ ok: false });
    expect(await updateLetter(db, jobId, 'x', [], 1500)).toMatchObject({ ok: false });
  });

  it('hh required a letter the job did not have: retry sends it back to review for a draft; other needs_user jobs are not touched', async () => {
    const db = fresh();
    const a = (await enqueue(db, { vacancy: v('1'), resumeHash: HASH, letter: '' }, 1000)).jobId;
    const b = (await enqueue(db, { vacancy: v('2'), resumeHash: HASH, letter: '' }, 1000)).jobId;
    await db.jobs.update(a, { state: 'needs_user', reason: 'letter_required' });
    await db.jobs.update(b, { state: 'needs_user', reason: 'test_required' });
    expect(await retryForLetter(db, a, 2000)).toEqual({ ok: true, state: 'review' });
    expect(await retryForLetter(db, b, 2000)).toBeNull();
    expect((await jobsNeedingDraft(db, 2000)).map((j) => j.id)).toEqual([a]);
  });
});
