import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatchResult } from '../match';
import type { MatchVacancy } from '../match/vacancy';
import { defaultSettings, type Settings } from '../settings/schema';
import { ListingTriage, type QueueItem, type QueuePort, type TriageDeps } from './controller';

const CARD = (id: string, title: string) =>
  `<div data-qa="vacancy-serp__vacancy"><h2><a data-qa="serp-item__title" href="/vacancy/${id}">${title}</a></h2><span class="emp">ACME</span></div>`;

function page(cards: string) {
  document.body.innerHTML = `<main><div data-qa="vacancy-serp__results">${cards}</div></main>`;
}

/** A scorer that judges by the title alone: "python" → show, "maybe" → dim, else hide. */
function deps(overrides: Partial<TriageDeps> = {}): TriageDeps {
  return {
    findCards: (root) => [...root.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')],
    parseCard: (el) => {
      const a = el.querySelector('a');
      const id = a?.getAttribute('href')?.split('/').pop();
      if (!a || !id) return { ok: false, reason: 'no title link' };
      const v: MatchVacancy = { id, title: a.textContent ?? '', employer: null, salary: null, experience: null, workFormats: [] };
      return { ok: true, vacancy: v };
    },
    badgeAnchor: (card) => card.querySelector('h2'),
    listContainer: (card) => card.closest('[data-qa="vacancy-serp__results"]'),
    makeScorer: (s: Settings) => (v): MatchResult => {
      const t = v.title.toLowerCase();
      const score = t.includes('python') ? 0.9 : t.includes('maybe') ? 0.4 : 0.1;
      const verdict = score >= (s.triage.dimBelow ?? 0.5) ? 'show' : score >= (s.triage.hideBelow ?? 0.2) ? 'dim' : 'hide';
      return { score, verdict, reasons: [{ code: verdict === 'show' ? 'title' : 'noTitle', polarity: verdict === 'show' ? 'plus' : 'minus' }] };
    },
    formatReason: (r) => (r.code === 'title' ? 'title matches' : 'no title match'),
    lang: 'en',
    ...overrides,
  };
}

const verdicts = () => [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')].map((c) => c.getAttribute('data-otk-verdict'));
const barText = () => document.querySelector('[data-otk-bar]')?.shadowRoot?.querySelector('.bar')?.textContent ?? null;

const live: ListingTriage[] = [];
/** Every instance is stopped after its test, so no observer from one test acts on the next one's page. */
function track(doc: Document, d: TriageDeps, s: Settings) {
  const t = new ListingTriage(doc, d, s);
  live.push(t);
  return t;
}

describe('ListingTriage', () => {
  afterEach(() => {
    for (const t of live.splice(0)) t.stop();
  });

  beforeEach(() => {
    document.head.innerHTML = '';
    for (const a of [...document.documentElement.attributes]) document.documentElement.removeAttribute(a.name);
    page(CARD('1', 'Python developer') + CARD('2', 'Truck driver') + CARD('3', 'Maybe QA') + '<div data-qa="vacancy-serp__vacancy">broken</div>');
  });

  it('scores every card, badges the recognised ones and reports the broken one', () => {
    const report = vi.fn();
    const t = track(document, deps({ report }), defaultSettings());
    t.start();
    expect(verdicts()).toEqual(['show', 'hide', 'dim', null]);
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(3);
    const badge = document.querySelector('[data-otk-badge]')!;
    expect(badge.nextElementSibling?.tagName).toBe('H2');
    expect(badge.shadowRoot?.textContent).toContain('90');
    expect(badge.shadowRoot?.textContent).toContain('title matches');
    expect(t.stats()).toMatchObject({ total: 4, shown: 1, dimmed: 1, hidden: 1, unrecognised: 1 });
    expect(barText()).toContain('Otklik hid 1 of 4');
    expect(barText()).toContain('1 card not recognised');
    expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ hidden: 1, total: 4 }));
    expect(t.firstPassMs).toBeTypeOf('number');
  });

  it('hides with one stylesheet rule and reveals through an attribute on <html>', () => {
    const t = track(document, deps(), defaultSettings());
    t.start();
    expect(document.getElementById('otk-page-style')?.textContent).toContain('[data-otk-verdict="hide"][data-otk-action="hide"]');
    expect(document.documentElement.hasAttribute('data-otk-on')).toBe(true);
    const button = document.querySelector('[data-otk-bar]')!.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('show all');
    button.click();
    expect(document.documentElement.hasAttribute('data-otk-reveal')).toBe(true);
    expect(document.querySelector('[data-otk-bar]')!.shadowRoot!.querySelector('button')!.textContent).toBe('hide again');
  });

  it('picks up cards added later in one batch', async () => {
    const t = track(document, deps(), defaultSettings());
    t.start();
    const list = document.querySelector('[data-qa="vacancy-serp__results"]')!;
    list.insertAdjacentHTML('beforeend', CARD('4', 'Senior Python') + CARD('5', 'Cook'));
    await new Promise((r) => setTimeout(r, 0)); // let the MutationObserver deliver
    t.flushNow();
    expect(verdicts()).toEqual(['show', 'hide', 'dim', null, 'show', 'hide']);
    expect(t.stats().total).toBe(6);
  });

  it('forgets cards that left the page (in-site navigation)', async () => {
    const t = track(document, deps(), defaultSettings());
    t.start();
    document.querySelector('[data-qa="vacancy-serp__results"]')!.innerHTML = CARD('7', 'Python intern');
    await new Promise((r) => setTimeout(r, 0));
    t.flushNow();
    expect(t.stats()).toMatchObject({ total: 1, shown: 1 });
    expect(document.querySelectorAll('[data-otk-bar]')).toHaveLength(1);
  });

  it('re-scores live when settings change, and dim mode dims instead of hiding', () => {
    const t = track(document, deps(), defaultSettings());
    t.start();
    const s = defaultSettings();
    s.triage.action = 'dim';
    s.triage.hideBelow = 0.05;
    s.triage.dimBelow = 0.95;
    t.update(s);
    expect(verdicts()).toEqual(['dim', 'dim', 'dim', null]);
    expect(document.querySelector('[data-otk-verdict]')!.getAttribute('data-otk-action')).toBe('dim');
    s.triage.showBadges = false;
    t.update(s);
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(0);
  });

  it('judges nothing without a profile, and offers to set one up', () => {
    const openSetup = vi.fn();
    const t = track(document, deps({ makeScorer: () => null, openSetup }), defaultSettings());
    t.start();
    expect(verdicts()).toEqual([null, null, null, null]);
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(0);
    expect(barText()).toContain('once it knows what you are looking for');
    document.querySelector('[data-otk-bar]')!.shadowRoot!.querySelector('button')!.click();
    expect(openSetup).toHaveBeenCalledOnce();
    t.update(defaultSettings()); // still no scorer: nothing changes
    expect(verdicts()).toEqual([null, null, null, null]);
  });

  it('stop() restores the page exactly', () => {
    const before = document.documentElement.outerHTML;
    const t = track(document, deps(), defaultSettings());
    t.start();
    document.querySelector('[data-otk-bar]')!.shadowRoot!.querySelector('button')!.click();
    expect(document.documentElement.outerHTML).not.toBe(before);
    t.stop();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  describe('apply queue from the listing', () => {
    const queueBtn = (i: number) =>
      document.querySelectorAll('[data-otk-badge]')[i]!.shadowRoot!.querySelector<HTMLButtonElement>('[data-otk-queue]')!;
    const settle = () => new Promise((r) => setTimeout(r, 0));

    function port(known: Record<string, string> = {}) {
      const sent: QueueItem[][] = [];
      const p: QueuePort = {
        enqueue: async (items) => {
          sent.push(items);
          return items.map((i) => ({ vacancyId: i.vacancy.id, state: 'pending' }));
        },
        states: async (ids) => Object.fromEntries(ids.filter((id) => known[id]).map((id) => [id, known[id]!])),
      };
      return { p, sent };
    }

    it('queues one card from its badge and shows the job state', async () => {
      const { p, sent } = port();
      track(document, deps({ queue: p }), defaultSettings()).start();
      expect(queueBtn(0).textContent).toBe('Queue');
      queueBtn(0).click();
      await settle();
      expect(sent).toEqual([[{ vacancy: { id: '1', title: 'Python developer', employer: null, url: expect.stringMatching(/\/vacancy\/1$/), score: 0.9 } }]]);
      expect(queueBtn(0).textContent).toBe('queued');
      expect(queueBtn(0).disabled).toBe(true);
    });

    it('shows what the queue already knows', async () => {
      const { p } = port({ '1': 'applied', '2': 'needs_user' });
      track(document, deps({ queue: p }), defaultSettings()).start();
      await settle();
      expect(queueBtn(0).textContent).toBe('applied');
      expect(queueBtn(1).textContent).toBe('needs you');
      expect(queueBtn(2).textContent).toBe('Queue');
    });

    it('queues all shown cards after a confirming second click, skipping known jobs and hh-applied cards', async () => {
      page(CARD('1', 'Python developer') + CARD('5', 'Python lead') + CARD('6', 'Python intern') + CARD('2', 'Truck driver'));
      const { p, sent } = port({ '5': 'pending' });
      const d = deps({ queue: p });
      const parse = d.parseCard;
      d.parseCard = (el) => {
        const r = parse(el);
        return r.ok && r.vacancy.id === '6' ? { ...r, applied: true } : r;
      };
      track(document, d, defaultSettings()).start();
      await settle();
      const bulk = () => document.querySelector('[data-otk-bar]')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-otk-action="queue-all"]')!;
      expect(bulk().textContent).toBe('queue all shown (1)');
      bulk().click();
      expect(sent).toEqual([]);
      expect(bulk().textContent).toBe('confirm: 1 application');
      bulk().click();
      await settle();
      expect(sent.map((b) => b.map((i) => i.vacancy.id))).toEqual([['1']]);
      expect(document.querySelector('[data-otk-bar]')!.shadowRoot!.textContent).toContain('queued: 1');
    });

    it('reports a queue error on the bar and lets the user try again', async () => {
      const p: QueuePort = { enqueue: async () => { throw new Error('enqueueMany: no resume chosen'); }, states: async () => ({}) };
      track(document, deps({ queue: p }), defaultSettings()).start();
      queueBtn(0).click();
      await settle();
      expect(document.querySelector('[data-otk-bar]')!.shadowRoot!.textContent).toContain('queue: no resume chosen');
      expect(queueBtn(0).disabled).toBe(false);
    });
  });
});
