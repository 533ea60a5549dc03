#!/usr/bin/env node
// Issue 20: moves the code into the runtime × feature layout (README "Layout") and rewrites every path that
// names a moved file. Deterministic and idempotent: run it on any tree that still has the old folders (e.g. after
// merging branches that added files there) and it moves what is left; on the new layout it changes nothing.
//
//   node scripts/reorg.mjs          move (git mv) and rewrite; exit 1 listing what it could not resolve
//   node scripts/reorg.mjs --dry    print the moves only
//
// Rules: FILE_RULES (exact old path → new path) first; a test `x.test.ts` / `x.y.test.tsx` follows its source
// `x.ts(x)` (renamed along with it); then the longest matching FOLDER_RULES prefix, so a file someone adds to an
// old folder moves with that folder. Rewritten: relative specifiers (import/export, import(), vi.mock,
// vi.importActual, css @import, `?inline`/`?raw`, json), relative path strings (`resolve(__dirname, '../x')`,
// markdown links), and repo-root paths (`lib/hh/sites.ts`, `lib/match/`) in code, configs and docs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const P = path.posix;

/** Old folder → new folder (longest prefix wins). A file not matched by FILE_RULES goes where its folder goes. */
const FOLDER_RULES = {
  'components/': 'lib/ext-pages/',
  'lib/db/': 'lib/worker/db/',
  'lib/discovery/': 'lib/worker/discovery/',
  'lib/dom/': 'lib/listing/dom/',
  'lib/feedback/': 'lib/worker/feedback/',
  'lib/hh/': 'lib/core/hh/',
  'lib/i18n/': 'lib/core/i18n/',
  'lib/letters/': 'lib/worker/letters/',
  'lib/match/': 'lib/core/match/',
  'lib/messaging/': 'lib/core/messaging/',
  'lib/negotiations/': 'lib/worker/negotiations/',
  'lib/notify/': 'lib/worker/notify/',
  'lib/pages/': 'lib/core/pages/',
  'lib/platform/': 'lib/worker/platform/',
  'lib/queue/': 'lib/worker/queue/',
  'lib/settings/': 'lib/core/settings/',
  'lib/stats/': 'lib/ext-pages/stats/',
  'lib/triage/': 'lib/listing/triage/',
};

/** Exact moves: files whose runtime differs from their old folder's default (import graph from each entry). */
const FILE_RULES = {
  // second pass (runtime boundaries in eslint.config.js): shared by more than one bundle, so core
  'lib/worker/db/negotiation-rows.ts': 'lib/core/db/negotiation-rows.ts',
  'lib/worker/db/discovery-rows.ts': 'lib/core/db/discovery-rows.ts',
  'lib/worker/platform/script-token.ts': 'lib/core/platform/script-token.ts',
  'lib/worker/platform/secret-store.ts': 'lib/core/platform/secret-store.ts',
  'lib/worker/letters/keys.ts': 'lib/core/letters/keys.ts',
  'lib/core/messaging/content-client.ts': 'lib/listing/messaging/content-client.ts',
  // pure helpers shared by every bundle
  'lib/describe-zod-error.ts': 'lib/core/describe-zod-error.ts',
  'lib/zod-messages.ts': 'lib/core/zod-messages.ts',
  'lib/ui/tokens.css': 'lib/ext-pages/tokens.css',
  // the worker's handlers and services: out of the entry point, into their features
  'entrypoints/background/discovery.ts': 'lib/worker/discovery/service.ts',
  'entrypoints/background/discovery-messages.ts': 'lib/worker/discovery/handlers.ts',
  'entrypoints/background/letters.ts': 'lib/worker/letters/service.ts',
  'entrypoints/background/letters-messages.ts': 'lib/worker/letters/handlers.ts',
  'entrypoints/background/negotiations.ts': 'lib/worker/negotiations/service.ts',
  'entrypoints/background/negotiations-messages.ts': 'lib/worker/negotiations/handlers.ts',
  'entrypoints/background/invitation-notices.test.ts': 'lib/worker/negotiations/invitation-notices.test.ts',
  'entrypoints/background/profile-messages.ts': 'lib/worker/profile/handlers.ts',
  'entrypoints/background/queue.ts': 'lib/worker/queue/service.ts',
  'entrypoints/background/queue-messages.ts': 'lib/worker/queue/handlers.ts',
  // db: the row schemas and job states are pure (content scripts and pages read them); Dexie stays in the worker
  'lib/db/schema.ts': 'lib/core/db/schema.ts',
  'lib/db/job-state.ts': 'lib/core/db/job-state.ts',
  // discovery
  'lib/discovery/form.ts': 'lib/ext-pages/discovery/form.ts',
  'lib/discovery/settings.ts': 'lib/core/discovery/settings.ts',
  'lib/discovery/types.ts': 'lib/core/discovery/types.ts',
  // letters: shared protocol and settings; the offscreen host; the page's port client
  'lib/letters/engine.ts': 'lib/core/letters/engine.ts',
  'lib/letters/engine-protocol.ts': 'lib/core/letters/engine-protocol.ts',
  'lib/letters/port-protocol.ts': 'lib/core/letters/port-protocol.ts',
  'lib/letters/provider-url.ts': 'lib/core/letters/provider-url.ts',
  'lib/letters/settings.ts': 'lib/core/letters/settings.ts',
  'lib/letters/hosts.ts': 'lib/core/letters/hosts.ts',
  'lib/letters/webllm-models.ts': 'lib/core/letters/webllm-models.ts',
  'lib/letters/engine-host.ts': 'lib/ext-pages/letters/engine-host.ts',
  'lib/letters/webllm-engine.ts': 'lib/ext-pages/letters/webllm-engine.ts',
  'lib/letters/port-client.ts': 'lib/hh-pages/letters/port-client.ts',
  // negotiations (responses): page side, shared shapes
  'lib/negotiations/content.ts': 'lib/hh-pages/negotiations/content.ts',
  'lib/negotiations/prefill.ts': 'lib/hh-pages/negotiations/prefill.ts',
  'lib/negotiations/protocol.ts': 'lib/core/negotiations/protocol.ts',
  'lib/negotiations/qa.ts': 'lib/core/negotiations/qa.ts',
  'lib/negotiations/settings.ts': 'lib/core/negotiations/settings.ts',
  'lib/negotiations/types.ts': 'lib/core/negotiations/types.ts',
  // notify
  'lib/notify/settings.ts': 'lib/core/notify/settings.ts',
  'lib/notify/telegram.ts': 'lib/core/notify/telegram.ts',
  'lib/notify/token.ts': 'lib/core/notify/token.ts',
  // pages: which bundle goes where
  'lib/pages/inject.ts': 'lib/worker/pages/inject.ts',
  'lib/pages/request.ts': 'lib/listing/pages/request.ts',
  'lib/pages/start.ts': 'lib/hh-pages/start.ts',
  // platform: the content scripts' adapters
  'lib/platform/ext.ts': 'lib/listing/platform/ext.ts',
  'lib/platform/when-parsed.ts': 'lib/listing/platform/when-parsed.ts',
  'lib/platform/native-browser.ts': 'lib/listing/platform/native-browser.ts',
  'lib/platform/lean-script-context.ts': 'lib/listing/platform/lean-script-context.ts',
  // settings: the pages' form side, the listing script's reader
  'lib/settings/diff.ts': 'lib/ext-pages/settings/diff.ts',
  'lib/settings/form.ts': 'lib/ext-pages/settings/form.ts',
  'lib/settings/signal.ts': 'lib/ext-pages/settings/signal.ts',
  'lib/settings/transfer.ts': 'lib/ext-pages/settings/transfer.ts',
  'lib/settings/listing-switch.ts': 'lib/listing/settings/listing-switch.ts',
  'lib/settings/or-defaults.ts': 'lib/listing/settings/or-defaults.ts',
  'lib/settings/watch-stored.ts': 'lib/listing/settings/watch-stored.ts',
  // triage: the vacancy panel (page-features script), the worker's scoring, the shared scorer
  'lib/triage/panel-texts.ts': 'lib/hh-pages/vacancy-panel/panel-texts.ts',
  'lib/triage/skill-gap.ts': 'lib/hh-pages/vacancy-panel/skill-gap.ts',
  'lib/triage/vacancy-panel.ts': 'lib/hh-pages/vacancy-panel/vacancy-panel.ts',
  'lib/triage/vacancy-start.ts': 'lib/hh-pages/vacancy-panel/vacancy-start.ts',
  'lib/triage/score-cards.ts': 'lib/worker/triage/score-cards.ts',
  'lib/triage/score-state.test.ts': 'lib/worker/triage/score-state.test.ts',
  'lib/triage/tab-stats.ts': 'lib/worker/triage/tab-stats.ts',
  'lib/triage/scorer.ts': 'lib/core/triage/scorer.ts',
  // added on other branches while this layout was made (issue 18, hh signals): the worker's memory of them
  'lib/triage/hh-signal-memory.ts': 'lib/worker/triage/hh-signal-memory.ts',
  'entrypoints/background/hh-signals.ts': 'lib/worker/triage/hh-signals.ts',
};

/**
 * Literal edits that no path mapping can derive (a folder that splits, a folder that disappears). Each is applied
 * when `from` is present; absent (already applied, or changed by someone) it is reported, never guessed.
 */
const SPECIAL = [
  ['test/unit/conventions.test.ts', "['lib', 'entrypoints', 'components']", "['lib', 'entrypoints']"],
  [
    'test/unit/conventions.test.ts',
    "f.startsWith('lib/triage/')",
    "f.startsWith('lib/listing/') || f.startsWith('lib/hh-pages/')",
  ],
  ['test/unit/conventions.test.ts', "f.startsWith('lib/hh/')", "f.startsWith('lib/core/hh/')"],
  // the conventions test as issue 20's boundary rules rewrote it (its synthetic trees keep the old paths)
  ['test/unit/conventions.test.ts', "const HH_DOOR = 'lib/hh/';", "const HH_DOOR = 'lib/core/hh/';"],
  [
    'test/unit/conventions.test.ts',
    'file: /^lib\\/db\\/(db|index)\\.ts$/',
    'file: /^lib\\/(?:worker\\/)?db\\/(db|index)\\.ts$/',
  ],
  ['test/unit/conventions.test.ts', 'indexedDB|lib\\/db\\//', 'indexedDB|worker\\/db\\//'],
  ['wxt.config.ts', "'lib/platform'", "'lib/listing/platform'"],
  ['eslint.config.js', "'lib/triage/**'", "'lib/listing/**', 'lib/hh-pages/**'"],
  ['vitest.config.ts', "'components/**/*.test.ts', 'components/**/*.test.tsx', ", ''],
  ['tsconfig.json', '"entrypoints", "components", "lib"', '"entrypoints", "lib"'],
];

const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|css|json|md|html)$/;
const CODE = /\.(ts|tsx|mts|mjs|js|cjs|css|html)$/;
const SKIP = /^(scripts\/reorg\.mjs$|\.output|package-lock\.json$|public\/|test\/fixtures\/|test\/bench\/data\/)/;
/** Files whose repo-root path mentions are test data (synthetic trees): only SPECIAL edits and real imports change. */
const NO_ROOT_PATHS = new Set(['test/unit/conventions.test.ts']);
const dry = process.argv.includes('--dry');
const git = (...a) => execFileSync('git', a, { encoding: 'utf8', maxBuffer: 1 << 28 });

const root = git('rev-parse', '--show-toplevel').trim();
process.chdir(root);
const files = git('ls-files', '-z')
  .split('\0')
  .filter(Boolean)
  .filter((f) => existsSync(f))
  .sort();
const tracked = new Set(files);

function ruleTarget(f) {
  if (FILE_RULES[f]) return FILE_RULES[f];
  const t = /^(.*\/)?([^/]+?)((?:\.[\w-]+)?\.test\.tsx?)$/.exec(f);
  if (t) {
    const dir = t[1] ?? '';
    for (const ext of ['.ts', '.tsx']) {
      const src = dir + t[2] + ext;
      if (FILE_RULES[src])
        return P.join(P.dirname(FILE_RULES[src]), P.basename(FILE_RULES[src]).replace(/\.tsx?$/, '') + t[3]);
    }
  }
  let best = '';
  for (const k of Object.keys(FOLDER_RULES)) if (f.startsWith(k) && k.length > best.length) best = k;
  return best ? FOLDER_RULES[best] + f.slice(best.length) : f;
}

const moves = new Map(files.map((f) => [f, ruleTarget(f)]));
const targets = new Map();
for (const [from, to] of moves) {
  if (targets.has(to) && targets.get(to) !== from)
    throw new Error(`two files would move to ${to}: ${targets.get(to)}, ${from}`);
  if (from !== to && tracked.has(to)) throw new Error(`${from} → ${to}: that path is taken`);
  targets.set(to, from);
}
const moved = [...moves].filter(([a, b]) => a !== b);
if (dry) {
  for (const [a, b] of moved) console.log(`${a} → ${b}`);
  process.exit(0);
}

/** A folder maps cleanly when every tracked file under it moves by one prefix; else null (it splits). */
function mapFolder(dir) {
  const d = dir.replace(/\/$/, '') + '/';
  const under = files.filter((f) => f.startsWith(d));
  if (!under.length) return undefined;
  let to = null;
  for (const f of under) {
    const n = moves.get(f);
    const rest = f.slice(d.length);
    if (!n.endsWith('/' + rest)) return null;
    const base = n.slice(0, n.length - rest.length);
    if (to !== null && to !== base) return null;
    to = base;
  }
  return to.replace(/\/$/, '');
}

const RESOLVE_EXTS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '.json', '/index.ts', '/index.tsx'];
const problems = [];
const notes = [];

/** Resolve `spec` written in old file `from` (now moving to `newFrom`); return the rewritten spec or null. */
function rewriteRelative(spec, from, newFrom, strict) {
  const q = spec.search(/[?#]/);
  const bare = q >= 0 ? spec.slice(0, q) : spec;
  const query = q >= 0 ? spec.slice(q) : '';
  const tpl = bare.indexOf('${');
  const head = tpl >= 0 ? bare.slice(0, bare.lastIndexOf('/', tpl) + 1) : bare;
  const tail = bare.slice(head.length);
  const abs = P.normalize(P.join(P.dirname(from), head));
  const rel = (target) => {
    let r = P.relative(P.dirname(newFrom), target) || '.';
    if (r !== '.' && r !== '..' && !r.startsWith('./') && !r.startsWith('../')) r = './' + r;
    return r;
  };
  const keepSlash = (r) => (head.endsWith('/') && !r.endsWith('/') ? r + '/' : r);
  if (abs === '..' || abs.startsWith('../')) return keepSlash(rel(abs)) + tail + query; // outside the repo: ../shared
  if (tpl < 0) {
    for (const ext of RESOLVE_EXTS) {
      const cand = abs + ext;
      if (tracked.has(cand)) {
        const n = moves.get(cand);
        // keep the spec's style: no extension, or the folder alone for an index file
        const target =
          ext === '' ? n : n.endsWith(ext) ? n.slice(0, n.length - ext.length) : n.replace(/\.[^./]+$/, '');
        return rel(target) + query;
      }
    }
  }
  const folder = mapFolder(abs);
  if (typeof folder === 'string') return keepSlash(rel(folder)) + tail + query;
  if (folder === null) {
    (strict ? problems : notes).push(`${from}: '${spec}' names a folder that splits`);
    return null;
  }
  if (existsSync(abs)) return keepSlash(rel(abs)) + tail + query; // untracked but present (generated): stays
  if (strict) problems.push(`${from}: cannot resolve '${spec}'`);
  return null;
}

/** A repo-root path (`lib/hh/sites.ts`, `lib/match/`, `lib/triage/score-cards`) → its new path, or null. */
function rewriteRootPath(tok, from) {
  const t = tok.replace(/[.]+$/, '');
  const trail = tok.slice(t.length);
  const slash = t.endsWith('/');
  const p = slash ? t.slice(0, -1) : t;
  for (const ext of ['', '.ts', '.tsx']) {
    if (tracked.has(p + ext)) {
      const n = moves.get(p + ext);
      return (ext ? n.slice(0, -ext.length) : n) + (slash ? '/' : '') + trail;
    }
  }
  const folder = mapFolder(p);
  if (typeof folder === 'string') return folder + (slash ? '/' : '') + trail;
  if (folder === null && p.includes('/')) notes.push(`${from}: '${tok}' names a folder that splits (edit by hand)`);
  return null;
}

const IMPORT_CTX =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\bexport\s*\*\s*from\s*|vi\.(?:mock|doMock|importActual|importMock)\(\s*|@import\s+(?:url\()?\s*)$/;
const REL_STR = /(['"`])(\.{1,2}\/[^'"`\n]*?)\1/g;
const MD_LINK = /\]\((\.{1,2}\/[^)\s]+)\)/g;
const ROOT_TOK = /(?<![\w./@$-])(?:lib|components|entrypoints)\/(?:[\w.@/-]*[\w/])?/g;

/** Whether a line's text up to here leaves a string literal open (an odd count of one kind of unescaped quote). */
function insideString(prefix) {
  const bare = prefix.replace(/\\./g, '');
  return ["'", '"', '`'].some((c) => bare.split(c).length % 2 === 0);
}

/** An unmoved file keeps a spec that still names the same path, byte for byte (style kept). */
const same = (r, spec, from, newFrom) =>
  from === newFrom &&
  P.normalize(P.join(P.dirname(from), r.replace(/\/$/, ''))) ===
    P.normalize(P.join(P.dirname(from), spec.replace(/\/$/, '')));

function rewrite(text, from) {
  const newFrom = moves.get(from);
  const isCode = CODE.test(from);
  let out = text;
  for (const [file, a, b] of SPECIAL) {
    if (file !== from) continue;
    if (out.includes(a)) out = out.split(a).join(b);
    else if (!out.includes(b)) notes.push(`${from}: special edit not applied, text not found: ${a}`);
  }
  if (isCode || from.endsWith('.json')) {
    out = out.replace(REL_STR, (m, q, spec, off, whole) => {
      if (insideString(whole.slice(whole.lastIndexOf('\n', off) + 1, off))) return m; // a specifier quoted in test data
      const strict = isCode && IMPORT_CTX.test(whole.slice(Math.max(0, off - 40), off));
      const r = rewriteRelative(spec, from, newFrom, strict);
      return r === null || same(r, spec, from, newFrom) ? m : q + r + q;
    });
  }
  if (from.endsWith('.md')) {
    out = out.replace(MD_LINK, (m, spec) => {
      const r = rewriteRelative(spec, from, newFrom, false);
      return r === null || same(r, spec, from, newFrom) ? m : `](${r})`;
    });
  }
  if (!NO_ROOT_PATHS.has(from)) out = out.replace(ROOT_TOK, (tok) => rewriteRootPath(tok, from) ?? tok);
  return out;
}

const edits = new Map();
for (const f of files) {
  if (!TEXT.test(f) || SKIP.test(f)) continue;
  const text = readFileSync(f, 'utf8');
  const next = rewrite(text, f);
  if (next !== text || moves.get(f) !== f) edits.set(f, next);
}

if (problems.length) {
  console.error(
    `reorg: ${problems.length} specifier(s) could not be resolved; nothing moved:\n  ` + problems.join('\n  '),
  );
  process.exit(1);
}

for (const [from, to] of moved) {
  mkdirSync(P.dirname(to), { recursive: true });
  git('mv', from, to);
}
// git mv leaves the emptied old folders behind: remove them, deepest first
const emptied = [
  ...new Set(
    moved.flatMap(([a]) =>
      a
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  ),
];
for (const d of emptied.sort((a, b) => b.length - a.length)) if (existsSync(d) && !readdirSync(d).length) rmdirSync(d);
let changed = 0;
for (const [from, text] of edits) {
  const to = moves.get(from);
  if (readFileSync(to, 'utf8') !== text) {
    writeFileSync(to, text);
    changed++;
  }
}
for (const n of [...new Set(notes)]) console.error('reorg: note: ' + n);
// Files added since the layout was designed went where their old folder's default sends them: worth a look.
const BASE = 'f50b2ad';
let added = [];
try {
  added = git('diff', '--name-only', '--no-renames', '--diff-filter=A', BASE, 'HEAD')
    .split('\n')
    .filter((f) => moves.has(f) && moves.get(f) !== f);
} catch {
  // the design base is not in this history: nothing to list
}
for (const f of added) console.error(`reorg: new since ${BASE}, placed by its folder's rule: ${f} → ${moves.get(f)}`);
console.log(`reorg: ${moved.length} file(s) moved, ${changed} rewritten`);
