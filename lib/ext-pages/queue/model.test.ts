import { describe, expect, it } from 'vitest';
import type { Job } from '../../core/db/schema';
import { actionsFor, drainProgress, groupJobs, letterPreview, problemOf } from './model';
import { popupTexts } from './texts';
import { testJob } from '../../../test/job-fixture';

let nextId = 1;
const job = (p: Partial<Job>): Job => {
  const id = nextId++;
  return { id, ...testJob(String(1000 + id), p) };
};

describe('groupJobs', () => {
  it('orders groups by what needs the user first, hides cancelled, puts skipped with failures', () => {
    const jobs = [
      job({ state: 'applied' }),
      job({ state: 'cancelled' }),
      job({ state: 'skipped', reason: 'blacklisted' }),
      job({ state: 'pending' }),
      job({ state: 'needs_user', reason: 'test_required' }),
      job({ state: 'review' }),
      job({ state: 'processing' }),
    ];
    const groups = groupJobs(jobs);
    expect(groups.map((g) => g.id)).toEqual(['needs_user', 'review', 'processing', 'pending', 'failed', 'applied']);
    expect(groups.find((g) => g.id === 'failed')!.jobs.map((j) => j.state)).toEqual(['skipped']);
    expect(groups.flatMap((g) => g.jobs).some((j) => j.state === 'cancelled')).toBe(false);
  });

  it('lists pending jobs in sending order and the rest newest first', () => {
    const a = job({ state: 'pending', nextAttemptAt: 30 });
    const b = job({ state: 'pending', nextAttemptAt: 10 });
    const old = job({ state: 'applied', updatedAt: 1 });
    const recent = job({ state: 'applied', updatedAt: 9 });
    const groups = groupJobs([a, old, b, recent]);
    expect(groups[0]!.jobs).toEqual([b, a]);
    expect(groups[1]!.jobs).toEqual([recent, old]);
  });

  it('returns no groups for an empty queue', () => {
    expect(groupJobs([])).toEqual([]);
  });
});

describe('row details', () => {
  const t = popupTexts.en;
  it('explains known reasons in plain words and falls back to hh detail', () => {
    expect(problemOf({ state: 'needs_user', reason: 'test_required', lastError: null }, t)).toMatch(/answer questions/);
    expect(
      problemOf(
        {
          state: 'needs_user',
          reason: 'test_required',
          lastError: null,
          questionnaire: { total: 8, unknown: 2, answered: 0 },
        },
        t,
      ),
    ).toMatch(/answer questions.* 2 of 8 questions unknown to your answer bank/);
    expect(
      problemOf(
        {
          state: 'needs_user',
          reason: 'test_required',
          lastError: null,
          questionnaire: { total: 8, unknown: 2, answered: 0 },
        },
        popupTexts.ru,
      ),
    ).toMatch(/Вопросов без ответа в вашем банке: 2 из 8/);
    expect(problemOf({ state: 'failed', reason: 'resume_not_found', lastError: 'resume not found' }, t)).toBe(
      'hh.ru refused: resume not found',
    );
    expect(problemOf({ state: 'pending', reason: null, lastError: 'HTTP 502' }, t)).toMatch(/will try again/);
    expect(problemOf({ state: 'pending', reason: null, lastError: null }, t)).toBeNull();
    expect(problemOf({ state: 'applied', reason: null, lastError: null }, t)).toBeNull();
    expect(problemOf({ state: 'skipped', reason: 'blacklisted', lastError: null }, popupTexts.ru)).toMatch(
      /чёрном списке/,
    );
  });

  it('offers approve/edit only for review, retry only for failures', () => {
    expect(actionsFor({ state: 'review', reason: null })).toEqual(['edit', 'approve', 'open', 'remove']);
    expect(actionsFor({ state: 'failed', reason: 'xsrf' })).toContain('retry');
    expect(actionsFor({ state: 'needs_user', reason: 'letter_required' })).toContain('retry');
    // A questionnaire or the employer's own site: retrying cannot help, opening it can.
    expect(actionsFor({ state: 'needs_user', reason: 'test_required' })).toEqual(['open', 'remove']);
    expect(actionsFor({ state: 'applied', reason: null })).toEqual(['open']);
    // The employer refuses automatic applications: the user's confirmation is the primary action.
    expect(actionsFor({ state: 'needs_user', reason: 'no_auto_response' })).toEqual(['confirm', 'open', 'remove']);
    expect(problemOf({ state: 'needs_user', reason: 'no_auto_response', lastError: 'x' }, popupTexts.en)).toMatch(
      /only if you confirm/,
    );
    expect(actionsFor({ state: 'processing', reason: null })).not.toContain('remove');
  });

  it('previews a letter on one line', () => {
    expect(letterPreview(null)).toBeNull();
    expect(letterPreview('')).toBe('');
    expect(letterPreview('Здравствуйте!\n\nМеня   зовут Иван.')).toBe('Здравствуйте! Меня зовут Иван.');
    expect(letterPreview('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('drainProgress', () => {
  it('counts the batch since the oldest active job', () => {
    const jobs = [
      job({ state: 'applied', createdAt: 1 }), // an earlier batch
      job({ state: 'applied', createdAt: 10 }),
      job({ state: 'failed', createdAt: 11 }),
      job({ state: 'processing', createdAt: 10 }),
      job({ state: 'pending', createdAt: 12 }),
      job({ state: 'cancelled', createdAt: 12 }),
    ];
    expect(drainProgress(jobs)).toEqual({ done: 2, total: 4 });
    expect(drainProgress([job({ state: 'applied' })])).toBeNull();
  });
});
