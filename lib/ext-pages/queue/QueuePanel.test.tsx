import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../worker/db';
import { enqueue } from '../../worker/queue/enqueue';
import { defaultSettings } from '../../core/settings/schema';
import { useDomRoot } from '../../../test/dom-root';
import { QueuePanel } from './QueuePanel';

/** The panel against a real Dexie (fake-indexeddb): what the worker writes shows up without a refresh. */
describe('QueuePanel', () => {
  let root: HTMLElement;
  useDomRoot((r) => (root = r));
  beforeEach(async () => {
    const db = getDb();
    await Promise.all([db.jobs.clear(), db.events.clear(), db.sends.clear(), db.meta.clear()]);
  });

  const vacancy = (id: string, title: string) => ({
    id,
    title,
    employer: { name: 'ООО Ромашка' },
    url: `https://hh.ru/vacancy/${id}`,
    score: 0.81,
  });
  const text = (sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent ?? '');

  it('follows the database live: empty → pending → needs you, with the problem in plain words', async () => {
    render(<QueuePanel settings={defaultSettings()} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="queue-empty"]')).not.toBeNull());
    // Nothing waits to be sent: no Pause button on an empty queue.
    expect(root.querySelector('[data-testid="pause"]')).toBeNull();

    const db = getDb();
    const { jobId } = await enqueue(
      db,
      { vacancy: vacancy('101', 'Python-разработчик'), resumeHash: 'a'.repeat(38) },
      Date.now(),
    );
    await vi.waitFor(() => expect(text('[data-group="pending"] .pp-job__title')).toEqual(['Python-разработчик']));
    expect(text('[data-group="pending"] .pp-job__score')).toEqual(['81']);
    expect(root.querySelector('[data-testid="pause"]')).not.toBeNull();

    await db.jobs.update(jobId, {
      state: 'needs_user',
      reason: 'test_required',
      link: 'https://hh.ru/applicant/vacancy_response?vacancyId=101',
    });
    await vi.waitFor(() => expect(root.querySelector('[data-group="pending"]')).toBeNull());
    expect(text('[data-group="needs_user"] .pp-job__problem')[0]).toMatch(/answer questions|ответить на вопросы/);
    // Approve/edit belong to the letters feature: without its hooks they are not offered.
    expect(
      [...root.querySelectorAll('[data-group="needs_user"] [data-action]')].map((b) => b.getAttribute('data-action')),
    ).toEqual(['open', 'remove']);
  });

  it('shows what went wrong when the background refuses an action', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, error: 'the worker is restarting' }));
    // Pause is offered only while something waits to be sent.
    await enqueue(getDb(), { vacancy: vacancy('150', 'Python-разработчик'), resumeHash: 'a'.repeat(38) }, Date.now());
    render(<QueuePanel settings={defaultSettings()} />, root);
    const pause = await vi.waitFor(() => {
      const b = root.querySelector<HTMLButtonElement>('[data-testid="pause"]');
      if (!b) throw new Error('no pause button yet');
      return b;
    });
    pause.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/the worker is restarting/),
    );
  });

  it('summary: only what needs the user, three rows a group, the rest one click away; what is happening below', async () => {
    const db = getDb();
    for (let i = 0; i < 5; i++) {
      const { jobId } = await enqueue(
        db,
        { vacancy: vacancy(String(400 + i), `Анкета ${i}`), resumeHash: 'a'.repeat(38) },
        Date.now() + i,
      );
      await db.jobs.update(jobId, { state: 'needs_user', reason: 'test_required' });
    }
    await enqueue(db, { vacancy: vacancy('450', 'Ждёт отправки'), resumeHash: 'a'.repeat(38) }, Date.now());
    const more = vi.fn();
    render(<QueuePanel settings={defaultSettings()} mode="summary" onMore={more} />, root);
    await vi.waitFor(() => expect(text('[data-testid="needs-you"] .pp-job__title')).toHaveLength(3));
    expect(root.querySelector('[data-group="pending"]')).toBeNull();
    expect(text('[data-testid="queued"]')[0]).toMatch(/1/);
    root.querySelector<HTMLButtonElement>('[data-testid="group-more"]')!.click();
    expect(more).toHaveBeenCalledOnce();
  });

  it('lists eight jobs per group and unfolds the rest on a click, then folds them again', async () => {
    const db = getDb();
    for (let i = 0; i < 11; i++)
      await enqueue(
        db,
        { vacancy: vacancy(String(200 + i), `Вакансия ${i}`), resumeHash: 'a'.repeat(38) },
        Date.now() + i,
      );
    render(<QueuePanel settings={defaultSettings()} />, root);
    await vi.waitFor(() => expect(text('[data-group="pending"] .pp-job__title')).toHaveLength(8));
    const button = () => root.querySelector<HTMLButtonElement>('[data-group="pending"] [data-testid="group-unfold"]')!;
    expect(button().textContent).toMatch(/3/);
    expect(button().getAttribute('aria-expanded')).toBe('false');
    button().click();
    await vi.waitFor(() => expect(text('[data-group="pending"] .pp-job__title')).toHaveLength(11));
    expect(button().getAttribute('aria-expanded')).toBe('true');
    button().click();
    await vi.waitFor(() => expect(text('[data-group="pending"] .pp-job__title')).toHaveLength(8));
  });

  it('reads more finished jobs from the database only for an unfolded group', async () => {
    const db = getDb();
    for (let i = 0; i < 10; i++) {
      const { jobId } = await enqueue(
        db,
        { vacancy: vacancy(String(300 + i), `Готово ${i}`), resumeHash: 'a'.repeat(38) },
        Date.now() + i,
      );
      await db.jobs.update(jobId, { state: 'applied', updatedAt: Date.now() + i });
    }
    render(<QueuePanel settings={defaultSettings()} />, root);
    // "Applied" starts folded (<details>); its list holds the newest eight until unfolded.
    await vi.waitFor(() => expect(text('[data-group="applied"] .pp-job__title')).toHaveLength(8));
    root.querySelector<HTMLButtonElement>('[data-group="applied"] [data-testid="group-unfold"]')!.click();
    await vi.waitFor(() => expect(text('[data-group="applied"] .pp-job__title')).toHaveLength(10));
  });
});
