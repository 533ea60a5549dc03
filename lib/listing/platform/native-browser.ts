/*
 * What `wxt/browser` resolves to in the listing content script's build (wxt.config.ts): WXT's own content-script
 * context imports it, and the webextension-polyfill module would otherwise put the whole polyfill into the
 * bundle injected on every hh page.
 */
export { ext as browser } from './ext';
