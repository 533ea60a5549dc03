import { storage } from '#imports';
import { MIGRATIONS } from './migrations';
import { SETTINGS_VERSION, defaultSettings, describeZodError, settingsSchema, type Settings } from './schema';

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

/** Where WXT keeps the item's version mark; tests and e2e seeding write it alongside the value. */
export const SETTINGS_META_KEY = 'settings$';

/** Parses what is stored; a corrupt value reads as defaults (and is reported) but is not overwritten. */
export function parseStoredSettings(raw: unknown, onError?: (message: string) => void): Settings {
  if (raw === null || raw === undefined) return defaultSettings();
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  onError?.(`stored settings are invalid, using defaults: ${describeZodError(parsed.error)}`);
  return defaultSettings();
}

export async function getSettings(): Promise<Settings> {
  return parseStoredSettings(await settingsItem.getValue(), (m) => console.warn('[otklik]', m));
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
