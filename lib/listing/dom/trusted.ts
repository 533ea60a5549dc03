/**
 * Whether an event came from the user (or the browser) rather than from a script. hh pages run scripts we do
 * not control: `el.click()`, `dispatchEvent(new MouseEvent('click'))` or a synthetic key press from the page
 * arrive with `isTrusted: false` and must never press an Otklik button. A real Enter / Space on a focused
 * button is turned into a trusted click by the browser, so keyboard users lose nothing.
 */
export function isTrusted(e: Event): boolean {
  return e.isTrusted === true;
}
