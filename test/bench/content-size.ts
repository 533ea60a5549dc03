import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A search page: what every script the manifest injects there costs is the listing's size. */
export const LISTING_URL = 'https://hh.ru/search/vacancy?text=python';

/** Does a manifest match pattern (`https://*.hh.ru/*`) cover this URL? (Chrome's rules, enough for ours.) */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return pattern === '<all_urls>';
  const u = new URL(url);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host);
  const pathRe = new RegExp(
    `^${path
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return hostOk && pathRe.test(u.pathname + u.search);
}

export interface InjectedScript {
  file: string;
  bytes: number;
  /** gzip -9. */
  gzip: number;
}

/** Every content script the built manifest injects on `url`, with its size; null when there is no build in `dir`. */
export function injectedScripts(dir: string, url = LISTING_URL): InjectedScript[] | null {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts?: { matches: string[]; js?: string[] }[];
  };
  const files = (manifest.content_scripts ?? [])
    .filter((cs) => cs.matches.some((p) => matchesPattern(p, url)))
    .flatMap((cs) => cs.js ?? []);
  return files.map((file) => {
    const code = readFileSync(join(dir, file));
    return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
}
