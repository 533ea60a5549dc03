/**
 * The profile's hh fields in the real browser (issue 17): hh professional roles, driving licences and languages
 * picked in the options page (or filled from the hh resume) change the listing's verdicts; a "not for me" with
 * its why survives a reload. On the repo's demo set (it has lorry and car driver vacancies), whatever ../shared holds.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { closedRoots } from './closed-root';
import { defaultSettings } from '../../lib/core/settings/schema';

const CARD = '[data-qa="vacancy-serp__vacancy"]';
const SEARCH = 'https://hh.ru/search/vacancy?text=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C'; // водитель
const LORRY = 'Водитель грузовика категории CE';
/** Screenshots of the new options UI, for a person to look at. */
const SHOTS = process.env['OTKLIK_SHOTS_DIR'] ?? '/tmp/h17ui-shots';

function driverSettings() {
  const s = defaultSettings();
  s.profile.desiredTitles = ['Водитель'];
  return s;
}

async function verdictOf(page: Page, title: string): Promise<string | null | undefined> {
  return page.$$eval(
    CARD,
    (els, t) =>
      els
        .find((el) => el.querySelector('[data-qa="serp-item__title-text"]')?.textContent?.trim() === t)
        ?.getAttribute('data-otk-verdict'),
    title,
  );
}

async function settled(page: Page) {
  await expect
    .poll(
      async () => {
        const all = await page.locator(CARD).count();
        return all > 0 && (await page.locator(`${CARD}[data-otk-verdict]`).count()) === all;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** The badge text of the card titled `title` (badges' roots are closed: read through DevTools, in card order). */
async function badgeOf(page: Page, title: string): Promise<string | null> {
  const list = await page.$$eval(CARD, (els) =>
    els.map((el) => ({
      t: el.querySelector('[data-qa="serp-item__title-text"]')?.textContent?.trim(),
      b: el.querySelector('[data-otk-badge]') !== null,
    })),
  );
  const at = list.findIndex((c) => c.t === title);
  if (at < 0 || !list[at]!.b) return null;
  const n = list.slice(0, at).filter((c) => c.b).length;
  return (await closedRoots(page)).text(`${CARD} [data-otk-badge]`, '.b', n);
}

/** The role picker with its open list (which overflows the picker's box). */
async function shotWithList(options: Page, name: string) {
  const box = (await options.locator('[data-testid="role-picker"]').boundingBox())!;
  await options.screenshot({
    path: `${SHOTS}/${name}.png`,
    clip: { x: box.x, y: box.y, width: box.width, height: box.height + 300 },
  });
}

describe('hh roles, licences and languages in the profile', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  let en: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The demo set (not ../shared): it has the lorry and car driver vacancies this needs.
    fake = await startFakeHh({ port: 0, quiet: true, sharedDir: '/nonexistent-otklik-shared' });
    browser = await launchExtensionBrowser({ fakePort: fake.port });
    await setSettings(await browser.worker(), driverSettings());
  });
  afterAll(async () => {
    await en?.close();
    await browser?.close();
    await fake?.close();
  });

  const stored = async () =>
    (await browser.worker()).evaluate(
      async () => (await chrome.storage.local.get('settings'))['settings'] as { profile: Record<string, unknown> },
    );

  async function openOptions(b: ExtensionBrowser): Promise<Page> {
    const options = await b.extensionPage('options.html#profile');
    await options.setViewportSize({ width: 1100, height: 1000 });
    await options.locator('[data-testid="role-picker"]').waitFor();
    return options;
  }

  it('picking licence B in options hides a licence CE vacancy with that reason; picking a role by keyboard is saved', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page);
    // Nothing said about licences: the lorry job is not hidden for it.
    await expect.poll(() => verdictOf(page, LORRY)).not.toBe('hide');

    const options = await openOptions(browser);
    const search = options.locator('input[name="roleSearch"]');
    await search.click();
    await search.fill('водит');
    await expect.poll(() => options.locator('[role="option"]').first().textContent()).toBe('Водитель');
    await search.press('Enter');
    await expect.poll(() => options.locator('[data-role="21"].op-chip').count()).toBe(1);
    await search.press('Escape'); // the list stays open for more picks; it covers the licences
    await expect.poll(() => options.locator('[role="listbox"]').count()).toBe(0);
    await options.locator('input[name="licence-B"]').check();
    await expect
      .poll(async () => (await stored()).profile)
      .toMatchObject({ professionalRoles: ['21'], driverLicences: ['B'] });
    await search.click();
    await search.fill('бухг');
    await options.locator('[role="option"]').first().waitFor();
    await shotWithList(options, 'role-picker-open-ru');
    await search.press('Escape');
    await options.locator('#profile').screenshot({ path: `${SHOTS}/profile-ru.png` });

    // The listing follows the saved settings: the lorry job is hidden, and says why once shown.
    await expect.poll(() => verdictOf(page, LORRY), { timeout: 15_000 }).toBe('hide');
    await (await closedRoots(page)).click('[data-otk-bar]', '[data-otk-action="toggle-hidden"]');
    await expect.poll(() => badgeOf(page, LORRY), { timeout: 15_000 }).toMatch(/нужны права категории C/);
    await expect.poll(() => verdictOf(page, 'Водитель категории B')).not.toBe('hide');
    await page.close();
    await options.close();
  });

  it('"not for me" with a why hides the card and keeps the why across a reload', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page);
    const list = await page.$$eval(CARD, (els) =>
      els.map((el) => ({
        t: el.querySelector('[data-qa="serp-item__title-text"]')?.textContent?.trim() ?? '',
        v: el.getAttribute('data-otk-verdict'),
        b: el.querySelector('[data-otk-badge]') !== null,
      })),
    );
    const at = list.findIndex((c) => c.v === 'show' && c.b);
    expect(at).toBeGreaterThanOrEqual(0);
    const title = list[at]!.t;
    const n = list.slice(0, at).filter((c) => c.b).length;
    const roots = await closedRoots(page);
    await roots.click(`${CARD} [data-otk-badge]`, '[data-otk-fb="not"]', n);
    await expect.poll(() => badgeOf(page, title)).toMatch(/Почему\?.*зарплата/);
    await page.screenshot({
      path: `${SHOTS}/why-choice-ru.png`,
      clip: (await page.locator(CARD).nth(at).boundingBox()) ?? undefined,
    });
    await roots.click(`${CARD} [data-otk-badge]`, '[data-otk-why="salary"]', n);
    await expect.poll(() => verdictOf(page, title), { timeout: 15_000 }).toBe('hide');
    await page.reload();
    await settled(page);
    await expect.poll(() => verdictOf(page, title), { timeout: 15_000 }).toBe('hide');
    await (await closedRoots(page)).click('[data-otk-bar]', '[data-otk-action="toggle-hidden"]');
    await expect.poll(() => badgeOf(page, title), { timeout: 15_000 }).toMatch(/вы отметили: не подходит \(зарплата\)/);
    await page.close();
  });

  it('the hh resume import fills roles, licences and languages with levels', async () => {
    const options = await openOptions(browser);
    const front = fake.resumes.find((r) => r.title === 'Frontend-разработчик')!;
    await options.locator(`select[name="importResume"] option[value="${front.hash}"]`).waitFor({ state: 'attached' });
    await options.locator('select[name="importResume"]').selectOption(front.hash);
    await options.getByTestId('import-resume').click();
    await expect.poll(() => options.locator('[data-role="96"].op-chip').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => options.locator('select[name="level-eng"]').inputValue()).toBe('b2');
    await expect.poll(() => options.locator('select[name="level-rus"]').inputValue()).toBe('l1');
    await expect.poll(() => options.locator('input[name="licence-B"]').isChecked()).toBe(true);
    await expect
      .poll(async () => (await stored()).profile)
      .toMatchObject({
        professionalRoles: ['96'],
        driverLicences: ['B'],
        languages: [
          { code: 'rus', level: 'l1' },
          { code: 'eng', level: 'b2' },
        ],
      });
    await options.close();
  });

  it('the pickers in English (screenshot)', async () => {
    en = await launchExtensionBrowser({ fakePort: fake.port, locale: 'en-US' });
    const s = driverSettings();
    s.profile.professionalRoles = ['21', '58'];
    s.profile.driverLicences = ['B', 'C'];
    s.profile.languages = [
      { code: 'rus', level: 'l1' },
      { code: 'eng', level: 'a2' },
    ];
    await setSettings(await en.worker(), s);
    const options = await openOptions(en);
    await expect.poll(() => options.locator('[data-role="58"].op-chip').textContent()).toContain('Курьер');
    await expect.poll(() => options.locator('[data-lang="eng"] .op-langs__name').textContent()).toBe('English');
    await options.locator('#profile').screenshot({ path: `${SHOTS}/profile-en.png` });
    const search = options.locator('input[name="roleSearch"]');
    await search.click();
    await search.press('ArrowDown');
    await options.locator('[role="option"]').first().waitFor();
    await shotWithList(options, 'role-picker-open-en');
    await options.close();
  });
});
