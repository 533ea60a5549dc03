import type { Page } from 'playwright-core';

/**
 * A probe in the page's main world (before any page script): after every frame is painted (a rAF callback posts a
 * message; the message runs once that frame is on screen) it notes which cards were visible — rendered, not
 * `visibility: hidden`, not `display: none` — with the verdict they carried then. Sampling after paint is
 * conservative: a card inserted between the paint and the sample counts as painted. It also sums the page's
 * layout shifts (Layout Instability API, shifts without recent input).
 */
export async function installPaintProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __probe: { frames: number; painted: Record<string, string>; cls: number; stop: boolean };
    };
    const probe = (w.__probe = { frames: 0, painted: {} as Record<string, string>, cls: 0, stop: false });
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      probe.frames++;
      for (const card of document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')) {
        const visible = (card as Element & { checkVisibility(o: object): boolean }).checkVisibility({
          visibilityProperty: true,
        });
        const id = card.querySelector('div[id]')?.id;
        if (visible && id && !(id in probe.painted))
          probe.painted[id] = card.getAttribute('data-otk-verdict') ?? 'none';
      }
      if (!probe.stop) requestAnimationFrame(tick);
    };
    const tick = () => ch.port2.postMessage(0);
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) probe.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export interface ProbeResult {
  frames: number;
  /** Card id → its verdict when it was first seen painted ('none' = painted before any verdict). */
  painted: Record<string, string>;
  cls: number;
  /** Final verdict per card id. */
  verdicts: Record<string, string | null>;
}

export async function readProbe(page: Page): Promise<ProbeResult> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __probe: { frames: number; painted: Record<string, string>; cls: number; stop: boolean };
    };
    w.__probe.stop = true;
    const verdicts: Record<string, string | null> = {};
    for (const card of document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')) {
      const id = card.querySelector('div[id]')?.id;
      if (id) verdicts[id] = card.getAttribute('data-otk-verdict');
    }
    return { frames: w.__probe.frames, painted: { ...w.__probe.painted }, cls: w.__probe.cls, verdicts };
  });
}

/** Cards whose final verdict is "hide" that were ever painted. */
export function hiddenPainted(r: ProbeResult): string[] {
  return Object.keys(r.painted).filter((id) => r.verdicts[id] === 'hide');
}
