import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { triageStatsSchema } from '../../lib/messaging/protocol';
import { describeZodError } from '../../lib/settings/schema';

const ROOT = join(__dirname, '../..');

function files(dir: string, exts = ['.ts', '.tsx']): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(rel);
  }
  return out;
}

const product = ['lib', 'entrypoints', 'components'].flatMap((d) => files(d)).filter((f) => !/\.test\.tsx?$/.test(f));
const code = (f: string) => readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');

describe('project conventions', () => {
  it('product code uses browser.* (WXT), never the Chrome-only global', () => {
    const offenders = product.filter((f) => /\bchrome\.[a-z]/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('hh.ru markup (data-qa selectors) is known only to lib/hh', () => {
    const offenders = product.filter((f) => !f.startsWith('lib/hh/') && /data-qa/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('the content script never opens IndexedDB: it goes through messages', () => {
    const contentSide = product.filter((f) => f.startsWith('entrypoints/hh.content/') || f.startsWith('lib/triage/'));
    const offenders = contentSide.filter((f) => /from ['"]dexie['"]|indexedDB|lib\/db\//.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('product code imports zod only as zod/mini (classic zod cannot be tree-shaken: content script size)', () => {
    const offenders: string[] = [];
    for (const f of product) {
      for (const m of code(f).matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](zod(?:\/[^'"]*)?)['"]/g)) {
        if (m[1] !== 'zod/mini' && m[1] !== 'zod/locales') offenders.push(`${f}: '${m[1]}'`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('zod messages are English without classic zod (zod/mini registers no locale of its own)', () => {
    // This file loads no classic zod, so a missing z.config(locale) shows here as "Invalid input".
    const r = triageStatsSchema.safeParse({ url: 'not a url', total: 1, shown: 1, dimmed: 0, hidden: -1, unrecognised: 0 });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodError(r.error)).toBe('url: Invalid URL; hidden: Too small: expected number to be >=0');
  });

  it('no `any` without a comment on the same line', () => {
    const offenders: string[] = [];
    for (const f of product) {
      readFileSync(join(ROOT, f), 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\*|\/\/|\/\*)/.test(line)) return; // a comment line
        if (/(:\s*any\b|as any\b|<any>)/.test(line) && !/\/\/|\/\*/.test(line)) offenders.push(`${relative(ROOT, join(ROOT, f))}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

describe('end-to-end test conventions', () => {
  const e2e = files('test/e2e').filter((f) => f.endsWith('.e2e.ts'));

  it('every read of async UI state waits for it (expect.poll), never one await-and-compare', () => {
    // `expect(await locator.textContent()).toBe(x)` reads once: it passes or fails by timing (issue 19's flaky test).
    const offenders: string[] = [];
    for (const f of e2e) {
      code(f).split('\n').forEach((line, i) => {
        if (/\bexpect\(\s*await\b/.test(line)) offenders.push(`${f}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the rule above sees a one-shot read', () => {
    expect(/\bexpect\(\s*await\b/.test("expect(await page.locator('x').textContent()).toBe('y')")).toBe(true);
  });
});
