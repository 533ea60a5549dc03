import { afterEach, describe, expect, it } from 'vitest';
import type { MatchResult } from '../match';
import type { MatchVacancy } from '../match/vacancy';
import { defaultSettings } from '../settings/schema';
import type { QueueItem, QueuePort } from './controller';
import { VacancyPanel, type VacancyPanelDeps } from './vacancy-panel';

const vacancy: MatchVacancy = { id: '42', title: 'Python-разработчик', employer: { name: 'ACME' }, salary: null, experience: 'noExperience', workFormats: [], description: 'Django, SQL' };
const chip = () => document.querySelector('[data-otk-badge]')?.shadowRoot?.querySelector('.b') ?? null;
const settle = () => new Promise((r) => setTimeout(r, 0));

function deps(over: Partial<VacancyPanelDeps> = {}): VacancyPanelDeps {
  return {
    read: () => ({ vacancy, url: 'https://hh.ru/vacancy/42', applied: false }),
    anchor: () => document.querySelector('h1'),
    makeScorer: () => (): MatchResult => ({ score: 0.82, verdict: 'show', reasons: [{ code: 'title_match', polarity: 'plus' }] }),
    formatReason: () => 'title matches',
    lang: 'en',
    ...over,
  };
}

describe('VacancyPanel', () => {
  let panel: VacancyPanel | null = null;
  afterEach(() => panel?.stop());

  it('shows the full-text score before the title and queues the vacancy', async () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">Python-разработчик</h1></main>';
    const sent: QueueItem[][] = [];
    const queue: QueuePort = { enqueue: async (i) => (sent.push(i), i.map((x) => ({ vacancyId: x.vacancy.id, state: 'pending' }))), states: async () => ({}) };
    panel = new VacancyPanel(document, deps({ queue }), defaultSettings());
    panel.start();
    expect(document.querySelector('[data-otk-badge]')!.nextElementSibling!.tagName).toBe('H1');
    expect(chip()!.textContent).toContain('82');
    expect(chip()!.textContent).toContain('title matches');
    chip()!.querySelector<HTMLButtonElement>('[data-otk-queue]')!.click();
    await settle();
    expect(sent[0]![0]!.vacancy).toEqual({ id: '42', title: 'Python-разработчик', employer: { name: 'ACME' }, url: 'https://hh.ru/vacancy/42', score: 0.82 });
    expect(chip()!.querySelector('[data-otk-queue]')!.textContent).toBe('queued');
    panel.stop();
    expect(document.querySelector('[data-otk-badge]')).toBeNull();
  });

  it('does nothing on a page it cannot read, and says when hh shows an application', () => {
    document.body.innerHTML = '<main><h1>Something</h1></main>';
    panel = new VacancyPanel(document, deps({ read: () => null }), defaultSettings());
    panel.start();
    expect(document.querySelector('[data-otk-badge]')).toBeNull();
    panel = new VacancyPanel(document, deps({ read: () => ({ vacancy, url: 'u', applied: true }), queue: { enqueue: async () => [], states: async () => ({}) } }), defaultSettings());
    panel.start();
    expect(chip()!.querySelector<HTMLButtonElement>('[data-otk-queue]')!.disabled).toBe(true);
    expect(chip()!.textContent).toContain('you applied');
  });
});
