/**
 * `npm run demo`: build the extension, start the fake hh.ru, and in headless chromium with the extension and a
 * sample profile save screenshots of what a person sees to artifacts/demo/: the triaged listing, then the popup
 * and the options page in each main state, in Russian and in English (the browser's language picks the UI's).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeHh, type FakeHh } from '../test/fake-hh/server';
import { REPO, chromiumPath, launchExtensionBrowser, setSettings, type ExtensionBrowser } from '../test/e2e/browser';
import { pythonJuniorSettings } from '../test/e2e/profiles';
import { bestMatches, enqueueScored, message } from '../test/e2e/ui-seed';
import { closedRoots } from '../test/e2e/closed-root';

const OUT = join(REPO, 'artifacts/demo');
const shots: string[] = [];

async function shot(target: Page | import('playwright-core').Locator, name: string, fullPage = true) {
  const path = join(OUT, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage });
  else await target.screenshot({ path });
  shots.push(path);
}

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`demo: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

async function listing(browser: ExtensionBrowser, lang: string) {
  const page = await browser.newPage();
  await page.goto('https://hh.ru/search/vacancy?text=python');
  await page.waitForSelector('[data-otk-bar]', { state: 'attached' });
  await page.waitForTimeout(500); // the content script reports its stats after a short debounce
  if (lang === 'ru') {
    await shot(page, 'listing-triaged', false);
    // The bar's root is closed to page scripts and to Playwright's selectors: found through DevTools, pressed
    // with a real click (test/e2e/closed-root.ts).
    const roots = await closedRoots(page);
    const toggle = () => roots.click('[data-otk-bar]', '[data-otk-action="toggle-hidden"]');
    if (await roots.eval('[data-otk-bar]', (root) => root.querySelector('[data-otk-action="toggle-hidden"]') !== null)) {
      await toggle();
      await shot(page, 'listing-show-all', false);
      await toggle();
    }
  }
  const stats = await page.evaluate(() => ({
    cards: document.querySelectorAll('[data-otk-verdict]').length,
    hidden: document.querySelectorAll('[data-otk-verdict="hide"]').length,
    dimmed: document.querySelectorAll('[data-otk-verdict="dim"]').length,
  }));
  const tabId = await (await browser.worker()).evaluate(async () => (await chrome.tabs.query({ url: 'https://hh.ru/search/*' }))[0]?.id);
  return { page, stats, tabId };
}

async function popupStates(browser: ExtensionBrowser, fake: FakeHh, lang: string, tabId: number | undefined) {
  const popup = await browser.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="queue-empty"]');
  await shot(popup, `popup-empty-${lang}`);

  // A small cap first, so the picture shows a full window and when it frees.
  const small = pythonJuniorSettings();
  small.apply = { ...small.apply, fast: true, dailyCap: 3 };
  await setSettings(await browser.worker(), small);
  const k = fake.vacancyKinds();
  // What this profile's user would queue: the vacancies the product scores highest, with the scores it gives.
  const best = (ids: number[], n: number) => bestMatches(fake, small, ids, n);
  const normal = best(k.normal, 7);
  const applies = () => fake.applications.length;
  // The refusals first: once three are applied the small cap holds everything else.
  await enqueueScored(popup, fake, [...best(k.hasTest, 1), ...best(k.archived, 1), ...best(k.external, 1), ...normal.slice(0, 3)]);
  await until('the first batch to drain', async () => (await popup.locator('[data-group="pending"], [data-group="processing"]').count()) === 0 && applies() >= 3);
  await popup.locator('[data-group="applied"] summary').click(); // unfold the applied list for the picture
  await shot(popup, `popup-queue-${lang}`);

  await setSettings(await browser.worker(), { ...small, apply: { ...small.apply, dailyCap: 50 } });
  await popup.locator('[data-testid="pause"]').click();
  await popup.waitForSelector('[data-testid="paused"]');
  await enqueueScored(popup, fake, normal.slice(3, 6));
  await popup.waitForSelector('[data-group="pending"] .pp-job');
  await shot(popup, `popup-paused-${lang}`);

  // Draining with a visible pace: one application every ~10 s while the picture is taken.
  const s = pythonJuniorSettings();
  s.apply.fast = false;
  s.apply.pacing = { minSeconds: 10, maxSeconds: 10 };
  await setSettings(await browser.worker(), s);
  await popup.locator('[data-testid="resume"]').click();
  await until('the first send after resume', async () => (await popup.locator('[data-testid="drain-progress"]').count()) > 0 && (await popup.locator('[data-group="pending"] .pp-job').count()) < 3, 40_000);
  await shot(popup, `popup-draining-${lang}`);
  await message(popup, 'pauseQueue', {});

  // Cover letters in review mode (template writer: no model needed): a draft waits for the user.
  s.letters = { ...s.letters, provider: 'template', mode: 'review' };
  await setSettings(await browser.worker(), s);
  await enqueueScored(popup, fake, normal.slice(6, 7));
  const review = popup.locator('[data-group="review"] .pp-job').first();
  await review.waitFor();
  await shot(popup, `popup-review-${lang}`);
  await review.locator('[data-action="edit"]').click();
  await until('the draft letter', async () => (await review.getByTestId('letter-text').inputValue()) !== '');
  await review.scrollIntoViewIfNeeded();
  await shot(popup, `popup-review-open-${lang}`, false);
  await popup.close();
}

async function optionsStates(browser: ExtensionBrowser, lang: string) {
  const options = await browser.extensionPage('options.html');
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.waitForSelector('[data-testid="options"]');
  await options.waitForSelector('[data-testid="resume-import"]');
  // As tall as the page: section pictures are then taken in place, not under the sticky save bar.
  const tall = async () => options.setViewportSize({ width: 1100, height: await options.evaluate(() => document.documentElement.scrollHeight + 40) });
  await tall();
  await shot(options.locator('#profile'), `options-profile-${lang}`);
  await options.locator('[data-testid="import-resume"]').click();
  await options.waitForFunction(() => (document.querySelector('textarea[name="titles"]') as HTMLTextAreaElement | null)?.value === 'Frontend-разработчик');
  await shot(options.locator('#profile'), `options-profile-imported-${lang}`);
  await options.locator('[data-testid="options"] button:has-text("Отменить"), [data-testid="options"] button:has-text("Revert")').click();
  await shot(options.locator('#triage'), `options-thresholds-${lang}`);
  await shot(options.locator('#apply'), `options-apply-${lang}`);
  await shot(options.locator('#stats'), `options-stats-${lang}`);
  await options.locator('input[name="dailyCap"]').fill('500');
  await options.locator('input[name="pacingMax"]').fill('5');
  await options.getByTestId('save').click();
  await options.waitForSelector('[aria-invalid="true"]');
  await tall();
  await shot(options.locator('#apply'), `options-errors-${lang}`);
  await shot(options.locator('.op__bar'), `options-errors-bar-${lang}`);
  await tall(); // a full-page picture at a short viewport would paint the sticky save bar mid-page
  await shot(options, `options-full-${lang}`);
  await options.close();
}

async function run(lang: 'ru' | 'en') {
  const fake = await startFakeHh({ port: 0, quiet: true });
  const browser = await launchExtensionBrowser({ fakePort: fake.port, locale: lang === 'ru' ? 'ru-RU' : 'en-US' });
  try {
    const settings = pythonJuniorSettings();
    settings.apply.fast = true; // the demo should not wait 30–90 s per application
    await setSettings(await browser.worker(), settings);
    const { stats, tabId } = await listing(browser, lang);
    if (lang === 'ru') console.log(`\nOtklik judged ${stats.cards} cards on https://hh.ru/search/vacancy?text=python: ${stats.hidden} hidden, ${stats.dimmed} dimmed.`);
    await popupStates(browser, fake, lang, tabId);
    await optionsStates(browser, lang);
  } finally {
    await browser.close();
    await fake.close();
  }
}

async function main() {
  if (!chromiumPath()) {
    console.error('chromium not found: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
    process.exit(1);
  }
  console.log('building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync(OUT, { recursive: true });
  await run('ru');
  await run('en');
  console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  console.log('\nTo use Otklik in Chrome: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
