import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HH_MATCH_PATTERNS } from './lib/core/hh/urls';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false, // explicit imports from '#imports' keep every dependency greppable
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // OTKLIK_OUT_DIR lets parallel builds (several people or agents on one checkout) stay out of each other's way.
  outDir: process.env['OTKLIK_OUT_DIR'] ?? '.output',
  vite: () => ({
    plugins: [preact()],
    // OTKLIK_SOURCEMAP=1 for bundle-size analysis (scripts/bundle-sizes.mjs); never in a shipped build.
    // OTKLIK_PROFILE=1: unminified, for readable CPU profiles (test/bench/content-profile.ts); never shipped.
    // The 6 MB WebLLM chunk (the in-browser letter model's runtime) is expected: it loads only in the offscreen
    // document, and only when the user picks the local model.
    build: {
      chunkSizeWarningLimit: 7000,
      target: 'chrome120',
      sourcemap: Boolean(process.env['OTKLIK_SOURCEMAP']),
      ...(process.env['OTKLIK_PROFILE'] ? { minify: false } : {}),
    },
  }),
  // `npm run dev` opens a browser window; where none can open (a server, CI) it only builds and watches.
  webExt: { disabled: !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'] },
  hooks: {
    // The content scripts (the listing one injected on every hh page, with a size budget) get the native
    // extension API for `wxt/browser` instead of webextension-polyfill (weight they need not carry: they
    // register no onMessage listener through it), and a lean content-script context:
    // lib/listing/platform/native-browser.ts, lib/listing/platform/lean-script-context.ts.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      const own = (file: string) => resolve(import.meta.dirname, 'lib/listing/platform', file);
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: own('native-browser.ts') },
          { find: /^wxt\/utils\/content-script-context$/, replacement: own('lean-script-context.ts') },
          ...entries,
        ],
      };
      // V8 explicit compile hint (Chrome ≥ 136, a comment elsewhere): every function of the listing script is
      // compiled when it loads rather than on first call, so the first triage pass runs compiled code
      // (`npm run bench` shows the first pass). postBanner: after minify.
      if (entrypoints.some((e) => e.name === 'hh')) {
        for (const output of [config.build?.rolldownOptions?.output, config.build?.rollupOptions?.output]) {
          if (output && !Array.isArray(output)) Object.assign(output, { postBanner: '//# allFunctionsCalledOnLoad' });
        }
      }
    },
  },
  manifest: ({ browser }) => ({
    // Store name and description in English and Russian (public/_locales); the browser's language picks one.
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    minimum_chrome_version: browser === 'chrome' ? '124' : undefined,
    // offscreen: hosts the local cover-letter model (WebLLM); unlimitedStorage: its cached weights are not evicted.
    // scripting: the worker injects the vacancy / responses / questionnaire bundle only into those pages, so the
    // script on every hh page stays small (lib/core/pages, lib/worker/pages).
    permissions: [
      'storage',
      'scripting',
      'alarms',
      'cookies',
      'notifications',
      'unlimitedStorage',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    // WebLLM compiles WebAssembly (tokenizer, TVM runtime): MV3's default CSP forbids it without 'wasm-unsafe-eval'.
    content_security_policy:
      browser === 'chrome'
        ? { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" }
        : undefined,
    host_permissions: HH_MATCH_PATTERNS,
    // LLM providers (OpenAI-compatible, GigaChat, local Ollama…) are asked for at runtime, one origin at a time.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Otklik' },
  }),
});
