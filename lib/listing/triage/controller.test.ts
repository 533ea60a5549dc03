import { trustedClick } from '../../../test/trusted-click';
import { shadowOf } from './shadow-host';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawCard } from '../../core/hh/listing';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { ListingTriage, type QueueItem, type QueuePort, type TriageDeps } from './controller';
import type { CardVerdict, StateAnswer, TriageAnswer } from './verdicts';

const CARD = (id: string, title: string) =>
  `<div data-qa="vacancy-serp__vacancy"><h2><a data-qa="serp-item__title" href="/vacancy/${id}">${title}</a></h2><span class="emp">ACME</span></div>`;

function page(cards: string) {
  document.body.innerHTML = `<main><div data-qa="vacancy-serp__results">${cards}</div></main>`;
}

/** The worker's part, faked: settings it reads, and a scorer that judges by the title alone. */
const worker = {
  settings: defaultSettings(),
  empty: false,
  applied: new Set<string>(),
  jobs: {} as Record<string, string>,
};

/** "python" → show, "maybe" → dim, else hide (cut-offs from the fake worker's settings). */
function judge(cards: RawCard[]): TriageAnswer {
  const { triage } = worker.settings;
  if (worker.empty) return { mode: 'empty', action: triage.action, badges: triage.showBadges, results: [] };
  return {
    mode: 'on',
    action: triage.action,
    badges: triage.showBadges,
    jobs: Object.fromEntries(cards.filter((c) => worker.jobs[c.id]).map((c) => [c.id, worker.jobs[c.id]!])),
    results: cards.map((c) => {
      const t = c.title.toLowerCase();
      const score = t.includes('python') ? 0.9 : t.includes('maybe') ? 0.4 : 0.1;
      const verdict = score >= (triage.dimBelow ?? 0.5) ? 'show' : score >= (triage.hideBelow ?? 0.2) ? 'dim' : 'hide';
      return {
        score,
        verdict,
        reasons: [{ text: verdict === 'show' ? 'title matches' : 'no title match', minus: verdict !== 'show' }],
        applied: worker.applied.has(c.id),
      };
    }),
  };
}

function deps(overrides: Partial<TriageDeps> = {}): TriageDeps {
  return {
    findCards: (root) => [...root.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')],
    readCard: (el) => {
      const a = el.querySelector('a');
      const id = a?.getAttribute('href')?.split('/').pop();
      if (!a || !id) return { ok: false, reason: 'no title link' };
      return { ok: true, raw: { id, title: a.textContent ?? '', href: a.getAttribute('href') ?? '', tags: [] } };
    },
    score: judge,
    queueVacancy: (raw) => ({ title: raw.title, employer: null, url: `https://hh.ru${raw.href}` }),
    badgeAnchor: (card) => card.querySelector('h2'),
    listContainer: (card) => card.closest('[data-qa="vacancy-serp__results"]'),
    lang: 'en',
    ...overrides,
  };
}

/** The user saves settings: the fake worker reads them, the page asks again. */
function update(t: ListingTriage, s: Settings) {
  worker.settings = s;
  t.rescore();
}

const verdicts = () =>
  [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')].map((c) => c.getAttribute('data-otk-verdict'));
const inRoot = (host: Element | null | undefined) => (host ? shadowOf(host) : null);
const barText = () => inRoot(document.querySelector('[data-otk-bar]'))?.querySelector('.bar')?.textContent ?? null;

const live: ListingTriage[] = [];
/** Every instance is stopped after its test, so no observer from one test acts on the next one's page. */
function track(doc: Document, d: TriageDeps, s: Settings) {
  worker.settings = s;
  const t = new ListingTriage(doc, d);
  live.push(t);
  return t;
}

/** Each test: no instance of the previous one still observing, a fake worker with nothing known. */
afterEach(() => {
  for (const t of live.splice(0)) t.stop();
});
beforeEach(() => {
  worker.empty = false;
  worker.applied.clear();
  worker.jobs = {};
});

describe('ListingTriage', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    for (const a of [...document.documentElement.attributes]) document.documentElement.removeAttribute(a.name);
    page(
      CARD('1', 'Python developer') +
        CARD('2', 'Truck driver') +
        CARD('3', 'Maybe QA') +
        '<div data-qa="vacancy-serp__vacancy">broken</div>',
    );
  });

  it('scores every card, badges the recognised ones and reports the broken one', () => {
    const report = vi.fn();
    const t = track(document, deps({ report }), defaultSettings());
    t.start();
    expect(verdicts()).toEqual(['show', 'hide', 'dim', null]);
    // The hidden card gets its badge when the user reveals the hidden ones.
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(2);
    t.setRevealed(true);
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(3);
    expect(
      shadowOf(document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')[1]!.querySelector('[data-otk-badge]')!)!
        .textContent,
    ).toContain('no title match');
    t.setRevealed(false);
    const badge = document.querySelector('[data-otk-badge]')!;
    expect(badge.nextElementSibling?.tagName).toBe('H2');
    expect(shadowOf(badge)?.textContent).toContain('90');
    expect(shadowOf(badge)?.textContent).toContain('title matches');
    expect(t.stats()).toMatchObject({ total: 4, shown: 1, dimmed: 1, hidden: 1, unrecognised: 1 });
    expect(barText()).toContain('Otklik hid 1 of 4');
    expect(barText()).toContain('1 card not recognised');
    expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ hidden: 1, total: 4 }));
    expect(t.firstPassMs).toBeTypeOf('number');
  });

  it('hides with one stylesheet rule and reveals through an attribute on <html>', () => {
    const t = track(document, deps(), defaultSettings());
    t.start();
    expect(document.getElementById('otk-page-style')?.textContent).toContain(
      '[data-otk-verdict="hide"][data-otk-action="hide"]',
    );
    expect(document.documentElement.hasAttribute('data-otk-on')).toBe(true);
    const button = shadowOf(document.querySelector('[data-otk-bar]')!)!.querySelector('button')!;
    expect(button.textContent).toBe('show all');
    trustedClick(button);
    expect(document.documentElement.hasAttribute('data-otk-reveal')).toBe(true);
    expect(shadowOf(document.querySelector('[data-otk-bar]')!)!.querySelector('button')!.textContent).toBe(
      'hide again',
    );
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

  it('its own badges and bar do not trigger another pass; hh adding anything does', async () => {
    const d = deps();
    const findCards = vi.fn(d.findCards);
    const t = track(document, { ...d, findCards }, defaultSettings());
    t.start();
    t.setRevealed(true); // more badges drawn
    await new Promise((r) => setTimeout(r, 0));
    t.flushNow();
    expect(findCards).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 0));
    t.flushNow();
    expect(findCards).toHaveBeenCalledTimes(2);
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
    update(t, s);
    expect(verdicts()).toEqual(['dim', 'dim', 'dim', null]);
    expect(document.querySelector('[data-otk-verdict]')!.getAttribute('data-otk-action')).toBe('dim');
    s.triage.showBadges = false;
    update(t, s);
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(0);
  });

  it('judges nothing without a profile, and offers to set one up', () => {
    const openSetup = vi.fn();
    worker.empty = true;
    const t = track(document, deps({ openSetup }), defaultSettings());
    t.start();
    expect(verdicts()).toEqual([null, null, null, null]);
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(0);
    expect(barText()).toContain('once it knows what you are looking for');
    trustedClick(shadowOf(document.querySelector('[data-otk-bar]')!)!.querySelector('button')!);
    expect(openSetup).toHaveBeenCalledOnce();
    update(t, defaultSettings()); // still no profile: nothing changes
    expect(verdicts()).toEqual([null, null, null, null]);
  });

  it('stop() restores the page exactly', () => {
    const before = document.documentElement.outerHTML;
    const t = track(document, deps(), defaultSettings());
    t.start();
    trustedClick(shadowOf(document.querySelector('[data-otk-bar]')!)!.querySelector('button')!);
    expect(document.documentElement.outerHTML).not.toBe(before);
    t.stop();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  describe('"not for me" on a badge', () => {
    const setup = () => {
      const taught: [string, string, string?][] = [];
      const notForMe = new Set<string>();
      const score = (cards: RawCard[]) => {
        const a = judge(cards);
        return {
          ...a,
          results: a.results.map((r, i) =>
            notForMe.has(cards[i]!.id) ? { ...r, score: 0.05, verdict: 'hide' as const } : r,
          ),
        };
      };
      const feedback = async (id: string, label: 'relevant' | 'not', why?: string) => {
        taught.push(why ? [id, label, why] : [id, label]);
        if (label === 'not') notForMe.add(id);
        return true;
      };
      track(document, deps({ score, feedback }), defaultSettings()).start();
      return taught;
    };
    const root = () => shadowOf(document.querySelector('[data-otk-badge]')!)!;
    const fb = (label: string) => root().querySelector<HTMLButtonElement>(`[data-otk-fb="${label}"]`)!;
    const why = (w: string) => root().querySelector<HTMLButtonElement>(`[data-otk-why="${w}"]`);

    it("teaches the worker, asks why (optional), then re-scores the page; a page script's click teaches nothing", async () => {
      const taught = setup();
      expect(verdicts()).toEqual(['show', 'hide', 'dim', null]);
      expect(fb('not').title).toBe('Not for me: hide such vacancies');
      expect(why('salary')).toBeNull();
      fb('not').click(); // untrusted, as a page script's
      await new Promise((r) => setTimeout(r, 0));
      expect(taught).toEqual([]);
      trustedClick(fb('not'));
      await vi.waitFor(() => expect(taught).toEqual([['1', 'not']]));
      // The card stays in view with the choice; a page script cannot answer for the user.
      expect([...root().querySelectorAll('[data-otk-why]')].map((b) => b.textContent)).toEqual([
        'role',
        'level',
        'salary',
        'employer',
        'location',
      ]);
      expect(verdicts()[0]).toBe('show');
      why('salary')!.click();
      await new Promise((r) => setTimeout(r, 0));
      expect(taught).toEqual([['1', 'not']]);
      trustedClick(why('salary')!);
      await vi.waitFor(() => expect(verdicts()).toEqual(['hide', 'hide', 'dim', null]));
      expect(taught).toEqual([
        ['1', 'not'],
        ['1', 'not', 'salary'],
      ]);
    });

    it('left unanswered, the page is judged again after a few seconds', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const taught = setup();
        trustedClick(fb('not'));
        await vi.advanceTimersByTimeAsync(100);
        expect(taught).toEqual([['1', 'not']]);
        expect(verdicts()[0]).toBe('show');
        await vi.advanceTimersByTimeAsync(6000);
        expect(verdicts()).toEqual(['hide', 'hide', 'dim', null]);
        expect(taught).toEqual([['1', 'not']]);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it('offers no feedback buttons without a way to send them', () => {
    track(document, deps(), defaultSettings()).start();
    expect(shadowOf(document.querySelector('[data-otk-badge]')!)!.querySelector('[data-otk-fb]')).toBeNull();
  });

  describe('apply queue from the listing', () => {
    const queueBtn = (i: number) =>
      shadowOf(document.querySelectorAll('[data-otk-badge]')[i]!)!.querySelector<HTMLButtonElement>(
        '[data-otk-queue]',
      )!;
    const settle = () => new Promise((r) => setTimeout(r, 0));

    /** The queue; the jobs it already holds come with the verdicts (the fake worker's `jobs`). */
    function port(known: Record<string, string> = {}) {
      worker.jobs = known;
      const sent: QueueItem[][] = [];
      const p: QueuePort = {
        enqueue: async (items) => {
          sent.push(items);
          return items.map((i) => ({ vacancyId: i.vacancy.id, state: 'pending' }));
        },
        states: async () => {
          throw new Error('the listing gets job states with its verdicts');
        },
      };
      return { p, sent };
    }

    it('queues one card from its badge and shows the job state', async () => {
      const { p, sent } = port();
      track(document, deps({ queue: p }), defaultSettings()).start();
      expect(queueBtn(0).textContent).toBe('Queue');
      trustedClick(queueBtn(0));
      await settle();
      expect(sent).toEqual([
        [
          {
            vacancy: {
              id: '1',
              title: 'Python developer',
              employer: null,
              url: expect.stringMatching(/\/vacancy\/1$/),
              score: 0.9,
            },
          },
        ],
      ]);
      expect(queueBtn(0).textContent).toBe('queued');
      expect(queueBtn(0).disabled).toBe(true);
    });

    it('shows what the queue already knows', async () => {
      const { p } = port({ '1': 'applied', '3': 'needs_user' });
      const t = track(document, deps({ queue: p }), defaultSettings());
      t.start();
      await settle();
      expect(queueBtn(0).textContent).toBe('applied');
      expect(queueBtn(1).textContent).toBe('needs you');
      t.setRevealed(true); // the hidden truck driver's badge, between them
      expect(queueBtn(1).textContent).toBe('Queue');
    });

    it('queues all shown cards after a confirming second click, skipping known jobs and hh-applied cards', async () => {
      page(
        CARD('1', 'Python developer') +
          CARD('5', 'Python lead') +
          CARD('6', 'Python intern') +
          CARD('2', 'Truck driver'),
      );
      const { p, sent } = port({ '5': 'pending' });
      worker.applied.add('6');
      track(document, deps({ queue: p }), defaultSettings()).start();
      await settle();
      const bulk = () =>
        shadowOf(document.querySelector('[data-otk-bar]')!)!.querySelector<HTMLButtonElement>(
          '[data-otk-action="queue-all"]',
        )!;
      expect(bulk().textContent).toBe('queue matching: 1');
      trustedClick(bulk());
      expect(sent).toEqual([]);
      expect(bulk().textContent).toBe('confirm: 1 application');
      trustedClick(bulk());
      await settle();
      expect(sent.map((b) => b.map((i) => i.vacancy.id))).toEqual([['1']]);
      expect(shadowOf(document.querySelector('[data-otk-bar]')!)!.textContent).toContain('queued: 1');
    });

    it("ignores a page script's clicks and keys: nothing is queued, revealed or confirmed", async () => {
      const { p, sent } = port();
      track(document, deps({ queue: p }), defaultSettings()).start();
      await settle();
      const bar = document.querySelector<HTMLElement>('[data-otk-bar]')!;
      const badge = document.querySelector<HTMLElement>('[data-otk-badge]')!;
      // What a page sees: hosts without a root; what it can do: untrusted events, on the hosts or (had it
      // got hold of them) on the buttons themselves.
      expect(bar.shadowRoot).toBeNull();
      expect(badge.shadowRoot).toBeNull();
      for (const el of [
        bar,
        badge,
        queueBtn(0),
        shadowOf(bar)!.querySelector('[data-otk-action="queue-all"]')!,
        shadowOf(bar)!.querySelector('[data-otk-action="toggle-hidden"]')!,
      ]) {
        (el as HTMLElement).click();
        (el as HTMLElement).click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      await settle();
      expect(sent).toEqual([]);
      expect(document.documentElement.hasAttribute('data-otk-reveal')).toBe(false);
      expect(barText()).not.toContain('confirm');
      // The same button pressed by the user works: the guard, not a broken button, stopped the page.
      trustedClick(queueBtn(0));
      await settle();
      expect(sent).toHaveLength(1);
    });

    it('shows the page no reason text: reasons and the title tooltip live only inside the closed roots', () => {
      track(document, deps({ queue: port().p }), defaultSettings()).start();
      const pageHtml = document.documentElement.outerHTML;
      expect(shadowOf(document.querySelector('[data-otk-badge]')!)!.textContent).toContain('title matches');
      expect(pageHtml).not.toContain('title matches');
      expect(pageHtml).not.toMatch(/\btitle="[^"]*Otklik/);
    });

    it('reports a queue error on the bar and lets the user try again', async () => {
      const p: QueuePort = {
        enqueue: async () => {
          throw new Error('enqueueMany: no resume chosen');
        },
        states: async () => ({}),
      };
      track(document, deps({ queue: p }), defaultSettings()).start();
      trustedClick(queueBtn(0));
      await settle();
      expect(shadowOf(document.querySelector('[data-otk-bar]')!)!.textContent).toContain('queue: no resume chosen');
      expect(queueBtn(0).disabled).toBe(false);
    });
  });
});

describe('ListingTriage with the worker answering later', () => {
  beforeEach(() => {
    page(CARD('1', 'Python developer') + CARD('2', 'Truck driver'));
  });

  /** A score dep whose answers the test releases one by one. */
  function deferred() {
    const pending: { cards: RawCard[]; release: () => void; fail: () => void }[] = [];
    const score = (cards: RawCard[]) =>
      new Promise<TriageAnswer>((resolve, reject) => {
        const answer = judge(cards); // judged with the settings at request time
        pending.push({ cards, release: () => resolve(answer), fail: () => reject(new Error('worker gone')) });
      });
    return { pending, score };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('leaves the page untouched until the verdicts come, then draws them in one go', async () => {
    const d = deferred();
    const t = track(document, deps({ score: d.score }), defaultSettings());
    t.start();
    expect(verdicts()).toEqual([null, null]);
    expect(document.querySelector('[data-otk-bar]')).toBeNull();
    expect(t.firstPassMs).toBeNull();
    d.pending[0]!.release();
    await settle();
    expect(verdicts()).toEqual(['show', 'hide']);
    expect(barText()).toContain('Otklik hid 1 of 2');
    expect(t.firstPassMs).toBeTypeOf('number');
  });

  it('an answer overtaken by a newer request for the same cards is dropped', async () => {
    const d = deferred();
    const t = track(document, deps({ score: d.score }), defaultSettings());
    t.start();
    const s = defaultSettings();
    s.triage.dimBelow = 0.95; // the user tightens the cut-off before the first answer came
    update(t, s);
    d.pending[1]!.release();
    await settle();
    expect(verdicts()).toEqual(['dim', 'hide']);
    d.pending[0]!.release(); // the stale first answer arrives last
    await settle();
    expect(verdicts()).toEqual(['dim', 'hide']);
    const dimMode = defaultSettings();
    dimMode.triage.action = 'dim';
    update(t, dimMode); // request 3: dim instead of hide…
    update(t, defaultSettings()); // …request 4: back to hide
    d.pending[3]!.release();
    d.pending[2]!.release(); // the older answer (dim) comes last and must not switch the page to dim
    await settle();
    expect(document.querySelectorAll('[data-otk-action="dim"]')).toHaveLength(0);
    expect(t.stats()).toMatchObject({ hidden: 1, dimmed: 0 }); // in dim mode the truck driver would count as dimmed
  });

  it('keeps the page as it is when the worker cannot answer, and asks again for later cards', async () => {
    const d = deferred();
    const t = track(document, deps({ score: d.score }), defaultSettings());
    t.start();
    d.pending[0]!.fail();
    await settle();
    expect(verdicts()).toEqual([null, null]);
    document
      .querySelector('[data-qa="vacancy-serp__results"]')!
      .insertAdjacentHTML('beforeend', CARD('3', 'Python intern'));
    await settle();
    t.flushNow();
    expect(d.pending[1]!.cards.map((c) => c.id)).toEqual(['3']);
    d.pending[1]!.release();
    await settle();
    expect(verdicts()).toEqual([null, null, 'show']);
  });

  it('an "off" answer (switched off meanwhile) draws nothing', async () => {
    const t = track(
      document,
      deps({ score: () => ({ mode: 'off', action: 'hide', badges: true, results: [] }) }),
      defaultSettings(),
    );
    t.start();
    await settle();
    expect(verdicts()).toEqual([null, null]);
    expect(document.querySelector('[data-otk-bar]')).toBeNull();
    expect(document.querySelectorAll('[data-otk-badge]')).toHaveLength(0);
  });
});

describe('ListingTriage with verdicts from the page state', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const v = (score: number, verdict: 'show' | 'dim' | 'hide', signals: CardVerdict['signals'] = {}): CardVerdict => ({
    score,
    verdict,
    reasons: [{ text: verdict === 'show' ? 'title matches' : 'level above yours', minus: verdict !== 'show' }],
    applied: false,
    signals,
  });
  const answer = (byId: Record<string, CardVerdict>): StateAnswer => ({
    mode: 'on',
    action: 'hide',
    badges: true,
    byId: new Map(Object.entries(byId)),
    jobs: {},
    ms: 1,
  });
  const cardId = (el: Element) => el.querySelector('a')?.getAttribute('href')?.split('/').pop() ?? null;
  const fakeGate = () => ({
    lifted: false,
    why: null as string | null,
    lift(why: string) {
      if (!this.lifted) {
        this.lifted = true;
        this.why = why;
      }
    },
  });
  const badgeText = (i: number) => {
    const b = document.querySelectorAll('[data-otk-badge]')[i];
    return (b && shadowOf(b)?.textContent) ?? '';
  };

  beforeEach(() => {
    page(CARD('1', 'Python developer') + CARD('2', 'Truck driver') + CARD('3', 'Python lead'));
  });

  it('draws the state verdicts without reading those cards, reads only the card the state lacks, then lifts the gate', async () => {
    const read = vi.fn(deps().readCard);
    const scored: string[][] = [];
    const gate = fakeGate();
    const state = answer({
      '1': v(0.9, 'show', { negative: ['employer has violations'], responses: 412 }),
      '2': v(0.1, 'hide'),
    });
    const t = track(
      document,
      deps({
        readCard: read,
        cardId,
        gate,
        score: (c) => (scored.push(c.map((x) => x.id)), judge(c)),
        state: { answer: Promise.resolve(state), refresh: async () => state },
      }),
      defaultSettings(),
    );
    t.start();
    await settle();
    expect(verdicts()).toEqual(['show', 'hide', 'show']);
    expect(read).toHaveBeenCalledTimes(1); // card 3 only
    expect(scored).toEqual([['3']]);
    expect(t.sources).toEqual({ state: 2, dom: 1 });
    expect(badgeText(0)).toContain('⚠ employer has violations');
    expect(badgeText(0)).toContain('412 applicants');
    expect(gate.why).toBe('drawn');
  });

  it('a card hh’s script adds later is judged from the state in the same pass, before it can be painted', async () => {
    const state = answer({ '1': v(0.9, 'show'), '2': v(0.1, 'hide'), '3': v(0.9, 'show'), '4': v(0.1, 'hide') });
    const score = vi.fn(judge);
    const t = track(
      document,
      deps({ cardId, score, state: { answer: Promise.resolve(state), refresh: async () => state } }),
      defaultSettings(),
    );
    t.start();
    await settle();
    document.querySelector('[data-qa="vacancy-serp__results"]')!.insertAdjacentHTML('beforeend', CARD('4', 'Welder'));
    await Promise.resolve(); // hh's insertion is seen by the observer (a microtask), then the pass runs before the next frame
    t.flushNow();
    expect(verdicts()).toEqual(['show', 'hide', 'show', 'hide']);
    expect(score).not.toHaveBeenCalled();
  });

  it('first-screen verdicts that come after the gate let the cards be seen dim in place, never collapse', async () => {
    // The first pass read the cards while the gate still held them; the bound passed (fail open) before the worker
    // answered: what is to be hidden is already on screen.
    const gate = fakeGate();
    let release: () => void = () => undefined;
    const score = (c: RawCard[]) => new Promise<TriageAnswer>((r) => (release = () => r(judge(c))));
    const state = answer({});
    const t = track(
      document,
      deps({ cardId, gate, score, state: { answer: Promise.resolve(state), refresh: async () => state } }),
      defaultSettings(),
    );
    t.start();
    await settle();
    gate.lift('bound');
    release();
    await settle();
    const hidden = [...document.querySelectorAll('[data-otk-verdict="hide"]')];
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect(c.getAttribute('data-otk-action')).toBe('dim');
    expect(gate.why).toBe('bound');
  });

  it('a later card the state lacks waits unpainted (data-otk-wait) until the worker answers', async () => {
    const state = answer({ '1': v(0.9, 'show'), '2': v(0.1, 'hide'), '3': v(0.9, 'show') });
    let release: () => void = () => undefined;
    const score = (c: RawCard[]) => new Promise<TriageAnswer>((r) => (release = () => r(judge(c))));
    const t = track(
      document,
      deps({ cardId, score, state: { answer: Promise.resolve(state), refresh: async () => state } }),
      defaultSettings(),
    );
    t.start();
    await settle();
    document
      .querySelector('[data-qa="vacancy-serp__results"]')!
      .insertAdjacentHTML('beforeend', CARD('9', 'Python again'));
    await Promise.resolve();
    t.flushNow();
    const late = document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')[3]!;
    expect(late.hasAttribute('data-otk-wait')).toBe(true);
    release();
    await settle();
    expect(late.hasAttribute('data-otk-wait')).toBe(false);
    expect(late.getAttribute('data-otk-verdict')).toBe('show');
  });

  it('"queue matching" leaves out employers that refuse automatic applications and says so; one by hand needs a confirming click', async () => {
    const sent: QueueItem[][] = [];
    const p: QueuePort = {
      enqueue: async (items) => (sent.push(items), items.map((i) => ({ vacancyId: i.vacancy.id, state: 'pending' }))),
      states: async () => ({}),
    };
    const state = answer({ '1': v(0.9, 'show', { noAuto: true }), '2': v(0.1, 'hide'), '3': v(0.9, 'show') });
    track(
      document,
      deps({ cardId, queue: p, state: { answer: Promise.resolve(state), refresh: async () => state } }),
      defaultSettings(),
    ).start();
    await settle();
    const bar = shadowOf(document.querySelector('[data-otk-bar]')!)!;
    expect(bar.querySelector('[data-otk-action="queue-all"]')!.textContent).toBe('queue matching: 1');
    expect(bar.textContent).toContain('by hand: 1 (no auto-apply)');
    const q = () =>
      shadowOf(document.querySelectorAll('[data-otk-badge]')[0]!)!.querySelector<HTMLButtonElement>(
        '[data-otk-queue]',
      )!;
    expect(badgeText(0)).toContain('no auto-apply');
    trustedClick(q());
    expect(sent).toEqual([]);
    expect(q().textContent).toBe('confirm');
    trustedClick(q());
    await settle();
    expect(sent.map((b) => b.map((i) => i.vacancy.id))).toEqual([['1']]);
  });

  it('without a usable state (stale, absent) every card is read, and the reason is kept', async () => {
    const state: StateAnswer = { ...answer({}), problem: 'stale-url: the state was rendered for another address' };
    const t = track(
      document,
      deps({ cardId, state: { answer: Promise.resolve(state), refresh: async () => state } }),
      defaultSettings(),
    );
    t.start();
    await settle();
    expect(verdicts()).toEqual(['show', 'hide', 'show']);
    expect(t.sources).toEqual({ state: 0, dom: 3 });
    expect(t.stats().source?.problem).toMatch(/^stale-url/);
  });
});
