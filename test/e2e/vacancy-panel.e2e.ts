/**
 * The vacancy-page panel on the fake hh.ru (pages built from real vacancies): the skill gap the panel shows is
 * the one the scorer's normalisation gives for that vacancy; hh's warnings appear where hh shows them; "hide
 * this employer" lands in the blacklist; "write a letter" streams into the box and "queue with letter" sends it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { skillGap } from '../../lib/triage/skill-gap';
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
  const warnings = async () => (await closedRoots(page)).eval(PANEL, (root) => [...root.querySelectorAll('.w span')].map((s) => s.getAttribute('data-warn')));
  const click = async (sel: string) => (await closedRoots(page)).click(PANEL, sel);
  const open = async (id: number) => {
    await page.goto(`https://hh.ru/vacancy/${id}`);
    await page.locator('[data-otk-vacancy-panel]').waitFor({ state: 'attached', timeout: 20_000 });
  };
  /** A plain vacancy (no hh warning) whose key skills include JavaScript and something the profile lacks. */
  const plainJsVacancy = () =>
    fake.vacancyKinds().normal.find((id) => {
      const v = fake.vacancy(id)!;
      return !rejectWarningFor(id) && v.keySkills.includes('JavaScript') && skillGap(settings().profile, { title: v.name, keySkills: v.keySkills }).missing.length > 0;
    })!;

  itWithRealVacancies('shows the skill gap of a real vacancy, with synonyms (JS = JavaScript), and no warnings on a plain one', async () => {
    const id = plainJsVacancy();
    const v = fake.vacancy(id)!;
    const gap = skillGap(settings().profile, { title: v.name, keySkills: v.keySkills, description: descriptionHtml(v) });
    await open(id);
    expect(gap.matched).toContain('JS');
    expect(gap.missing).not.toContain('JavaScript');
    await expect.poll(() => panelText('[data-otk-have]')).toBe(`Ваши навыки в вакансии: ${gap.matched.join(', ')}`);
    await expect.poll(() => panelText('[data-otk-lack]')).toBe(`Не хватает: ${gap.missing.join(', ')}`);
    await expect.poll(() => warnings()).toEqual([]);
    await browser.screenshot(page, 'vacancy-panel-details');
  });

  it('shows hh\'s warnings: questions, required letter, likely rejection', async () => {
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
      .poll(() => worker.evaluate(async () => ((await chrome.storage.local.get('settings'))['settings'] as Settings).profile.employerBlacklist), { timeout: 10_000 })
      .toEqual([{ id: String(employer.id), name: employer.name }]);
    await expect.poll(() => panelText('[data-otk-hide-employer]')).toBe('Работодатель скрыт');
  });

  itWithRealVacancies('writes a letter into the box, and queues the vacancy with the edited letter (sent once, with that text)', async () => {
    const id = plainJsVacancy();
    await open(id);
    await click('[data-otk-write]');
    const box = async () => (await closedRoots(page)).eval(PANEL, (root) => (root.querySelector('textarea') as HTMLTextAreaElement).value);
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
  });
});
