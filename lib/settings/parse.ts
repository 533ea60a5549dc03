import { parseOrDefaults } from './or-defaults';
import { settingsSchema, type Settings } from './schema';

/** Parses what is stored; a corrupt value reads as defaults (and is reported) but is not overwritten. */
export function parseStoredSettings(raw: unknown, onError?: (message: string) => void): Settings {
  return parseOrDefaults(settingsSchema, raw, onError);
}
