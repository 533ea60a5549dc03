/**
 * What loading the listing content script costs a page, before any triage: Chromium evaluates it at
 * document_start on every hh page, compiling it (every function at once: the compile hint in wxt.config.ts) and
 * running its top level (module set-up, zod schemas, the script context). Read off a DevTools trace of the load,
 * as main-thread CPU time (`tdur`): wall time on this shared 2-core VM includes time the thread was not running.
 */
import type { Page } from 'playwright-core';

/** One load's figures (`T` = number), or their statistics over many loads. */
export interface ScriptLoad<T = number> {
  /** The whole evaluation, main-thread CPU ms. */
  cpuMs: T;
  /** Of it, compiling (near 0 when the renderer still has the script compiled, e.g. a reload in the same tab). */
  compileMs: T;
  /** Of it, running the top-level code. */
  runMs: T;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** Traces `load` (a navigation of `page`) and returns the cost of evaluating the script whose URL ends with `script`. */
export async function traceScriptLoad(
  page: Page,
  script: string,
  load: () => Promise<void>,
): Promise<ScriptLoad | null> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types trace events as plain objects; these are the fields read below.
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  try {
    await load();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  const evaluation = events.find(
    (e) => e.ph === 'X' && e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').endsWith(script),
  );
  if (!evaluation?.dur || evaluation.tdur === undefined) return null;
  const end = evaluation.ts + evaluation.dur;
  const within = (name: string) =>
    events
      .filter(
        (e) =>
          e.ph === 'X' &&
          e.name === name &&
          e.pid === evaluation.pid &&
          e.tid === evaluation.tid &&
          e.ts >= evaluation.ts &&
          e.ts + (e.dur ?? 0) <= end,
      )
      .reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  return { cpuMs: evaluation.tdur / 1000, compileMs: within('v8.compile'), runMs: within('v8.run') };
}
