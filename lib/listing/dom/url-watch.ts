/**
 * Calls `onUrl` now and whenever the page's URL changes. hh navigates client-side (pushState), which fires
 * no event: a URL change shows up as DOM churn, checked 500 ms after it settles; back/forward fire popstate.
 */
export function watchUrl(onUrl: (href: string) => void, signal: AbortSignal, settleMs = 500): void {
  let href = '';
  const check = () => {
    if (signal.aborted || location.href === href) return;
    href = location.href;
    onUrl(href);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(check, settleMs);
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  window.addEventListener('popstate', check);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('popstate', check);
    },
    { once: true },
  );
  check();
}
