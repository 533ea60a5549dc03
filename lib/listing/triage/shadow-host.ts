/** One constructed stylesheet per document and CSS text, shared by every shadow root that uses it. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Our CSS in a shadow root: a shared constructed stylesheet where the browser has them (one parse for all 50
 * badges, and inserting a host costs no <style> bookkeeping), else a <style> element.
 */
function adoptCss(doc: Document, root: ShadowRoot, css: string): void {
  const win = doc.defaultView;
  if (win && 'adoptedStyleSheets' in root) {
    let byText = sheets.get(doc);
    if (!byText) sheets.set(doc, (byText = new Map()));
    let sheet = byText.get(css);
    try {
      if (!sheet) {
        sheet = new win.CSSStyleSheet();
        sheet.replaceSync(css);
        byText.set(css, sheet);
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // e.g. a content-script world that may not construct sheets for the page: fall back to <style>
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** The closed roots of our hosts: only this content script's world holds them (`host.shadowRoot` is null). */
const roots = new WeakMap<Element, ShadowRoot>();

/** The shadow root of one of our hosts (null for anything else). */
export function shadowOf(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}

/**
 * An element of ours inside hh.ru's page with its own shadow root and stylesheet: hh.ru's CSS cannot reach in,
 * ours cannot leak out. The root is closed: a page script sees an empty host (no `shadowRoot`, no text, no
 * buttons to press, no reasons naming the profile), and composed events from inside are retargeted to the
 * host. Returns the host (what goes into the page) and the root's content element.
 */
export function createShadowHost<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attr: string,
  css: string,
  className: string,
) {
  const host = doc.createElement(tag);
  host.setAttribute(attr, '');
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  adoptCss(doc, root, css);
  const content = doc.createElement(tag === 'span' ? 'span' : 'div');
  content.className = className;
  root.append(content);
  return { host, root, content };
}
