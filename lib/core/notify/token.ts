import * as z from 'zod/mini';
import { moveOutOfLocal, readSecret, writeSecret } from '../platform/secret-store';
import { tokenSchema } from './telegram';

/**
 * The Telegram bot token: a secret, so not in the settings (an export never carries it), never logged, and
 * not in chrome.storage.local, which content scripts share: in the extension origin's IndexedDB
 * (lib/core/platform/secret-store.ts), remembered across browser restarts (the worker sends notifications when no
 * extension page is open). Read only by the background's notifier, which sends it to the Bot API and nowhere
 * else, and by the options page (whether one is set).
 */
const SECRET = 'telegramToken';
/** Where versions before this one kept it. */
const LEGACY_LOCAL_KEY = 'telegramToken';

const valid = (v: unknown): v is string => typeof v === 'string' && tokenSchema.safeParse(v).success;

export async function getTelegramToken(): Promise<string> {
  await moveOutOfLocal(LEGACY_LOCAL_KEY, async (v) => {
    if (valid(v) && !(await readSecret(SECRET))) await writeSecret(SECRET, v);
  });
  const v = await readSecret(SECRET);
  return valid(v) ? v : '';
}

/** '' removes it. Throws (nothing saved) when it is not a token. */
export async function setTelegramToken(token: string): Promise<void> {
  const t = token.trim();
  if (t && !z.safeParse(tokenSchema, t).success) throw new Error('not a Telegram bot token (123456:ABC…)');
  await moveOutOfLocal(LEGACY_LOCAL_KEY, async () => undefined); // an old copy never outlives the user's change
  await writeSecret(SECRET, t);
}

export async function hasTelegramToken(): Promise<boolean> {
  return (await getTelegramToken()) !== '';
}
