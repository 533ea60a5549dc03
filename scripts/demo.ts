/**
 * `npm run demo`: build the extension, start the fake hh.ru, and in headless chromium with the extension save
 * screenshots of what a person sees to artifacts/demo/, in Russian and in English (the browser's language picks
 * the UI's): the first run (welcome, import of the fake user's analyst resume, the profile, the search it
 * triages), then, as that user, the triaged listing, the popup in each main state and its tabs (the queue holds
 * the vacancies the scorer ranks best for the profile, with its scores), the side panel with a letter to check,
 * and every section of the options page.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { acceptsAutoResponse } from '../test/fake-hh/render-listing';
import { startFakeHh, type FakeHh } from '../test/fake-hh/server';
import { REPO, chromiumPath, launchExtensionBrowser, setSettings, type ExtensionBrowser } from '../test/e2e/browser';
import type { Settings } from '../lib/core/settings/schema';
import { bestMatches, enqueueScored, message } from '../test/e2e/ui-seed';
import { closedRoots } from '../test/e2e/closed-root';
import { scorePercent } from '../lib/core/match/percent';

const OUT = join(REPO, 'artifacts/demo');
/** The search the demo's user runs: the analyst whose hh resume the first run imports. */
const QUERY = 'аналитик данных';
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

/** A fresh install: the welcome steps, the import of a resume, the profile, and the search it triages. */
async function firstRun(browser: ExtensionBrowser, lang: string) {
  const login = await browser.newPage();
  await login.goto('https://hh.ru/'); // the fake logs the user in (session cookies for the worker's fetches)
  await login.close();
  const options = await browser.extensionPage('options.html');
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.waitForSelector('[data-testid="welcome"]');
  await options
    .locator('select[name="importResume"] option', { hasText: 'Аналитик данных' })
    .waitFor({ state: 'attached' });
  await shot(options, `firstrun-1-welcome-${lang}`, false);
  // The analyst resume: the profile the import fills agrees with the search the last step opens.
  await options.locator('select[name="importResume"]').selectOption({ label: 'Аналитик данных' });
  await options.getByTestId('import-resume').click();
  await options.waitForFunction(
    () =>
      (document.querySelector('textarea[name="titles"]') as HTMLTextAreaElement | null)?.value === 'Аналитик данных',
  );
  await options.waitForSelector('[data-testid="options-message"].op__save--saved, .op__save--saved');
  await shot(options, `firstrun-2-imported-${lang}`, false);
  await options.locator('a[href="#profile"]').first().click();
  await options.waitForTimeout(300);
  await shot(options, `firstrun-3-profile-${lang}`, false);
  const [search] = await Promise.all([
    browser.context.waitForEvent('page'),
    options.getByTestId('welcome-open-search').click(),
  ]);
  await search.waitForLoadState('domcontentloaded');
  // A tab the extension opens is seen by Playwright only after its first load, without the browser locale it
  // emulates (navigator.language picks the badges' language): load it again, as the user would see it.
  await search.reload();
  await search.waitForSelector('[data-otk-bar]', { state: 'attached' });
  await search.waitForTimeout(500);
  await shot(search, `firstrun-4-listing-${lang}`, false);
  await search.close();
  await options.close();
}

async function listing(browser: ExtensionBrowser, lang: string) {
  const page = await browser.newPage();
  await page.goto(`https://hh.ru/search/vacancy?text=${encodeURIComponent(QUERY)}`);
  await page.waitForSelector('[data-otk-bar]', { state: 'attached' });
  await page.waitForTimeout(500); // the content script reports its stats after a short debounce
  await shot(page, `listing-triaged-${lang}`, false);
  // The bar's root is closed to page scripts and to Playwright's selectors: found through DevTools, pressed
  // with a real click (test/e2e/closed-root.ts).
  const roots = await closedRoots(page);
  const toggle = () => roots.click('[data-otk-bar]', '[data-otk-action="toggle-hidden"]');
  if (await roots.eval('[data-otk-bar]', (root) => root.querySelector('[data-otk-action="toggle-hidden"]') !== null)) {
    await toggle();
    await shot(page, `listing-show-all-${lang}`, false);
    await toggle();
  }
  const stats = await page.evaluate(() => ({
    cards: document.querySelectorAll('[data-otk-verdict]').length,
    hidden: document.querySelectorAll('[data-otk-verdict="hide"]').length,
    dimmed: document.querySelectorAll('[data-otk-verdict="dim"]').length,
  }));
  const tabId = await (
    await browser.worker()
  ).evaluate(async () => (await chrome.tabs.query({ url: 'https://hh.ru/search/*' }))[0]?.id);
  return { page, stats, tabId };
}

async function popupStates(
  browser: ExtensionBrowser,
  fake: FakeHh,
  lang: string,
  tabId: number | undefined,
  persona: Settings,
) {
  const popup = await browser.newPage();
  // Chrome's popup: 400 wide, at most 600 high; the pictures are taken at that size.
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="needs-you"]');
  await shot(popup, `popup-empty-${lang}`, false);
  const tab = async (v: string, name: string) => {
    await popup.locator(`[data-tab="${v}"]`).click();
    await popup.waitForTimeout(400);
    await shot(popup, name, false);
  };

  // A small cap first, so the picture shows a full window and when it frees.
  const small = structuredClone(persona);
  small.apply = { ...small.apply, fast: true, dailyCap: 3 };
  await setSettings(await browser.worker(), small);
  const k = fake.vacancyKinds();
  // What this profile's user would queue: the vacancies the product scores highest, with the scores it gives.
  const best = (ids: number[], n: number, readableOnly = true) => bestMatches(fake, small, ids, n, readableOnly);
  // Vacancies whose employer takes automatic applications: the others rightly wait for the user's confirmation.
  // Six: three applied, two waiting while paused, one letter to review. The letter and the paused ones are vacancies
  // the scorer reads as this user's; the small fake listing may fill the applied batch with one it only dims.
  const auto = k.normal.filter(acceptsAutoResponse);
  const readable = best(auto, 6);
  const fill = best(auto, 6, false).filter((x) => !readable.some((r) => r.id === x.id));
  if (readable.length < 3 || readable.length + fill.length < 6)
    throw new Error(`demo: the profile shows only ${readable.length} queueable vacancies; the pictures need 6`);
  // [applied ×3, paused ×2, review]: the best-read ones last, the letter for the best of all.
  const normal = [...readable.slice(3), ...fill].slice(0, 3).concat(readable.slice(0, 3).reverse());
  console.log(
    `[${lang}] queued for the pictures: ${normal.map((x) => `${x.id} (${scorePercent(x.score)})`).join(', ')}`,
  );
  const applies = () => fake.applications.length;
  // The refusals first: once three are applied the small cap holds everything else.
  await enqueueScored(popup, fake, [
    ...best(k.hasTest, 1),
    ...best(k.archived, 1),
    ...best(k.external, 1),
    ...normal.slice(0, 3),
  ]);
  await until(
    'the first batch to drain',
    async () =>
      (await message<{ jobs: { state: string }[] }>(popup, 'listJobs', {})).jobs.every(
        (j) => j.state !== 'pending' && j.state !== 'processing',
      ) && applies() >= 3,
  );
  await popup.waitForTimeout(500);
  await shot(popup, `popup-now-${lang}`, false);
  await tab('queue', `popup-queue-${lang}`);
  await tab('history', `popup-history-${lang}`);
  await tab('responses', `popup-responses-${lang}`);
  await tab('found', `popup-found-${lang}`);
  await popup.locator('[data-tab="now"]').click();

  await setSettings(await browser.worker(), { ...small, apply: { ...small.apply, dailyCap: 50 } });
  await message(popup, 'pauseQueue', {});
  await popup.waitForSelector('[data-testid="paused"]');
  await enqueueScored(popup, fake, normal.slice(3, 5));
  await popup.waitForSelector('[data-testid="resume"]');
  await shot(popup, `popup-paused-${lang}`, false);

  // Draining with a visible pace: one application every ~10 s while the picture is taken.
  const s = structuredClone(persona);
  s.apply.fast = false;
  s.apply.pacing = { minSeconds: 10, maxSeconds: 10 };
  await setSettings(await browser.worker(), s);
  await popup.locator('[data-testid="resume"]').click();
  await until(
    'the first send after resume',
    async () => (await popup.locator('[data-testid="drain-progress"]').count()) > 0,
    40_000,
  );
  await shot(popup, `popup-draining-${lang}`, false);
  await message(popup, 'pauseQueue', {});

  // Cover letters in review mode (template writer: no model needed): a draft waits for the user.
  s.letters = { ...s.letters, provider: 'template', mode: 'review' };
  await setSettings(await browser.worker(), s);
  await enqueueScored(popup, fake, normal.slice(5, 6));
  const review = popup.locator('[data-group="review"] .pp-job').first();
  await review.waitFor();
  await message(popup, 'resumeQueue', {});
  await popup.waitForTimeout(500);
  await shot(popup, `popup-review-${lang}`, false);
  await popup.close();

  // The side panel: the same views with room for the whole queue and the letter.
  const panel = await browser.newPage();
  await panel.setViewportSize({ width: 460, height: 900 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#queue`);
  const row = panel.locator('[data-group="review"] .pp-job').first();
  await row.waitFor();
  await shot(panel, `sidepanel-queue-${lang}`, false);
  await row.locator('[data-action="edit"]').click();
  await until('the draft letter', async () => (await row.getByTestId('letter-text').inputValue()) !== '');
  await row.scrollIntoViewIfNeeded();
  await shot(panel, `sidepanel-review-${lang}`, false);
  await panel.close();
}

async function optionsStates(browser: ExtensionBrowser, lang: string) {
  const options = await browser.extensionPage('options.html');
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.waitForSelector('[data-testid="options"]');
  await options.waitForSelector('[data-testid="resume-import"]');
  await shot(options, `options-page-${lang}`, false);
  for (const id of ['profile', 'hide', 'apply', 'letters', 'discovery', 'notifications', 'qa', 'data']) {
    await options.locator(`#${id}`).scrollIntoViewIfNeeded();
    await shot(options.locator(`#${id}`), `options-${id}-${lang}`);
  }
  await options.locator('#apply').scrollIntoViewIfNeeded();
  await options.locator('input[name="dailyCap"]').fill('500');
  await options.locator('input[name="pacingMax"]').fill('5');
  await options.waitForSelector('[aria-invalid="true"]');
  await options.waitForSelector('.op__save--error');
  await shot(options, `options-errors-${lang}`, false);
  await options.close();
}

async function run(lang: 'ru' | 'en') {
  const fake = await startFakeHh({ port: 0, quiet: true });
  const browser = await launchExtensionBrowser({ fakePort: fake.port, locale: lang === 'ru' ? 'ru-RU' : 'en-US' });
  try {
    await firstRun(browser, lang);
    // The rest of the demo is this user's: the profile the import wrote, applying with that same resume.
    const worker = await browser.worker();
    const persona = (await worker.evaluate(
      async () => (await chrome.storage.local.get('settings'))['settings'],
    )) as Settings;
    persona.apply.defaultResumeHash = fake.resumes.find((r) => r.title === 'Аналитик данных')!.hash;
    persona.apply.fast = true; // the demo should not wait 30–90 s per application
    await setSettings(worker, persona);
    const { stats, tabId } = await listing(browser, lang);
    console.log(
      `[${lang}] Otklik judged ${stats.cards} cards on https://hh.ru/search/vacancy?text=${QUERY}: ${stats.hidden} hidden, ${stats.dimmed} dimmed.`,
    );
    await popupStates(browser, fake, lang, tabId, persona);
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
