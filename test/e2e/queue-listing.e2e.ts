/**
 * The apply queue from the user's side: "Queue" on a listing card → the worker applies through the fake
 * hh.ru with the user's session → the card and the popup show it applied. Pause in the popup → nothing is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { pythonJuniorSettings } from './profiles';
import { closedRoots } from './closed-root';
import { itWithRealVacancies } from '../shared-fixtures';
import { acceptsAutoResponse } from '../fake-hh/render-listing';

const SEARCH = 'https://hh.ru/search/vacancy?text=python';
const queueButtons = '[data-otk-verdict="show"] [data-otk-badge]';

/** Polls the DOM itself: the badges are shadow hosts, and a plain count is the most robust wait. */
async function waitForBadges(page: import('playwright-core').Page) {
  await expect
    .poll(() => page.evaluate((sel) => document.querySelectorAll(sel).length, queueButtons), { timeout: 20_000 })
    .toBeGreaterThan(1);
}

describe('queueing from the listing', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port });
    const s = pythonJuniorSettings();
    s.apply.fast = true; // no pacing: the test should not wait 30–90 s per application
    await setSettings(await browser.worker(), s);
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  const buttonText = (page: import('playwright-core').Page, i: number) =>
    closedRoots(page).then(async (r) => (await r.text(queueButtons, '[data-otk-queue]', i)) ?? '');

  it('applies to a card queued with one click, once, with the latest hh resume picked for the user', async () => {
    const page = await browser.newPage(); // visiting hh.ru logs the fake user in (session + _xsrf cookies)
    await page.goto(SEARCH);
    await waitForBadges(page);
    await expect.poll(() => buttonText(page, 0)).toBe('В очередь');
    const vacancyId = await page
      .locator('[data-otk-verdict="show"]')
      .first()
      .evaluate((el) => el.querySelector('div[id]')?.id ?? '');
    await (await closedRoots(page)).click(queueButtons, '[data-otk-queue]');
    await expect
      .poll(
        () =>
          fake.applications.filter((a) => a.vacancyId === Number(vacancyId) || String(a.vacancyId) === vacancyId)
            .length,
        { timeout: 30_000 },
      )
      .toBe(1);
    const app = fake.applications[0]!;
    expect(fake.resumes.map((r) => r.hash)).toContain(app.resumeHash);

    // A reload shows the job's state on the card; the popup lists it as applied.
    await expect
      .poll(
        async () => {
          await page.reload();
          await waitForBadges(page);
          await page.waitForTimeout(300);
          return buttonText(page, 0);
        },
        { timeout: 20_000 },
      )
      .toBe('отклик отправлен');
    const popup = await browser.extensionPage('popup.html#history');
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect
      .poll(() => popup.locator('[data-testid="queue"] li[data-state="applied"]').count(), { timeout: 10_000 })
      .toBe(1);
    await browser.screenshot(popup, 'popup-queue');
    await popup.close();
    await page.close();
    expect(fake.applications).toHaveLength(1);
  });

  itWithRealVacancies('sends nothing while paused, and sends after resume', async () => {
    const popup = await browser.extensionPage('popup.html');
    // The popup offers Pause only while something waits; pause before queueing, as that button does.
    await popup.evaluate(() => chrome.runtime.sendMessage({ otklik: 1, type: 'pauseQueue', payload: {} }));
    await popup.getByTestId('paused').waitFor();
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await waitForBadges(page);
    const before = fake.applications.length;
    await (await closedRoots(page)).click(queueButtons, '[data-otk-queue]', 1);
    await expect.poll(() => buttonText(page, 1)).toBe('в очереди');
    await page.waitForTimeout(3000); // fast-mode alarms fire in ~1 s: three chances to (wrongly) send
    expect(fake.applications.length).toBe(before);
    await popup.getByTestId('resume').click();
    await expect.poll(() => fake.applications.length, { timeout: 30_000 }).toBe(before + 1);
    await popup.close();
    await page.close();
  });

  it('shows the full-text score on a vacancy page and queues it from there', async () => {
    // An employer that takes automatic applications: one that refuses them waits for a confirmation (issue 18).
    const id = fake.vacancyKinds().normal.filter(acceptsAutoResponse)[5]!;
    const page = await browser.newPage();
    await page.goto(`https://hh.ru/vacancy/${id}`);
    const chip = page.locator('[data-otk-badge]');
    await chip.waitFor({ state: 'attached' });
    await expect
      .poll(() => chip.evaluate((el) => el.nextElementSibling?.getAttribute('data-qa')))
      .toBe('vacancy-title');
    await expect.poll(async () => (await closedRoots(page)).text('[data-otk-badge]', '.s')).toMatch(/^\d{1,3}$/);
    await browser.screenshot(page, 'vacancy-panel');
    const before = fake.applications.length;
    await (await closedRoots(page)).click('[data-otk-badge]', '[data-otk-queue]');
    await expect
      .poll(() => fake.applications.filter((a) => String(a.vacancyId) === String(id)).length, { timeout: 30_000 })
      .toBe(1);
    expect(fake.applications.length).toBe(before + 1);
    await page.close();
  });
});
