import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { SETTINGS_VERSION } from '../../lib/core/settings/schema';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR =
  process.env['OTKLIK_EXTENSION_DIR'] ??
  join(
    process.env['OTKLIK_OUT_DIR'] ? resolve(REPO, process.env['OTKLIK_OUT_DIR']) : join(REPO, '.output'),
    'chrome-mv3',
  );
export const SCREENSHOT_DIR = join(REPO, 'artifacts/screenshots');

/** Debian's chromium; CHROMIUM_PATH overrides. Playwright never downloads a browser here. */
export function chromiumPath(): string | null {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (re-fetched: it may have been restarted). */
  worker(): Promise<Worker>;
  newPage(): Promise<Page>;
  extensionPage(path: `popup.html${string}` | `options.html${string}` | `sidepanel.html${string}`): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Launches chromium with the built extension and hh.ru (and its regional sites) mapped to the fake server.
 * Flags per ../shared/docs/toolchain.md: new headless loads extensions; background networking off (no internet).
 */
export async function launchExtensionBrowser(opts: {
  fakePort: number;
  locale?: string;
  extraHosts?: Record<string, number>;
}): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npm run build\``);
  const userDataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-'));
  const hosts = ['hh.ru', '*.hh.ru', 'hh.kz', '*.hh.kz', 'rabota.by', '*.rabota.by', 'hh.uz', '*.hh.uz'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale: opts.locale ?? 'ru-RU',
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // extraHosts: other fakes on loopback under their real names (e.g. api.telegram.org → the fake Bot API).
      `--host-resolver-rules=${[...hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.fakePort}`), ...Object.entries(opts.extraHosts ?? {}).map(([h, p]) => `MAP ${h} 127.0.0.1:${p}`)].join(', ')}`,
      '--ignore-certificate-errors',
      '--no-first-run',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--lang=${opts.locale ?? 'ru-RU'}`,
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    extensionId,
    worker,
    newPage: () => context.newPage(),
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async screenshot(page, name) {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes settings straight into extension storage (what the options page would save). Waits first for the
 * worker's first-run init (read-empty-then-write-defaults): a write landing inside that window is overwritten.
 */
export async function setSettings(worker: Worker, settings: unknown): Promise<void> {
  await worker.evaluate(
    async ({ s, v }) => {
      for (let i = 0; i < 200; i++) {
        const got = await chrome.storage.local.get(['settings', 'settings$']);
        if (got['settings'] != null && got['settings$'] != null) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await chrome.storage.local.set({ settings: s, settings$: { v } });
    },
    { s: settings, v: SETTINGS_VERSION },
  );
}

/**
 * The usual suite set-up: a fake hh.ru and a browser with the built extension, started before the suite's tests
 * (with `settings` saved when given) and closed after them; `set` receives both.
 */
export function useExtensionOnFakeHh(
  set: (browser: ExtensionBrowser, fake: FakeHh) => void,
  settings?: () => unknown,
): void {
  let fake: FakeHh | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    fake = await startFakeHh({ port: 0 });
    browser = await launchExtensionBrowser({ fakePort: fake.port });
    if (settings) await setSettings(await browser.worker(), settings());
    set(browser, fake);
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });
}
