/**
 * Vacancy HTML → what a reader sees and what was hidden from them. A small tokenizer instead of DOMParser: the
 * service worker has none, and the same code must run on the page-panel path and in unit tests.
 *
 * Hidden = text a person on hh.ru would not see: comments, <script>/<style>/<template>/<noscript>, the
 * `hidden`/`aria-hidden` attributes, and inline or <style>-block CSS that hides (display:none,
 * visibility:hidden, zero or tiny font, zero opacity, white or transparent text, text the same colour as its
 * background, off-screen positioning, zero-size clipped boxes, scale(0)). Nested elements are tracked on a stack,
 * so `<div style="display:none"><div>a</div>b</div>` hides both a and b.
 *
 * Only real HTML tag names are tags: `</VACANCY-1234>` or `<system>` in the text stay text (and are reported as a
 * forged fence by ./asks.ts), instead of vanishing as unknown markup.
 */
const HTML_TAGS = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote body br caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hr html i img ins kbd label li main mark nav noscript ol p pre q s ' +
    'samp script section small span strike strong style sub summary sup table tbody td template textarea tfoot th thead title tr tt u ul var wbr ' +
    'iframe object embed svg math meta link input button select option form picture source video audio canvas'
  ).split(' '),
);
const VOID = new Set('br hr img wbr meta link input col source embed'.split(' '));
const BLOCK = new Set(
  'p div li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer pre dd dt details summary br hr'.split(
    ' ',
  ),
);
/** Whose content is never shown as text. */
const NEVER_SHOWN = new Set(
  'script style template noscript head title textarea iframe object svg math select'.split(' '),
);

const WHITE =
  /^(#fff|#ffffff|#fffffe|white|rgb\(255,255,255\)|rgba\(255,255,255,[\d.]+\)|hsl\(0,0%,100%\)|transparent|rgba\([\d.]+,[\d.]+,[\d.]+,0(\.0+)?\))$/;

function px(value: string): number | null {
  const m = /^(-?[\d.]+)(px|pt|em|rem|%|vw|vh)?$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  switch (m[2]) {
    case 'em':
    case 'rem':
      return n * 16;
    case '%':
      return (n / 100) * 16;
    case 'pt':
      return n * 1.33;
    default:
      return n;
  }
}

/** Whether a CSS declaration block hides its element's text from a reader. */
export function cssHides(style: string): boolean {
  const decl = new Map<string, string>();
  for (const part of style.toLowerCase().split(';')) {
    const at = part.indexOf(':');
    if (at < 0) continue;
    decl.set(
      part.slice(0, at).trim(),
      part
        .slice(at + 1)
        .replace(/!important/g, '')
        .replace(/\s+/g, '')
        .trim(),
    );
  }
  const get = (k: string) => decl.get(k) ?? '';
  if (get('display') === 'none' || /^(hidden|collapse)$/.test(get('visibility'))) return true;
  const fs = px(get('font-size'));
  if (fs !== null && fs < 4) return true;
  const op = Number(get('opacity') || '1');
  if (Number.isFinite(op) && op < 0.1) return true;
  const color = get('color');
  if (color && WHITE.test(color)) return true;
  const bg = get('background-color') || get('background');
  if (color && bg && color === bg) return true;
  if (/^(absolute|fixed)$/.test(get('position'))) {
    for (const k of ['left', 'top', 'right', 'bottom']) {
      const v = px(get(k));
      if (v !== null && v <= -500) return true;
    }
  }
  const indent = px(get('text-indent'));
  if (indent !== null && indent <= -500) return true;
  const w = px(get('width'));
  const h = px(get('height'));
  const mh = px(get('max-height'));
  if (
    /hidden|clip/.test(get('overflow')) &&
    ((w !== null && w <= 1) || (h !== null && h <= 1) || (mh !== null && mh <= 1))
  )
    return true;
  if (/rect\(0/.test(get('clip')) || /inset\((50|100)%/.test(get('clip-path'))) return true;
  if (/scale\(0(\.0+)?(,0(\.0+)?)?\)/.test(get('transform'))) return true;
  return false;
}

/** Class names that <style> blocks in the markup hide (`.x{display:none}`); selectors are read loosely on purpose. */
function hiddenClasses(html: string): Set<string> {
  const out = new Set<string>();
  for (const block of html.matchAll(/<style\b[^>]*>([\s\S]*?)(<\/style\s*>|$)/gi)) {
    for (const rule of (block[1] ?? '').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      if (!cssHides(rule[2] ?? '')) continue;
      for (const cls of (rule[1] ?? '').matchAll(/\.([\w-]+)/g)) out.add(cls[1]!.toLowerCase());
    }
  }
  return out;
}

function attributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attrs.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

export interface HtmlText {
  /** Visible text (tags removed, block ends as newlines; entities NOT decoded yet). */
  visible: string;
  /** Each hidden run of text, with why it was hidden. */
  hidden: Array<{ text: string; how: 'comment' | 'css' }>;
}

const TOKEN = /<!--([\s\S]*?)(?:-->|$)|<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

export function splitHtml(html: string): HtmlText {
  const hiddenCls = html.includes('<style') || html.includes('<STYLE') ? hiddenClasses(html) : new Set<string>();
  const visible: string[] = [];
  const hidden: HtmlText['hidden'] = [];
  const stack: Array<{ tag: string; hides: boolean }> = [];
  let hiddenDepth = 0;
  let hiddenBuf: string[] = [];
  let last = 0;
  const text = (s: string) => {
    if (!s) return;
    if (hiddenDepth > 0) hiddenBuf.push(s);
    else visible.push(s);
  };
  const flushHidden = () => {
    const t = hiddenBuf.join('');
    hiddenBuf = [];
    if (t.trim()) hidden.push({ text: t, how: 'css' });
  };
  for (const m of html.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at < last) continue; // inside a skipped <style> body
    const tag = (m[3] ?? '').toLowerCase();
    if (m[1] === undefined && !HTML_TAGS.has(tag)) continue; // not markup: stays text
    text(html.slice(last, at));
    last = at + m[0].length;
    if (m[1] !== undefined) {
      if (m[1].trim()) hidden.push({ text: m[1], how: 'comment' });
      continue;
    }
    const closing = m[2] === '/';
    if (closing) {
      const i = stack.map((e) => e.tag).lastIndexOf(tag);
      if (i < 0) continue;
      for (const e of stack.splice(i)) if (e.hides) hiddenDepth--;
      if (hiddenDepth === 0 && hiddenBuf.length) flushHidden();
      if (BLOCK.has(tag)) text('\n');
      continue;
    }
    if (BLOCK.has(tag)) text('\n');
    if (VOID.has(tag) || /\/\s*$/.test(m[4] ?? '')) continue;
    if (tag === 'style') {
      // Rules, not text for anyone (read above for hidden classes): skipped, not reported.
      const end = html.toLowerCase().indexOf('</style', last);
      last = end < 0 ? html.length : end;
      continue;
    }
    const a = attributes(m[4] ?? '');
    const style = a.get('style');
    const cls = a.get('class');
    const hides =
      NEVER_SHOWN.has(tag) ||
      a.has('hidden') ||
      /^true$/i.test(a.get('aria-hidden') ?? '') ||
      (style !== undefined && cssHides(style)) ||
      (cls !== undefined && cls.split(/\s+/).some((c) => hiddenCls.has(c.toLowerCase())));
    stack.push({ tag, hides });
    if (hides) hiddenDepth++;
  }
  text(html.slice(last));
  if (hiddenBuf.length) flushHidden();
  return { visible: visible.join(''), hidden };
}
