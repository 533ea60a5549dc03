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

function once(fake: FakeHh, url: URL, cookie: string): Promise<{ status: number; location: string | null; retryAfter: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: fake.port, method: 'GET', path: url.pathname + url.search, servername: 'hh.ru', rejectUnauthorized: false, agent: false, headers: { host: url.host, cookie } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: (res.headers.location as string | undefined) ?? null, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null, text: Buffer.concat(chunks).toString('utf8') }));
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
