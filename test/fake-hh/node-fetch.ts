import https from 'node:https';
import type { FakeHh } from './server.ts';

/**
 * A fetch of hh.ru pages from Node against the fake (as the extension's worker would fetch them: the session
 * cookies, redirects followed), for unit tests of code that reads pages with the user's session.
 */
export interface FakePage {
  status: number;
  url: string;
  text: string;
  retryAfterMs?: number;
}

function once(
  fake: FakeHh,
  url: URL,
  cookie: string,
): Promise<{ status: number; location: string | null; retryAfter: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: fake.port,
        method: 'GET',
        path: url.pathname + url.search,
        servername: 'hh.ru',
        rejectUnauthorized: false,
        agent: false,
        headers: { host: url.host, cookie },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: (res.headers.location as string | undefined) ?? null,
            retryAfter: (res.headers['retry-after'] as string | undefined) ?? null,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('client timeout')));
    req.end();
  });
}

/** GET `url` (an https://hh.ru/… address) from the fake with the logged-in cookies; follows up to 5 redirects. */
export async function fetchFromFake(fake: FakeHh, url: string, cookie = fake.cookieHeader()): Promise<FakePage> {
  let u = new URL(url);
  for (let i = 0; i < 6; i++) {
    const r = await once(fake, u, cookie);
    if (r.status >= 300 && r.status < 400 && r.location) {
      u = new URL(r.location, u);
      continue;
    }
    const out: FakePage = { status: r.status, url: u.href, text: r.text };
    if (r.retryAfter && /^\d+$/.test(r.retryAfter)) out.retryAfterMs = Number(r.retryAfter) * 1000;
    return out;
  }
  throw new Error('too many redirects');
}

/** A `fetch` for Node that talks to the fake as the browser would (Host: hh.ru, cookie jar, redirects). */
export function fakeFetch(fake: FakeHh, jar: Map<string, string>): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    let url = new URL(String(input));
    let method = init.method ?? 'GET';
    let payload: { body: Buffer; type: string } | null = null;
    if (init.body !== undefined && init.body !== null) {
      const r = new Request(url, { method, body: init.body as BodyInit });
      payload = { body: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type') ?? '' };
    }
    for (let hop = 0; hop < 5; hop++) {
      const res = await new Promise<{
        status: number;
        headers: Record<string, string | string[] | undefined>;
        body: Buffer;
      }>((resolve, reject) => {
        const req = https.request(
          {
            host: '127.0.0.1',
            port: fake.port,
            method,
            path: url.pathname + url.search,
            servername: 'hh.ru',
            rejectUnauthorized: false,
            agent: false,
            headers: {
              host: url.host,
              cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
              ...(init.headers as Record<string, string> | undefined),
              ...(payload ? { 'content-type': payload.type, 'content-length': String(payload.body.length) } : {}),
            },
          },
          (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }));
            r.on('error', reject);
          },
        );
        req.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
        init.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
        if (payload) req.write(payload.body);
        req.end();
      });
      const setCookie = res.headers['set-cookie'] ?? [];
      for (const c of Array.isArray(setCookie) ? setCookie : [setCookie]) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        const k = pair!.slice(0, i);
        const v = pair!.slice(i + 1);
        if (/Max-Age=0/i.test(c) || v === '') jar.delete(k);
        else jar.set(k, v);
      }
      const location = res.headers['location'];
      if (res.status >= 300 && res.status < 400 && typeof location === 'string') {
        url = new URL(location, url);
        method = 'GET';
        payload = null;
        continue;
      }
      const response = new Response(res.status === 204 ? null : new Uint8Array(res.body), {
        status: res.status,
        headers: { 'content-type': String(res.headers['content-type'] ?? '') },
      });
      Object.defineProperty(response, 'url', { value: url.toString() });
      return response;
    }
    throw new TypeError('too many redirects');
  }) as typeof globalThis.fetch;
}
