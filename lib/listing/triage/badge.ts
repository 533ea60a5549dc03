import { isTrusted } from '../dom/trusted';
import { createShadowHost, shadowOf } from './shadow-host';
import { BADGE_CSS } from './styles';
import { scorePercent } from '../../core/match/percent';
import type { Verdict } from '../../core/match/types';
import { texts, type Lang } from './texts';
import type { HhSignals } from './verdicts';

export interface BadgeView {
  score: number;
  verdict: Verdict;
  /** Short reasons, most important first; minus ones are shown in red. */
  reasons: { text: string; minus: boolean }[];
  label: string;
  /** The queue button: absent when there is no queue (tests, pages without a session). */
  queue?: { text: string; state: string | null; enabled: boolean; title?: string };
  /** hh's own signals (from the page's state): employer warnings, competition, letter/test/auto-apply. */
  signals?: HhSignals;
  /** The "relevant" / "not for me" buttons (absent: not offered); `own` is the user's label of this vacancy. */
  feedback?: { relevant: string; not: string; own?: 'relevant' | 'not' | null; why?: readonly string[] };
  lang?: Lang;
}

export const BADGE_ATTR = 'data-otk-badge';

/** A badge host: a <span> with its own shadow root, so hh.ru's CSS and ours never meet. */
/** What "not for me" may say why, in the order of texts' `why` labels (lib/worker/feedback's FEEDBACK_WHY). */
export const WHY = ['role', 'level', 'salary', 'employer', 'location'] as const;
export type Why = (typeof WHY)[number];

export function createBadge(
  doc: Document,
  onQueue?: () => void,
  onFeedback?: (label: 'relevant' | 'not', why?: Why) => void,
): HTMLElement {
  const { host, root, content: chip } = createShadowHost(doc, 'span', BADGE_ATTR, BADGE_CSS, 'b');
  chip.setAttribute('part', 'chip');
  if (onQueue || onFeedback) {
    root.addEventListener('click', (e) => {
      const target = e.target as Element | null;
      const fb = onFeedback ? target?.closest?.('.f') : null;
      if (onQueue && target?.closest?.('.q:not([disabled])')) {
        e.preventDefault();
        e.stopPropagation(); // the card itself is a link-like button on hh.ru
        if (isTrusted(e)) onQueue(); // a page script's click queues nothing
      } else if (fb && onFeedback) {
        e.preventDefault();
        e.stopPropagation();
        // A page script's click teaches nothing.
        if (isTrusted(e))
          onFeedback(
            fb.getAttribute('data-otk-fb') === 'relevant' ? 'relevant' : 'not',
            WHY.find((w) => w === fb.getAttribute('data-otk-why')),
          );
      }
    });
  }
  return host;
}

/**
 * The chip's inner structure (score, three reason slots, queue button), built once per document: each badge
 * clones it in one call and fills it, instead of creating a dozen elements (the first pass draws up to 50).
 * The " · " between reasons is CSS (badge.css), so an unused slot is simply removed.
 */
const chipParts = new WeakMap<Document, DocumentFragment>();
function chipTemplate(doc: Document): DocumentFragment {
  let parts = chipParts.get(doc);
  if (!parts) {
    parts = doc.createDocumentFragment();
    const score = doc.createElement('span');
    score.className = 's';
    const text = doc.createElement('span');
    text.className = 'r';
    text.append(doc.createElement('span'), doc.createElement('span'), doc.createElement('span'));
    const q = doc.createElement('button');
    q.type = 'button';
    q.className = 'q';
    q.setAttribute('data-otk-queue', '');
    const up = doc.createElement('button');
    up.type = 'button';
    up.className = 'f';
    up.setAttribute('data-otk-fb', 'relevant');
    up.textContent = '✓';
    const down = doc.createElement('button');
    down.type = 'button';
    down.className = 'f';
    down.setAttribute('data-otk-fb', 'not');
    down.textContent = '✕';
    parts.append(score, text, q, up, down);
    chipParts.set(doc, parts);
  }
  return parts;
}

/** hh's signals as one line: employer warnings first (red, never behind a hover), then competition and asks. */
function signalsLine(doc: Document, sig: HhSignals, lang: Lang): HTMLElement | null {
  const t = texts[lang];
  const line = doc.createElement('span');
  line.className = 'g';
  const add = (text: string, cls: string) => {
    const el = doc.createElement('span');
    el.className = cls;
    el.textContent = text;
    line.append(el);
  };
  for (const w of sig.negative ?? []) add(`⚠ ${w}`, 'w');
  if (sig.responses !== undefined) add(t.responses(sig.responses), 'n');
  if (sig.noAuto) add(t.noAuto, 'n');
  if (sig.letterRequired) add(t.letterRequired, 'n');
  if (sig.testRequired) add(t.testRequired, 'n');
  return line.firstChild ? line : null;
}

export function renderBadge(host: HTMLElement, view: BadgeView): void {
  // The chip is the root's last child (after the <style> where the browser cannot adopt stylesheets).
  const chip = shadowOf(host)?.lastElementChild;
  if (!chip) return;
  const pct = scorePercent(view.score);
  chip.className = `b ${view.verdict}`;
  let all = '';
  for (const r of view.reasons) all += `\n${r.text}`;
  chip.setAttribute('title', `${view.label}: ${pct}/100${all}`);
  const parts = chipTemplate(host.ownerDocument).cloneNode(true) as DocumentFragment;
  const score = parts.firstElementChild!;
  const text = score.nextElementSibling!;
  const q = text.nextElementSibling as HTMLButtonElement;
  const up = q.nextElementSibling as HTMLButtonElement;
  const down = up.nextElementSibling as HTMLButtonElement;
  if (view.feedback) {
    up.title = view.feedback.relevant;
    up.setAttribute('aria-label', view.feedback.relevant);
    down.title = view.feedback.not;
    down.setAttribute('aria-label', view.feedback.not);
    up.setAttribute('aria-pressed', String(view.feedback.own === 'relevant'));
    down.setAttribute('aria-pressed', String(view.feedback.own === 'not'));
  } else {
    up.remove();
    down.remove();
  }
  score.textContent = String(pct);
  let slot = text.firstElementChild;
  for (let i = 0; i < 3 && slot; i++) {
    const next = slot.nextElementSibling;
    const r = view.reasons[i];
    if (r) {
      slot.className = r.minus ? 'm' : 'p';
      slot.textContent = r.text;
    } else slot.remove();
    slot = next;
  }
  if (view.queue) {
    if (view.queue.state) q.setAttribute('data-state', view.queue.state);
    q.disabled = !view.queue.enabled;
    q.textContent = view.queue.text;
    if (view.queue.title) q.title = view.queue.title;
  } else q.remove();
  const g = view.signals && signalsLine(host.ownerDocument, view.signals, view.lang ?? 'ru');
  if (g) parts.insertBefore(g, q.parentNode ? q : up.parentNode ? up : null);
  // After "not for me": why, optionally (a line of small buttons, the feedback buttons' look).
  const why = view.feedback?.why;
  if (why) {
    const line = host.ownerDocument.createElement('span');
    line.className = 'g';
    line.textContent = why[0] ?? '';
    WHY.forEach((w, i) => {
      const b = up.cloneNode() as HTMLElement;
      b.removeAttribute('data-otk-fb');
      b.setAttribute('data-otk-why', w);
      b.textContent = why[i + 1] ?? w;
      line.append(b);
    });
    parts.append(line);
  }
  chip.replaceChildren(parts);
}
