import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * Access to the read-only shared material that sits next to the repository (`../shared`: fixtures, docs,
 * bench data). It is never copied into the repo; tests that need it are skipped, with a clear message, where
 * it is absent (e.g. a fresh clone or CI without the shared volume).
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of ../shared (override with OTKLIK_SHARED_DIR). */
export const SHARED_DIR = path.resolve(process.env.OTKLIK_SHARED_DIR ?? path.join(REPO_ROOT, '../shared'));

export const hasShared = existsSync(SHARED_DIR);

/** Absolute path of a file under ../shared. */
export function sharedPath(relPath: string): string {
  return path.join(SHARED_DIR, relPath);
}

/** Whether a particular shared file exists (for tests that need one optional file). */
export function hasSharedFile(relPath: string): boolean {
  return existsSync(sharedPath(relPath));
}

/** UTF-8 text of a file under ../shared, e.g. `readSharedFixture('fixtures/hh/serp/….html')`. Throws if absent. */
export function readSharedFixture(relPath: string): string {
  return readFileSync(sharedPath(relPath), 'utf8');
}

let warned = false;

/** `describe` that is skipped (with one clear console message) when ../shared is not there. */
export function describeWithShared(name: string, fn: () => void): void {
  if (!hasShared && !warned) {
    warned = true;
    console.warn(`../shared not found: skipping fixture tests (looked in ${SHARED_DIR})`);
  }
  // The body is not run without ../shared: it may read fixtures while the tests are collected.
  if (hasShared) describe(name, fn);
  else describe.skip(name, () => it.skip('needs ../shared', () => {}));
}

/** Whether the real vacancy corpus is there (the fake hh.ru serves the repo's small demo set without it). */
export const hasRealVacancies = existsSync(path.join(SHARED_DIR, 'data/vacancies.jsonl.gz'));

/** `describe` for tests whose figures need the real ~15k-vacancy corpus (result counts, pagination depth). */
export function describeWithRealVacancies(name: string, fn: () => void): void {
  if (hasRealVacancies) describe(name, fn);
  else describe.skip(name, () => it.skip('needs ../shared/data/vacancies.jsonl.gz', () => {}));
}

/** UTF-8 text of a small hand-written fixture committed under test/fixtures/ (e.g. `hh/listing_bloko_2022.html`). */
export function readRepoFixture(relPath: string): string {
  return readFileSync(path.join(REPO_ROOT, 'test/fixtures', relPath), 'utf8');
}

/** Parse HTML into a Document with the test environment's DOMParser (happy-dom by default). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * `it` for an e2e or unit test whose figures need the real corpus (result counts, a real vacancy's text): skipped,
 * with one line per file, where ../shared/data/vacancies.jsonl.gz is absent.
 */
export const itWithRealVacancies = ((): typeof it => {
  if (!hasRealVacancies)
    console.warn(
      `../shared/data/vacancies.jsonl.gz not found: skipping the tests that need the real corpus (looked in ${SHARED_DIR})`,
    );
  return it.skipIf(!hasRealVacancies) as typeof it;
})();
