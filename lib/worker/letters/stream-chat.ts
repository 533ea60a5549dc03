import { createParser } from 'eventsource-parser';
import * as z from 'zod/mini';
import { ProviderError, type ChatMessage } from './provider';

/**
 * POST a chat completion with `stream: true` and read the OpenAI-style SSE answer
 * (`data: {"choices":[{"delta":{"content":"…"}}]}` … `data: [DONE]`). Shared by the OpenAI-compatible and the
 * GigaChat providers (GigaChat streams the same shape).
 *
 * Two clocks besides the caller's signal: `firstByteMs` until the response headers arrive, `idleMs` between
 * two chunks of the body (a stalled stream is an error, not a hang).
 */
export interface StreamChatOptions {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  body: { model: string; messages: ChatMessage[]; max_tokens: number; temperature: number; [k: string]: unknown };
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
  firstByteMs?: number;
  idleMs?: number;
  /** Provider name for messages ("OpenRouter", "GigaChat"…). */
  label: string;
}

const chunkSchema = z.object({
  choices: z.optional(
    z.array(
      z.object({
        delta: z.optional(z.object({ content: z.optional(z.nullable(z.string())) })),
        finish_reason: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  error: z.optional(z.unknown()),
});

/** The human part of an error body: OpenAI `{error:{message}}`, GigaChat `{message}`, Ollama `{error:"…"}`. */
export function errorText(body: string): string {
  try {
    const j: unknown = JSON.parse(body);
    if (j && typeof j === 'object') {
      const o = j as { error?: unknown; message?: unknown };
      if (typeof o.error === 'string') return o.error;
      if (o.error && typeof o.error === 'object' && typeof (o.error as { message?: unknown }).message === 'string')
        return (o.error as { message: string }).message;
      if (typeof o.message === 'string') return o.message;
    }
  } catch {
    /* not JSON */
  }
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** HTTP status → an error that says what to do. */
export function httpError(label: string, status: number, body: string, retryAfter: string | null): ProviderError {
  const said = errorText(body).slice(0, 200);
  const tail = said ? ` (${label} said: ${said})` : '';
  if (status === 401 || status === 403)
    return new ProviderError(
      'auth',
      `${label} rejected the API key (HTTP ${status}): check the key and that it may use this model${tail}`,
    );
  if (status === 429) {
    const s = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
    return new ProviderError(
      'rate_limit',
      `${label}: too many requests or the quota is used up (HTTP 429): wait${s !== undefined ? ` ${s} s` : ' a minute'} or check your plan's limits${tail}`,
      s,
    );
  }
  if (status === 404)
    return new ProviderError(
      'config',
      `${label}: not found (HTTP 404): check the base URL (it usually ends in /v1) and the model name${tail}`,
    );
  if (status === 400 || status === 422)
    return new ProviderError('config', `${label} refused the request (HTTP ${status}): check the model name${tail}`);
  return new ProviderError('server', `${label} failed (HTTP ${status}): try again later${tail}`);
}

function withTimeout(parent: AbortSignal | undefined): {
  signal: AbortSignal;
  arm: (ms: number, why: string) => void;
  why: () => string | null;
  clear: () => void;
} {
  const ctl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reason: string | null = null;
  const onParent = () => ctl.abort();
  if (parent?.aborted) ctl.abort();
  else parent?.addEventListener('abort', onParent, { once: true });
  return {
    signal: ctl.signal,
    arm(ms, why) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        reason = why;
        ctl.abort();
      }, ms);
    },
    why: () => reason,
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

export async function streamChat(o: StreamChatOptions): Promise<string> {
  const t = withTimeout(o.signal);
  const firstByteMs = o.firstByteMs ?? 60_000;
  const idleMs = o.idleMs ?? 30_000;
  const fail = (e: unknown): never => {
    if (o.signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
    const why = t.why();
    if (why) throw new ProviderError('timeout', why);
    if (e instanceof ProviderError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new ProviderError(
      'network',
      `cannot reach ${o.label} (${msg}): check the base URL, your connection, and that Otklik may access this host`,
    );
  };
  try {
    t.arm(
      firstByteMs,
      `${o.label} did not answer within ${Math.round(firstByteMs / 1000)} s: try again, or pick a faster model`,
    );
    let res: Response;
    try {
      res = await o.fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...o.headers },
        body: JSON.stringify({ ...o.body, stream: true }),
        signal: t.signal,
        credentials: 'omit',
      });
    } catch (e) {
      return fail(e);
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      throw httpError(o.label, res.status, body, res.headers.get('retry-after'));
    }
    if (!res.body) throw new ProviderError('server', `${o.label} answered with no body: try again`);
    const ctype = res.headers.get('content-type') ?? '';
    if (!ctype.includes('text/event-stream')) {
      // Some servers ignore stream:true and answer one JSON object.
      const body = await res.text();
      try {
        const j = z.safeParse(
          z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })) }),
          JSON.parse(body),
        );
        const text = j.success ? (j.data.choices[0]?.message.content ?? '') : '';
        if (j.success) {
          if (text) o.onDelta?.(text);
          return text;
        }
      } catch {
        /* fall through */
      }
      throw new ProviderError(
        'server',
        `${o.label} sent something that is not a chat completion (${ctype || 'no content type'}): check the base URL`,
      );
    }

    let text = '';
    let done = false;
    let streamError: ProviderError | null = null;
    const parser = createParser({
      onEvent(ev) {
        if (done || streamError) return;
        if (ev.data.trim() === '[DONE]') {
          done = true;
          return;
        }
        let json: unknown;
        try {
          json = JSON.parse(ev.data);
        } catch {
          streamError = new ProviderError('server', `${o.label} sent a malformed stream chunk: try again`);
          return;
        }
        const c = z.safeParse(chunkSchema, json);
        if (!c.success) return; // unknown event kinds (keep-alives, usage) are skipped
        if (c.data.error !== undefined) {
          streamError = new ProviderError(
            'server',
            `${o.label} stopped with an error: ${errorText(JSON.stringify(c.data)).slice(0, 200)}`,
          );
          return;
        }
        const piece = c.data.choices?.[0]?.delta?.content ?? '';
        if (piece) {
          text += piece;
          o.onDelta?.(piece);
        }
      },
    });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    t.arm(idleMs, `${o.label} stopped sending for ${Math.round(idleMs / 1000)} s: try again`);
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        t.arm(idleMs, `${o.label} stopped sending for ${Math.round(idleMs / 1000)} s: try again`);
        parser.feed(decoder.decode(value, { stream: true }));
        if (streamError) throw streamError;
        if (done) break;
      }
    } catch (e) {
      void reader.cancel().catch(() => undefined);
      return fail(e);
    }
    if (done) void reader.cancel().catch(() => undefined);
    return text;
  } finally {
    t.clear();
  }
}
