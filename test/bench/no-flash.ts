/**
 * Issue 18, side by side in one run on the realistic fake hh.ru (hh's escaped state, 20 cards server-rendered and
 * 30 by the page's script after load, the list on the first screen of a 1280×900 view): per row, Otklik on and
 * off on the same page —
 *  - hidden cards painted (paint probe: after every frame, which cards were visible; target 0) and cards painted
 *    before their verdict;
 *  - cumulative layout shift (Layout Instability API in the page, shifts without recent input), on vs off;
 *  - Otklik's main-thread share of the page's load work: a CPU profile (CDP Profiler, 200 µs samples) from the
 *    navigation until the page settled; every non-idle sample is the page's load work (hh's parser, its
 *    script, style, layout, paint: V8 labels native work "(program)"), and a sample whose stack holds a frame of
 *    the extension's code is Otklik's (its script evaluation at document_start, the state hand-over, the first
 *    pass, the badges below the first screen, the messages, and the DOM calls it makes, style/layout forced by
 *    them included). The style and layout Blink runs later for Otklik's writes land in "(program)" of the
 *    page: the on−off difference of the total is printed as a check on that. Sampling slows JS a little (it
 *    overstates both sides alike);
 *  - the first pass's page script (DOMContentLoaded → verdicts drawn, without waiting for the worker; the badges
 *    below the first screen are drawn in the next task: they are in the CPU share, not in this figure);
 * on the state path and on the DOM fallback (`otk_state=none`), worker awake and asleep (stopped through CDP
 * before the load), and for a profile that hides most cards and one that hides few. Needs a build
 * (.output/chrome-mv3, or OTKLIK_OUT_DIR's).
 *   npx tsx test/bench/no-flash.ts [runs]
 */
import type { Page } from 'playwright-core';
import { startFakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from '../e2e/browser';
import { hiddenPainted, installPaintProbe, readProbe } from '../e2e/paint-probe';
import { pythonJuniorSettings, pythonMiddleSettings } from '../e2e/profiles';
import type { Settings } from '../../lib/core/settings/schema';
import { isEntry } from './shared';

const BASE = 'https://hh.ru/search/vacancy?text=python&otk_ssr=20';
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/** Non-idle main-thread time and the part of it under the extension's code, from a CPU profile (ms). */
function share(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): {
  total: number;
  ours: number;
} {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const oursMemo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = oursMemo.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const p = parent.get(id);
    const v = n.callFrame.url.startsWith('chrome-extension://') || (p !== undefined && isOurs(p));
    oursMemo.set(id, v);
    return v;
  };
  let total = 0;
  let ours = 0;
  // timeDeltas[k] is the time between sample k-1 and k: sample k stands for the interval after it.
  profile.samples.forEach((id, k) => {
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const n = byId.get(id)!;
    const name = (n.callFrame as { functionName?: string }).functionName;
    if (name === '(idle)') return;
    total += dt;
    if (isOurs(id)) ours += dt;
  });
  return { total, ours };
}

async function settle(page: Page, on: boolean) {
  await page.waitForFunction(
    (judged) => {
      const cards = [...document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')];
      return (
        cards.length === 50 &&
        document.readyState === 'complete' &&
        (!judged || cards.every((c) => c.hasAttribute('data-otk-verdict')))
      );
    },
    on,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(400); // a few more frames for the probe (a benchmark, not a test)
}

interface Tab {
  url: string;
  firstPassMs?: number;
  gate?: string;
  hidden?: number;
  source?: { state: number; dom: number };
}

async function one(browser: ExtensionBrowser, url: string, on: boolean, asleep: boolean, profiled: boolean) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (asleep) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  await installPaintProbe(page);
  await page.bringToFront();
  if (profiled) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  await settle(page, on);
  const profile = profiled
    ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof share>[0] }).profile
    : null;
  const probe = await readProbe(page);
  const tab = on
    ? await (
        await browser.worker()
      ).evaluate(async (u) => {
        const all =
          ((await chrome.storage.session.get('tabTriage')) as { tabTriage?: Record<string, Tab> }).tabTriage ?? {};
        return (
          Object.values(all)
            .filter((t) => t.url === u)
            .at(-1) ?? null
        );
      }, url)
    : null;
  await page.close();
  const cpu = profile ? share(profile) : { total: NaN, ours: NaN };
  return {
    frames: probe.frames,
    hidden: Object.values(probe.verdicts).filter((v) => v === 'hide').length,
    painted: hiddenPainted(probe).length,
    unjudged: Object.values(probe.painted).filter((v) => v === 'none').length,
    cls: probe.cls,
    firstPassMs: tab?.firstPassMs ?? NaN,
    gate: tab?.gate ?? '-',
    source: tab?.source ?? null,
    ...cpu,
  };
}

type Run = Awaited<ReturnType<typeof one>>;

export async function main(runs = 5) {
  const fake = await startFakeHh({ port: 0, quiet: true });
  const browser = await launchExtensionBrowser({ fakePort: fake.port });
  const head =
    '| profile | path | worker | hidden | hidden painted (on) | painted unjudged (on) | CLS on / off | first pass ms (median, min) | Otklik CPU ms on / off | page load CPU ms on / off | Otklik share on / off | gate lifted |';
  const rows: string[] = [head, head.replace(/[^|]+/g, '---')];
  const cases: Array<[string, () => Settings, string, boolean]> = [
    ['many hidden', pythonJuniorSettings, 'state', false],
    ['many hidden', pythonJuniorSettings, 'state', true],
    ['many hidden', pythonJuniorSettings, 'dom', false],
    ['many hidden', pythonJuniorSettings, 'dom', true],
    ['few hidden', pythonMiddleSettings, 'state', false],
    ['few hidden', pythonMiddleSettings, 'dom', false],
  ];
  console.log(head);
  try {
    for (const [label, settings, path, asleep] of cases) {
      const url = path === 'state' ? BASE : `${BASE}&otk_state=none`;
      const by: Record<'on' | 'off' | 'cpu', Run[]> = { on: [], off: [], cpu: [] };
      // Interleaved loads, so a slow patch of the shared VM hits all: Otklik on (timed, not profiled: sampling
      // slows script), on with a CPU profile, off with a CPU profile (CLS and paint are read in all of them).
      for (let i = -1; i < runs; i++) {
        for (const [key, on, profiled] of [
          ['on', true, false],
          ['cpu', true, true],
          ['off', false, true],
        ] as const) {
          const s = settings();
          s.enabled = on;
          await setSettings(await browser.worker(), s);
          const r = await one(browser, `${url}&run=${i}${asleep ? 'a' : 'w'}${key}`, on, asleep && i >= 0, profiled);
          if (i >= 0) by[key].push(r); // the first round warms the browser up
        }
      }
      const { on, off, cpu } = by;
      const gates: Record<string, number> = {};
      for (const r of on) gates[r.gate] = (gates[r.gate] ?? 0) + 1;
      const m = (rs: Run[], k: 'total' | 'ours') => median(rs.map((r) => r[k]));
      const pct = (rs: Run[]) => median(rs.map((r) => (100 * r.ours) / r.total));
      const src = on[0]?.source ? ` (${on[0].source.state}/${on[0].source.dom} state/dom)` : '';
      rows.push(
        `| ${label} | ${path}${src} | ${asleep ? 'asleep' : 'awake'} | ${median(on.map((r) => r.hidden))}/50 | ${on.reduce((a, r) => a + r.painted, 0)} of ${runs} loads | ${on.reduce((a, r) => a + r.unjudged, 0)} | ` +
          `${f(median(on.map((r) => r.cls)), 3)} / ${f(median(off.map((r) => r.cls)), 3)} | ${f(median(on.map((r) => r.firstPassMs)))} (${f(Math.min(...on.map((r) => r.firstPassMs)))}) | ` +
          `${f(m(cpu, 'ours'))} / ${f(m(off, 'ours'))} | ${f(m(cpu, 'total'), 0)} / ${f(m(off, 'total'), 0)} | ${f(pct(cpu))} % / ${f(pct(off))} % | ${JSON.stringify(gates)} |`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    await browser.close();
    await fake.close();
  }
  return rows;
}

if (isEntry(import.meta.url)) void main(Number(process.argv[2] ?? 5));
