import type { MatchVacancy } from '../match/vacancy';
import type { MatchResult } from '../match';
import type { ListingSettings } from '../settings/listing-schema';
import type { TriageStats } from '../messaging/listing-protocol';
import { observeAdditions } from '../dom/batch';
import { BADGE_ATTR, createBadge, orderReasons, renderBadge, type BadgeView } from './badge';
import { BAR_ATTR, createBar, renderBar } from './bar';
import { PAGE_CSS } from './styles';
import { texts, type Lang } from './texts';

export type ParsedCard = { ok: true; vacancy: MatchVacancy; url?: string; applied?: boolean } | { ok: false; reason: string };

/** One vacancy handed to the apply queue. */
export interface QueueItem {
  vacancy: { id: string; title: string; employer: { id?: string; name: string } | null; url: string; score: number };
}
export interface QueueResult {
  vacancyId: string;
  state: string;
  reason?: string;
}

/** The apply queue as the content script sees it: typed messages to the background, injected here. */
export interface QueuePort {
  enqueue(items: QueueItem[]): Promise<QueueResult[]>;
  /** Job state per vacancy id (only those with a job). */
  states(vacancyIds: string[]): Promise<Record<string, string>>;
}

/** What the controller needs from lib/hh and lib/match: injected, so it is testable on synthetic DOM. */
export interface TriageDeps {
  findCards(root: ParentNode): Element[];
  parseCard(card: Element): ParsedCard;
  /** The element the badge goes before (the title heading); null → card's first child. */
  badgeAnchor(card: Element): Element | null;
  /** The list that holds the cards (the bar goes before it); null → before the first card. */
  listContainer(card: Element): Element | null;
  /** Builds a scoring function for the current settings. */
  makeScorer(settings: ListingSettings): ((v: MatchVacancy) => MatchResult) | null;
  formatReason(r: MatchResult['reasons'][number], lang: Lang): string;
  report?(stats: TriageStats): void;
  /** The user asked to fill in the profile (bar button shown while there is nothing to score against). */
  openSetup?(): void;
  queue?: QueuePort;
  lang: Lang;
}

interface CardState {
  parsed: ParsedCard;
  result?: MatchResult;
  badge?: HTMLElement;
}

const ROOT_ON = 'data-otk-on';
const ROOT_REVEAL = 'data-otk-reveal';
const VERDICT = 'data-otk-verdict';
const ACTION = 'data-otk-action';
const STYLE_ID = 'otk-page-style';

/**
 * Listing triage on one document: finds cards (now and later), scores them, badges, dims or hides them, and
 * keeps a summary bar. `stop()` removes every trace, leaving the page as it was.
 */
export class ListingTriage {
  private cards = new Map<Element, CardState>();
  private settings: ListingSettings;
  private scorer: ((v: MatchVacancy) => MatchResult) | null;
  private bar: HTMLElement | null = null;
  private revealed = false;
  private abort = new AbortController();
  private flush: (() => void) | null = null;
  /** Job state per vacancy id, as the queue last told us. */
  private jobs = new Map<string, string>();
  private busy = new Set<string>();
  private confirmUntil = 0;
  private note: { text: string; error: boolean } | undefined;
  /** Script time of the first full pass (parse + score + render), for the benchmark. */
  firstPassMs: number | null = null;
  /** The latest pass that found new cards (pagination, infinite scroll): warm-code figure for the benchmark. */
  lastPass: { ms: number; cards: number } | null = null;

  constructor(
    private doc: Document,
    private deps: TriageDeps,
    settings: ListingSettings,
  ) {
    this.settings = settings;
    this.scorer = deps.makeScorer(settings);
  }

  start(): void {
    const t0 = performance.now();
    this.ensureStyle();
    this.doc.documentElement.setAttribute(ROOT_ON, '');
    this.pass();
    this.firstPassMs = performance.now() - t0;
    this.deps.report?.(this.stats());
    this.flush = observeAdditions(this.doc.body ?? this.doc.documentElement, () => this.pass(), this.abort.signal);
  }

  /** Re-score every known card with new settings (profile edits, thresholds, on/off). */
  update(settings: ListingSettings): void {
    this.settings = settings;
    this.scorer = this.deps.makeScorer(settings);
    for (const [card, state] of this.cards) this.scoreCard(card, state);
    this.render([...this.cards.keys()]);
  }

  setRevealed(revealed: boolean): void {
    this.revealed = revealed;
    this.doc.documentElement.toggleAttribute(ROOT_REVEAL, revealed);
    this.renderBar();
  }

  /** Processes whatever is pending right now (tests, benchmarks). */
  flushNow(): void {
    this.flush?.();
  }

  stats(): TriageStats {
    let shown = 0;
    let dimmed = 0;
    let hidden = 0;
    let unrecognised = 0;
    for (const s of this.cards.values()) {
      if (!s.parsed.ok) unrecognised++;
      else if (s.result?.verdict === 'hide') hidden++;
      else if (s.result?.verdict === 'dim') dimmed++;
      else shown++;
    }
    // In dim mode, cards the scorer would hide are only dimmed.
    if (this.settings.triage.action === 'dim') {
      dimmed += hidden;
      hidden = 0;
    }
    const stats: TriageStats = { url: this.doc.location?.href ?? 'about:blank', total: this.cards.size, shown, dimmed, hidden, unrecognised };
    if (this.firstPassMs !== null) stats.firstPassMs = Math.round(this.firstPassMs * 1000) / 1000;
    if (this.lastPass) stats.lastPass = { ms: Math.round(this.lastPass.ms * 1000) / 1000, cards: this.lastPass.cards };
    return stats;
  }

  stop(): void {
    this.abort.abort();
    for (const [card, state] of this.cards) {
      state.badge?.remove();
      card.removeAttribute(VERDICT);
      card.removeAttribute(ACTION);
    }
    this.cards.clear();
    this.bar?.remove();
    this.bar = null;
    this.doc.getElementById(STYLE_ID)?.remove();
    this.doc.documentElement.removeAttribute(ROOT_ON);
    this.doc.documentElement.removeAttribute(ROOT_REVEAL);
  }

  private ensureStyle(): void {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = PAGE_CSS;
    (this.doc.head ?? this.doc.documentElement).append(style);
  }

  /** Reads first (find, parse, score), then writes everything in one go: no read/write interleaving. */
  private pass(): void {
    const t0 = performance.now();
    for (const card of this.cards.keys()) if (!card.isConnected) this.cards.delete(card);
    const fresh: Element[] = [];
    for (const card of this.deps.findCards(this.doc)) {
      if (this.cards.has(card)) continue;
      const state: CardState = { parsed: this.deps.parseCard(card) };
      this.scoreCard(card, state);
      this.cards.set(card, state);
      fresh.push(card);
    }
    if (fresh.length) {
      this.render(fresh);
      this.lastPass = { ms: performance.now() - t0, cards: fresh.length };
      this.loadJobStates(fresh);
      if (this.firstPassMs !== null) this.deps.report?.(this.stats());
    } else this.renderBar();
  }

  /** Asks the queue which of these vacancies it already holds; re-renders their badges when it answers. */
  private loadJobStates(cards: Element[]): void {
    const port = this.deps.queue;
    if (!port || !this.scorer) return;
    const ids = cards.flatMap((c) => {
      const p = this.cards.get(c)?.parsed;
      return p?.ok ? [p.vacancy.id] : [];
    });
    if (!ids.length) return;
    port.states(ids).then(
      (states) => {
        for (const [id, state] of Object.entries(states)) this.jobs.set(id, state);
        if (!this.abort.signal.aborted) this.render(cards.filter((c) => c.isConnected));
      },
      () => undefined, // no queue (worker restarting): cards keep their plain queue button
    );
  }

  private queueItem(state: CardState): QueueItem | null {
    if (!state.parsed.ok || !state.result) return null;
    const v = state.parsed.vacancy;
    const url = state.parsed.url ?? `${this.doc.location?.origin ?? 'https://hh.ru'}/vacancy/${v.id}`;
    return { vacancy: { id: v.id, title: v.title, employer: v.employer, url, score: Math.round(state.result.score * 1000) / 1000 } };
  }

  /** Cards the user can still queue: shown (not dimmed/hidden), not applied on hh, no live job. */
  private queueable(): QueueItem[] {
    const out: QueueItem[] = [];
    for (const [card, state] of this.cards) {
      if (!card.isConnected || state.result?.verdict !== 'show' || !state.parsed.ok || state.parsed.applied) continue;
      const job = this.jobs.get(state.parsed.vacancy.id);
      if (job && job !== 'cancelled') continue;
      const item = this.queueItem(state);
      if (item) out.push(item);
    }
    return out;
  }

  private async enqueue(items: QueueItem[]): Promise<void> {
    const port = this.deps.queue;
    if (!port || !items.length) return;
    const t = texts[this.deps.lang];
    for (const i of items) this.busy.add(i.vacancy.id);
    this.rerenderIds(items.map((i) => i.vacancy.id));
    try {
      const results = await port.enqueue(items);
      for (const r of results) this.jobs.set(r.vacancyId, r.state);
      const created = results.filter((r) => r.reason === undefined || r.reason === 'revived').length;
      const blocked = results.find((r) => r.reason && !['already_queued', 'revived'].includes(r.reason));
      this.note = blocked && items.length === 1 ? { text: t.queueFailed(blocked.reason!), error: true } : { text: t.queued(created), error: false };
    } catch (e) {
      this.note = { text: t.queueFailed(e instanceof Error ? e.message.replace(/^[a-zA-Z]+: /, '') : String(e)), error: true };
    } finally {
      for (const i of items) this.busy.delete(i.vacancy.id);
      this.rerenderIds(items.map((i) => i.vacancy.id));
    }
  }

  private rerenderIds(ids: string[]): void {
    const want = new Set(ids);
    this.render([...this.cards].filter(([c, s]) => c.isConnected && s.parsed.ok && want.has(s.parsed.vacancy.id)).map(([c]) => c));
  }

  private queueAll(): void {
    const items = this.queueable();
    if (!items.length) return;
    const now = Date.now();
    if (now > this.confirmUntil) {
      this.confirmUntil = now + 5000; // a second click within 5 s confirms
      this.renderBar();
      setTimeout(() => this.renderBar(), 5100);
      return;
    }
    this.confirmUntil = 0;
    void this.enqueue(items);
  }

  private queueButton(state: CardState): BadgeView['queue'] {
    if (!this.deps.queue || !state.parsed.ok) return undefined;
    const t = texts[this.deps.lang];
    const id = state.parsed.vacancy.id;
    if (this.busy.has(id)) return { text: '…', state: null, enabled: false };
    if (state.parsed.applied) return { text: t.queueState['hh_applied']!, state: 'applied', enabled: false };
    const job = this.jobs.get(id);
    if (!job || job === 'cancelled') return { text: t.queue, state: null, enabled: true };
    return { text: t.queueState[job] ?? job, state: job, enabled: false };
  }

  private scoreCard(_card: Element, state: CardState): void {
    if (!state.parsed.ok || !this.scorer) {
      delete state.result;
      return;
    }
    state.result = this.scorer(state.parsed.vacancy);
  }

  private render(cards: Element[]): void {
    const action = this.settings.triage.action;
    const showBadges = this.settings.triage.showBadges;
    // New badges are filled while detached and inserted afterwards with the attribute writes: building a
    // shadow tree that is already in the page costs style invalidation for every node added.
    const inserts: { card: Element; badge: HTMLElement }[] = [];
    for (const card of cards) {
      const state = this.cards.get(card);
      if (!state) continue;
      const result = state.result;
      if (!result || !showBadges) {
        state.badge?.remove();
        delete state.badge;
        continue;
      }
      let badge = state.badge;
      if (!badge) {
        const forQueue = state;
        badge = state.badge = createBadge(this.doc, this.deps.queue ? () => {
          const item = this.queueItem(forQueue);
          if (item) void this.enqueue([item]);
        } : undefined);
        inserts.push({ card, badge });
      }
      const queue = this.queueButton(state);
      renderBadge(badge, {
        score: result.score,
        verdict: result.verdict,
        label: texts[this.deps.lang].score,
        ...(queue ? { queue } : {}),
        reasons: orderReasons(result.reasons, result.verdict).map((r) => ({ text: this.deps.formatReason(r, this.deps.lang), minus: r.polarity === 'minus' })),
      });
    }
    for (const { card, badge } of inserts) {
      const anchor = this.deps.badgeAnchor(card);
      if (anchor?.parentNode) anchor.parentNode.insertBefore(badge, anchor);
      else card.prepend(badge);
    }
    for (const card of cards) {
      const state = this.cards.get(card);
      if (!state) continue;
      const result = state.result;
      if (result) {
        card.setAttribute(VERDICT, result.verdict);
        card.setAttribute(ACTION, action);
      } else {
        card.removeAttribute(VERDICT);
        card.removeAttribute(ACTION);
      }
    }
    this.renderBar();
  }

  private renderBar(): void {
    const first = this.firstCard();
    if (!first || (!this.scorer && !this.deps.openSetup)) {
      this.bar?.remove();
      this.bar = null;
      this.deps.report?.(this.stats());
      return;
    }
    if (!this.bar) {
      this.bar = createBar(this.doc, { toggle: () => this.setRevealed(!this.revealed), setup: () => this.deps.openSetup?.(), queueAll: () => this.queueAll() });
    }
    // The bar sits before the list that holds the first card (or the card itself when it has no list).
    const list = this.deps.listContainer(first) ?? first;
    if (this.bar.nextElementSibling !== list) list.parentNode?.insertBefore(this.bar, list);
    const s = this.stats();
    if (this.scorer) {
      const queueable = this.deps.queue ? this.queueable().length : 0;
      renderBar(this.bar, {
        ...s,
        revealed: this.revealed,
        lang: this.deps.lang,
        queueable,
        confirming: Date.now() <= this.confirmUntil,
        ...(this.note ? { note: this.note } : {}),
      });
    }
    else renderBar(this.bar, { setup: true, total: s.total, lang: this.deps.lang });
    this.deps.report?.(s);
  }

  private firstCard(): Element | null {
    for (const card of this.cards.keys()) if (card.isConnected) return card;
    return null;
  }
}

export { BADGE_ATTR, BAR_ATTR };
