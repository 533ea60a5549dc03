// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LETTER, startFakeLlm, type FakeLlm } from '../../../test/fake-llm/server';
import { createGigaChatProvider } from './gigachat';
import { createOpenAiProvider, chatUrl } from './openai';
import { ProviderError, type CompletionRequest } from './provider';

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const req = (extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  messages: [{ role: 'user', content: 'напиши письмо' }],
  maxTokens: 300,
  temperature: 0.5,
  ...extra,
});
const openai = (extra: Partial<Parameters<typeof createOpenAiProvider>[0]> = {}) =>
  createOpenAiProvider({ baseUrl: llm.openaiBase, model: 'fake-model', apiKey: 'sk-secret-1234', ...extra });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

describe('OpenAI-compatible provider against the fake SSE server', () => {
  it('streams the deltas in order (events split across reads) and returns the whole text', async () => {
    const deltas: string[] = [];
    const text = await openai().complete(req({ onDelta: (t) => deltas.push(t) }));
    expect(text).toBe(DEFAULT_LETTER);
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(DEFAULT_LETTER);
  });

  it('sends the key only as a header to the base URL, with model, messages, max_tokens and stream:true', async () => {
    await openai().complete(req());
    const r = llm.requests.at(-1)!;
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.headers['authorization']).toBe('Bearer sk-secret-1234');
    expect(r.body).toMatchObject({
      model: 'fake-model',
      stream: true,
      max_tokens: 300,
      messages: [{ role: 'user', content: 'напиши письмо' }],
    });
  });

  it('uses "Api-Key" for Yandex-style auth', async () => {
    await openai({ authScheme: 'Api-Key' }).complete(req());
    expect(llm.requests.at(-1)!.headers['authorization']).toBe('Api-Key sk-secret-1234');
  });

  it('401 → an auth error that says to check the key, and never echoes the key', async () => {
    llm.behave({ status: 401 });
    const e = await failure(openai().complete(req()));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/check the key/);
    expect(e.message).not.toContain('sk-secret-1234');
  });

  it('429 → rate_limit with Retry-After seconds', async () => {
    llm.behave({ status: 429, retryAfter: 7 });
    const e = await failure(openai().complete(req()));
    expect(e.kind).toBe('rate_limit');
    expect(e.retryAfterS).toBe(7);
    expect(e.message).toMatch(/wait 7 s/);
  });

  it('404 → config error pointing at the base URL and model; 500 → server error', async () => {
    llm.behave({ status: 404 });
    expect((await failure(openai().complete(req()))).kind).toBe('config');
    llm.behave({ status: 500 });
    expect((await failure(openai().complete(req()))).kind).toBe('server');
  });

  it('no first byte in time → timeout; a stream that stalls mid-way → timeout', async () => {
    llm.behave({ hang: true });
    const e1 = await failure(openai({ firstByteMs: 300 }).complete(req()));
    expect(e1.kind).toBe('timeout');
    llm.behave({ stallAfterChunks: 2 });
    const deltas: string[] = [];
    const e2 = await failure(openai({ idleMs: 300 }).complete(req({ onDelta: (t) => deltas.push(t) })));
    expect(e2.kind).toBe('timeout');
    expect(deltas.length).toBeGreaterThan(0);
  });

  it('stall right after the headers → timeout, not a hang', async () => {
    llm.behave({ stallAfterHeaders: true });
    expect((await failure(openai({ idleMs: 300 }).complete(req()))).kind).toBe('timeout');
  });

  it('cancellation mid-stream rejects as cancelled and stops reading', async () => {
    llm.behave({ chunkDelayMs: 30 });
    const ctl = new AbortController();
    let n = 0;
    const p = openai().complete(req({ signal: ctl.signal, onDelta: () => ++n === 3 && ctl.abort() }));
    const e = await failure(p);
    expect(e.kind).toBe('cancelled');
    expect(n).toBe(3);
  });

  it('an error event mid-stream → server error', async () => {
    llm.behave({ midStreamError: true });
    expect((await failure(openai().complete(req()))).kind).toBe('server');
  });

  it('a server that ignores stream:true and answers JSON still works', async () => {
    llm.behave({ nonStreaming: true });
    expect(await openai().complete(req())).toBe(DEFAULT_LETTER);
  });

  it('unreachable host → network error that says what to check', async () => {
    const e = await failure(
      createOpenAiProvider({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: 'k' }).complete(req()),
    );
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/base URL/);
  });

  it('config problems are caught before any request: bad URL, no model, no key for a remote host', async () => {
    expect(() => chatUrl('ftp://x')).toThrow(/https/);
    expect(chatUrl('https://openrouter.ai/api/v1/')).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect((await failure(openai({ model: '' }).complete(req()))).kind).toBe('config');
    expect(
      (
        await failure(
          createOpenAiProvider({ baseUrl: 'https://example.com/v1', model: 'm', apiKey: '' }).complete(req()),
        )
      ).kind,
    ).toBe('auth');
    // a local server (Ollama/LM Studio) needs no key
    expect(await openai({ apiKey: '' }).complete(req())).toBe(DEFAULT_LETTER);
    expect(llm.requests.at(-1)!.headers['authorization']).toBeUndefined();
  });
});

describe('GigaChat provider (OAuth, then chat) against the fake server', () => {
  const giga = (authKey = llm.gigachat.authKey) =>
    createGigaChatProvider({
      authKey,
      scope: 'GIGACHAT_API_PERS',
      model: 'GigaChat',
      oauthUrl: llm.gigachatOauthUrl,
      apiUrl: llm.gigachatApiUrl,
    });

  it('signs in with Basic key + RqUID + scope, then streams with the Bearer token; the token is reused', async () => {
    const p = giga();
    const deltas: string[] = [];
    expect(await p.complete(req({ onDelta: (t) => deltas.push(t) }))).toBe(DEFAULT_LETTER);
    expect(deltas.join('')).toBe(DEFAULT_LETTER);
    await p.complete(req());
    expect(llm.gigachat.tokensIssued).toBe(1);
    const oauth = llm.requests.find((r) => r.path === '/api/v2/oauth')!;
    expect(oauth.form).toBe('scope=GIGACHAT_API_PERS');
    expect(oauth.headers['rquid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      llm.requests
        .filter((r) => r.path === '/api/v1/chat/completions')
        .every((r) => /^Bearer tok-1-/.test(r.headers['authorization'] ?? '')),
    ).toBe(true);
  });

  it('a wrong authorization key → auth error saying to copy the key again', async () => {
    const e = await failure(giga('wrong').complete(req()));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/copy the key again/);
  });

  it('a revoked token → one fresh sign-in and the letter still arrives', async () => {
    const p = giga();
    await p.complete(req());
    llm.gigachat.revokeTokens();
    expect(await p.complete(req())).toBe(DEFAULT_LETTER);
    expect(llm.gigachat.tokensIssued).toBe(2);
  });

  it('an expiring token is refreshed before use', async () => {
    llm.gigachat.tokenTtlMs = 30_000; // less than the one-minute margin
    const p = giga();
    await p.complete(req());
    await p.complete(req());
    expect(llm.gigachat.tokensIssued).toBe(2);
    llm.gigachat.tokenTtlMs = 30 * 60_000;
  });

  it('429 from the chat → rate_limit', async () => {
    const p = giga();
    llm.behave({ status: 429, retryAfter: 3 });
    // the oauth request is not a chat request: the fault hits the chat
    expect((await failure(p.complete(req()))).kind).toBe('rate_limit');
  });

  it('unreachable sign-in → network error with the certificate hint', async () => {
    const e = await failure(
      createGigaChatProvider({
        authKey: 'k',
        scope: 'GIGACHAT_API_PERS',
        model: 'GigaChat',
        oauthUrl: 'http://127.0.0.1:1/api/v2/oauth',
        apiUrl: llm.gigachatApiUrl,
      }).complete(req()),
    );
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/Russian Trusted Root CA/);
  });
});
