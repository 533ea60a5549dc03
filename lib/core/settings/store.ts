import { storage } from '#imports';
import { MIGRATIONS } from './migrations';
import { applyPaths, changedPaths, leafPaths, type SettingsPath } from './patch';
import { describeFallbacks, getAt, readSettings, type SettingsRead } from './read';
import { setKey } from '../letters/keys';
import { originChanged } from '../letters/provider-url';
import { SETTINGS_VERSION, defaultSettings, settingsSchema, type Settings } from './schema';

export { parseStoredSettings } from './parse';
export { SETTINGS_META_KEY } from './version';
export type { SettingsFallback, SettingsRead } from './read';

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

const OPENAI_URL = ['letters', 'openai', 'baseUrl'];

const warn = (read: SettingsRead): SettingsRead => {
  if (read.fallbacks.length)
    console.warn(
      '[otklik]',
      `stored settings: these fields are invalid and read as their defaults: ${describeFallbacks(read.fallbacks)}`,
    );
  return read;
};

/**
 * The settings with what fell back to defaults (the options page names those fields), and the version mark when
 * the stored object was written by a newer Otklik (after a rollback: WXT leaves it unmigrated, as it should).
 */
export async function loadSettings(): Promise<SettingsRead & { newerVersion?: number }> {
  const read = warn(readSettings(await settingsItem.getValue()));
  const v = (await settingsItem.getMeta()) as { v?: unknown } | null;
  return typeof v?.v === 'number' && v.v > SETTINGS_VERSION ? { ...read, newerVersion: v.v } : read;
}

export async function getSettings(): Promise<Settings> {
  return (await loadSettings()).settings;
}

/**
 * `getSettings` for hot paths (every hh listing page asks the worker to score its cards): the parsed settings are
 * kept until storage reports a change, so a page's request waits for no storage read and no schema parse.
 * A read in flight when a change lands still answers its own callers; the next call reads again.
 */
export function cachedSettings(
  read: () => Promise<Settings> = getSettings,
  watch: (changed: () => void) => unknown = (c) => settingsItem.watch(c),
): () => Promise<Settings> {
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

/**
 * Writes `next` as a patch of the stored object: `paths(current)` says which fields (all of them when absent:
 * those where `next` differs from what is read now). Validates first: an invalid object throws and storage
 * stays as it was. No change, no write.
 */
async function write(next: Settings, paths?: (current: SettingsRead) => SettingsPath[]): Promise<Settings> {
  const valid = settingsSchema.parse(next);
  const raw = await settingsItem.getValue();
  const current = readSettings(raw);
  const touched = paths ? paths(current) : changedPaths(current.settings, valid);
  if (!touched.length) return current.settings;
  const stored = applyPaths(raw, valid, touched);
  // The API key belongs to the origin it was entered for (as read, and as stored if that did not read): another
  // origin drops it before the new URL is stored, so the key can never reach it.
  const storedUrl = getAt(raw, OPENAI_URL);
  if (
    originChanged(
      [current.settings.letters.openai.baseUrl, typeof storedUrl === 'string' ? storedUrl : undefined],
      valid.letters.openai.baseUrl,
    )
  ) {
    await setKey('openai', '', 'session');
  }
  await settingsItem.setValue(stored);
  return readSettings(stored).settings;
}

/**
 * Saves the fields where `next` differs from the settings read now; the rest of the stored object (fields that
 * fell back to defaults, keys of a newer version) is kept as stored. Invalid `next` throws, changing nothing.
 */
export async function saveSettings(next: Settings): Promise<Settings> {
  return write(next);
}

/** `change` gets the settings as read now; only the fields it changes are written (see saveSettings). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return write(change(readSettings(await settingsItem.getValue()).settings));
}

/**
 * Writes every field of `next` (an import the user confirmed): fields that had fallen back are replaced too;
 * keys this version does not know are kept.
 */
export async function replaceSettings(next: Settings): Promise<Settings> {
  return write(next, () => leafPaths(next));
}

/**
 * The user accepts the defaults shown for the fields that fell back: writes what is read now at those fields
 * (a list that lost a bad item is written without it), so they stop being reported.
 */
export async function acceptFallbacks(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const current = readSettings(raw);
  return write(current.settings, ({ fallbacks }) =>
    fallbacks.flatMap((f) => {
      if (!f.path) return leafPaths(current.settings);
      // Up to the list that holds a bad item: lists are written whole.
      const parts = f.path.split('.');
      const list = parts.findIndex((p) => /^\d+$/.test(p));
      return [list === -1 ? parts : parts.slice(0, list)];
    }),
  );
}

/** Settings (and what fell back) now and on every change from any context. */
export function watchSettings(cb: (s: Settings, read: SettingsRead) => void): () => void {
  return settingsItem.watch((raw) => {
    const read = readSettings(raw);
    cb(read.settings, read);
  });
}
