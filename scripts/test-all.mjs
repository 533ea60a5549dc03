#!/usr/bin/env node
// `npm test`: typecheck, lint, format, unit tests, build, end-to-end tests. Prints one plain "N passed, N failed"
// line at the end (unit + e2e tests, plus typecheck, lint, format and build as one check each) and exits non-zero on any failure.
// Works on a fresh clone: installs the npm dependencies and Debian's Chromium itself when they are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureChromium, ensureDependencies, phase, root } from './setup.mjs';

checkNode();
ensureDependencies();
const artifacts = join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const only = process.argv[2]; // optional: typecheck | lint | format | unit | build | e2e

let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return { ok: r.status === 0, secs: ((Date.now() - t0) / 1000).toFixed(1) };
}

function check(name, cmd, args) {
  phase(name);
  const r = run(cmd, args);
  if (r.ok) passed++;
  else failed++;
  lines.push(`${name}: ${r.ok ? 'ok' : 'FAILED'} (${r.secs} s)`);
  return r.ok;
}

function vitest(name, args) {
  phase(`${name} tests`);
  const out = join(artifacts, `${name}-results.json`);
  rmSync(out, { force: true });
  const r = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    failed++;
    lines.push(`${name}: FAILED before reporting results (${r.secs} s)`);
    return;
  }
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const p = j.numPassedTests ?? 0;
  // A suite that fails to load has no failed tests but is a failure all the same.
  const f = (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  const s = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  passed += p;
  failed += f;
  if (!r.ok && f === 0) failed++;
  lines.push(`${name}: ${p} passed, ${f} failed, ${s} skipped (${r.secs} s)`);
}

if (!only || only === 'typecheck') check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
if (!only || only === 'lint') check('lint', 'npx', ['eslint', '.']);
if (!only || only === 'format') check('format', 'npx', ['prettier', '--check', '.']);
if (!only || only === 'unit') vitest('unit', []);
if (!existsSync(join(root, '../shared')) && !process.env.OTKLIK_SHARED_DIR) {
  lines.push('note: ../shared not found: the tests that need its real hh pages and data were skipped');
}
let built = true;
if (!only || only === 'build' || only === 'e2e') built = check('build', 'npx', ['wxt', 'build']);
if (!only || only === 'e2e') {
  if (!ensureChromium()) {
    failed++;
    lines.push('e2e: NOT RUN: chromium is missing (see the line above).');
  } else if (!built) {
    failed++;
    lines.push('e2e: NOT RUN: the build failed.');
  } else vitest('e2e', ['-c', 'vitest.e2e.config.ts']);
}

console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
