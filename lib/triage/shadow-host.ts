/**
 * An element of ours inside hh.ru's page with its own shadow root and stylesheet: hh.ru's CSS cannot reach in,
 * ours cannot leak out. Returns the host (what goes into the page) and the root's content element.
 */
export function createShadowHost<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attr: string, css: string, className: string) {
  const host = doc.createElement(tag);
  host.setAttribute(attr, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const content = doc.createElement(tag === 'span' ? 'span' : 'div');
  content.className = className;
  root.append(style, content);
  return { host, root, content };
}
