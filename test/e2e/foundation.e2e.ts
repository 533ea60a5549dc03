import { describe, expect, it } from 'vitest';
import type { FakeHh } from '../fake-hh/server';
import { setSettings, useExtensionOnFakeHh, type ExtensionBrowser } from './browser';
import { pythonJuniorSettings } from './profiles';

const CARD = '[data-qa="vacancy-serp__vacancy"]';

describe('foundation: the extension on a fake https://hh.ru', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  useExtensionOnFakeHh((b, f) => ((browser = b), (fake = f)));

  it('has a manifest with the hh hosts only and runtime-requested provider hosts', async () => {
    const manifest = await (await browser.worker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual([
      'https://*.hh.ru/*',
      'https://*.hh.kz/*',
      'https://*.rabota.by/*',
      'https://*.hh.uz/*',
    ]);
    expect(manifest.optional_host_permissions).toContain('https://*/*');
    expect([...(manifest.content_scripts?.[0]?.matches ?? [])].sort()).toEqual(
      [...(manifest.host_permissions ?? [])].sort(),
    );
  });

  it('runs the content script on every card of https://hh.ru/search/vacancy?text=python', async () => {
    await setSettings(await browser.worker(), pythonJuniorSettings());
    const page = await browser.newPage();
    await page.goto('https://hh.ru/search/vacancy?text=python');
    await page.waitForSelector('[data-otk-bar]', { state: 'attached' });
    const cards = await page.locator(CARD).count();
    expect(cards).toBeGreaterThanOrEqual(20);
    const judged = await page.locator(`${CARD}[data-otk-verdict]`).count();
    expect(judged).toBe(cards);
    expect(fake.requests.some((r) => r.path === '/search/vacancy')).toBe(true);
    await browser.screenshot(page, 'listing');
    await page.close();
  });

  it('runs on a regional subdomain too', async () => {
    const page = await browser.newPage();
    await page.goto('https://spb.hh.ru/search/vacancy?text=python');
    await page.waitForSelector(`${CARD}[data-otk-verdict]`, { state: 'attached' });
    await page.close();
  });

  it('answers typed messages and rejects malformed ones without crashing', async () => {
    const page = await browser.extensionPage('popup.html');
    const replies = await page.evaluate(async () => {
      const send = (m: unknown) => chrome.runtime.sendMessage(m);
      return {
        ping: await send({ otklik: 1, type: 'ping', payload: {} }),
        unknown: await send({ otklik: 1, type: 'selfDestruct', payload: {} }),
        malformed: await send({ hello: 'world' }),
        badPayload: await send({ otklik: 1, type: 'getTabTriage', payload: { tabId: 'seven' } }),
        after: await send({ otklik: 1, type: 'ping', payload: {} }),
      };
    });
    expect(replies.ping).toMatchObject({ ok: true, data: { context: 'background' } });
    expect(replies.unknown).toEqual({ ok: false, error: 'unknown message type "selfDestruct"' });
    expect(replies.malformed).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message/) });
    expect(replies.badPayload).toMatchObject({ ok: false, error: expect.stringMatching(/tabId/) });
    expect(replies.after).toMatchObject({ ok: true });
    await page.close();
  });

  it("shows the popup with the current tab's triage", async () => {
    const hh = await browser.newPage();
    await hh.goto('https://hh.ru/search/vacancy?text=python');
    await hh.waitForSelector('[data-otk-bar]', { state: 'attached' });
    const worker = await browser.worker();
    const tabId = await worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'https://hh.ru/search/*' }))[0]?.id,
    );
    const popup = await browser.newPage();
    await popup.setViewportSize({ width: 360, height: 420 });
    // Stats are reported after a short debounce; the popup reads what the background recorded.
    await expect
      .poll(
        async () => {
          await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
          return popup.locator('[data-testid="tab-stats"]').count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await browser.screenshot(popup, 'popup');
    await popup.close();
    await hh.close();
  });

  it('shows the options page and rejects a bad settings file, changing nothing', async () => {
    const page = await browser.extensionPage('options.html');
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.waitForSelector('[data-testid="options"]');
    await expect.poll(() => page.locator('textarea[name="titles"]').inputValue()).toContain('Python-разработчик');
    await browser.screenshot(page, 'options');
    const before = await (await browser.worker()).evaluate(() => chrome.storage.local.get('settings'));
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"app":"otklik","kind":"settings","version":2,"settings":{"triage":{"action":"explode"}}}'),
    });
    await expect
      .poll(() => page.locator('[data-testid="options-message"]').textContent())
      .toMatch(/Импорт не удался, ничего не изменено.*triage\.action/); // the browser runs in ru-RU
    const after = await (await browser.worker()).evaluate(() => chrome.storage.local.get('settings'));
    expect(after).toEqual(before);
    await browser.screenshot(page, 'options-import-error');
    await page.close();
  });

  it('imports a valid settings file through the options page', async () => {
    const page = await browser.extensionPage('options.html');
    await page.waitForSelector('[data-testid="options"]');
    const file = {
      app: 'otklik',
      kind: 'settings',
      version: 1,
      settings: { enabled: true, listing: { hideIrrelevant: false } },
    };
    const before = await (await browser.worker()).evaluate(() => chrome.storage.local.get('settings'));
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'old.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    // Shown first (what would change), written only on Apply.
    await expect
      .poll(() => page.locator('[data-testid="import-review"] tr[data-path="triage.action"] td').allTextContents())
      .toEqual(['hide', 'dim']);
    await expect
      .poll(async () => (await browser.worker()).evaluate(() => chrome.storage.local.get('settings')))
      .toEqual(before);
    await page.getByTestId('import-apply').click();
    await expect
      .poll(() => page.locator('[data-testid="options-message"]').textContent())
      .toMatch(/обновлено с версии настроек 1/);
    const stored = await (await browser.worker()).evaluate(() => chrome.storage.local.get('settings'));
    expect(stored['settings']).toMatchObject({ triage: { action: 'dim' } });
    await page.close();
  });
});
