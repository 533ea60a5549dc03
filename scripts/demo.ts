/**
 * `npm run demo`: build the extension, start the fake hh.ru, open a search page in headless chromium with the
 * extension and a sample profile, and save screenshots of what a person would see to artifacts/demo/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeHh } from '../test/fake-hh/server';
import { REPO, SCREENSHOT_DIR, chromiumPath, launchExtensionBrowser, setSettings } from '../test/e2e/browser';
import { pythonJuniorSettings } from '../test/e2e/profiles';

const OUT = join(REPO, 'artifacts/demo');

async function main() {
  if (!chromiumPath()) {
    console.error('chromium not found: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
    process.exit(1);
  }
  console.log('building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  mkdirSync(OUT, { recursive: true });
  const fake = await startFakeHh({ port: 0 });
  const browser = await launchExtensionBrowser({ fakePort: fake.port });
  const shots: string[] = [];
  const shot = async (page: Parameters<typeof browser.screenshot>[0], name: string) => {
    const file = await browser.screenshot(page, `demo-${name}`);
    const dest = join(OUT, `${name}.png`);
    copyFileSync(file, dest);
    shots.push(dest);
  };
  try {
    const settings = pythonJuniorSettings();
    await setSettings(await browser.worker(), settings);
    const page = await browser.newPage();
    await page.goto('https://hh.ru/search/vacancy?text=python');
    await page.waitForSelector('[data-otk-bar]', { state: 'attached' });
    await page.waitForTimeout(300);
    await shot(page, 'listing-triaged');
    const bar = page.locator('[data-otk-bar] [data-otk-action="toggle-hidden"]');
    if (await bar.count()) {
      await bar.click();
      await shot(page, 'listing-show-all');
    }
    const tabId = await (await browser.worker()).evaluate(async () => (await chrome.tabs.query({ url: 'https://hh.ru/*' }))[0]?.id);
    await page.waitForTimeout(500); // the content script reports its stats after a short debounce
    const popup = await browser.newPage();
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="popup"]');
    await shot(popup, 'popup');
    const options = await browser.extensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 1500 });
    await options.waitForSelector('[data-testid="options"]');
    await shot(options, 'options');
    const stats = await page.evaluate(() => ({
      cards: document.querySelectorAll('[data-otk-verdict]').length,
      hidden: document.querySelectorAll('[data-otk-verdict="hide"]').length,
      dimmed: document.querySelectorAll('[data-otk-verdict="dim"]').length,
    }));
    console.log(`\nOtklik judged ${stats.cards} cards on https://hh.ru/search/vacancy?text=python: ${stats.hidden} hidden, ${stats.dimmed} dimmed.`);
  } finally {
    await browser.close();
    await fake.close();
  }
  console.log(`screenshots:\n  ${shots.join('\n  ')}\n(also in ${SCREENSHOT_DIR})`);
  console.log('\nTo use Otklik in Chrome: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
