import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake LLM provider on loopback (HTTP, 127.0.0.1): an OpenAI-compatible chat endpoint that streams SSE, and
 * GigaChat's OAuth + chat endpoints. For unit tests of the providers and for e2e tests of the extension.
 *
 *   const llm = await startFakeLlm();
 *   llm.reply = (req) => 'Здравствуйте! …';        // what the model "writes" (default: a valid Russian letter)
 *   llm.behave({ status: 429, retryAfter: 7 });      // the next request fails so (see Behaviour)
 *   createOpenAiProvider({ baseUrl: llm.openaiBase, apiKey: 'sk-test', model: 'fake' })
 *   llm.requests                                     // what arrived (path, headers, parsed body)
 *   await llm.close();
 *
 * Only loopback: never bound to another address.
 */
export interface FakeChatRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: {
    model?: string;
    messages?: Array<{ role: string; content: string }>;
    stream?: boolean;
    max_tokens?: number;
    [k: string]: unknown;
  } | null;
  form: string | null;
}

export interface Behaviour {
  /** Answer the next chat request(s) with this HTTP status and an error body (401, 404, 429, 500…). */
  status?: number;
  retryAfter?: number;
  /** How many requests the fault applies to (default 1; 'always'). */
  times?: number | 'always';
  /** Send headers, then nothing (idle timeout). */
  stallAfterHeaders?: boolean;
  /** Send the first N chunks, then stall. */
  stallAfterChunks?: number;
  /** Never answer at all (first-byte timeout). */
  hang?: boolean;
  /** ms between chunks. */
  chunkDelayMs?: number;
  /** Characters per content delta (default 7) — deltas also get split across TCP writes mid-event. */
  chunkChars?: number;
  /** Answer one JSON object instead of SSE (servers that ignore stream:true). */
  nonStreaming?: boolean;
  /** Send an `error` event mid-stream. */
  midStreamError?: boolean;
}

export const DEFAULT_LETTER =
  'Здравствуйте! Меня заинтересовала вакансия: задачи совпадают с тем, чем я занимаюсь последние годы. ' +
  'Я пишу на Python и строю сервисы на Django, а данные храню и оптимизирую в PostgreSQL. ' +
  'В текущем проекте я отвечаю за API и за скорость запросов к базе. ' +
  'Буду рад обсудить детали на собеседовании.';

export interface FakeLlm {
  origin: string;
  /** OpenAI-compatible base URL (`…/v1`). */
  openaiBase: string;
  gigachatOauthUrl: string;
  gigachatApiUrl: string;
  /** What the "model" writes for a request. */
  reply: (req: FakeChatRequest) => string;
  requests: FakeChatRequest[];
  behave(b: Behaviour): void;
  /** GigaChat: the key the OAuth endpoint accepts; tokens issued; token lifetime (ms). */
  gigachat: { authKey: string; tokensIssued: number; tokenTtlMs: number; revokeTokens(): void };
  reset(): void;
  close(): Promise<void>;
}

/** Like OpenAI/OpenRouter: any origin may call (extension service workers without a host permission too). */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, accept, rquid',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS, ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

export async function startFakeLlm(opts: { port?: number } = {}): Promise<FakeLlm> {
  let behaviour: Behaviour = {};
  let faultsLeft = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let tokens = new Set<string>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const fake: FakeLlm = {
    origin: '',
    openaiBase: '',
    gigachatOauthUrl: '',
    gigachatApiUrl: '',
    reply: () => DEFAULT_LETTER,
    requests: [],
    behave(b) {
      behaviour = { ...b };
      faultsLeft = b.times === 'always' ? Infinity : (b.times ?? 1);
    },
    gigachat: {
      authKey: 'Z2lnYS1jbGllbnQ6c2VjcmV0',
      tokensIssued: 0,
      tokenTtlMs: 30 * 60_000,
      revokeTokens: () => (tokens = new Set()),
    },
    reset() {
      behaviour = {};
      faultsLeft = 0;
      fake.requests.length = 0;
      fake.reply = () => DEFAULT_LETTER;
      tokens = new Set();
      fake.gigachat.tokensIssued = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  function chat(res: ServerResponse, record: FakeChatRequest): void {
    const b = faultsLeft > 0 ? behaviour : { chunkDelayMs: behaviour.chunkDelayMs, chunkChars: behaviour.chunkChars };
    const faulty = faultsLeft > 0;
    if (faulty) faultsLeft--;
    if (faulty && b.hang) return; // the socket stays open; close() destroys it
    if (faulty && b.status) {
      const headers: Record<string, string> = b.retryAfter !== undefined ? { 'retry-after': String(b.retryAfter) } : {};
      const message =
        b.status === 401
          ? 'Incorrect API key provided'
          : b.status === 429
            ? 'Rate limit reached'
            : b.status === 404
              ? 'The model does not exist'
              : 'Internal error';
      return send(res, b.status, { error: { message, type: 'fake', code: b.status } }, headers);
    }
    const text = fake.reply(record);
    if (faulty && b.nonStreaming)
      return send(res, 200, {
        id: 'x',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...CORS,
    });
    res.flushHeaders();
    if (faulty && b.stallAfterHeaders) return;
    const size = b.chunkChars ?? 7;
    const events: string[] = [
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] })}\n\n`,
      ': keep-alive comment\n\n',
    ];
    const chars = [...text];
    for (let i = 0; i < chars.length; i += size) {
      events.push(
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: chars.slice(i, i + size).join('') }, finish_reason: null }] })}\n\n`,
      );
      if (faulty && b.midStreamError && events.length === 4)
        events.push(`data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n`);
    }
    events.push(
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
      'data: [DONE]\n\n',
    );
    // Each event is written in two pieces split mid-line: the client must reassemble across reads.
    const writes = events.flatMap((e) => {
      const cut = Math.max(1, Math.floor(e.length / 2));
      return [e.slice(0, cut), e.slice(cut)];
    });
    const delay = b.chunkDelayMs ?? 0;
    let i = 0;
    const stallAt = faulty && b.stallAfterChunks !== undefined ? 2 * (2 + b.stallAfterChunks) : Infinity;
    const step = () => {
      if (res.destroyed) return;
      if (i >= stallAt) return;
      if (i >= writes.length) return void res.end();
      res.write(writes[i++]);
      if (delay) later(delay, step);
      else setImmediate(step);
    };
    step();
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = req.method === 'POST' ? await readBody(req) : '';
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      let body: FakeChatRequest['body'] = null;
      try {
        body =
          raw && (headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as FakeChatRequest['body']) : null;
      } catch {
        body = null;
      }
      const record: FakeChatRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        headers,
        body,
        form: body ? null : raw || null,
      };
      fake.requests.push(record);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        return void res.end();
      }
      if (req.method === 'GET' && url.pathname === '/v1/models')
        return send(res, 200, { data: [{ id: 'fake-model', object: 'model' }] });
      if (req.method === 'POST' && url.pathname === '/v1/chat/completions') return chat(res, record);
      if (req.method === 'POST' && url.pathname === '/api/v2/oauth') {
        if (headers['authorization'] !== `Basic ${fake.gigachat.authKey}`)
          return send(res, 401, { code: 6, message: "credentials doesn't match db data" });
        if (!/^[0-9a-f-]{36}$/i.test(headers['rquid'] ?? ''))
          return send(res, 400, { code: 5, message: 'RqUID is invalid' });
        if (!/^scope=GIGACHAT_API_(PERS|B2B|CORP)$/.test(raw))
          return send(res, 400, { code: 7, message: 'scope is invalid' });
        const token = `tok-${++fake.gigachat.tokensIssued}-${Math.random().toString(36).slice(2)}`;
        tokens.add(token);
        return send(res, 200, { access_token: token, expires_at: Date.now() + fake.gigachat.tokenTtlMs });
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/chat/completions') {
        const bearer = (headers['authorization'] ?? '').replace(/^Bearer /, '');
        if (!tokens.has(bearer)) return send(res, 401, { status: 401, message: 'Token has expired' });
        return chat(res, record);
      }
      send(res, 404, { error: { message: `no route ${req.method} ${url.pathname}` } });
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.origin = `http://127.0.0.1:${port}`;
  fake.openaiBase = `${fake.origin}/v1`;
  fake.gigachatOauthUrl = `${fake.origin}/api/v2/oauth`;
  fake.gigachatApiUrl = `${fake.origin}/api/v1`;
  return fake;
}
