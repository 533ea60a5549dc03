import { describeFallbacks, readSettings } from './read';
import type { Settings } from './schema';

/**
 * Parses what is stored, field by field (./read.ts): a bad field reads as its default alone and is reported;
 * nothing is overwritten.
 */
export function parseStoredSettings(raw: unknown, onError?: (message: string) => void): Settings {
  const { settings, fallbacks } = readSettings(raw);
  if (fallbacks.length)
    onError?.(`stored settings: these fields are invalid and read as their defaults: ${describeFallbacks(fallbacks)}`);
  return settings;
}
