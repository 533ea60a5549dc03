import { storage } from '#imports';
import * as z from 'zod/mini';

/**
 * API keys, apart from the settings (an export must never contain them) and never in sync storage.
 * `session:` (memory only, trusted contexts: gone when the browser closes) by default; `local:` only when the
 * user opts in to be remembered. Saving to one place removes the key from the other. Keys are never logged;
 * the only code that reads them is the background's provider factory, which sends them to the configured host.
 */
export type KeyProvider = 'openai' | 'gigachat';
export type KeyStorage = 'session' | 'local';

const keysSchema = z.record(z.string(), z.string().check(z.maxLength(4000)));

const items = {
  session: storage.defineItem<Record<string, string>>('session:letterKeys', { fallback: {} }),
  local: storage.defineItem<Record<string, string>>('local:letterKeys', { fallback: {} }),
};

async function read(where: KeyStorage): Promise<Record<string, string>> {
  const r = z.safeParse(keysSchema, await items[where].getValue());
  return r.success ? r.data : {};
}

export async function getKey(provider: KeyProvider): Promise<string> {
  return (await read('session'))[provider] ?? (await read('local'))[provider] ?? '';
}

/** Where the key of a provider is kept now (null = none). */
export async function keyLocation(provider: KeyProvider): Promise<KeyStorage | null> {
  if ((await read('session'))[provider]) return 'session';
  if ((await read('local'))[provider]) return 'local';
  return null;
}

/** '' removes the key everywhere. */
export async function setKey(provider: KeyProvider, key: string, where: KeyStorage): Promise<void> {
  const trimmed = key.trim();
  for (const place of ['session', 'local'] as const) {
    const cur = await read(place);
    const next = { ...cur };
    if (place === where && trimmed) next[provider] = trimmed;
    else delete next[provider];
    await items[place].setValue(next);
  }
}

/** Moves every key to the chosen storage (the user changed "remember keys"). */
export async function moveKeys(where: KeyStorage): Promise<void> {
  const all = { ...(await read('local')), ...(await read('session')) };
  await items[where].setValue(all);
  await items[where === 'session' ? 'local' : 'session'].setValue({});
}

/** For the UI: "••••1a2b", never the key. */
export function maskKey(key: string): string {
  return key ? `••••${key.slice(-4)}` : '';
}
