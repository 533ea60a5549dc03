/**
 * Issue 18, side by side in one run on the realistic fake hh.ru (hh's escaped state, 20 cards server-rendered and
 * 30 by the page's script after load; Python-junior profile): hidden cards painted (paint probe), cumulative
 * layout shift with Otklik on vs off, the first pass's page script time, where the verdicts came from and why the
 * gate was lifted — on the state path and on the DOM fallback (`otk_state=none`), worker awake and asleep
 * (stopped through CDP before the load). Needs a build (.output/chrome-mv3).
 *   npx tsx test/bench/no-flash.ts [runs]
 */
import type { Page } from 'playwright-core';
import { startFakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from '../e2e/browser';
import { hiddenPainted, installPaintProbe, readProbe } from '../e2e/paint-probe';
import { pythonJuniorSettings } from '../e2e/profiles';

const BASE = 'https://hh.ru/search/vacancy?text=python&otk_ssr=20';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]! * 1000) / 1000 : NaN;
};

async function settle(page: Page, on: boolean) {
  await page.waitForFunction((judged) => {
    const cards = [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')];
    return cards.length === 50 && document.readyState === 'complete' && (!judged || cards.every((c) => c.hasAttribute('data-otk-verdict')));
  }, on, { timeout: 20_000 });
  await page.waitForTimeout(400); // a few more frames for the probe (a benchmark, not a test)
}

async function one(browser: ExtensionBrowser, url: string, on: boolean, asleep: boolean) {
  const page = await browser.newPage();
  if (asleep) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  await installPaintProbe(page);
  await page.bringToFront();
  await page.goto(url);
  await settle(page, on);
  const probe = await readProbe(page);
  const tab = on
    ? await (await browser.worker()).evaluate(async (u) => {
        const all = ((await chrome.storage.session.get('tabTriage')) as { tabTriage?: Record<string, { url: string; firstPassMs?: number; gate?: string; source?: { state: number; dom: number } }> }).tabTriage ?? {};
        return Object.values(all).filter((t) => t.url === u).at(-1) ?? null;
      }, url)
    : null;
  await page.close();
  return { frames: probe.frames, painted: hiddenPainted(probe).length, unjudged: Object.values(probe.painted).filter((v) => v === 'none').length, cls: probe.cls, firstPassMs: tab?.firstPassMs ?? NaN, gate: tab?.gate ?? '-', source: tab?.source ?? null };
}

export async function main(runs = 5) {
  const fake = await startFakeHh({ port: 0, quiet: true });
  const browser = await launchExtensionBrowser({ fakePort: fake.port });
  const rows: string[] = [];
  try {
    for (const [label, url] of [['state', BASE], ['dom fallback', `${BASE}&otk_state=none`]] as const) {
      for (const asleep of [false, true]) {
        for (const on of [true, false]) {
          const s = pythonJuniorSettings();
          s.enabled = on;
          await setSettings(await browser.worker(), s);
          await one(browser, url, on, false); // warm-up load (also wakes the worker)
          const rs = [];
          for (let i = 0; i < runs; i++) rs.push(await one(browser, `${url}&run=${i}${asleep ? 'a' : 'w'}${on ? 1 : 0}`, on, asleep));
          const gates: Record<string, number> = {};
          for (const r of rs) gates[r.gate] = (gates[r.gate] ?? 0) + 1;
          // No painted frame seen: the page was never rendered (a background tab), so no paint or shift figure exists.
          const paintNa = median(rs.map((r) => r.frames)) === 0;
          rows.push(
            `${label.padEnd(12)} worker ${asleep ? 'asleep' : 'awake '} Otklik ${on ? 'on ' : 'off'} | ${paintNa ? 'paint/CLS: n/a (page not rendered, probe saw no frame)' : `hidden cards painted (sum of ${runs}) ${rs.reduce((a, r) => a + r.painted, 0)}, painted before a verdict ${on ? rs.reduce((a, r) => a + r.unjudged, 0) : '-'} | CLS median ${median(rs.map((r) => r.cls)).toFixed(3)}`} | first pass ${on ? `${median(rs.map((r) => r.firstPassMs))} ms` : '-'} | gate ${on ? JSON.stringify(gates) : '-'} | probe frames ${median(rs.map((r) => r.frames))} | cards from state/dom ${on ? `${rs[0]?.source?.state ?? 0}/${rs[0]?.source?.dom ?? 0}` : '-'}`,
          );
          console.log(rows.at(-1));
        }
      }
    }
  } finally {
    await browser.close();
    await fake.close();
  }
  return rows;
}

if (process.argv[1]?.endsWith('no-flash.ts')) void main(Number(process.argv[2] ?? 5));
