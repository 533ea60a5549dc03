import { createShadowHost } from './shadow-host';
import { BADGE_CSS } from './styles';
import type { Verdict } from '../match/types';

export interface BadgeView {
  score: number;
  verdict: Verdict;
  /** Short reasons, most important first; minus ones are shown in red. */
  reasons: { text: string; minus: boolean }[];
  label: string;
  /** The queue button: absent when there is no queue (tests, pages without a session). */
  queue?: { text: string; state: string | null; enabled: boolean; title?: string };
}

export const BADGE_ATTR = 'data-otk-badge';

/** A badge host: a <span> with its own shadow root, so hh.ru's CSS and ours never meet. */
export function createBadge(doc: Document, onQueue?: () => void): HTMLElement {
  const { host, root, content: chip } = createShadowHost(doc, 'span', BADGE_ATTR, BADGE_CSS, 'b');
  chip.setAttribute('part', 'chip');
  if (onQueue) {
    root.addEventListener('click', (e) => {
      if ((e.target as Element | null)?.closest?.('.q:not([disabled])')) {
        e.preventDefault();
        e.stopPropagation(); // the card itself is a link-like button on hh.ru
        onQueue();
      }
    });
  }
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
  if (view.queue) {
    const q = doc.createElement('button');
    q.type = 'button';
    q.className = 'q';
    q.setAttribute('data-otk-queue', '');
    if (view.queue.state) q.setAttribute('data-state', view.queue.state);
    q.disabled = !view.queue.enabled;
    q.textContent = view.queue.text;
    if (view.queue.title) q.title = view.queue.title;
    chip.append(q);
  }
}
