/**
 * A fake Telegram Bot API on loopback for tests: `POST /bot<token>/getMe|sendMessage` with Telegram's JSON
 * shapes ({ok:true,result} / {ok:false,error_code,description}), CORS for extension fetches, and a record of
 * every message so tests can assert what was sent. HTTP for Node tests; HTTPS (the fake hh.ru's self-signed
 * certificate) for the browser, which reaches it as api.telegram.org through --host-resolver-rules.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { ensureCert } from '../fake-hh/cert.ts';

export interface SentMessage {
  chatId: string;
  text: string;
  /** Only the bot id part of the token (never the secret part). */
  botId: string;
  time: number;
}

export interface FakeTelegramOptions {
  port?: number;
  tls?: boolean;
  /** Tokens the fake accepts; default: one, FAKE_TELEGRAM_TOKEN. */
  tokens?: string[];
  /** Chats that exist (others → 400 chat not found); default: FAKE_TELEGRAM_CHAT. */
  chats?: string[];
}

export const FAKE_TELEGRAM_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklmn';
export const FAKE_TELEGRAM_CHAT = '424242';

export interface FakeTelegram {
  port: number;
  /** `http(s)://127.0.0.1:PORT`: the Bot API base URL for Node clients. */
  baseUrl: string;
  messages: SentMessage[];
  /** Requests by method name, in order (getMe, sendMessage, …). */
  calls: string[];
  /** The next N sendMessage calls answer 429 with retry_after. */
  throttle(n: number): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const tokens = new Set(opts.tokens ?? [FAKE_TELEGRAM_TOKEN]);
  const chats = new Set(opts.chats ?? [FAKE_TELEGRAM_CHAT]);
  const messages: SentMessage[] = [];
  const calls: string[] = [];
  let throttled = 0;
  let nextId = 1;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type',
    });
    res.end(JSON.stringify(body));
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'content-type',
        'access-control-allow-methods': 'POST, GET',
      });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!m) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const [, token, method] = m as unknown as [string, string, string];
      calls.push(method);
      if (!tokens.has(token)) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return send(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
      }
      const botId = token.split(':')[0] ?? '';
      if (method === 'getMe')
        return send(res, 200, {
          ok: true,
          result: { id: Number(botId), is_bot: true, first_name: 'Otklik test', username: 'otklik_test_bot' },
        });
      if (method === 'sendMessage') {
        if (throttled > 0) {
          throttled--;
          return send(res, 429, {
            ok: false,
            error_code: 429,
            description: 'Too Many Requests: retry after 3',
            parameters: { retry_after: 3 },
          });
        }
        const chatId = String(body['chat_id'] ?? '');
        const text = typeof body['text'] === 'string' ? body['text'] : '';
        if (!chats.has(chatId))
          return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
        if (!text)
          return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
        messages.push({ chatId, text, botId, time: Date.now() });
        return send(res, 200, {
          ok: true,
          result: {
            message_id: nextId++,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(chatId), type: 'private' },
            text,
          },
        });
      }
      return send(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    });
  };
  const server = opts.tls ? https.createServer(await ensureCert(), handler) : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    baseUrl: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    messages,
    calls,
    throttle: (n) => void (throttled = n),
    reset: () => {
      messages.length = 0;
      calls.length = 0;
      throttled = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
