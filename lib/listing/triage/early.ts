import { anyOf, listingCard, serpResults } from '../../core/hh/selectors';

/** The room the summary bar takes above the results list (bar.css: height 36 + margin 12). */
export const BAR_ROOM_PX = 48;

/** Attribute on <html> while un-judged cards are held back (the gate). */
export const GATE_ATTR = 'data-otk-gate';
const CARD = anyOf(listingCard);
const TEMPLATE_ID = 'HH-Lux-InitialState';

const within = (sels: readonly string[]) => sels.map((s) => `html[${GATE_ATTR}] ${s}`).join(',');

/**
 * The rules that keep what hh has inserted from being painted before the verdicts: `visibility`, so every box
 * keeps its place and hh's own layout is untouched; only while <html> carries the gate attribute (lifting the
 * gate, one attribute, shows it all). Layout Instability counts every visible box that moves, painted content or
 * not: when the first verdicts collapse the hidden cards, hh's wrapper around each card below them and the pager
 * after the list move up. So the whole list and what follows it are held back, not just the cards, and a judged
 * card shows in it (our bar shows with the gate lifted); what was not visible in the previous frame shifts nothing.
 */
const GATE_CSS =
  within([...listingCard.map((s) => `${s}:not([data-otk-verdict])`), ...serpResults.flatMap((s) => [s, `${s}~*`])]) +
  '{visibility:hidden!important}' +
  within(serpResults.map((s) => `${s} [data-otk-verdict]`)) +
  '{visibility:visible!important}' +
  // The summary bar goes in as the list's first child with the first verdicts: its slot is kept from the start
  // *inside* the list (a margin on the list collapses through hh's containers, so they would move when it is
  // given up: CLS 0.25 measured). The bar replaces the slot in the same task: no box moves.
  within(serpResults.map((s) => `${s}:not([data-otk-barred])::before`)) +
  `{content:"";display:block;height:${BAR_ROOM_PX}px}`;

export interface Gate {
  /** Show every held-back card now (verdicts drawn, Otklik off, or the bound passed). Idempotent. */
  lift(why: string): void;
  /**
   * A frame was rendered since the gate was lifted: hh's cards may have been seen as hh made them (a background
   * tab renders none: its cards were never seen). What comes after must move nothing.
   */
  readonly lifted: boolean;
  /** Why it was lifted (benchmark, tests): 'drawn', 'off', 'bound', … */
  readonly why: string | null;
}

/**
 * At document_start on a listing page: hold back every card until its verdict is drawn, for at most `boundMs`
 * after the first card appears (fail open: a slow, stopped or broken worker leaves hh's cards exactly as hh made
 * them, late by at most the bound). Nothing else on the page is held back.
 */
export function openGate(doc: Document, boundMs: number, signal: AbortSignal): Gate & { startClock(): void } {
  const root = doc.documentElement;
  const style = doc.createElement('style');
  style.textContent = GATE_CSS;
  root.setAttribute(GATE_ATTR, '');
  (doc.head ?? root).append(style);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gate = {
    lifted: false,
    why: null as string | null,
    lift(why: string) {
      if (gate.why) return;
      gate.why = why;
      requestAnimationFrame(() => (gate.lifted = true));
      clearTimeout(timer);
      root.removeAttribute(GATE_ATTR);
      style.remove();
    },
    /** The bound runs from the first card (a slow network must not use it up before there is anything to hold). */
    startClock() {
      if (timer === undefined && !gate.why) timer = setTimeout(() => gate.lift('bound'), boundMs);
    },
  };
  signal.addEventListener('abort', () => gate.lift('stopped'), { once: true });
  return gate;
}

/**
 * While the page parses: notes the first card (the gate's clock) and hands over the state template as soon as
 * the parser has moved past it (its text is complete then), or null at DOMContentLoaded when there is none.
 * One MutationObserver whose callback does two O(1)-ish checks and stops as soon as both are done.
 */
export function watchParse(
  doc: Document,
  on: { firstCard(): void; state(template: Element | null): void },
  signal: AbortSignal,
): void {
  let cardSeen = false;
  let stateDone = false;
  const check = (final: boolean) => {
    if (!cardSeen && doc.querySelector(CARD)) {
      cardSeen = true;
      on.firstCard();
    }
    if (!stateDone) {
      const t = doc.getElementById(TEMPLATE_ID);
      if (t && (t.nextSibling || final || doc.readyState !== 'loading')) {
        stateDone = true;
        on.state(t);
      } else if (final) {
        stateDone = true;
        on.state(null);
      }
    }
    if ((cardSeen && stateDone) || final) mo.disconnect();
  };
  const mo = new MutationObserver(() => check(false));
  if (doc.readyState !== 'loading') return check(true);
  mo.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', () => check(true), { once: true, signal });
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
}

/** The state template's text: a <template>'s children live in `.content` (entities already decoded by the parser). */
export function templateText(t: Element): string {
  const content = (t as HTMLTemplateElement).content as DocumentFragment | undefined;
  return content?.textContent || t.textContent || '';
}
