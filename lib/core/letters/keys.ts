import { storage } from '#imports';
import * as z from 'zod/mini';
import { moveOutOfLocal, readSecret, writeSecret } from '../platform/secret-store';

/**
 * API keys, apart from the settings (an export must never contain them), never in sync storage and never
 * where a content script can read them. `session` (chrome.storage.session: memory only, trusted contexts —
 * content scripts are refused — gone when the browser closes) by default; `local` ("remember keys") in the
 * extension origin's IndexedDB (lib/core/platform/secret-store.ts), not chrome.storage.local, which content
 * scripts share. Saving to one place removes the key from the other. Keys are never logged; the only code
 * that reads them is the background's provider factory, which sends them to the configured host.
 */
export type KeyProvider = 'openai' | 'gigachat';
export type KeyStorage = 'session' | 'local';

const PROVIDERS: readonly KeyProvider[] = ['openai', 'gigachat'];
const keysSchema = z.record(z.string(), z.string().check(z.maxLength(4000)));
const sessionItem = storage.defineItem<Record<string, string>>('session:letterKeys', { fallback: {} });
/** Where versions before this one remembered keys: chrome.storage.local. */
const LEGACY_LOCAL_KEY = 'letterKeys';
const secretName = (p: KeyProvider) => `letterKey:${p}`;

/** Remembered keys an older version left in storage.local move to IndexedDB (unless one is there already). */
export async function migrateRememberedKeys(): Promise<void> {
  await moveOutOfLocal(LEGACY_LOCAL_KEY, async (raw) => {
    const r = z.safeParse(keysSchema, raw);
    if (!r.success) return;
    for (const p of PROVIDERS) {
      const v = r.data[p]?.trim();
      if (v && !(await readSecret(secretName(p)))) await writeSecret(secretName(p), v);
    }
  });
}

async function readSession(): Promise<Record<string, string>> {
  const r = z.safeParse(keysSchema, await sessionItem.getValue());
  return r.success ? r.data : {};
}

async function read(where: KeyStorage): Promise<Record<string, string>> {
  if (where === 'session') return readSession();
  await migrateRememberedKeys();
  const out: Record<string, string> = {};
  for (const p of PROVIDERS) {
    const v = await readSecret(secretName(p));
    if (v) out[p] = v;
  }
  return out;
}

async function write(where: KeyStorage, keys: Record<string, string>): Promise<void> {
  if (where === 'session') return sessionItem.setValue(keys);
  for (const p of PROVIDERS) await writeSecret(secretName(p), keys[p] ?? '');
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
    await write(place, next);
  }
}

/** Moves every key to the chosen storage (the user changed "remember keys"). */
export async function moveKeys(where: KeyStorage): Promise<void> {
  const all = { ...(await read('local')), ...(await read('session')) };
  await write(where, all);
  await write(where === 'session' ? 'local' : 'session', {});
}

/** For the UI: "••••1a2b", never the key. */
export function maskKey(key: string): string {
  return key ? `••••${key.slice(-4)}` : '';
}
