import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './browser';
import { injectedScripts, LISTING_URL, matchesPattern } from '../bench/content-size';

/*
 * Size budget of what the browser injects on a listing page (every hh page gets the same script). A build
 * check, not a browser test: it lives with the e2e tests because those run after the build (npm test, CI).
 * The budget is issue 3's target, 30 KB gzipped (2026-11: ~29.9 KB; zod's core is ~7 KB of it and the scorer,
 * lib/match, ~9 KB). Growth past it fails: find the bytes elsewhere (scripts/bundle-sizes.mjs --files).
 */
const BUDGET_GZIP = 30 * 1024;

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
