import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './browser';
import { injectedScripts, LISTING_URL, matchesPattern } from '../bench/content-size';

/*
 * Size budget of what the browser injects on a listing page (every hh page gets the same script). A build
 * check, not a browser test: it lives with the e2e tests because those run after the build (npm test, CI).
 * Issue 3's target is 30 KB gzipped, not reached yet: the script is ~32.5 KB (2026-11; zod's core ~9 KB and
 * the scorer, lib/match, ~9 KB of it), so the budget holds today's size with a little room and fails on real
 * growth. Lower it as the script shrinks.
 */
const BUDGET_GZIP = 34 * 1024;

describe('listing content script size', () => {
  it('match patterns as the browser reads them', () => {
    expect(matchesPattern('https://*.hh.ru/*', LISTING_URL)).toBe(true);
    expect(matchesPattern('https://*.hh.ru/*', 'https://spb.hh.ru/vacancy/1')).toBe(true);
    expect(matchesPattern('https://*.hh.kz/*', LISTING_URL)).toBe(false);
  });

  it(`everything injected on a search page stays within ${BUDGET_GZIP / 1024} KB gzipped`, () => {
    const scripts = injectedScripts(EXTENSION_DIR);
    if (!scripts) {
      console.warn(`no build in ${EXTENSION_DIR}: size budget not checked`);
      return;
    }
    expect(scripts.map((s) => s.file)).toEqual(['content-scripts/hh.js']);
    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    expect(total, scripts.map((s) => `${s.file}: ${s.gzip} B gzipped`).join(', ')).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});
