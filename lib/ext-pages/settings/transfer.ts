import * as z from 'zod/mini';
import { migrateSettings } from '../../core/settings/migrations';
import { SETTINGS_VERSION, describeZodError, settingsSchema, type Settings } from '../../core/settings/schema';

/** The exported file: self-describing so an import can tell a wrong file from an old one. */
const envelopeSchema = z.object({
  app: z.literal('otklik', { message: 'not an Otklik settings file (expected "app": "otklik")' }),
  kind: z.literal('settings', { message: 'not a settings export (expected "kind": "settings")' }),
  version: z.int({ message: '"version" must be a whole number' }).check(z.positive()),
  exportedAt: z.optional(z.string()),
  settings: z.unknown(),
});

export function exportSettings(settings: Settings, now = new Date()): string {
  const file = { app: 'otklik', kind: 'settings', version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings };
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; settings: Settings; migratedFrom?: number } | { ok: false; error: string };

/** Parses an exported file; never throws. Old versions are migrated; newer ones are refused. */
export function importSettings(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON: ${(e as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success)
    return { ok: false, error: `Not an Otklik settings file: ${describeZodError(envelope.error)}` };
  const { version, settings } = envelope.data;
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `The file comes from a newer Otklik (settings version ${version}; this one reads up to ${SETTINGS_VERSION}). Update the extension first.`,
    };
  }
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    return { ok: false, error: 'The file has no "settings" object.' };
  }
  let migrated: unknown;
  try {
    migrated = migrateSettings(settings, version, SETTINGS_VERSION);
  } catch (e) {
    return { ok: false, error: `Cannot upgrade settings from version ${version}: ${(e as Error).message}` };
  }
  const parsed = settingsSchema.safeParse(migrated);
  if (!parsed.success) return { ok: false, error: `Invalid settings: ${describeZodError(parsed.error)}` };
  return version < SETTINGS_VERSION
    ? { ok: true, settings: parsed.data, migratedFrom: version }
    : { ok: true, settings: parsed.data };
}
