import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { triageStatsSchema } from '../../lib/core/messaging/protocol';
import { describeZodError } from '../../lib/core/settings/schema';

const ROOT = join(__dirname, '../..');

// ---- Rule data (folder paths here are renamed with the layout; keep them in this block) ----

/** Product code: what ships in the extension. test/ (fake hh.ru included) and scripts/ are not scanned. */
const PRODUCT_DIRS = ['lib', 'entrypoints'];
/** The one folder that knows hh's addresses (hosts, paths, chat endpoints) and markup. */
const HH_DOOR = 'lib/core/hh/';
/** hh addresses product code outside HH_DOOR must not spell (string literals and regexes; comments are free). */
const HH_ADDRESS_RULES: { name: string; re: RegExp }[] = [
  { name: 'hh host in a URL', re: /\bhttps?:\/\/(?:[\w-]+\.)*(?:hh\.ru|hh\.kz|rabota\.by|hh\.uz)\b/i },
  { name: 'hh host list as a regex', re: /hh\\\.(?:ru|kz|uz)\b|rabota\\\.by/ },
  { name: 'chat endpoint', re: /chatik\.|\/chatik\//i },
  {
    name: 'hh path',
    re: /['"`/](?:applicant|search\/vacancy|resume|vacancy|employer)\/|['"`]\/(?:applicant|search|vacancy|resume|employer)\b/,
  },
];
/** Entry points of the scripts that run inside hh pages (listing script, page-features script). */
const CONTENT_ENTRIES = ['entrypoints/hh.content/index.ts', 'entrypoints/hh-pages.content/index.ts'];
/**
 * What content-script code may not load, even through another module: Dexie, the module that opens our
 * database, IndexedDB. (lib/db's row types and zod schemas are pure and may be shared.)
 */
const CONTENT_FORBIDDEN: { name: string; module?: RegExp; file?: RegExp; text?: RegExp }[] = [
  { name: 'dexie', module: /^dexie(\/|$)/ },
  { name: 'the db module', file: /^lib\/(?:worker\/)?db\/(db|index)\.ts$/ },
  { name: 'IndexedDB', text: /\bindexedDB\b/ },
];

function files(dir: string, exts = ['.ts', '.tsx']): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(rel);
  }
  return out;
}

const product = ['lib', 'entrypoints'].flatMap((d) => files(d)).filter((f) => !/\.test\.tsx?$/.test(f));
const code = (f: string) => readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');

/** Source without comments; strings (where `//` is common: URLs) are kept as they are. */
export function stripComments(src: string): string {
  return src.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`|\/\/.*|\/\*[\s\S]*?\*\//g, (m) =>
    m.startsWith('//') || m.startsWith('/*') ? '' : m,
  );
}

/** `file:line rule` for every hh address spelled outside HH_DOOR. */
export function hhAddressLeaks(sources: { path: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { path, text } of sources) {
    if (path.startsWith(HH_DOOR)) continue;
    stripComments(text)
      .split('\n')
      .forEach((line, i) => {
        for (const r of HH_ADDRESS_RULES) if (r.re.test(line)) out.push(`${path}:${i + 1} ${r.name}`);
      });
  }
  return out;
}

/** Module specifiers a file loads at run time (type-only imports and exports are erased, so skipped). */
export function runtimeImports(src: string): string[] {
  const out: string[] = [];
  const code = stripComments(src);
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/gm))
    if (!m[1]) out.push(m[2]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/**
 * What the content-script entries load (transitively, relative imports resolved to files) that CONTENT_FORBIDDEN
 * names, as `entry > … > file: rule`. `read` returns a file's text or null when there is no such file.
 */
export function contentScriptViolations(entries: string[], read: (path: string) => string | null): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const resolveRel = (from: string, spec: string): string | null => {
    const base = join(dirname(from), spec);
    for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
      if (/\.tsx?$/.test(c) && read(c) !== null) return c;
    return null;
  };
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = read(file) ?? '';
    const here = [...chain, file];
    for (const r of CONTENT_FORBIDDEN) {
      if (r.file?.test(file) || (r.text && r.text.test(stripComments(text))))
        out.push(`${here.join(' > ')}: ${r.name}`);
    }
    for (const spec of runtimeImports(text)) {
      if (spec.startsWith('.')) {
        const target = resolveRel(file, spec);
        if (target) walk(target, here);
      } else {
        for (const r of CONTENT_FORBIDDEN)
          if (r.module?.test(spec)) out.push(`${here.join(' > ')} imports '${spec}': ${r.name}`);
      }
    }
  };
  for (const e of entries) walk(e, []);
  return out;
}

const readRepo = (path: string): string | null => {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return null;
  }
};

describe('boundaries', () => {
  it('hh addresses (hosts, paths, chat endpoints) are spelled only in lib/hh', () => {
    const sources = PRODUCT_DIRS.flatMap((d) => files(d))
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .concat(['wxt.config.ts'])
      .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
    expect(hhAddressLeaks(sources)).toEqual([]);
  });

  it('content-script code never loads Dexie, the db module or IndexedDB, not even through another module', () => {
    for (const e of CONTENT_ENTRIES) expect(readRepo(e), e).not.toBeNull();
    expect(contentScriptViolations(CONTENT_ENTRIES, readRepo)).toEqual([]);
  });

  describe('the checkers catch a planted violation', () => {
    /* eslint-disable no-template-curly-in-string -- planted source lines, not templates */
    it.each([
      ['hh host in a URL', "const u = 'https://spb.hh.ru/';"],
      ['hh host list as a regex', 'const re = /(^|\\.)hh\\.ru$/;'],
      ['chat endpoint', 'const c = `https://chatik.hh.ru/chat/${id}`;'],
      ['hh path', "if (u.pathname === '/applicant/vacancy_response') go();"],
      ['hh path', 'const v = `${origin}/vacancy/${id}`;'],
      ['hh path', "const s = origin + '/search/vacancy?text=' + q;"],
    ])('%s: %s', (rule, line) => {
      /* eslint-enable no-template-curly-in-string */
      expect(hhAddressLeaks([{ path: 'lib/queue/x.ts', text: line }])).toContain(`lib/queue/x.ts:1 ${rule}`);
      expect(hhAddressLeaks([{ path: `${HH_DOOR}x.ts`, text: line }])).toEqual([]);
    });

    it('hh words in prose and comments are not addresses', () => {
      const text =
        "// see https://hh.ru/applicant/negotiations\nconst m = 'hh.ru asks for a captcha';\n/* chatik.hh.ru */";
      expect(hhAddressLeaks([{ path: 'lib/queue/x.ts', text }])).toEqual([]);
    });

    const tree = (files: Record<string, string>) => (p: string) => files[p] ?? null;
    it('dexie two imports away from a content entry', () => {
      const read = tree({
        'c/index.ts': "import { a } from '../lib/a';",
        'lib/a.ts': "export * from './b';",
        'lib/b.ts': "import Dexie from 'dexie';",
      });
      expect(contentScriptViolations(['c/index.ts'], read)).toEqual([
        "c/index.ts > lib/a.ts > lib/b.ts imports 'dexie': dexie",
      ]);
    });
    it('the db module loaded lazily', () => {
      const read = tree({
        'c/index.ts': "const m = await import('../lib/db');",
        'lib/db/index.ts': 'export const x = 1;',
      });
      expect(contentScriptViolations(['c/index.ts'], read)).toEqual(['c/index.ts > lib/db/index.ts: the db module']);
    });
    it('raw IndexedDB', () => {
      const read = tree({ 'c/index.ts': "import './s';", 'c/s.ts': "indexedDB.open('x');" });
      expect(contentScriptViolations(['c/index.ts'], read)).toEqual(['c/index.ts > c/s.ts: IndexedDB']);
    });
    it('type-only imports are erased: no violation', () => {
      const read = tree({
        'c/index.ts': "import type { Job } from '../lib/db/schema';\nexport type { X } from '../lib/db';",
        'lib/db/schema.ts': '',
      });
      expect(contentScriptViolations(['c/index.ts'], read)).toEqual([]);
    });
  });
});

describe('project conventions', () => {
  it('product code uses browser.* (WXT), never the Chrome-only global', () => {
    const offenders = product.filter((f) => /\bchrome\.[a-z]/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('hh.ru markup (data-qa selectors) is known only to lib/hh', () => {
    const offenders = product.filter((f) => !f.startsWith('lib/core/hh/') && /data-qa/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('the content script never opens IndexedDB: it goes through messages', () => {
    const contentSide = product.filter(
      (f) => f.startsWith('entrypoints/hh.content/') || f.startsWith('lib/listing/') || f.startsWith('lib/hh-pages/'),
    );
    const offenders = contentSide.filter((f) => /from ['"]dexie['"]|indexedDB|worker\/db\//.test(code(f)));
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
    const r = triageStatsSchema.safeParse({
      url: 'not a url',
      total: 1,
      shown: 1,
      dimmed: 0,
      hidden: -1,
      unrecognised: 0,
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(describeZodError(r.error)).toBe('url: Invalid URL; hidden: Too small: expected number to be >=0');
  });

  it('no `any` without a comment on the same line', () => {
    const offenders: string[] = [];
    for (const f of product) {
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\*|\/\/|\/\*)/.test(line)) return; // a comment line
          if (/(:\s*any\b|as any\b|<any>)/.test(line) && !/\/\/|\/\*/.test(line))
            offenders.push(`${relative(ROOT, join(ROOT, f))}:${i + 1}`);
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
      code(f)
        .split('\n')
        .forEach((line, i) => {
          if (/\bexpect\(\s*await\b/.test(line)) offenders.push(`${f}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the rule above sees a one-shot read', () => {
    expect(/\bexpect\(\s*await\b/.test("expect(await page.locator('x').textContent()).toBe('y')")).toBe(true);
  });
});
