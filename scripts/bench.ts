/**
 * `npm run bench`: every benchmark, numbers printed (none of them is a test). Parts, all by default:
 *   relevance  dev tables per persona and pooled, card and full fields, and the calibration table (test/bench/relevance.ts)
 *   feedback   replaying 5 / 10 / 30 / 100 feedback labels per persona (test/bench/feedback.ts)
 *   roles      every hh role as a user, no labels: its own titles hidden vs other fields' (test/bench/role-proxy.ts)
 *   speed      scorer throughput words-only vs with the role model, the model's size, heap and load time
 *   bundle     the extension build's bundle sizes (builds it first)
 *   content    the content script in chromium (builds it first)
 *   queue, letters
 * `npm run bench -- relevance` (or any list of parts) runs only those; relevance alone takes seconds.
 * `npm run bench -- relevance --split heldout` passes the rest to the relevance part (the held-out split is for final
 * reports only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, EXTENSION_DIR, REPO } from '../test/e2e/browser';
import { injectedScripts } from '../test/bench/content-size';

const PARTS = ['relevance', 'feedback', 'roles', 'speed', 'bundle', 'content', 'queue', 'letters'] as const;
type Part = (typeof PARTS)[number];

function bundleSizes() {
  const dir = EXTENSION_DIR; // honours OTKLIK_OUT_DIR, like the build above
  const files = [
    'content-scripts/hh.js',
    'content-scripts/hh-pages.js',
    'background.js',
    ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`),
  ];
  console.log('\n## bundle sizes (minified / gzip -9)');
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    console.log(
      `  ${f.padEnd(36)} ${(buf.length / 1024).toFixed(1).padStart(7)} KB  ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB gz`,
    );
  }
  const listing = injectedScripts(dir) ?? [];
  const gz = listing.reduce((n, s) => n + s.gzip, 0);
  console.log(
    `  injected on a search page: ${listing.map((s) => s.file).join(' + ')} = ${(gz / 1024).toFixed(1)} KB gz (target ≤ 30 KB)`,
  );
}

async function main(argv: readonly string[]) {
  const named = argv.filter((a): a is Part => (PARTS as readonly string[]).includes(a));
  const unknown = argv.filter(
    (a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--') && !(PARTS as readonly string[]).includes(a),
  );
  if (unknown.length)
    throw new Error(`bench: unknown part ${unknown.map((u) => `'${u}'`).join(', ')} (parts: ${PARTS.join(', ')})`);
  const parts = new Set<Part>(named.length ? named : PARTS);
  const rest = argv.filter((a) => !(PARTS as readonly string[]).includes(a));

  if (parts.has('bundle') || parts.has('content')) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO, stdio: 'ignore' });
    if (build.status !== 0) throw new Error('wxt build failed: run `npx wxt build` to see why');
  }
  if (parts.has('bundle')) bundleSizes();

  if (parts.has('relevance')) {
    console.log('\n## relevance');
    const relevance = await import('../test/bench/relevance');
    relevance.main(rest);
    // The dev split, then new vacancies of eight dev personas (the big pools), unless a split was asked for.
    if (!rest.includes('--split')) relevance.main([...rest, '--split', 'pools']);
  }
  if (parts.has('feedback')) (await import('../test/bench/feedback')).main();
  if (parts.has('roles')) {
    console.log('\n## every hh role as a user (proxy, no labels)');
    const proxy = await import('../test/bench/role-proxy');
    proxy.main(['--roles']);
    proxy.main(['--exp', 'moreThan6']);
  }

  if (parts.has('speed')) {
    console.log('\n## scorer throughput and the role model’s cost');
    (await import('../test/bench/scorer-speed')).main();
  }

  if (parts.has('content')) {
    console.log('\n## content script in chromium');
    if (chromiumPath()) await (await import('../test/bench/content-script')).main(30);
    else console.log('  skipped: chromium not found (`sudo apt-get install -y chromium`)');
  }

  console.log('\n## no flash, no layout shift (issue 18: realistic fake, Otklik on vs off)');
  if (chromiumPath()) await (await import('../test/bench/no-flash')).main(5);
  else console.log('  skipped: chromium not found');

  const queueBench = join(REPO, 'test/bench/queue.ts');
  if (parts.has('queue') && existsSync(queueBench)) {
    console.log('\n## apply queue');
    const queue = (await import(queueBench)) as { main: () => unknown };
    await queue.main();
  }

  if (parts.has('letters')) {
    console.log('\n## cover letters');
    await (await import('../test/bench/letters')).main();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
