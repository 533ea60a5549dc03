/**
 * An element of ours inside hh.ru's page with its own shadow root and stylesheet: hh.ru's CSS cannot reach in,
 * ours cannot leak out. Returns the host (what goes into the page) and the root's content element.
 */
export function createShadowHost<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attr: string, css: string, className: string) {
  const host = doc.createElement(tag);
  host.setAttribute(attr, '');
  const root = host.attachShadow({ mode: 'open' });
  const content = doc.createElement(tag === 'span' ? 'span' : 'div');
  content.className = className;
  if (!adoptSheet(doc, root, css)) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  root.append(content);
  return { host, root, content };
}

/** One constructed stylesheet per document and CSS text, shared by every shadow root (50 badges: parsed once). */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/** Adopts the shared sheet; false where constructable stylesheets are missing or refused (then a <style>). */
function adoptSheet(doc: Document, root: ShadowRoot, css: string): boolean {
  if (typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in root)) return false;
  try {
    let byCss = sheets.get(doc);
    if (!byCss) sheets.set(doc, (byCss = new Map()));
    let sheet = byCss.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      byCss.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    return root.adoptedStyleSheets.length === 1; // an assignment a wrapper dropped silently counts as refused
  } catch {
    return false; // e.g. Firefox content scripts (Xray wrappers) or a sheet of another document
  }
}
