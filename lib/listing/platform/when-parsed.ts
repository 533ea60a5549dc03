/**
 * Runs `fn` once `doc` is parsed: at DOMContentLoaded, or now when that has passed. Content scripts start at
 * document_start (to wake the worker and read settings early) but read the page only once it is all there.
 * Nothing runs after `signal` aborts.
 */
export function whenParsed(doc: Document, fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true, signal });
  else fn();
}
