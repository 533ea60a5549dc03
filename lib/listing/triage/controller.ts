import type { RawCard } from '../../core/hh/listing';
import type { TriageStats } from '../../core/messaging/listing-protocol';
import { observeAdditions } from '../dom/batch';
import { BADGE_ATTR, createBadge, renderBadge, type BadgeView, type Why } from './badge';
import { BAR_ATTR, createBar, renderBar } from './bar';
import { PAGE_CSS } from './styles';
import { texts, type Lang } from './texts';
import type { Gate } from './early';
import type { CardVerdict, StateAnswer, TriageAnswer } from './verdicts';

/** How long a card marked "not for me" waits for the optional why before it is judged again. */
const WHY_MS = 5000;

/** A card as read from the page: its raw fields (scored by the worker), or why its markup was not recognised. */
export type ReadCard = { ok: true; raw: RawCard; anchor?: Element | null } | { ok: false; reason: string };

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
  /** Job state per vacancy id (only those with a job); the listing gets them with its verdicts instead. */
  states(vacancyIds: string[]): Promise<Record<string, string>>;
}

/** What the controller needs from lib/core/hh and the worker: injected, so it is testable on synthetic DOM. */
export interface TriageDeps {
  findCards(root: ParentNode): Element[];
  readCard(card: Element): ReadCard;
  /** Verdicts for these cards, in order (the worker scores them; tests answer synchronously). */
  score(cards: RawCard[]): TriageAnswer | Promise<TriageAnswer>;
  /** What the queue needs of a card (title, employer, absolute URL): only read when the user queues it. */
  queueVacancy(raw: RawCard): Omit<QueueItem['vacancy'], 'score' | 'id'>;
  /** The element the badge goes before (the title heading); null → card's first child. */
  badgeAnchor(card: Element): Element | null;
  /** The list that holds the cards (the bar goes before it); null → before the first card. */
  listContainer(card: Element): Element | null;
  report?(stats: TriageStats): void;
  /** A card's vacancy id by the cheapest read (to apply a verdict known from the page's state without reading it). */
  cardId?(card: Element): string | null;
  /**
   * Verdicts on the page's embedded state (every vacancy of the page, rendered or not; null when it is absent,
   * stale or unrecognised), already bounded by the caller; `refresh` asks again after a settings change.
   */
  state?: { answer: Promise<StateAnswer | null>; refresh(): Promise<StateAnswer | null> };
  /** The document_start gate holding back un-judged cards: lifted once the first verdicts are drawn. */
  gate?: Gate;
  /** How long a card hh adds later may stay unpainted while its verdict is fetched (fail open after). */
  waitMs?: number;
  /** The user asked to fill in the profile (bar button shown while there is nothing to score against). */
  openSetup?(): void;
  queue?: QueuePort;
  /** A badge's "relevant" / "not for me" to the worker (true: learned); the page is re-scored after it. */
  feedback?(vacancyId: string, label: 'relevant' | 'not', why?: Why): Promise<boolean>;
  lang: Lang;
}

interface CardState {
  card: Element;
  /** The card's DOM read; for a card judged from the page's state only read when needed (queueing, re-scoring). */
  parsed?: ReadCard;
  /** Vacancy id when known without reading the card. */
  id: string | null;
  /** Judged from the page's state (hh's signals known). */
  fromState?: boolean;
  /**
   * On screen before its verdict came (gate lifted / bound passed): its badge must take no room, and a "hide"
   * verdict only dims it — collapsing it would move what the user may be reading (the fail-open flash).
   */
  painted?: boolean;
  result?: CardVerdict;
  badge?: HTMLElement;
  /** The score request whose answer this card waits for (a later one supersedes an earlier one). */
  request: number;
}

const ROOT_ON = 'data-otk-on';
const ROOT_REVEAL = 'data-otk-reveal';
const VERDICT = 'data-otk-verdict';
const ACTION = 'data-otk-action';
const STYLE_ID = 'otk-page-style';
const WAIT = 'data-otk-wait';
const BARRED = 'data-otk-barred';
const LATE = 'data-otk-late';
/**
 * The shortest a card on hh's list gets (title, employer, city, button): the first pass builds badges only for
 * as many shown cards as could fit on the first screen; the rest, below it, are drawn in the next task.
 */
const MIN_CARD_PX = 150;

/** A node Otklik put into the page (a badge or the bar host). */
const isOurs = (n: Node): boolean =>
  n.nodeType === 1 && ((n as Element).hasAttribute(BADGE_ATTR) || (n as Element).hasAttribute(BAR_ATTR));

/**
 * Listing triage on one document: finds cards (now and later), scores them, badges, dims or hides them, and
 * keeps a summary bar. `stop()` removes every trace, leaving the page as it was.
 */
export class ListingTriage {
  private cards = new Map<Element, CardState>();
  /** How the worker last said to treat cards; null until its first answer. */
  private mode: TriageAnswer['mode'] | null = null;
  private action: TriageAnswer['action'] = 'hide';
  private showBadges = true;
  private requests = 0;
  /** The newest request whose answer set mode, action and badges. */
  private answered = 0;
  /** Which card a badge belongs to (for its queue button). */
  private badgeOwners = new WeakMap<HTMLElement, CardState>();
  private bar: HTMLElement | null = null;
  private revealed = false;
  private abort = new AbortController();
  private flush: (() => void) | null = null;
  /** Job state per vacancy id, as the queue last told us. */
  private jobs = new Map<string, string>();
  private busy = new Set<string>();
  private confirmUntil = 0;
  /** A card whose employer refuses automatic applications, waiting for its confirming click. */
  private confirmOne: { id: string; until: number } | null = null;
  private note: { text: string; error: boolean } | undefined;
  /** The user's labels given on this page (the buttons show them pressed). */
  private labels = new Map<string, 'relevant' | 'not'>();
  /** The card just marked "not for me" that asks why: it stays in view until answered or WHY_MS pass. */
  private asking: { id: string; timer: ReturnType<typeof setTimeout> } | null = null;
  /**
   * Page script time of the first pass (reading the cards + drawing the worker's verdicts; the wait for the
   * worker in between is not the page's time), for the benchmark. Null until the first verdicts are drawn.
   */
  firstPassMs: number | null = null;
  /** Of firstPassMs, the part before the worker's answer: reading the cards and sending them. */
  firstReadMs: number | null = null;
  /** When the first verdicts were drawn (page clock). */
  firstDrawnAt: number | null = null;
  /** The worker's script time scoring the first pass's cards. */
  workerMs: number | null = null;
  /** The latest pass that found new cards (pagination, infinite scroll): warm-code figure for the benchmark. */
  lastPass: { ms: number; cards: number } | null = null;
  /** Verdicts from the page's state, by vacancy id (null: none, the cards are read). */
  private stateById: Map<string, CardVerdict> | null = null;
  /** Why the page's state was not used, when it was not ('absent' when there was none to ask about). */
  stateProblem: string | null = null;
  /** Cards judged from the state / read from the DOM (benchmark, tests). */
  sources = { state: 0, dom: 0 };

  constructor(
    private doc: Document,
    private deps: TriageDeps,
  ) {}

  start(): void {
    const go = (answer: StateAnswer | null) => {
      if (this.abort.signal.aborted) return;
      const t0 = performance.now(); // the page-level style and switch belong to the first pass's time
      this.useState(answer);
      this.ensureStyle();
      this.doc.documentElement.setAttribute(ROOT_ON, '');
      this.pass(true, t0);
      // With verdicts known from the page's state, cards hh's script inserts are judged in the observer's own
      // microtask: a card inserted inside a rAF callback would otherwise be painted before the next frame's pass.
      this.flush = observeAdditions(
        this.doc.body ?? this.doc.documentElement,
        () => this.pass(false),
        this.abort.signal,
        isOurs,
        () => this.stateById !== null,
      );
    };
    if (this.deps.state) this.deps.state.answer.then(go, () => go(null));
    else go(null);
  }

  /** Takes the worker's verdicts on the page's state (how to treat cards, and a verdict per vacancy id). */
  private useState(answer: StateAnswer | null): void {
    if (!answer) {
      this.stateProblem ??= this.deps.state ? 'no answer' : null;
      return;
    }
    this.mode = answer.mode;
    this.action = answer.action;
    this.showBadges = answer.badges;
    for (const [vacancyId, state] of Object.entries(answer.jobs)) this.jobs.set(vacancyId, state);
    this.stateProblem = answer.problem ?? null;
    this.stateById = answer.byId.size ? answer.byId : null;
  }

  /** The card's DOM read, done now if it was not needed before. */
  private read(state: CardState): ReadCard {
    return (state.parsed ??= this.deps.readCard(state.card));
  }

  /** The badge's feedback buttons: pressed as labelled on this page, with the why line while it asks. */
  private feedbackView(state: CardState): NonNullable<BadgeView['feedback']> {
    const t = texts[this.deps.lang];
    const id = state.id ?? (state.parsed?.ok ? state.parsed.raw.id : '');
    return {
      relevant: t.feedbackRelevant,
      not: t.feedbackNot,
      own: this.labels.get(id) ?? null,
      ...(this.asking?.id === id ? { why: t.why } : {}),
    };
  }

  private idOf(state: CardState): string | null {
    if (state.id !== null) return state.id;
    const p = this.read(state);
    return p.ok ? p.raw.id : null;
  }

  /**
   * A badge's queue button, pressed by the user (createBadge ignores untrusted clicks). The badge's closed root
   * listens itself: a listener on the document would not see which element of a closed root was clicked.
   */
  private onQueueClick(host: HTMLElement): void {
    const state = this.badgeOwners.get(host);
    if (!state) return;
    const id = this.idOf(state);
    if (
      state.result?.signals?.noAuto &&
      id !== null &&
      !(this.confirmOne?.id === id && Date.now() <= this.confirmOne.until)
    ) {
      this.confirmOne = { id, until: Date.now() + 5000 };
      this.render([state.card]);
      setTimeout(() => this.render([state.card]), 5100);
      return;
    }
    this.confirmOne = null;
    const item = this.queueItem(state);
    if (item) void this.enqueue([item]);
  }

  /**
   * A badge's "relevant" / "not for me", pressed by the user (createBadge ignores untrusted clicks): the worker
   * learns from it, then every card of the page is judged again with what it learned.
   */
  private onFeedbackClick(host: HTMLElement, label: 'relevant' | 'not', why?: Why): void {
    const state = this.badgeOwners.get(host);
    const id = state ? this.idOf(state) : null;
    if (!state || id === null || !this.deps.feedback) return;
    const asked = this.asking;
    if (asked) clearTimeout(asked.timer);
    this.asking = null;
    // "Not for me" first asks why (optional): the card is judged again once answered, or after WHY_MS.
    if (label === 'not' && !why)
      this.asking = { id, timer: setTimeout(() => ((this.asking = null), this.rescore()), WHY_MS) };
    this.labels.set(id, label);
    this.render(asked && asked.id !== id ? [...this.cards.keys()] : [state.card]);
    void this.deps.feedback(id, label, why).then(
      (learned) => {
        if (this.abort.signal.aborted) return;
        if (!learned) this.labels.delete(id);
        if (this.asking?.id !== id) this.rescore();
        else if (!learned) this.render([state.card]);
      },
      () => {
        this.labels.delete(id);
        this.render([state.card]);
      },
    );
  }

  /** Re-score every known card (the settings changed: profile, thresholds, action, badges). */
  rescore(): void {
    const fromState = [...this.cards.values()].filter((s) => s.fromState);
    const others = [...this.cards.keys()].filter((c) => !this.cards.get(c)?.fromState);
    this.request(others, 0, false);
    if (!fromState.length || !this.deps.state) return;
    void this.deps.state.refresh().then(
      (answer) => {
        if (this.abort.signal.aborted) return;
        this.useState(answer);
        const redo: Element[] = [];
        const drawn: Element[] = [];
        for (const s of fromState) {
          const v = s.id !== null ? this.stateById?.get(s.id) : undefined;
          if (v) {
            s.result = v;
            drawn.push(s.card);
          } else {
            delete s.fromState; // no longer in an answer from the state: read the card
            redo.push(s.card);
          }
        }
        this.render(drawn);
        if (redo.length) this.request(redo, 0, false);
      },
      () => undefined,
    );
  }

  setRevealed(revealed: boolean): void {
    this.revealed = revealed;
    // Hidden cards got no badge while nobody could see them: now they need one (render() also draws the bar).
    const bare =
      revealed && this.mode === 'on' ? [...this.cards].filter(([, s]) => s.result && !s.badge).map(([c]) => c) : [];
    if (bare.length) this.render(bare);
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
      if (!s.fromState && s.parsed && !s.parsed.ok) unrecognised++;
      else if (s.result?.verdict === 'hide') {
        if (s.painted) dimmed++;
        else hidden++;
      } else if (s.result?.verdict === 'dim') dimmed++;
      else shown++;
    }
    // In dim mode, cards the scorer would hide are only dimmed.
    if (this.action === 'dim') {
      dimmed += hidden;
      hidden = 0;
    }
    const stats: TriageStats = {
      url: this.doc.location?.href ?? 'about:blank',
      total: this.cards.size,
      shown,
      dimmed,
      hidden,
      unrecognised,
    };
    // Timings as measured (the worker stores them as they come): the benchmark's figures.
    if (this.firstPassMs !== null) stats.firstPassMs = this.firstPassMs;
    if (this.workerMs !== null) stats.workerMs = this.workerMs;
    if (this.firstReadMs !== null) stats.firstReadMs = this.firstReadMs;
    if (this.firstDrawnAt !== null) stats.firstDrawnAt = this.firstDrawnAt;
    if (this.lastPass) stats.lastPass = this.lastPass;
    if (this.stateProblem !== null || this.sources.state) {
      stats.source = {
        state: this.sources.state,
        dom: this.sources.dom,
        ...(this.stateProblem ? { problem: this.stateProblem.slice(0, 300) } : {}),
      };
    }
    if (this.gateInfo()) stats.gate = this.gateInfo()!;
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
    for (const el of this.doc.querySelectorAll(`[${BARRED}]`)) el.removeAttribute(BARRED);
    this.bar?.remove();
    this.bar = null;
    this.doc.getElementById(STYLE_ID)?.remove();
    this.doc.documentElement.removeAttribute(ROOT_ON);
    this.doc.documentElement.removeAttribute(ROOT_REVEAL);
    this.deps.gate?.lift('stopped');
  }

  private gateInfo(): string | null {
    return this.deps.gate?.why ?? null;
  }

  private ensureStyle(): void {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = PAGE_CSS;
    (this.doc.head ?? this.doc.documentElement).append(style);
  }

  /** Reads the new cards (no DOM writes), asks for their verdicts, and draws them all in one go when they come. */
  private pass(first: boolean, t0 = performance.now()): void {
    for (const card of this.cards.keys()) if (!card.isConnected) this.cards.delete(card);
    const fresh: Element[] = [];
    const known: Element[] = [];
    // A card already on screen (the gate was lifted, bound passed, and a frame rendered) gets its verdict late.
    const painted = first ? this.deps.gate?.lifted === true : false;
    for (const card of this.deps.findCards(this.doc)) {
      if (this.cards.has(card)) continue;
      const id = this.deps.cardId?.(card) ?? null;
      const verdict = id !== null ? this.stateById?.get(id) : undefined;
      if (verdict) {
        // Judged from the page's state: drawn in this very pass, before the card is ever painted.
        this.cards.set(card, { card, id, fromState: true, result: verdict, request: 0, painted });
        this.sources.state++;
        known.push(card);
      } else {
        this.cards.set(card, { card, parsed: this.deps.readCard(card), id, request: 0, painted });
        this.sources.dom++;
        fresh.push(card);
        // A card hh adds later waits unpainted for its verdict, for a bounded time (fail open after).
        if (!first && this.mode === 'on') this.hold(card);
      }
    }
    // The first pass draws the badges of the first screen only (building badges is most of its time); the
    // cards below wait unpainted, keeping their place (`data-otk-wait`), for the next task.
    if (known.length) this.render(known, first ? innerHeight / MIN_CARD_PX : Infinity); // NaN (no window): all
    if (fresh.length || first) this.request(fresh, performance.now() - t0, first);
    else this.renderBar();
  }

  /** Keeps a card unpainted (it keeps its place) until its verdict is drawn or `waitMs` passes. */
  private hold(card: Element): void {
    card.setAttribute(WAIT, '');
    setTimeout(() => {
      if (!card.hasAttribute(WAIT)) return;
      card.removeAttribute(WAIT);
      const s = this.cards.get(card);
      if (s) s.painted = true;
    }, this.deps.waitMs ?? 400);
  }

  /**
   * Sends the recognised ones of `cards` to the scorer; when the answer comes, draws them (unless a later
   * request for the same card overtook it). `readMs`: page time spent reading these cards.
   */
  private request(cards: Element[], readMs: number, first: boolean): void {
    const id = ++this.requests;
    const sent: Element[] = [];
    const raws: RawCard[] = [];
    for (const card of cards) {
      const state = this.cards.get(card);
      if (!state) continue;
      state.request = id;
      const parsed = this.read(state);
      if (parsed.ok) {
        sent.push(card);
        raws.push(parsed.raw);
      }
    }
    const done = (answer: TriageAnswer) => {
      if (this.abort.signal.aborted) return;
      const t0 = performance.now();
      // How to treat cards comes from the newest answer: an older one arriving late carries older settings.
      if (id > this.answered) {
        this.answered = id;
        this.mode = answer.mode;
        this.action = answer.action;
        this.showBadges = answer.badges;
      }
      for (const [vacancyId, state] of Object.entries(answer.jobs ?? {})) this.jobs.set(vacancyId, state);
      sent.forEach((card, i) => {
        const state = this.cards.get(card);
        if (!state || state.request !== id) return;
        const result = answer.results[i];
        if (result) state.result = result;
        else delete state.result;
      });
      const drawn = cards.filter((c) => this.cards.get(c)?.request === id);
      // The first screen's answer came after the gate let hh's cards be seen (bound passed, frame rendered): those
      // cards are on screen as hh made them, whenever the first pass read them, and must not collapse now.
      if (first && this.deps.gate?.lifted)
        for (const c of drawn) {
          const s = this.cards.get(c);
          if (s && !c.hasAttribute(WAIT)) s.painted = true;
        }
      this.render(drawn);
      const ms = readMs + (answer.receiveMs ?? 0) + performance.now() - t0;
      if (first) {
        this.firstPassMs = ms;
        this.firstReadMs = readMs;
        this.firstDrawnAt = performance.now();
        if (answer.ms !== undefined) this.workerMs = answer.ms;
        this.deps.gate?.lift('drawn');
      } else if (readMs > 0) this.lastPass = { ms, cards: cards.length };
      this.deps.report?.(this.stats());
    };
    if (!raws.length) {
      // Nothing to score (no cards yet, or none recognised): draw what there is with the last known mode.
      done({ mode: this.mode ?? 'on', action: this.action, badges: this.showBadges, results: [] });
      return;
    }
    let answer: TriageAnswer | Promise<TriageAnswer>;
    const sendAt = performance.now();
    try {
      answer = this.deps.score(raws);
    } catch {
      if (first) this.deps.gate?.lift('failed');
      return; // the scorer is unavailable: the cards stay as they are, the next pass asks again
    }
    // Handing the cards over (the message) is page time too.
    readMs += performance.now() - sendAt;
    if (answer instanceof Promise) answer.then(done, () => void (first && this.deps.gate?.lift('failed')));
    else done(answer);
  }

  private queueItem(state: CardState): QueueItem | null {
    const parsed = this.read(state);
    if (!parsed.ok || !state.result) return null;
    const raw = parsed.raw;
    return { vacancy: { id: raw.id, ...this.deps.queueVacancy(raw), score: state.result.score } };
  }

  /**
   * The shown cards the bulk action may queue, and those it leaves out because the employer refuses automatic
   * applications (hh's `acceptAutoResponse: false`: the user queues those one by one, confirming each).
   */
  private bulkCandidates(): { queueable: CardState[]; noAuto: number } {
    const queueable: CardState[] = [];
    let noAuto = 0;
    for (const [card, state] of this.cards) {
      if (!card.isConnected || state.result?.verdict !== 'show' || state.result.applied) continue;
      if (!state.fromState && !state.parsed?.ok) continue;
      const id = this.idOf(state);
      if (id === null) continue;
      const job = this.jobs.get(id);
      if (job && job !== 'cancelled') continue;
      if (state.result.signals?.noAuto) noAuto++;
      else queueable.push(state);
    }
    return { queueable, noAuto };
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
      this.note =
        blocked && items.length === 1
          ? { text: t.queueFailed(blocked.reason!), error: true }
          : { text: t.queued(created), error: false };
    } catch (e) {
      this.note = {
        text: t.queueFailed(e instanceof Error ? e.message.replace(/^[a-zA-Z]+: /, '') : String(e)),
        error: true,
      };
    } finally {
      for (const i of items) this.busy.delete(i.vacancy.id);
      this.rerenderIds(items.map((i) => i.vacancy.id));
    }
  }

  private rerenderIds(ids: string[]): void {
    const want = new Set(ids);
    this.render(
      [...this.cards]
        .filter(([c, s]) => c.isConnected && (s.fromState || s.parsed?.ok) && want.has(this.idOf(s) ?? ''))
        .map(([c]) => c),
    );
  }

  private queueAll(): void {
    // Queue items are built only now: the bar just counts the cards (building them cost the first pass ~4 ms).
    const states = this.bulkCandidates().queueable;
    if (!states.length) return;
    const now = Date.now();
    if (now > this.confirmUntil) {
      this.confirmUntil = now + 5000; // a second click within 5 s confirms
      this.renderBar();
      setTimeout(() => this.renderBar(), 5100);
      return;
    }
    this.confirmUntil = 0;
    // Queue items (title, employer, absolute URL) are built only now: the bar just counts the cards.
    void this.enqueue(states.flatMap((s) => this.queueItem(s) ?? []));
  }

  private queueButton(state: CardState): BadgeView['queue'] {
    if (!this.deps.queue || (!state.fromState && !state.parsed?.ok)) return undefined;
    const t = texts[this.deps.lang];
    const id = this.idOf(state);
    if (id === null) return undefined;
    if (this.busy.has(id)) return { text: '…', state: null, enabled: false };
    const job = this.jobs.get(id);
    // Otklik's own job says more than hh's "applied" label (e.g. the application it just sent).
    if (state.result?.applied && (!job || job === 'cancelled'))
      return { text: t.queueState['hh_applied']!, state: 'applied', enabled: false };
    if (!job || job === 'cancelled') {
      if (!state.result?.signals?.noAuto) return { text: t.queue, state: null, enabled: true };
      // The employer refuses automatic applications: queued only on a second, confirming click.
      return this.confirmOne?.id === id && Date.now() <= this.confirmOne.until
        ? { text: t.queueNoAutoConfirm, state: 'confirm', enabled: true, title: t.noAutoTitle }
        : { text: t.queue, state: null, enabled: true, title: t.noAutoTitle };
    }
    return { text: t.queueState[job] ?? job, state: job, enabled: false };
  }

  /** `budget`: how many new badges to build now; cards past it are held back (WAIT) and drawn in the next task. */
  private render(cards: Element[], budget = Infinity): void {
    const action = this.action;
    const t = texts[this.deps.lang];
    const later: Element[] = [];
    const showBadges = this.showBadges;
    // New badges are filled while detached and inserted afterwards with the attribute writes: building a
    // shadow tree that is already in the page costs style invalidation for every node added.
    const inserts: { card: Element; badge: HTMLElement }[] = [];
    for (const card of cards) {
      const state = this.cards.get(card);
      if (!state) continue;
      const result = this.mode === 'on' ? state.result : undefined;
      if (!result || !showBadges) {
        state.badge?.remove();
        delete state.badge;
        continue;
      }
      let badge = state.badge;
      if (!badge) {
        // A hidden card shows nothing: its badge is built when the user reveals the hidden cards.
        if (result.verdict === 'hide' && action === 'hide' && !state.painted && !this.revealed) continue;
        if (budget-- <= 0) {
          later.push(card);
          continue;
        }
        const host: HTMLElement =
          (badge =
          state.badge =
            createBadge(
              this.doc,
              this.deps.queue ? () => this.onQueueClick(host) : undefined,
              this.deps.feedback ? (label, why) => this.onFeedbackClick(host, label, why) : undefined,
            ));
        // Already on screen (its verdict came after the bound): the badge floats and pushes nothing.
        if (state.painted) badge.setAttribute(LATE, '');
        this.badgeOwners.set(badge, state);
        inserts.push({ card, badge });
      }
      const queue = this.queueButton(state);
      renderBadge(badge, {
        score: result.score,
        verdict: result.verdict,
        label: t.score,
        ...(queue ? { queue } : {}),
        reasons: result.reasons,
        ...(result.signals ? { signals: result.signals } : {}),
        ...(this.deps.feedback ? { feedback: this.feedbackView(state) } : {}),
        lang: this.deps.lang,
      });
    }
    for (const { card, badge } of inserts) {
      const parsed = this.cards.get(card)?.parsed;
      const read =
        parsed && parsed.ok && parsed.anchor?.isConnected && card.contains(parsed.anchor) ? parsed.anchor : null;
      const anchor = read ?? this.deps.badgeAnchor(card);
      if (anchor?.parentNode) anchor.parentNode.insertBefore(badge, anchor);
      else card.prepend(badge);
    }
    for (const card of cards) {
      const state = this.cards.get(card);
      if (!state) continue;
      const result = this.mode === 'on' ? state.result : undefined;
      if (result) {
        card.setAttribute(VERDICT, result.verdict);
        card.setAttribute(ACTION, state.painted ? 'dim' : action);
      } else {
        card.removeAttribute(VERDICT);
        card.removeAttribute(ACTION);
      }
      // Judged (or known to have no verdict): no longer held back, unless its badge is still to be drawn.
      if (later.includes(card)) card.setAttribute(WAIT, '');
      else if (state.request !== 0 || state.fromState || this.mode !== 'on') card.removeAttribute(WAIT);
    }
    if (later.length) setTimeout(() => this.abort.signal.aborted || this.render(later));
    this.renderBar();
  }

  private renderBar(): void {
    const first = this.firstCard();
    if (!first || this.mode === null || this.mode === 'off' || (this.mode === 'empty' && !this.deps.openSetup)) {
      this.bar?.remove();
      this.bar = null;
      this.deps.report?.(this.stats());
      return;
    }
    if (!this.bar) {
      this.bar = createBar(this.doc, {
        toggle: () => this.setRevealed(!this.revealed),
        setup: () => this.deps.openSetup?.(),
        queueAll: () => this.queueAll(),
      });
      // Made after hh's cards were painted (verdicts past the bound, Otklik turned on again): it floats.
      const why = this.deps.gate?.why;
      if (why && why !== 'drawn') this.bar.setAttribute(LATE, '');
    }
    // The bar is the first child of the list that holds the first card (before the card when it has no list),
    // in the slot the gate kept for it (early.ts): giving up the slot and inserting the bar happen in one task,
    // so nothing moves.
    const list = this.deps.listContainer(first);
    if (list ? this.bar.parentNode !== list : this.bar.nextElementSibling !== first) {
      if (list) {
        list.prepend(this.bar);
        list.setAttribute(BARRED, '');
      } else first.before(this.bar);
    }
    const s = this.stats();
    if (this.mode === 'on') {
      const bulk = this.deps.queue ? this.bulkCandidates() : { queueable: [], noAuto: 0 };
      renderBar(this.bar, {
        ...s,
        queueable: bulk.queueable.length,
        noAuto: bulk.noAuto,
        revealed: this.revealed,
        lang: this.deps.lang,
        confirming: Date.now() <= this.confirmUntil,
        ...(this.note ? { note: this.note } : {}),
      });
    } else renderBar(this.bar, { setup: true, total: s.total, lang: this.deps.lang });
    this.deps.report?.(s);
  }

  private firstCard(): Element | null {
    for (const card of this.cards.keys()) if (card.isConnected) return card;
    return null;
  }
}

export { BADGE_ATTR, BAR_ATTR };
