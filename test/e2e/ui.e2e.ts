/**
 * The popup and the options page driven in the real browser (issue 6): the queue grouped by state and live,
 * pause holds sends, editing the profile re-scores an open listing, ru/en follow the browser language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { pythonJuniorSettings } from './profiles';
import { enqueue, message } from './ui-seed';

async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.extensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('[data-testid="queue"]').waitFor();
  return popup;
}

describe('popup queue panel (en)', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port, locale: 'en-US' });
    const s = pythonJuniorSettings();
    s.apply.fast = true;
    await setSettings(await browser.worker(), s);
    const page = await browser.newPage();
    await page.goto('https://hh.ru/'); // logs the fake user in (session cookies)
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('shows the empty state, then jobs live in their groups with plain-words problems', async () => {
    const popup = await openPopup(browser);
    await expect.poll(() => popup.locator('[data-testid="queue-empty"]').textContent()).toContain('The queue is empty');
    const k = fake.vacancyKinds();
    await enqueue(popup, fake, [k.normal[0]!, k.hasTest[0]!, k.archived[0]!]);
    // No reload: the popup follows the worker's writes to the queue database.
    await expect.poll(() => popup.locator('[data-group="needs_user"] .pp-job').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => popup.locator('[data-group="failed"] .pp-job').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => popup.locator('[data-group="applied"] .pp-job').count(), { timeout: 30_000 }).toBe(1);
    expect(await popup.locator('[data-group="needs_user"] .pp-job__problem').textContent()).toMatch(/answer questions/);
    expect(await popup.locator('[data-group="failed"] .pp-job__problem').textContent()).toMatch(/archived or removed/);
    await expect.poll(() => popup.locator('[data-testid="cap"]').textContent()).toContain('Today 1 of 50');
    await browser.screenshot(popup, 'ui-popup-groups-en');
    await popup.close();
  });

  it('removes a job and retries one from the keyboard', async () => {
    const popup = await openPopup(browser);
    const row = popup.locator('[data-group="failed"] .pp-job').first();
    await row.locator('[data-action="remove"]').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('[data-group="failed"] .pp-job').count()).toBe(0);
    const needs = popup.locator('[data-group="needs_user"] .pp-job').first();
    const before = fake.requests.filter((r) => r.route === 'apply').length;
    await needs.locator('[data-action="retry"]').focus();
    await popup.keyboard.press('Space');
    // The questionnaire is still there: the retry ends in "needs you" again, after one more request.
    await expect.poll(() => fake.requests.filter((r) => r.route === 'apply').length, { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => popup.locator('[data-group="needs_user"] .pp-job').count(), { timeout: 30_000 }).toBe(1);
    await popup.close();
  });

  it('pause: nothing is sent while paused; resume sends', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: 'Pause' }).click();
    await popup.locator('[data-testid="paused"]').waitFor();
    const before = fake.applications.length;
    const k = fake.vacancyKinds();
    await enqueue(popup, fake, [k.normal[1]!, k.normal[2]!]);
    await expect.poll(() => popup.locator('[data-group="pending"] .pp-job').count()).toBe(2);
    await popup.waitForTimeout(3000); // fast-mode alarms fire in ~1 s: three chances to (wrongly) send
    expect(fake.applications.length).toBe(before);
    await browser.screenshot(popup, 'ui-popup-paused-en');
    await popup.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => fake.applications.length, { timeout: 30_000 }).toBe(before + 2);
    await expect.poll(() => popup.locator('[data-group="pending"] .pp-job').count(), { timeout: 30_000 }).toBe(0);
    await popup.close();
  });
});
