/**
 * Helpers for the UI e2e test and the demo: talk to the extension's worker the way its pages do (the typed
 * message envelope) and queue real fake-hh vacancies in a chosen mix of kinds.
 */
import type { Page } from 'playwright-core';
import type { FakeHh } from '../fake-hh/server';

/** Sends one Otklik message from an extension page; throws with the worker's error text. */
export async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(async ({ type, payload }) => chrome.runtime.sendMessage({ otklik: 1, type, payload }), { type, payload });
  const r = reply as { ok: boolean; data?: unknown; error?: string };
  if (!r?.ok) throw new Error(`${type}: ${r?.error ?? 'no reply'}`);
  return r.data as T;
}

/** The queue's snapshot of a fake vacancy (what a listing card would send). */
export function snapshot(fake: FakeHh, id: number, score = 0.72) {
  const v = fake.vacancy(id);
  if (!v) throw new Error(`no fake vacancy ${id}`);
  return {
    id: String(v.id),
    title: v.name,
    employer: v.employer ? { id: String(v.employer.id), name: v.employer.name } : null,
    url: `https://hh.ru/vacancy/${v.id}`,
    score,
  };
}

/** Queues vacancies (with letters where given) from an extension page; returns the job ids. */
export async function enqueue(page: Page, fake: FakeHh, ids: number[], letter?: string): Promise<number[]> {
  const items = ids.map((id, i) => ({ vacancy: snapshot(fake, id, 0.9 - i * 0.07), ...(letter !== undefined ? { letter } : {}) }));
  const r = await message<{ results: { jobId: number }[] }>(page, 'enqueueMany', { items });
  return r.results.map((x) => x.jobId);
}
