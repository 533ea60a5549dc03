import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setSettings, useExtensionOnFakeHh, type ExtensionBrowser } from './browser';
import { hiddenPainted, installPaintProbe, readProbe } from './paint-probe';
import { closedRoots } from './closed-root';
import { pythonJuniorSettings } from './profiles';
import { describeWithRealVacancies } from '../shared-fixtures';

/**
 * Issue 18 on the realistic fake: hh's raw answer (escaped state), 20 cards server-rendered and 30 rendered by the
 * page's script after load. "Painted" is observed by a probe in the page (paint-probe.ts: after every frame, which
 * cards were visible and with which verdict), not by timing.
 */
const CARD = '[data-qa="vacancy-serp__vacancy"]';
const SEARCH = 'https://hh.ru/search/vacancy?text=python&otk_ssr=20';

/** All 50 cards present and judged, then a few more painted frames for the probe. */
async function settled(page: Page, count = 50) {
  await page.waitForFunction((n) => {
    const cards = [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')];
    return cards.length === n && cards.every((c) => c.hasAttribute('data-otk-verdict'));
  }, count, { timeout: 20_000 });
  const f = await page.evaluate(() => (window as unknown as { __probe: { frames: number } }).__probe.frames);
  await page.waitForFunction((n) => (window as unknown as { __probe: { frames: number } }).__probe.frames > n + 3, f, { timeout: 10_000 });
}

async function settledNoProbe(page: Page) {
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')];
    return cards.length === 50 && cards.every((c) => c.hasAttribute('data-otk-verdict')) && document.readyState === 'complete';
  }, undefined, { timeout: 20_000 });
}

const SHOWN_BADGE = `${CARD}[data-otk-verdict="show"] [data-otk-badge]`;
/** The text of each shown card's badge, with the id of its card (badges live in closed roots: read through DevTools). */
async function badges(page: Page): Promise<string[]> {
  return (await badgesById(page)).map((b) => b.text);
}
async function badgesById(page: Page): Promise<Array<{ id: string; text: string }>> {
  const roots = await closedRoots(page);
  const ids = await page.$$eval(SHOWN_BADGE, (els) => els.map((e) => e.closest('[data-qa="vacancy-serp__vacancy"]')?.querySelector('div[id]')?.id ?? ''));
  const out: Array<{ id: string; text: string }> = [];
  for (let i = 0; i < ids.length; i++) out.push({ id: ids[i]!, text: (await roots.text(SHOWN_BADGE, undefined, i)) ?? '' });
  return out;
}

// 50 python cards a page and a second page: the real corpus (the repo's demo set has too few).
describeWithRealVacancies('no hidden card is ever painted; hh signals on badges', () => {
  let browser: ExtensionBrowser;
  useExtensionOnFakeHh((b) => (browser = b), pythonJuniorSettings);

  it('a fresh search, 30 of 50 cards rendered by script: no hidden card painted, none painted unjudged (CLS printed)', async () => {
    // The worker awake (a page before this one woke it): a cold worker's first answer may miss the bound, and
    // then the page fails open (the last test).
    const warm = await browser.newPage();
    await warm.goto('https://hh.ru/search/vacancy?text=java');
    await warm.waitForFunction(() => document.querySelector('[data-otk-verdict]') !== null, undefined, { timeout: 20_000 });
    await warm.close();
    const page = await browser.newPage();
    await installPaintProbe(page);
    await page.goto(SEARCH);
    await settled(page);
    const on = await readProbe(page);
    const timing = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return { dcl: Math.round(n.domContentLoadedEventStart), fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1) }; });
    const tab = await (await browser.worker()).evaluate(async () => JSON.stringify(Object.values(((await chrome.storage.session.get('tabTriage')) as { tabTriage?: Record<string, unknown> }).tabTriage ?? {}).at(-1)));
    console.log(`[no-flash] ${JSON.stringify(timing)} ${tab}`);
    const hidden = Object.values(on.verdicts).filter((v) => v === 'hide').length;
    expect(hidden).toBeGreaterThan(0);
    expect(hiddenPainted(on)).toEqual([]);
    expect(Object.entries(on.painted).filter(([, v]) => v === 'none')).toEqual([]);
    // hh's signals from the state: competition on every shown card's badge.
    const texts = await badges(page);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/\d+ отклик/);

    const s = pythonJuniorSettings();
    s.enabled = false;
    await setSettings(await browser.worker(), s);
    const off = await browser.newPage();
    await installPaintProbe(off);
    await off.goto(SEARCH);
    await off.waitForFunction(() => document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]').length === 50);
    await off.waitForFunction(() => (window as unknown as { __probe: { frames: number } }).__probe.frames > 10);
    const offProbe = await readProbe(off);
    console.log(`[no-flash] hidden ${hidden}/50, painted while hidden ${hiddenPainted(on).length}, CLS on ${on.cls.toFixed(4)} vs off ${offProbe.cls.toFixed(4)}`);
    // Known gap (issue 18 report): the summary bar still moves the list by its height on the first draw
    // (CLS ~0.25 here vs ~0.02 without Otklik); the figure is printed above, not asserted.
    expect(on.cls).toBeGreaterThanOrEqual(0);
    await setSettings(await browser.worker(), pythonJuniorSettings());
    await off.close();
    await page.close();
  });

  it('after client-side navigation the state is stale: the new cards are read from their DOM (no hh signals), still judged', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH.replace('otk_ssr=20', 'otk_ssr=50'));
    await settledNoProbe(page);
    const first = await page.$$eval(`${CARD} div[id]`, (els) => els.map((e) => e.id));
    await page.locator('a[data-qa="pager-next"]').click();
    await page.waitForFunction((old) => {
      const cards = [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')];
      return location.search.includes('page=1') && cards.some((c) => !old.includes(c.querySelector('div[id]')?.id ?? '')) && cards.every((c) => c.hasAttribute('data-otk-verdict'));
    }, first, { timeout: 20_000 });
    expect(page.url()).toContain('page=1');
    const fresh = (await badgesById(page)).filter((b) => !first.includes(b.id)).map((b) => b.text);
    for (const t of fresh) expect(t).not.toBe(''); // the badge was read
    expect(fresh.length).toBeGreaterThan(0);
    for (const t of fresh) expect(t).not.toMatch(/\d+ отклик/);
    await page.close();
  });

  it('fails open with the worker stopped: the cards show (judged or as hh made them), nothing stays held back', async () => {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto(SEARCH);
    await page.waitForFunction(() => document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]').length === 50, undefined, { timeout: 20_000 });
    // Held back = unpainted without a verdict; the gate's bound releases them whatever the worker does.
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-otk-gate') &&
      [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')].every((c) => c.hasAttribute('data-otk-verdict') || getComputedStyle(c).visibility === 'visible'), undefined, { timeout: 10_000 });
    await page.close();
  });
});
