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
