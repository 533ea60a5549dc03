import { useEffect, useMemo } from 'preact/hooks';
import { signal, type Signal } from '@preact/signals';
import { liveQuery } from 'dexie';

export type Live<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; error: string };

/**
 * A Dexie liveQuery as a signal. Extension pages read the queue database directly (read-only: every write goes
 * through a background message), so the popup follows the worker's writes as they commit — Dexie forwards
 * them between contexts of the extension origin over a BroadcastChannel. `refreshMs` re-runs the query on a
 * clock as well, for what depends on time alone (the cap window freeing, quiet hours ending).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], refreshMs = 0): Signal<Live<T>> {
  const out = useMemo(() => signal<Live<T>>({ state: 'loading' }), []);
  useEffect(() => {
    const subscribe = () =>
      liveQuery(query).subscribe({
        next: (value) => (out.value = { state: 'ok', value }),
        error: (e: unknown) => (out.value = { state: 'error', error: e instanceof Error ? e.message : String(e) }),
      });
    let sub = subscribe();
    const timer = refreshMs
      ? setInterval(() => {
          sub.unsubscribe();
          sub = subscribe();
        }, refreshMs)
      : null;
    return () => {
      if (timer) clearInterval(timer);
      sub.unsubscribe();
    };
  }, deps);
  return out;
}
