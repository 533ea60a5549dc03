import { describeZodError } from '../describe-zod-error';
import { defaultSettings, settingsSchema, type Settings } from './schema';

/** Parses what is stored; a corrupt value reads as defaults (and is reported) but is not overwritten. */
export function parseStoredSettings(raw: unknown, onError?: (message: string) => void): Settings {
  if (raw === null || raw === undefined) return defaultSettings();
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  onError?.(`stored settings are invalid, using defaults: ${describeZodError(parsed.error)}`);
  return defaultSettings();
}
