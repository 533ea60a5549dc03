/**
 * `npm run bench`: every benchmark, numbers printed (none of them is a test). Builds the extension first.
 *   relevance (test/bench/relevance.ts: the shared ten and the repo's own personas, card and full fields), scorer throughput and role-model cost, content script in a real
 *   browser, bundle sizes, and the apply queue's overhead when present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, EXTENSION_DIR, REPO } from '../test/e2e/browser';
import { injectedScripts } from '../test/bench/content-size';

function bundleSizes() {
  const dir = EXTENSION_DIR; // honours OTKLIK_OUT_DIR, like the build above
  const files = ['content-scripts/hh.js', 'content-scripts/hh-pages.js', 'background.js', ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`)];
  console.log('\n## bundle sizes (minified / gzip -9)');
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    console.log(`  ${f.padEnd(36)} ${(buf.length / 1024).toFixed(1).padStart(7)} KB  ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB gz`);
  }
  const listing = injectedScripts(dir) ?? [];
  const gz = listing.reduce((n, s) => n + s.gzip, 0);
  console.log(`  injected on a search page: ${listing.map((s) => s.file).join(' + ')} = ${(gz / 1024).toFixed(1)} KB gz (target ≤ 30 KB)`);
}

async function main() {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('wxt build failed: run `npx wxt build` to see why');
  bundleSizes();

  console.log('\n## relevance');
  (await import('../test/bench/relevance')).main();

  (await import('../test/bench/feedback')).main();

  console.log('\n## scorer throughput');
  (await import('../test/bench/scorer-speed')).main();

  console.log('\n## content script in chromium');
  if (chromiumPath()) await (await import('../test/bench/content-script')).main(30);
  else console.log('  skipped: chromium not found (`sudo apt-get install -y chromium`)');

  console.log('\n## no flash, no layout shift (issue 18: realistic fake, Otklik on vs off)');
  if (chromiumPath()) await (await import('../test/bench/no-flash')).main(5);
  else console.log('  skipped: chromium not found');

  const queueBench = join(REPO, 'test/bench/queue.ts');
  if (existsSync(queueBench)) {
    console.log('\n## apply queue');
    const queue = (await import(queueBench)) as { main: () => unknown };
    await queue.main();
  }

  console.log('\n## cover letters');
  await (await import('../test/bench/letters')).main();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
