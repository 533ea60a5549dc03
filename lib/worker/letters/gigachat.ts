import * as z from 'zod/mini';
import { GIGACHAT_API_URL, GIGACHAT_OAUTH_URL } from '../../core/letters/hosts';
import type { CompletionRequest, LetterProvider } from './provider';
import { ProviderError } from './provider';
import { errorText, httpError, streamChat } from './stream-chat';

/**
 * GigaChat (Sber): OAuth first — POST {oauthUrl} with `Authorization: Basic <authorization key>`, a fresh
 * `RqUID` and `scope=GIGACHAT_API_PERS` → `{access_token, expires_at}` (ms, ~30 min) — then OpenAI-shaped
 * streaming chat with `Bearer <access_token>`. The access token is cached in memory (per provider instance,
 * i.e. per worker) until a minute before it expires; a 401 from the chat drops it and retries once.
 *
 * TLS: Sber's hosts use the Russian Trusted Root CA. Chrome fails the request unless the user installed that
 * root in the OS; a network error here says so.
 */

export interface GigaChatConfig {
  /** The "authorization key" from Sber's developer console (base64 of client_id:client_secret). */
  authKey: string;
  scope: 'GIGACHAT_API_PERS' | 'GIGACHAT_API_B2B' | 'GIGACHAT_API_CORP';
  model: string;
  oauthUrl?: string;
  apiUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
  uuid?: () => string;
  firstByteMs?: number;
  idleMs?: number;
}

const tokenSchema = z.object({ access_token: z.string().check(z.minLength(1)), expires_at: z.number() });

const TLS_HINT =
  'GigaChat needs the Russian Trusted Root CA (НУЦ Минцифры) installed in your system; also check your connection';

export function createGigaChatProvider(cfg: GigaChatConfig): LetterProvider {
  const f = cfg.fetch ?? ((i, init) => fetch(i, init));
  const now = cfg.now ?? Date.now;
  let token: { value: string; expiresAt: number } | null = null;

  async function getToken(signal: AbortSignal | undefined, fresh: boolean): Promise<string> {
    if (!fresh && token && token.expiresAt - 60_000 > now()) return token.value;
    if (!cfg.authKey.trim())
      throw new ProviderError('auth', 'no GigaChat authorization key: paste it in Otklik options (cover letters)');
    let res: Response;
    try {
      res = await f(cfg.oauthUrl ?? GIGACHAT_OAUTH_URL, {
        method: 'POST',
        headers: {
          authorization: `Basic ${cfg.authKey.trim()}`,
          rqUID: (cfg.uuid ?? (() => crypto.randomUUID()))(),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: `scope=${encodeURIComponent(cfg.scope)}`,
        credentials: 'omit',
        signal: signal ?? AbortSignal.timeout(30_000),
      });
    } catch (e) {
      if (signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
      throw new ProviderError(
        'network',
        `cannot reach GigaChat's sign-in (${e instanceof Error ? e.message : String(e)}): ${TLS_HINT}`,
      );
    }
    const body = await res.text().catch(() => '');
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      throw new ProviderError(
        'auth',
        `GigaChat rejected the authorization key (HTTP ${res.status}): copy the key again from the developer console and check the scope (${cfg.scope})${errorText(body) ? ` — ${errorText(body).slice(0, 120)}` : ''}`,
      );
    }
    if (!res.ok) throw httpError('GigaChat sign-in', res.status, body, res.headers.get('retry-after'));
    let parsed: z.infer<typeof tokenSchema>;
    try {
      const r = z.safeParse(tokenSchema, JSON.parse(body));
      if (!r.success) throw new Error('shape');
      parsed = r.data;
    } catch {
      throw new ProviderError('server', 'GigaChat sign-in answered without a token: try again later');
    }
    token = { value: parsed.access_token, expiresAt: parsed.expires_at };
    return token.value;
  }

  const chat = async (req: CompletionRequest, fresh: boolean): Promise<string> => {
    const access = await getToken(req.signal, fresh);
    return streamChat({
      fetch: f,
      url: `${(cfg.apiUrl ?? GIGACHAT_API_URL).replace(/\/+$/, '')}/chat/completions`,
      headers: { authorization: `Bearer ${access}` },
      body: {
        model: cfg.model.trim() || 'GigaChat',
        messages: req.messages,
        max_tokens: req.maxTokens,
        temperature: req.temperature,
        update_interval: 0,
      },
      label: 'GigaChat',
      ...(req.onDelta ? { onDelta: req.onDelta } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
      ...(cfg.firstByteMs !== undefined ? { firstByteMs: cfg.firstByteMs } : {}),
      ...(cfg.idleMs !== undefined ? { idleMs: cfg.idleMs } : {}),
    });
  };

  return {
    id: 'gigachat',
    async complete(req) {
      try {
        return await chat(req, false);
      } catch (e) {
        // A token revoked or expired early: one fresh sign-in, then give up with the chat's own error.
        if (e instanceof ProviderError && e.kind === 'auth' && token) {
          token = null;
          return chat(req, true);
        }
        if (e instanceof ProviderError && e.kind === 'network')
          throw new ProviderError('network', `${e.message}. ${TLS_HINT}`);
        throw e;
      }
    },
  };
}
