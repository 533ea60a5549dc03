import { isTrusted } from '../dom/trusted';
import { createShadowHost, shadowOf } from './shadow-host';
import { BAR_CSS } from './styles';
import { texts, type Lang } from './texts';

export const BAR_ATTR = 'data-otk-bar';

export type BarView = CountsView | SetupView;

/** No profile yet: the bar invites the user to fill it in instead of judging anything. */
export interface SetupView {
  setup: true;
  total: number;
  lang: Lang;
}

export interface CountsView {
  setup?: false;
  total: number;
  hidden: number;
  dimmed: number;
  unrecognised: number;
  revealed: boolean;
  lang: Lang;
  /** Bulk queue: how many shown cards can still be queued; `confirming` after the first click. */
  queueable?: number;
  /** Shown cards the bulk action leaves out: the employer refuses automatic applications. */
  noAuto?: number;
  confirming?: boolean;
  /** Last queue message (result or error). */
  note?: { text: string; error: boolean };
}

export function createBar(
  doc: Document,
  on: { toggle: () => void; setup: () => void; queueAll?: () => void },
): HTMLElement {
  const { host, content: bar } = createShadowHost(doc, 'div', BAR_ATTR, BAR_CSS, 'bar');
  bar.setAttribute('role', 'status');
  bar.addEventListener('click', (e) => {
    if (!isTrusted(e)) return; // a page script's click neither reveals, opens options nor queues
    const action = (e.target as Element | null)?.closest?.('button')?.getAttribute('data-otk-action');
    if (action === 'toggle-hidden') on.toggle();
    else if (action === 'setup') on.setup();
    else if (action === 'queue-all') on.queueAll?.();
  });
  return host;
}

export function renderBar(host: HTMLElement, v: BarView): void {
  const bar = shadowOf(host)?.querySelector('.bar');
  if (!bar) return;
  const t = texts[v.lang];
  const doc = host.ownerDocument;
  if (v.setup) {
    const msg = doc.createElement('span');
    msg.textContent = t.setupNeeded(v.total);
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.setAttribute('data-otk-action', 'setup');
    btn.textContent = t.setupProfile;
    bar.replaceChildren(msg, btn);
    return;
  }
  const msg = doc.createElement('span');
  msg.textContent = v.hidden || v.dimmed ? t.summary(v.hidden, v.dimmed, v.total) : t.nothingHidden(v.total);
  const parts: Node[] = [msg];
  if (v.hidden) {
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.setAttribute('data-otk-action', 'toggle-hidden');
    btn.setAttribute('aria-pressed', String(v.revealed));
    btn.textContent = v.revealed ? t.hideAgain : t.showAll;
    parts.push(btn);
  }
  if (v.queueable) {
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.className = 'qa';
    btn.setAttribute('data-otk-action', 'queue-all');
    if (v.confirming) btn.setAttribute('data-confirm', '');
    btn.textContent = v.confirming ? t.queueConfirm(v.queueable) : t.queueAll(v.queueable);
    parts.push(btn);
  }
  if (v.noAuto) {
    const note = doc.createElement('span');
    note.className = 'muted';
    note.textContent = t.bulkNoAuto(v.noAuto);
    parts.push(note);
  }
  if (v.note) {
    const note = doc.createElement('span');
    note.className = v.note.error ? 'warn' : 'ok';
    note.textContent = v.note.text;
    parts.push(note);
  }
  if (v.unrecognised) {
    const warn = doc.createElement('span');
    warn.className = 'warn';
    warn.textContent = t.unrecognised(v.unrecognised);
    parts.push(warn);
  }
  bar.replaceChildren(...parts);
}
