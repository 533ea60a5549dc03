import * as z from 'zod/mini';

/**
 * A minimal Telegram Bot API client (https://core.telegram.org/bots/api): getMe and sendMessage. The bot
 * token is part of the URL path, so no error message, log line or thrown Error ever contains the URL: errors
 * say what Telegram answered (its `description`), never how we called it.
 */
export const TELEGRAM_API = 'https://api.telegram.org';

const failureSchema = z.object({
  ok: z.literal(false),
  error_code: z.optional(z.int()),
  description: z.optional(z.string()),
  parameters: z.optional(z.looseObject({ retry_after: z.optional(z.int()) })),
});
const meSchema = z.object({
  ok: z.literal(true),
  result: z.looseObject({ id: z.number(), is_bot: z.boolean(), username: z.optional(z.string()) }),
});
const sentSchema = z.object({
  ok: z.literal(true),
  result: z.looseObject({ message_id: z.int(), chat: z.looseObject({ id: z.number() }) }),
});

export const tokenSchema = z
  .string()
  .check(z.regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, 'not a Telegram bot token (123456:ABC…)'));

export interface TelegramDeps {
  fetch: typeof fetch;
  /** Bot API origin; tests point it at the fake Bot API on loopback. */
  baseUrl?: string;
  timeoutMs?: number;
}

export class TelegramError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'TelegramError';
  }
}

async function call<T>(
  deps: TelegramDeps,
  token: string,
  method: string,
  body: Record<string, unknown>,
  schema: z.ZodMiniType<T>,
): Promise<T> {
  if (!tokenSchema.safeParse(token).success)
    throw new TelegramError('the bot token does not look like one (123456:ABC…)', null);
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), deps.timeoutMs ?? 15_000);
  let res: Response;
  try {
    res = await deps.fetch(`${deps.baseUrl ?? TELEGRAM_API}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: ctrl.signal,
      credentials: 'omit',
    });
  } catch (e) {
    // The TypeError of a failed fetch may quote the URL (and so the token): keep only its kind.
    throw new TelegramError(
      ctrl.signal.aborted
        ? 'Telegram did not answer in time'
        : 'cannot reach Telegram (network, or the host permission was not granted)',
      null,
    );
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new TelegramError(`Telegram answered HTTP ${res.status} without JSON`, res.status);
  }
  const ok = z.safeParse(schema, json);
  if (ok.success) return ok.data;
  const bad = z.safeParse(failureSchema, json);
  if (bad.success) {
    const d = bad.data;
    const hint =
      d.error_code === 401
        ? ' (check the bot token)'
        : d.error_code === 400 && /chat not found/i.test(d.description ?? '')
          ? ' (check the chat id, and send /start to the bot first)'
          : '';
    throw new TelegramError(
      `Telegram: ${d.description ?? `error ${d.error_code ?? res.status}`}${hint}`,
      d.error_code ?? res.status,
      d.parameters?.retry_after,
    );
  }
  throw new TelegramError(`Telegram sent an unexpected answer (HTTP ${res.status})`, res.status);
}

/** The bot's username (checks the token). */
export async function getMe(deps: TelegramDeps, token: string): Promise<{ id: number; username?: string }> {
  const r = await call(deps, token, 'getMe', {}, meSchema);
  return r.result.username === undefined ? { id: r.result.id } : { id: r.result.id, username: r.result.username };
}

/** Sends plain text (no parse mode: vacancy titles are never interpreted as markup). */
export async function sendMessage(
  deps: TelegramDeps,
  token: string,
  chatId: string,
  text: string,
): Promise<{ messageId: number }> {
  const r = await call(
    deps,
    token,
    'sendMessage',
    {
      chat_id: /^-?\d+$/.test(chatId) ? Number(chatId) : chatId,
      text: text.slice(0, 4096),
      disable_web_page_preview: true,
    },
    sentSchema,
  );
  return { messageId: r.result.message_id };
}
