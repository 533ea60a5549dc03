import { storage } from '#imports';
import { MIGRATIONS } from './migrations';
import { SETTINGS_VERSION, defaultSettings, settingsSchema, type Settings } from './schema';
import { parseStoredSettings } from './parse';

export { parseStoredSettings } from './parse';
export { SETTINGS_META_KEY } from './version';

/**
 * The settings item. `local:` rather than `sync:`: resume text and blacklists outgrow sync quotas, and a
 * profile is personal data the user may not want in their Google account.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
  // Writing defaults on first run also stores the version mark, so later migrations know where they start.
  init: defaultSettings,
});

export async function getSettings(): Promise<Settings> {
  return parseStoredSettings(await settingsItem.getValue(), (m) => console.warn('[otklik]', m));
}

/**
 * `getSettings` for hot paths (every hh listing page asks the worker to score its cards): the parsed settings are
 * kept until storage reports a change, so a page's request waits for no storage read and no schema parse.
 * A read in flight when a change lands still answers its own callers; the next call reads again.
 */
export function cachedSettings(read: () => Promise<Settings> = getSettings, watch: (changed: () => void) => unknown = (c) => settingsItem.watch(c)): () => Promise<Settings> {
  let cached: Promise<Settings> | null = null;
  watch(() => (cached = null));
  return () => {
    if (!cached) {
      const reading = read();
      cached = reading;
      // A failed read is not kept: the next call tries again.
      reading.catch(() => {
        if (cached === reading) cached = null;
      });
    }
    return cached;
  };
}

/** Validates before writing: an invalid object throws and storage stays as it was. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = settingsSchema.parse(next);
  await settingsItem.setValue(valid);
  return valid;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await getSettings()));
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((raw) => cb(parseStoredSettings(raw)));
}
