import * as z from 'zod/mini';
import { CHATIK_ORIGIN, HH_ORIGIN } from './urls';

/**
 * Employer chats live on chatik.hh.ru (hh-site.md §1.4). Its JSON API is internal and UNVERIFIED by us; the
 * shapes below follow third-party clients that agree with each other (VLD `HH_API_MAP.md`; several 2026 tools
 * found by exact-string search):
 *
 *   GET  https://chatik.hh.ru/chatik/api/chat_data?chatId=<id>&do_not_track_session_events=true
 *        → {chat: {id, currentParticipantId, messages: {items: [{id, participantId, text, creationTime}]}}}
 *   POST https://chatik.hh.ru/chatik/api/send   JSON {chatId: number, idempotencyKey, text}
 *        headers X-Xsrftoken (the `_xsrf` cookie), X-Requested-With: XMLHttpRequest; an `error` field = refused.
 *
 * Messages whose participantId is not ours are the employer's (system/workflow items without text are skipped).
 * Reading never marks a chat read (that is a separate `mark_read` call we never make); sending happens only
 * from a user's click (the caller's contract: there is no automatic path to `sendChatMessage`).
 */

export interface ChatMessage {
  id: string;
  text: string;
  fromEmployer: boolean;
  /** ms epoch; null when hh gave no parseable time. */
  at: number | null;
}

const idSchema = z.pipe(z.union([z.number(), z.string().check(z.minLength(1))]), z.transform(String));
const lenient = <T extends z.ZodMiniType>(s: T) => z.catch(z.optional(s), undefined);

const messageSchema = z.looseObject({
  id: idSchema,
  participantId: lenient(z.nullable(idSchema)),
  text: lenient(z.nullable(z.string())),
  creationTime: lenient(z.union([z.string(), z.number()])),
});

const chatDataSchema = z.looseObject({
  chat: z.looseObject({
    id: lenient(idSchema),
    currentParticipantId: lenient(idSchema),
    messages: lenient(z.looseObject({ items: lenient(z.array(z.unknown())) })),
  }),
});

function timeOf(v: string | number | undefined): number | null {
  if (v === undefined) return null;
  const t = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** chat_data JSON → messages, oldest first. Throws a readable error when the answer is not a chat. */
export function parseChatData(json: unknown): ChatMessage[] {
  const r = chatDataSchema.safeParse(json);
  if (!r.success) throw new Error('chatik answered something that is not a chat');
  const me = r.data.chat.currentParticipantId;
  const out: ChatMessage[] = [];
  for (const raw of r.data.chat.messages?.items ?? []) {
    const m = messageSchema.safeParse(raw);
    if (!m.success || !m.data.text?.trim()) continue;
    out.push({
      id: m.data.id,
      text: m.data.text,
      fromEmployer: me === undefined ? m.data.participantId != null : m.data.participantId !== me,
      at: timeOf(m.data.creationTime),
    });
  }
  return out.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
}

export type ChatResult<T> =
  { ok: true; value: T } | { ok: false; error: 'logged_out' | 'network' | 'refused' | 'unrecognised'; detail: string };

export interface ChatDeps {
  fetch: typeof fetch;
  readCookie: (url: string, name: string) => Promise<string | null>;
  timeoutMs?: number;
}

async function call(deps: ChatDeps, url: string, init: RequestInit): Promise<ChatResult<unknown>> {
  let res: Response;
  let text: string;
  try {
    res = await deps.fetch(url, {
      ...init,
      credentials: 'include',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 20_000),
    });
    text = await res.text();
  } catch (e) {
    return { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
  }
  if (res.status === 401 || res.status === 403 || /\/account\/login/.test(res.url))
    return { ok: false, error: 'logged_out', detail: `HTTP ${res.status}: log in to hh.ru` };
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, error: res.ok ? 'unrecognised' : 'network', detail: `HTTP ${res.status}, not JSON` };
  }
  const err = json && typeof json === 'object' && 'error' in json ? (json as { error: unknown }).error : undefined;
  if (!res.ok || err !== undefined)
    return {
      ok: false,
      error: 'refused',
      detail: `HTTP ${res.status}${err !== undefined ? `: ${JSON.stringify(err).slice(0, 200)}` : ''}`,
    };
  return { ok: true, value: json };
}

const HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

export async function fetchChatMessages(deps: ChatDeps, chatId: string): Promise<ChatResult<ChatMessage[]>> {
  const r = await call(
    deps,
    `${CHATIK_ORIGIN}/chatik/api/chat_data?chatId=${encodeURIComponent(chatId)}&do_not_track_session_events=true`,
    { headers: HEADERS },
  );
  if (!r.ok) return r;
  try {
    return { ok: true, value: parseChatData(r.value) };
  } catch (e) {
    return { ok: false, error: 'unrecognised', detail: (e as Error).message };
  }
}

/** Sends one message. `idempotencyKey` makes a retried click harmless (the same key = the same message). */
export async function sendChatMessage(
  deps: ChatDeps,
  req: { chatId: string; text: string; idempotencyKey: string },
): Promise<ChatResult<null>> {
  if (!/^\d{1,15}$/.test(req.chatId)) return { ok: false, error: 'refused', detail: 'no chat id' };
  const xsrf = await deps.readCookie(HH_ORIGIN, '_xsrf');
  if (!xsrf) return { ok: false, error: 'logged_out', detail: 'no _xsrf cookie: open hh.ru and log in' };
  const r = await call(deps, `${CHATIK_ORIGIN}/chatik/api/send`, {
    method: 'POST',
    headers: { ...HEADERS, 'Content-Type': 'application/json', 'X-Xsrftoken': xsrf },
    body: JSON.stringify({ chatId: Number(req.chatId), idempotencyKey: req.idempotencyKey, text: req.text }),
  });
  return r.ok ? { ok: true, value: null } : r;
}
