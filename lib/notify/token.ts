import { storage } from '#imports';
import * as z from 'zod/mini';
import { tokenSchema } from './telegram';

/**
 * The Telegram bot token: a secret, so not in the settings (an export never carries it) and never logged.
 * Kept in local storage (the worker sends notifications when no extension page is open); read only by the
 * background's notifier, which sends it to the Bot API and nowhere else.
 */
const item = storage.defineItem<string>('local:telegramToken', { fallback: '' });

export async function getTelegramToken(): Promise<string> {
  const v = await item.getValue();
  return typeof v === 'string' && tokenSchema.safeParse(v).success ? v : '';
}

/** '' removes it. Throws (nothing saved) when it is not a token. */
export async function setTelegramToken(token: string): Promise<void> {
  const t = token.trim();
  if (t && !z.safeParse(tokenSchema, t).success) throw new Error('not a Telegram bot token (123456:ABC…)');
  if (t) await item.setValue(t);
  else await item.removeValue();
}

export async function hasTelegramToken(): Promise<boolean> {
  return (await getTelegramToken()) !== '';
}
