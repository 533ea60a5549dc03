import { useEffect, useRef } from 'preact/hooks';

/** How long typing may pause before a change is saved. */
export const AUTOSAVE_MS = 600;

/**
 * The options page's one save model: a change is saved by itself once the user stops typing for a moment
 * (a section's own check decides whether it can be: a value it refuses is shown, not saved). Secrets (API keys,
 * the bot token) are the exception: they are saved with their own button. The first value seen (the load) and
 * `null` are never saved back.
 */
export function useAutosave<T>(value: T | null, save: () => unknown, delay = AUTOSAVE_MS): void {
  const last = useRef<{ seen: boolean; save: () => unknown }>({ seen: false, save });
  last.current.save = save;
  useEffect(() => {
    if (value === null || value === undefined) return;
    if (!last.current.seen) {
      last.current.seen = true;
      return;
    }
    const timer = setTimeout(() => void last.current.save(), delay);
    return () => clearTimeout(timer);
  }, [value]);
}
