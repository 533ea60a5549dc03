/**
 * Runs `flush` once per frame at most, however often `schedule` is called. requestAnimationFrame does not fire
 * in background tabs, so a timeout races it: whichever comes first flushes.
 */
export function createBatcher(flush: () => void, fallbackMs = 100) {
  let pending = false;
  let raf = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!pending) return;
    pending = false;
    if (raf) cancelAnimationFrame(raf);
    if (timer !== undefined) clearTimeout(timer);
    raf = 0;
    timer = undefined;
    flush();
  };
  return {
    schedule() {
      if (pending) return;
      pending = true;
      if (typeof requestAnimationFrame === 'function') raf = requestAnimationFrame(run);
      timer = setTimeout(run, fallbackMs);
    },
    /** Flush now if something is pending (e.g. before measuring or stopping). */
    flushNow: run,
    cancel() {
      pending = false;
      if (raf) cancelAnimationFrame(raf);
      if (timer !== undefined) clearTimeout(timer);
      raf = 0;
      timer = undefined;
    },
  };
}

/**
 * One MutationObserver for the whole page: its callback only notes that something was added and schedules a
 * batched pass; no DOM work happens inside the callback (uBlock/refined-github style). Additions that are
 * all `ours` (our badges and bar) schedule nothing: drawing 50 badges must not cost another pass over the page.
 */
export function observeAdditions(
  root: Node,
  onBatch: () => void,
  signal: AbortSignal,
  ours: (node: Node) => boolean = () => false,
  now: () => boolean = () => false,
): () => void {
  const batcher = createBatcher(onBatch);
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      for (let i = 0; i < r.addedNodes.length; i++) {
        if (!ours(r.addedNodes[i]!)) {
          batcher.schedule();
          // `now()`: the pass is cheap and must not wait for the next frame (nodes added inside a rAF callback
          // are painted in that very frame): run it in this microtask, before any paint.
          if (now()) batcher.flushNow();
          return;
        }
      }
    }
  });
  mo.observe(root, { childList: true, subtree: true });
  const stop = () => {
    mo.disconnect();
    batcher.cancel();
  };
  signal.addEventListener('abort', stop, { once: true });
  return batcher.flushNow;
}
