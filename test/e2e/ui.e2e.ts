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
import { itWithRealVacancies } from '../shared-fixtures';

/** The popup at Chrome's popup size, on one of its views (the summary by default; `#queue`, `#history`…). */
async function openPopup(browser: ExtensionBrowser, view = ''): Promise<Page> {
  const popup = await browser.extensionPage(`popup.html${view}`);
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
    await expect
      .poll(() => popup.locator('[data-testid="nothing-needed"]').textContent())
      .toContain('Nothing needs you');
    // No Pause button while nothing waits to be sent.
    await expect.poll(() => popup.locator('[data-testid="pause"]').count()).toBe(0);
    const k = fake.vacancyKinds();
    await enqueue(popup, fake, [k.normal[0]!, k.hasTest[0]!, k.archived[0]!, k.letterRequired[0]!]);
    // No reload: the popup follows the worker's writes to the queue database. What needs the user comes first:
    // the questionnaire, and the letter hh requires (written by the template: letters are off), to check.
    await expect
      .poll(() => popup.locator('[data-testid="needs-you"] [data-group="needs_user"] .pp-job').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect
      .poll(() => popup.locator('[data-group="needs_user"] .pp-job__problem').textContent())
      .toMatch(/answer questions/);
    await expect
      .poll(
        () =>
          popup
            .locator('[data-testid="needs-you"] [data-group="review"] .pp-job [data-testid="letter-preview"]')
            .textContent(),
        { timeout: 30_000 },
      )
      .toMatch(/.{40,}/);
    await expect
      .poll(() => popup.locator('[data-testid="cap"]').textContent(), { timeout: 30_000 })
      .toContain('Sent in the last 24 h: 1 of 50');
    await browser.screenshot(popup, 'ui-popup-groups-en');
    // History is one click away: the sent one and the one that could not be sent.
    await popup.locator('[data-tab="history"]').click();
    await expect.poll(() => popup.locator('[data-group="failed"] .pp-job').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => popup.locator('[data-group="applied"] .pp-job').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => popup.locator('[data-group="failed"] .pp-job__problem').textContent())
      .toMatch(/archived or removed/);
    // A row that was not sent never calls itself "skipped".
    await expect.poll(() => popup.locator('[data-group="failed"] .pp-job').textContent()).not.toMatch(/skipped/i);
    await popup.close();
  });

  it('removes a job and retries one from the keyboard', async () => {
    const popup = await openPopup(browser, '#history');
    const row = popup.locator('[data-group="failed"] .pp-job').first();
    await row.locator('[data-action="remove"]').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('[data-group="failed"] .pp-job').count()).toBe(0);
    await popup.locator('[data-tab="queue"]').click();
    // A questionnaire cannot be retried, only opened.
    const k = fake.vacancyKinds();
    const test = popup.locator('[data-group="needs_user"] .pp-job', { hasText: 'answer questions' });
    await expect
      .poll(() => test.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))))
      .toEqual(['open', 'remove']);
    // The letter hh requires, approved from the keyboard: sent once, with the letter.
    const letter = popup.locator('[data-group="review"] .pp-job').first();
    const before = fake.requests.filter((r) => r.route === 'apply').length;
    await letter.locator('[data-action="approve"]').focus();
    await popup.keyboard.press('Space');
    await expect
      .poll(() => fake.requests.filter((r) => r.route === 'apply').length, { timeout: 30_000 })
      .toBe(before + 1);
    await expect
      .poll(() => fake.applications.filter((a) => a.vacancyId === k.letterRequired[0]!).length, { timeout: 30_000 })
      .toBe(1);
    expect(fake.applications.find((a) => a.vacancyId === k.letterRequired[0]!)!.letter.trim()).not.toBe('');
    await popup.close();
  });

  it('pause: nothing is sent while paused; continue sends', async () => {
    const popup = await openPopup(browser, '#queue');
    // The Pause button exists only while something waits (tested in QueuePanel.test); pause before queueing here,
    // as the button would, so that fast mode cannot send in between.
    await message(popup, 'pauseQueue', {});
    await popup.locator('[data-testid="paused"]').waitFor();
    const before = fake.applications.length;
    const k = fake.vacancyKinds();
    await enqueue(popup, fake, [k.normal[1]!, k.normal[2]!]);
    await expect.poll(() => popup.locator('[data-group="pending"] .pp-job').count()).toBe(2);
    await popup.waitForTimeout(3000); // fast-mode alarms fire in ~1 s: three chances to (wrongly) send
    expect(fake.applications.length).toBe(before);
    await browser.screenshot(popup, 'ui-popup-paused-en');
    // In English the button says Continue: "Resume" would read as a CV next to the CV names.
    await popup.getByRole('button', { name: 'Continue' }).first().click();
    await expect.poll(() => fake.applications.length, { timeout: 30_000 }).toBe(before + 2);
    await expect.poll(() => popup.locator('[data-group="pending"] .pp-job').count(), { timeout: 30_000 }).toBe(0);
    await popup.close();
  });

  it('review a letter: edit it in the popup, approve → it is sent with the edit', async () => {
    const s = pythonJuniorSettings();
    s.apply.fast = true;
    s.letters = { ...s.letters, provider: 'template', mode: 'review' };
    await setSettings(await browser.worker(), s);
    const popup = await openPopup(browser);
    const id = fake.vacancyKinds().normal[3]!;
    await enqueue(popup, fake, [id]);
    const row = popup.locator('[data-group="review"] .pp-job');
    await row.waitFor({ timeout: 30_000 });
    // A letter to check is something that needs the user: it is on the popup's first view.
    await expect
      .poll(() => popup.locator('[data-testid="needs-you"] [data-group="review"] [data-action="edit"]').textContent())
      .toBe('Check the letter');
    await row.locator('[data-action="edit"]').click();
    const box = row.getByTestId('letter-text');
    await expect.poll(() => box.inputValue(), { timeout: 30_000 }).not.toBe('');
    const edited = `${await box.inputValue()}\n\nP.S. Готов выйти на работу с понедельника.`;
    await box.fill(edited);
    await browser.screenshot(popup, 'ui-popup-review-en');
    await row.getByTestId('letter-approve').click();
    await expect.poll(() => fake.applications.filter((a) => a.vacancyId === id).length, { timeout: 30_000 }).toBe(1);
    // multipart form data sends line breaks as CRLF (HTML form encoding)
    expect(fake.applications.find((a) => a.vacancyId === id)!.letter.replace(/\r\n/g, '\n')).toBe(edited);
    await expect.poll(() => popup.locator('[data-group="review"]').count()).toBe(0);
    await popup.close();
  });
});

describe('options page (ru)', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  const SEARCH = 'https://hh.ru/search/vacancy?text=python';
  const CARD = '[data-qa="vacancy-serp__vacancy"]';

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port, locale: 'ru-RU' });
    await setSettings(await browser.worker(), pythonJuniorSettings());
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  async function openOptions(): Promise<Page> {
    const options = await browser.extensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.locator('[data-testid="options"]').waitFor();
    return options;
  }

  it('edit the profile → the open listing re-scores without a reload', async () => {
    const listing = await browser.newPage();
    await listing.goto(SEARCH);
    await expect
      .poll(() => listing.locator(`${CARD}[data-otk-verdict="show"]`).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const target = listing.locator(`${CARD}[data-otk-verdict="show"]`).first();
    const id = Number(await target.evaluate((el) => el.querySelector('div[id]')?.id));
    const employer = fake.vacancy(id)!.employer!.name;

    const options = await openOptions();
    await options.locator('textarea[name="blacklist"]').fill(employer);
    // No Save button: the change is saved by itself once typing stops.
    await expect.poll(() => options.getByTestId('options-message').textContent()).toContain('Сохранено');
    // The same card, in the tab left open, is now hidden for its blacklisted employer.
    await expect
      .poll(() => listing.locator(`${CARD}:has(div[id="${id}"])`).getAttribute('data-otk-verdict'), { timeout: 15_000 })
      .toBe('hide');
    await listing.close();
    await options.close();
  });

  // The preview's hidden band is counted on the real corpus's cards.
  itWithRealVacancies(
    'fills the profile from an hh.ru resume, previews thresholds live, and refuses bad values with clear messages',
    async () => {
      const page = await browser.newPage();
      await page.goto('https://hh.ru/'); // session cookies for the worker's fetches
      await page.close();
      const options = await openOptions();
      await options
        .locator('select[name="importResume"] option', { hasText: 'Аналитик данных' })
        .waitFor({ state: 'attached' });
      await options.locator('select[name="importResume"]').selectOption({ label: 'Аналитик данных' });
      await options.getByTestId('import-resume').click();
      await expect
        .poll(() => options.locator('textarea[name="titles"]').inputValue(), { timeout: 15_000 })
        .toBe('Аналитик данных');
      await expect
        .poll(() => options.locator('textarea[name="skills"]').inputValue())
        .toBe('SQL, Python, Pandas, Power BI');
      await expect.poll(() => options.locator('select[name="experience"]').inputValue()).toBe('between3And6');
      await expect
        .poll(() => options.locator('textarea[name="resumeText"]').inputValue())
        .toContain('Отчёты по продажам в Power BI');

      // The preview re-scores the demo set's cards with the new profile: an analyst card rises to the top of the
      // shown band, and every band holds cards (the dimmed one too).
      const preview = options.locator('[data-testid="threshold-preview"]');
      await expect
        .poll(() => preview.locator('[data-band="show"] li').first().locator('.op-preview__title').textContent())
        .toMatch(/аналитик/i);
      await expect.poll(() => preview.locator('[data-band="dim"] li').count()).toBeGreaterThan(0);
      const hidden = () => preview.locator('li[data-verdict="hide"]').count();
      await expect.poll(hidden).toBeGreaterThan(0); // couriers and welders are far from an analyst
      await options.locator('input[name="hideBelow"]').fill('0');
      await expect.poll(hidden).toBe(0);
      await expect.poll(() => options.locator('input[name="hideBelow"] + output').textContent()).toBe('0');

      await options.locator('input[name="dailyCap"]').fill('500');
      await options.locator('input[name="pacingMin"]').fill('abc');
      await expect.poll(() => options.getByTestId('options-message').textContent()).toContain('Не сохранено');
      await expect.poll(() => options.locator('#dailyCap-msg').textContent()).toBe('Число от 1 до 200.');
      await expect.poll(() => options.locator('#pacingMin-msg').textContent()).toBe('Введите целое число.');
      // The message leads the keyboard to the first bad field.
      await options.getByTestId('show-error').click();
      await expect
        .poll(() => options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
        .toBe('dailyCap');
      // Nothing of the refused form was saved (the thresholds changed before the bad values were).
      const stored = await (
        await browser.worker()
      ).evaluate(
        async () => (await chrome.storage.local.get('settings'))['settings'] as { apply: { dailyCap: number } },
      );
      expect(stored.apply.dailyCap).toBe(50);
      await browser.screenshot(options, 'ui-options-errors-ru');
      await options.close();
    },
  );
});
