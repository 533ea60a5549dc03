/**
 * Unit tests: a click as the browser delivers a user's one (`isTrusted: true`). happy-dom has no isTrusted,
 * so the property is set on the event; in a real browser it is unforgeable, which is what Otklik relies on
 * (a page's `el.click()` arrives untrusted: see lib/listing/dom/trusted.ts).
 */
export function trustedClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}
