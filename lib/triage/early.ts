import { anyOf, listingCard, serpResults } from '../hh/selectors';

/** The room the summary bar takes above the results list (bar.css: height 36 + margin 12). */
export const BAR_ROOM_PX = 48;

/** Attribute on <html> while un-judged cards are held back (the gate). */
export const GATE_ATTR = 'data-otk-gate';
const GATE_STYLE_ID = 'otk-gate-style';
const CARD = anyOf(listingCard);
const TEMPLATE_ID = 'HH-Lux-InitialState';

/**
 * The one rule that keeps a card hh has inserted from being painted before its verdict: `visibility`, so the
 * card keeps its place (nothing moves when it shows) and hh's own layout is untouched. Only cards with no
 * verdict, only while <html> carries the gate attribute: lifting the gate (one attribute) shows them all.
 */
const GATE_CSS =
  `html[${GATE_ATTR}] ${listingCard.map((s) => `${s}:not([data-otk-verdict])`).join(',')}{visibility:hidden!important}` +
  // The summary bar goes before the results list with the first verdicts: its room is kept from the start.
  `html[${GATE_ATTR}] ${serpResults.map((s) => `${s}:not([data-otk-barred])`).join(',')}{margin-top:${BAR_ROOM_PX}px!important}`;

export interface Gate {
  /** Show every held-back card now (verdicts drawn, Otklik off, or the bound passed). Idempotent. */
  lift(why: string): void;
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
  style.id = GATE_STYLE_ID;
  style.textContent = GATE_CSS;
  root.setAttribute(GATE_ATTR, '');
  (doc.head ?? root).append(style);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gate = {
    lifted: false,
    why: null as string | null,
    lift(why: string) {
      if (gate.lifted) return;
      gate.lifted = true;
      gate.why = why;
      clearTimeout(timer);
      root.removeAttribute(GATE_ATTR);
      style.remove();
    },
    /** The bound runs from the first card (a slow network must not use it up before there is anything to hold). */
    startClock() {
      if (timer === undefined && !gate.lifted) timer = setTimeout(() => gate.lift('bound'), boundMs);
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
export function watchParse(doc: Document, on: { firstCard(): void; state(template: Element | null): void }, signal: AbortSignal): void {
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
