import { BADGE_CSS } from './styles';
import type { Verdict } from '../match/types';

export interface BadgeView {
  score: number;
  verdict: Verdict;
  /** Short reasons, most important first; minus ones are shown in red. */
  reasons: { text: string; minus: boolean }[];
  label: string;
}

export const BADGE_ATTR = 'data-otk-badge';

/** A badge host: a <span> with its own shadow root, so hh.ru's CSS and ours never meet. */
export function createBadge(doc: Document): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(BADGE_ATTR, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const chip = doc.createElement('span');
  chip.className = 'b';
  chip.setAttribute('part', 'chip');
  root.append(style, chip);
  return host;
}

export function renderBadge(host: HTMLElement, view: BadgeView): void {
  const chip = host.shadowRoot?.querySelector('.b');
  if (!chip) return;
  const doc = host.ownerDocument;
  const pct = Math.round(view.score * 100);
  chip.className = `b ${view.verdict}`;
  const all = view.reasons.map((r) => r.text).join('\n');
  chip.setAttribute('title', `${view.label}: ${pct}/100${all ? `\n${all}` : ''}`);
  const score = doc.createElement('span');
  score.className = 's';
  score.textContent = String(pct);
  const text = doc.createElement('span');
  text.className = 'r';
  view.reasons.slice(0, 3).forEach((r, i) => {
    if (i) text.append(' · ');
    const span = doc.createElement('span');
    span.className = r.minus ? 'm' : 'p';
    span.textContent = r.text;
    text.append(span);
  });
  chip.replaceChildren(score, text);
}
