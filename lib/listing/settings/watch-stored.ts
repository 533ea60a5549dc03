import { ext } from '../platform/ext';
import { SETTINGS_KEY, SETTINGS_META_KEY, SETTINGS_VERSION } from '../../core/settings/version';

/** Settings now and on every change, until the returned function is called (a parser bound to watchStoredSettings). */
export type SettingsWatch<T> = (cb: (settings: T) => void) => () => void;

/**
 * Read-only settings for content scripts: storage.local + zod + storage.onChanged, without WXT storage (its
 * item definition runs migrations and writes defaults, which only the worker may do).
 *  - no stored value yet: `parse(undefined)` (defaults) — the worker writes them on its first start;
 *  - a value stored by an older version (`settings$.v` below SETTINGS_VERSION, absent = 1 as in WXT storage):
 *    nothing is delivered; the worker migrates it and the change arrives through onChanged.
 * Calls `cb` with the current settings, then on every change. Returns the unsubscribe function.
 */
export function watchStoredSettings<T>(parse: (raw: unknown) => T, cb: (settings: T) => void): () => void {
  let seq = 0;
  let stopped = false;
  const read = async () => {
    const mine = ++seq;
    const got = await ext.storage.local.get([SETTINGS_KEY, SETTINGS_META_KEY]);
    // A later read (a newer change) has started meanwhile: this answer may be stale.
    if (stopped || mine !== seq) return;
    const settings = currentOrNull(got[SETTINGS_KEY], got[SETTINGS_META_KEY], parse);
    if (settings !== null) cb(settings.value);
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS_KEY in changes || SETTINGS_META_KEY in changes)) void read();
  };
  ext.storage.onChanged.addListener(onChanged);
  void read();
  return () => {
    stopped = true;
    ext.storage.onChanged.removeListener(onChanged);
  };
}

/** The parsed settings when `raw` is current (or absent); null while it waits for the worker's migration. */
export function currentOrNull<T>(raw: unknown, meta: unknown, parse: (raw: unknown) => T): { value: T } | null {
  if (raw === null || raw === undefined) return { value: parse(undefined) };
  const v =
    meta && typeof meta === 'object' && typeof (meta as { v?: unknown }).v === 'number' ? (meta as { v: number }).v : 1;
  return v < SETTINGS_VERSION ? null : { value: parse(raw) };
}
