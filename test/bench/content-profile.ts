/**
 * Where the listing content script's first pass spends its time: a CPU profile (Chrome DevTools Protocol) of
 * fresh loads of the real saved 50-card page, self time summed per function of content-scripts/hh.js.
 * Build unminified for readable names: OTKLIK_PROFILE=1 OTKLIK_OUT_DIR=/tmp/otk-prof npx wxt build
 *   OTKLIK_OUT_DIR=/tmp/otk-prof npx tsx test/bench/content-profile.ts [loads]
 */
import { readFileSync } from 'node:fs';
import { startFakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings } from '../e2e/browser';
import { pythonJuniorSettings } from '../e2e/profiles';
import { isEntry, sharedFile } from './shared';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

export async function main(loads = 10): Promise<void> {
  const fake = await startFakeHh({ port: 0, quiet: true });
  const browser = await launchExtensionBrowser({ fakePort: fake.port });
  const self = new Map<string, number>();
  /** OTKLIK_LINES=1: also the hottest source lines of the extension's code (samples per line). */
  const lines = new Map<number, number>();
  let total = 0;
  try {
    await setSettings(await browser.worker(), pythonJuniorSettings());
    const url = 'https://hh.ru/search/vacancy?text=python&otk_bench=1';
    const html = readFileSync(sharedFile('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html'), 'utf8');
    await browser.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await browser.context.route(/^https:\/\/(?!hh\.ru\/)/, (route) => route.abort());
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('[data-otk-bar]', { state: 'attached', timeout: 20_000 });
      await page.waitForTimeout(300);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => {
        const n = byId.get(id)!;
        const dt = (profile.timeDeltas[k] ?? 0) / 1000;
        const f = n.callFrame;
        if (!f.url.includes('chrome-extension://')) {
          if (f.url === '' && (f.functionName === '(program)' || f.functionName === '(idle)')) return;
        }
        const key = f.url.includes('chrome-extension://')
          ? `${f.functionName || '(anon)'} ${f.url.replace(/.*\//, '')}:${f.lineNumber + 1}`
          : `[page/native] ${f.functionName || '(anon)'}`;
        self.set(key, (self.get(key) ?? 0) + dt);
        if (f.url.includes('chrome-extension://')) total += dt;
        if (f.url.endsWith('/hh.js'))
          for (const t of n.positionTicks ?? []) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
      });
      await page.close();
    }
    console.log(
      `self time per function over ${loads} loads (ms per load); extension code total ${(total / loads).toFixed(2)} ms`,
    );
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45))
      console.log(`${(v / loads).toFixed(2).padStart(7)}  ${k}`);
    if (process.env['OTKLIK_LINES']) {
      const src = readFileSync(
        `${process.env['OTKLIK_OUT_DIR'] ?? '.output'}/chrome-mv3/content-scripts/hh.js`,
        'utf8',
      ).split('\n');
      console.log('hottest lines of hh.js (samples over all loads):');
      for (const [line, ticks] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 40))
        console.log(`${String(ticks).padStart(6)}  ${line}: ${(src[line - 1] ?? '').trim().slice(0, 110)}`);
    }
  } finally {
    await browser.close();
    await fake.close();
  }
}

if (isEntry(import.meta.url)) void main(Number(process.argv[2]) || 10);
