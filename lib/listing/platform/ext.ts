/**
 * The extension API for the content bundles, without webextension-polyfill (its weight would land in a
 * script injected on every hh page): Firefox's native promise-based `browser`, else Chrome's `chrome`, whose MV3
 * APIs return promises (minimum_chrome_version 124). The same choice as @wxt-dev/browser. Extension pages and
 * the worker keep WXT's `browser` from '#imports'. In unit tests both globals are WXT's fake browser.
 */
export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser?.runtime?.id
  ? (globalThis as unknown as { browser: typeof chrome }).browser
  : chrome;
