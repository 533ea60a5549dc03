/**
 * The vacancy-page panel on the fake hh.ru (pages built from real vacancies): the skill gap the panel shows is
 * the one the scorer's normalisation gives for that vacancy; hh's warnings appear where hh shows them; "hide
 * this employer" lands in the blacklist; "write a letter" streams into the box and "queue with letter" sends it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/core/settings/schema';
import { skillGap } from '../../lib/hh-pages/vacancy-panel/skill-gap';
import { descriptionHtml } from '../fake-hh/data';
import { rejectWarningFor } from '../fake-hh/render-vacancy';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { closedRoots } from './closed-root';
import { itWithRealVacancies } from '../shared-fixtures';

function settings(): Settings {
  const s = defaultSettings();
  s.profile.desiredTitles = ['Frontend-разработчик'];
  s.profile.skills = ['JS', 'React', 'CSS', 'HTML', 'Git', 'Node'];
  s.profile.resumeText = 'Вёрстка, TypeScript в пет-проектах';
  s.apply.fast = true;
  return s;
}

describe('vacancy page panel', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port });
    await setSettings(await browser.worker(), settings());
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  // The panel's root is closed: read through DevTools, press with a real mouse (./closed-root.ts).
  const PANEL = '[data-otk-vacancy-panel]';
  const panelText = async (sel: string) => (await closedRoots(page)).text(PANEL, sel);
  const warnings = async () =>
    (await closedRoots(page)).eval(PANEL, (root) =>
      [...root.querySelectorAll('.w span')].map((s) => s.getAttribute('data-warn')),
    );
  const click = async (sel: string) => (await closedRoots(page)).click(PANEL, sel);
  const open = async (id: number) => {
    await page.goto(`https://hh.ru/vacancy/${id}`);
    await page.locator('[data-otk-vacancy-panel]').waitFor({ state: 'attached', timeout: 20_000 });
  };
  /** A plain vacancy (no hh warning) whose key skills include JavaScript and something the profile lacks. */
  const plainJsVacancy = () =>
    fake.vacancyKinds().normal.find((id) => {
      const v = fake.vacancy(id)!;
      return (
        !rejectWarningFor(id) &&
        v.keySkills.includes('JavaScript') &&
        skillGap(settings().profile, { title: v.name, keySkills: v.keySkills }).missing.length > 0
      );
    })!;

  itWithRealVacancies(
    'shows the skill gap of a real vacancy, with synonyms (JS = JavaScript), and no warnings on a plain one',
    async () => {
      const id = plainJsVacancy();
      const v = fake.vacancy(id)!;
      const gap = skillGap(settings().profile, {
        title: v.name,
        keySkills: v.keySkills,
        description: descriptionHtml(v),
      });
      await open(id);
      expect(gap.matched).toContain('JS');
      expect(gap.missing).not.toContain('JavaScript');
      await expect.poll(() => panelText('[data-otk-have]')).toBe(`Ваши навыки в вакансии: ${gap.matched.join(', ')}`);
      await expect.poll(() => panelText('[data-otk-lack]')).toBe(`Не хватает: ${gap.missing.join(', ')}`);
      await expect.poll(() => warnings()).toEqual([]);
      await browser.screenshot(page, 'vacancy-panel-details');
    },
  );

  it("shows hh's warnings: questions, required letter, likely rejection", async () => {
    const kinds = fake.vacancyKinds();
    await open(kinds.hasTest[0]!);
    await expect.poll(() => warnings()).toContain('testRequired');
    await open(kinds.letterRequired[0]!);
    await expect.poll(() => warnings()).toContain('letterRequired');
    const reject = kinds.normal.find((id) => rejectWarningFor(id))!;
    await open(reject);
    await expect.poll(() => warnings()).toEqual(['rejectLikely']);
  });

  it('hide this employer adds it to the blacklist', async () => {
    const id = fake.vacancyKinds().normal.find((x) => fake.vacancy(x)!.employer && !rejectWarningFor(x))!;
    const employer = fake.vacancy(id)!.employer!;
    await open(id);
    await click('[data-otk-hide-employer]');
    const worker = await browser.worker();
    await expect
      .poll(
        () =>
          worker.evaluate(
            async () =>
              ((await chrome.storage.local.get('settings'))['settings'] as Settings).profile.employerBlacklist,
          ),
        { timeout: 10_000 },
      )
      .toEqual([{ id: String(employer.id), name: employer.name }]);
    await expect.poll(() => panelText('[data-otk-hide-employer]')).toBe('Работодатель скрыт');
  });

  itWithRealVacancies(
    'writes a letter into the box, and queues the vacancy with the edited letter (sent once, with that text)',
    async () => {
      const id = plainJsVacancy();
      await open(id);
      await click('[data-otk-write]');
      const box = async () =>
        (await closedRoots(page)).eval(PANEL, (root) => (root.querySelector('textarea') as HTMLTextAreaElement).value);
      await expect.poll(async () => (await box()).length, { timeout: 60_000 }).toBeGreaterThan(40);
      await expect.poll(() => panelText('[data-otk-write]'), { timeout: 60_000 }).toBe('Написать письмо');
      const letter = `${await box()}\nP.S. edited`;
      // The user's edit: click at the end of the box and type.
      await click('textarea');
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('\nP.S. edited');
      await expect.poll(() => box()).toBe(letter);
      await click('[data-otk-queue-letter]');
      await expect.poll(() => fake.applications.filter((a) => a.vacancyId === id).length, { timeout: 30_000 }).toBe(1);
      // (multipart form data carries line breaks as CRLF, as browsers send them)
      expect(fake.applications.find((a) => a.vacancyId === id)!.letter.replace(/\r\n/g, '\n')).toBe(letter);
      // After the application hh shows it; so does the panel.
      await open(id);
      await expect.poll(() => warnings()).toEqual(['applied']);
    },
  );

  // ── hh's signals (issue 18). hh's vacancy page carries neither the employer's warnings nor its refusal of
  // automatic applications (KHR vacancy state 2026-09); hh's search state does. The worker remembers what it read
  // on a search page, and uses it where the vacancy page is silent. These run last: the search page they open
  // teaches the worker about vacancies the tests above queue.
  const SHOTS = '/tmp/h18sig-shots';
  type StateItem = {
    vacancyId: number;
    autoResponse?: { acceptAutoResponse?: boolean };
    company?: { id?: number; employersNegativeAttribute?: Record<string, unknown> };
  };
  /** Opens a search page (the worker triages its state) and returns the state's vacancies as hh embedded them. */
  const searchState = async (): Promise<StateItem[]> => {
    await page.goto('https://hh.ru/search/vacancy?text=frontend&items_on_page=100');
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('[data-otk-verdict]').length), { timeout: 20_000 })
      .toBeGreaterThan(0);
    return page.evaluate(() => {
      const t = document.getElementById('HH-Lux-InitialState') as HTMLTemplateElement;
      return (
        JSON.parse(t.content.textContent ?? t.textContent ?? '{}') as {
          vacancySearchResult: { vacancies: StateItem[] };
        }
      ).vacancySearchResult.vacancies;
    });
  };
  const employerFlags = () =>
    closedRoots(page).then((r) =>
      r.eval(PANEL, (root) =>
        [...root.querySelectorAll('[data-otk-employer-warnings] li')].map((li) => li.getAttribute('data-flag')),
      ),
    );
  const shootPanel = async (name: string) => {
    await page.locator(PANEL).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -160));
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
  };
  const applicationsTo = (id: number) => fake.applications.filter((a) => String(a.vacancyId) === String(id));

  itWithRealVacancies(
    "warns about the employer hh warns about, in plain words, learnt from hh's search page",
    async () => {
      const items = await searchState();
      const kinds = fake.vacancyKinds();
      const warned = items.find((v) => v.company?.employersNegativeAttribute && kinds.normal.includes(v.vacancyId))!;
      expect(warned).toBeDefined();
      const attrs = warned.company!.employersNegativeAttribute!;
      const flags = [
        'hasBreaches',
        'pdResale',
        'hasFrequentComplaints',
        'misleadingVacancyAlert',
        'reduction',
        'isReferral',
      ].filter((f) => attrs[f] === true);
      await open(warned.vacancyId);
      await expect.poll(employerFlags, { timeout: 10_000 }).toEqual(flags);
      await expect
        .poll(() => panelText('[data-otk-employer-warnings] b'))
        .toBe('⚠ hh.ru предупреждает о работодателе:');
      await shootPanel('panel-employer-warning-ru');
    },
  );

  it("a hand-queued vacancy whose employer refuses automatic applications waits for the user's confirmation, then is sent once", async () => {
    const items = await searchState();
    const kinds = fake.vacancyKinds();
    const noAuto = items.find(
      (v) =>
        v.autoResponse?.acceptAutoResponse === false &&
        kinds.normal.includes(v.vacancyId) &&
        !applicationsTo(v.vacancyId).length,
    )!;
    expect(noAuto).toBeDefined();
    await open(noAuto.vacancyId);
    await expect.poll(() => warnings(), { timeout: 10_000 }).toContain('noAuto');
    await (await closedRoots(page)).click('[data-otk-badge]', '[data-otk-queue]');
    const popup = await browser.extensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    const confirm = popup.locator(`li[data-state="needs_user"][data-job-id] [data-action="confirm"]`);
    await expect.poll(() => confirm.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => popup.locator('li[data-state="needs_user"] .pp-job__problem').textContent())
      .toMatch(/не принимает автоматические отклики/);
    await popup.screenshot({ path: `${SHOTS}/popup-confirm-ru.png` });
    // Nothing went out while it waited (fast mode drains within a second or two).
    await page.waitForTimeout(2000);
    expect(applicationsTo(noAuto.vacancyId)).toHaveLength(0);
    await confirm.click();
    await expect.poll(() => applicationsTo(noAuto.vacancyId).length, { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(1500);
    expect(applicationsTo(noAuto.vacancyId)).toHaveLength(1);
    await popup.close();
  });

  itWithRealVacancies(
    'a vacancy hh says needs a letter gets one with letters off (the template), waits for review, and is sent with it',
    async () => {
      const items = await searchState();
      const kinds = fake.vacancyKinds();
      const needsLetter = items.find(
        (v) => kinds.letterRequired.includes(v.vacancyId) && v.autoResponse?.acceptAutoResponse !== false,
      )!;
      expect(needsLetter).toBeDefined();
      await open(needsLetter.vacancyId);
      await expect.poll(() => warnings()).toContain('letterRequired');
      await (await closedRoots(page)).click('[data-otk-badge]', '[data-otk-queue]');
      const popup = await browser.extensionPage('popup.html');
      const approve = popup.locator('li[data-state="review"] [data-action="approve"]');
      // The template writes the draft; review mode (the default) waits for the user.
      await expect
        .poll(() => popup.locator('li[data-state="review"] [data-testid="letter-preview"]').textContent(), {
          timeout: 30_000,
        })
        .toMatch(/\S{20,}|.{40,}/);
      expect(applicationsTo(needsLetter.vacancyId)).toHaveLength(0);
      await approve.click();
      await expect.poll(() => applicationsTo(needsLetter.vacancyId).length, { timeout: 30_000 }).toBe(1);
      expect(applicationsTo(needsLetter.vacancyId)[0]!.letter.trim().length).toBeGreaterThan(40);
      await popup.close();
    },
  );
});

describe('vacancy page panel in English (issue 18: employer warnings)', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port, locale: 'en-US' });
    await setSettings(await browser.worker(), settings());
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  itWithRealVacancies("shows hh's warnings about the employer in English", async () => {
    const page = await browser.newPage();
    await page.goto('https://hh.ru/search/vacancy?text=frontend&items_on_page=100');
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('[data-otk-verdict]').length), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const id = await page.evaluate(() => {
      const t = document.getElementById('HH-Lux-InitialState') as HTMLTemplateElement;
      const vs = (
        JSON.parse(t.content.textContent ?? '{}') as {
          vacancySearchResult: {
            vacancies: { vacancyId: number; company?: { employersNegativeAttribute?: unknown } }[];
          };
        }
      ).vacancySearchResult.vacancies;
      return vs.find((v) => v.company?.employersNegativeAttribute)?.vacancyId ?? 0;
    });
    expect(id).toBeGreaterThan(0);
    await page.goto(`https://hh.ru/vacancy/${id}`);
    await page.locator('[data-otk-vacancy-panel]').waitFor({ state: 'attached', timeout: 20_000 });
    await expect
      .poll(async () => (await closedRoots(page)).text('[data-otk-vacancy-panel]', '[data-otk-employer-warnings] b'), {
        timeout: 10_000,
      })
      .toBe('⚠ hh.ru warns about this employer:');
    await page.locator('[data-otk-vacancy-panel]').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -160));
    await page.screenshot({ path: '/tmp/h18sig-shots/panel-employer-warning-en.png' });
  });
});
