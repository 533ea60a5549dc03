/**
 * Helpers for the UI e2e test and the demo: talk to the extension's worker the way its pages do (the typed
 * message envelope) and queue real fake-hh vacancies in a chosen mix of kinds.
 */
import type { Page } from 'playwright-core';
import type { FakeHh } from '../fake-hh/server';
import type { MatchVacancy } from '../../lib/core/match';
import type { Settings } from '../../lib/core/settings/schema';
import { builtinRoleModel } from '../../lib/core/match/roles';
import { makeScorer } from '../../lib/core/triage/scorer';

/** Sends one Otklik message from an extension page; throws with the worker's error text. */
export async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ type, payload }) => chrome.runtime.sendMessage({ otklik: 1, type, payload }),
    { type, payload },
  );
  const r = reply as { ok: boolean; data?: unknown; error?: string };
  if (!r?.ok) throw new Error(`${type}: ${r?.error ?? 'no reply'}`);
  return r.data as T;
}

/** The queue's snapshot of a fake vacancy (what a listing card would send). */
export function snapshot(fake: FakeHh, id: number, score = 0.72) {
  const { title, employer } = asMatchVacancy(fake, id);
  return { id: String(id), title, employer, url: `https://hh.ru/vacancy/${id}`, score };
}

/** Queues vacancies (with letters where given) from an extension page; returns the job ids. */
export async function enqueue(page: Page, fake: FakeHh, ids: number[], letter?: string): Promise<number[]> {
  const items = ids.map((id, i) => ({
    vacancy: snapshot(fake, id, 0.9 - i * 0.07),
    ...(letter !== undefined ? { letter } : {}),
  }));
  const r = await message<{ results: { jobId: number }[] }>(page, 'enqueueMany', { items });
  return r.results.map((x) => x.jobId);
}

/** The fake's vacancy as the scorer reads a full vacancy (what the worker scores on a vacancy page). */
function asMatchVacancy(fake: FakeHh, id: number): MatchVacancy {
  const v = fake.vacancy(id);
  if (!v) throw new Error(`no fake vacancy ${id}`);
  return {
    id: String(v.id),
    title: v.name,
    employer: v.employer ? { id: String(v.employer.id), name: v.employer.name } : null,
    salary: v.salary
      ? { from: v.salary.from, to: v.salary.to, currency: v.salary.currency, gross: v.salary.gross }
      : null,
    experience: v.experience,
    workFormats: v.workFormats,
    ...(v.scheduleText ? { scheduleText: v.scheduleText } : {}),
    area: v.area,
    description: v.description,
    keySkills: v.keySkills,
  };
}

/**
 * The vacancies of one kind that the product itself shows (or dims) for these settings, best first, with the score
 * the worker gives them (the same scorer and role model): the demo queues what a user of that profile would queue,
 * never hand-picked numbers. Fewer than n (or none) when the product would hide the rest; with `readableOnly` (the
 * default) a title the scorer dims as unreadable ("not sure") is left out too.
 */
export function bestMatches(
  fake: FakeHh,
  settings: Settings,
  ids: readonly number[],
  n: number,
  readableOnly = true,
): Array<{ id: number; score: number }> {
  const score = makeScorer(settings, builtinRoleModel());
  if (!score) throw new Error('bestMatches: the profile is empty');
  return ids
    .map((id) => ({ id, result: score(asMatchVacancy(fake, id)) }))
    .filter(
      (x) => x.result.verdict !== 'hide' && !(readableOnly && x.result.reasons.some((r) => r.code === 'not_sure')),
    )
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, n)
    .map((x) => ({ id: x.id, score: x.result.score }));
}

/** Queues scored vacancies (see bestMatches) from an extension page; returns the job ids. */
export async function enqueueScored(
  page: Page,
  fake: FakeHh,
  picks: ReadonlyArray<{ id: number; score: number }>,
): Promise<number[]> {
  const items = picks.map((p) => ({ vacancy: snapshot(fake, p.id, Math.round(p.score * 100) / 100) }));
  const r = await message<{ results: { jobId: number }[] }>(page, 'enqueueMany', { items });
  return r.results.map((x) => x.jobId);
}
