import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setSettings, useExtensionOnFakeHh, type ExtensionBrowser } from './browser';
import { pythonJuniorSettings } from './profiles';
import { closedRoots } from './closed-root';
import { itWithRealVacancies } from '../shared-fixtures';

const CARD = '[data-qa="vacancy-serp__vacancy"]';
const SEARCH = 'https://hh.ru/search/vacancy?text=python';

interface CardView {
  title: string;
  verdict: string | null;
  display: string;
  badge: string | null;
}

async function cards(page: Page): Promise<CardView[]> {
  const list = await page.$$eval('[data-qa="vacancy-serp__vacancy"]', (els) =>
    els.map((el) => ({
      title: el.querySelector('[data-qa="serp-item__title-text"]')?.textContent?.trim() ?? '',
      verdict: el.getAttribute('data-otk-verdict'),
      display: getComputedStyle(el).display,
      hasBadge: el.querySelector('[data-otk-badge]') !== null,
    })),
  );
  // The badges' roots are closed: their text is read through DevTools, in card order.
  const roots = await closedRoots(page);
  let n = 0;
  const out: CardView[] = [];
  for (const { hasBadge, ...c } of list)
    out.push({
      ...c,
      badge: hasBadge ? await roots.text('[data-qa="vacancy-serp__vacancy"] [data-otk-badge]', '.b', n++) : null,
    });
  return out;
}

/** Waits until every card on the page carries a verdict (the triage pass after a change is batched). */
async function settled(page: Page, expected?: number) {
  await expect
    .poll(
      async () => {
        const all = await page.locator(CARD).count();
        const judged = await page.locator(`${CARD}[data-otk-verdict]`).count();
        return all > 0 && judged === all && (expected === undefined || all === expected);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

const barText = async (page: Page) =>
  (await closedRoots(page))
    .text('[data-otk-bar]', '.bar')
    .catch(() => '')
    .then((t) => t ?? '');
const toggleHidden = async (page: Page) =>
  (await closedRoots(page)).click('[data-otk-bar]', '[data-otk-action="toggle-hidden"]');

describe('listing triage on the fake hh.ru built from real vacancies', () => {
  let browser: ExtensionBrowser;
  useExtensionOnFakeHh((b) => (browser = b), pythonJuniorSettings);

  it('hides irrelevant cards, keeps relevant ones with badges, and "show all" reveals them', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page);
    const list = await cards(page);
    const hidden = list.filter((c) => c.verdict === 'hide');
    const shown = list.filter((c) => c.verdict === 'show');
    expect(hidden.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);
    for (const c of hidden) expect(c.display, c.title).toBe('none');
    for (const c of list.filter((x) => x.verdict !== 'hide')) {
      expect(c.display, c.title).not.toBe('none');
      expect(c.badge, c.title).toMatch(/^\d{1,3}/);
    }
    // A first-job Python developer: what stays in view is Python work; no Python junior/intern job is hidden.
    expect(
      shown.filter((c) => /python|питон|django|fastapi/i.test(c.title)).length / shown.length,
    ).toBeGreaterThanOrEqual(0.8);
    const juniorPythonDev = (t: string) =>
      /python|питон/i.test(t) &&
      /junior|стаж|intern|младш/i.test(t) &&
      /разработ|developer|программист|backend|бэкенд/i.test(t);
    expect(hidden.filter((c) => juniorPythonDev(c.title))).toEqual([]);
    await expect.poll(() => barText(page)).toContain(`скрыл ${hidden.length} из ${list.length}`);
    await browser.screenshot(page, 'triage-hidden');

    await toggleHidden(page);
    const revealed = await cards(page);
    for (const c of revealed) expect(c.display, c.title).not.toBe('none');
    await expect.poll(() => barText(page)).toContain('скрыть снова');
    await browser.screenshot(page, 'triage-revealed');
    await page.close();
  });

  itWithRealVacancies('follows in-site pagination and cards appended later', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page, 50);
    const firstPage = (await cards(page)).map((c) => c.title);
    await page.locator('a[data-qa="pager-next"]').click();
    await page.waitForURL(/page=1/);
    await settled(page, 50);
    const secondPage = (await cards(page)).map((c) => c.title);
    expect(secondPage).not.toEqual(firstPage);
    await expect.poll(() => barText(page)).toMatch(/из 50 /);

    await page.locator('[data-qa="fake-load-more"]').click();
    await settled(page, 100);
    await expect.poll(() => barText(page)).toMatch(/из 100 /);
    await page.close();
  });

  itWithRealVacancies('re-scores live when the profile changes', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page);
    const before = await cards(page);
    const middle = before.filter((c) => /middle/i.test(c.title) && c.verdict !== 'hide');
    expect(middle.length).toBeGreaterThan(0);
    const s = pythonJuniorSettings();
    s.profile.excludeWords = ['middle'];
    await setSettings(await browser.worker(), s);
    await expect
      .poll(async () => (await cards(page)).filter((c) => /middle/i.test(c.title) && c.verdict !== 'hide').length)
      .toBe(0);
    await setSettings(await browser.worker(), pythonJuniorSettings());
    await page.close();
  });

  it('turning Otklik off restores the page exactly', async () => {
    const worker = await browser.worker();
    const off = pythonJuniorSettings();
    off.enabled = false;
    await setSettings(worker, off);
    const pristine = await browser.newPage();
    await pristine.goto(SEARCH);
    await pristine.waitForSelector(CARD);
    await pristine.waitForTimeout(500); // give a (wrongly) running content script time to act
    const reference = await pristine.evaluate(() => document.documentElement.outerHTML);
    expect(reference).not.toContain('data-otk');

    await setSettings(worker, pythonJuniorSettings());
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page);
    await toggleHidden(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.outerHTML)).not.toBe(reference);
    await setSettings(worker, off);
    await expect.poll(() => page.evaluate(() => document.documentElement.outerHTML)).toBe(reference);

    await setSettings(worker, pythonJuniorSettings()); // and back on: triage resumes without a reload
    await settled(page);
    await pristine.close();
    await page.close();
  });
  it('"not for me" on a card re-scores the page, and the worker keeps it across a reload', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await settled(page);
    const ids = () =>
      page.$$eval(CARD, (els) =>
        els.map((el) => ({
          id:
            el
              .querySelector('a[href*="/vacancy/"]')
              ?.getAttribute('href')
              ?.match(/vacancy\/(\d+)/)?.[1] ?? null,
          verdict: el.getAttribute('data-otk-verdict'),
          badged: el.querySelector('[data-otk-badge]') !== null,
        })),
      );
    const before = await ids();
    const target = before.findIndex((c) => c.verdict === 'show' && c.badged && c.id);
    expect(target).toBeGreaterThanOrEqual(0);
    const id = before[target]!.id!;
    const badgeIndex = before.slice(0, target).filter((c) => c.badged).length;
    const roots = await closedRoots(page);
    await roots.click(`${CARD} [data-otk-badge]`, '[data-otk-fb="not"]', badgeIndex);
    await expect.poll(async () => (await ids()).find((c) => c.id === id)?.verdict, { timeout: 15_000 }).toBe('hide');
    await page.reload();
    await settled(page);
    await expect.poll(async () => (await ids()).find((c) => c.id === id)?.verdict, { timeout: 15_000 }).toBe('hide');
    await page.close();
  });
});
