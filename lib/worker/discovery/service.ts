import { browser } from '#imports';
import { getDb } from '../db';
import type { JobState, VacancySnapshot } from '../../core/db/schema';
import { fetchHtmlPage, type FetchedPage } from '../../core/hh/html-page';
import { fetchResumes, pickDefaultResume } from '../../core/hh/resumes';
import { uiLang } from '../../core/i18n/lang';
import { blockedBecause, runRound, type RoundDeps } from './round';
import { getState } from './store';
import type { RoundSummary } from '../../core/db/discovery-rows';
import { getTelegramToken } from '../../core/notify/token';
import type { Settings } from '../../core/settings/schema';
import { getSettings, updateSettings, watchSettings } from '../../core/settings/store';
import type { DiscoveryMessageDeps } from './handlers';
import { tell } from '../notify/tell';

/**
 * Discovery in the service worker: one alarm ('otklik-discovery') every `intervalMinutes`; a round per wake
 * (never two at once in this worker). Pacing sleeps are plain timers: a round is a few pages, well within the
 * worker's lifetime while it has fetches in flight. A round killed midway loses nothing: what was judged is
 * remembered page by page, the rest is looked at next time.
 */
export const DISCOVERY_ALARM = 'otklik-discovery';

const log = (...a: unknown[]) => console.info('[otklik:discovery]', ...a);
const fetchPage = (url: string): Promise<FetchedPage> => fetchHtmlPage((i, init) => fetch(i, init), url);

async function resumeHash(s: Settings): Promise<string | null> {
  const chosen = s.discovery.resumeHash ?? s.apply.defaultResumeHash;
  if (chosen) return chosen;
  const r = await fetchResumes((i, init) => fetch(i, init));
  return r.ok ? (pickDefaultResume(r.resumes)?.hash ?? null) : null;
}

let running: Promise<{ ran: boolean; why?: string; summary?: RoundSummary }> | null = null;
export const isRunning = () => running !== null;

/** A round now, unless one is running or discovery may not run (off, paused, backing off). */
export function runDiscoveryNow(
  enqueue: (v: VacancySnapshot) => Promise<{ state: string; reason?: string }>,
  opts: { force?: boolean } = {},
): Promise<{ ran: boolean; why?: string; summary?: RoundSummary }> {
  if (running) return running.then(() => ({ ran: false, why: 'a round was already running' }));
  running = (async () => {
    const settings = await getSettings();
    const db = getDb();
    const why = blockedBecause(settings, await getState(db), Date.now());
    // "Check now" may ignore a backoff (the user asked), never a pause or the switch.
    if (why && !(opts.force && !(await getState(db)).pause && settings.enabled && settings.discovery.enabled))
      return { ran: false, why };
    const lang = uiLang();
    const deps: RoundDeps = {
      db,
      now: Date.now,
      random: Math.random,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      fetchPage,
      resumeHash,
      enqueue,
      notify: (kind, text) =>
        tell({
          kind: kind === 'paused' ? 'queuePaused' : 'strongMatches',
          id: kind === 'paused' ? 'otklik-discovery-paused' : `otklik-discovery-${Date.now()}`,
          title: text.title,
          message: text.message,
          ...(text.strong?.length === 1 ? { url: text.strong[0]!.url } : {}),
        }).then(() => undefined),
      lang,
      ...(settings.debug ? { log } : {}),
    };
    const summary = await runRound(deps, settings);
    if (settings.debug)
      log(
        `round ${summary.outcome}: ${summary.pages} pages, ${summary.fresh} new, ${summary.suggested} suggested, ${summary.queued} queued`,
      );
    return { ran: true, summary };
  })()
    .catch((e: unknown) => {
      console.warn('[otklik:discovery] round failed', e);
      return { ran: false, why: e instanceof Error ? e.message : String(e) };
    })
    .finally(() => {
      running = null;
    });
  return running;
}

/** Arms (or clears) the periodic alarm from the settings; keeps an existing alarm with the same period. */
export async function armDiscovery(s?: Settings): Promise<void> {
  const settings = s ?? (await getSettings());
  const on = settings.enabled && settings.discovery.enabled;
  const existing = await browser.alarms.get(DISCOVERY_ALARM);
  if (!on) {
    if (existing) await browser.alarms.clear(DISCOVERY_ALARM);
    return;
  }
  const period = settings.discovery.intervalMinutes;
  if (existing && existing.periodInMinutes === period) return;
  // First round soon after turning it on, then every `period` minutes.
  await browser.alarms.create(DISCOVERY_ALARM, { delayInMinutes: 1, periodInMinutes: period });
}

export async function nextDiscoveryAt(): Promise<number | null> {
  return (await browser.alarms.get(DISCOVERY_ALARM))?.scheduledTime ?? null;
}

/** Registers the alarm listener and keeps the alarm in step with the settings. Call synchronously at start. */
export function registerDiscovery(enqueue: (v: VacancySnapshot) => Promise<{ state: string; reason?: string }>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DISCOVERY_ALARM) void runDiscoveryNow(enqueue);
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('otklik-discovery')) return;
    void browser.action.openPopup?.().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
    void browser.notifications.clear(id);
  });
  const arm = (s?: Settings) =>
    void armDiscovery(s).catch((e: unknown) => console.warn('[otklik:discovery] cannot arm the alarm', e));
  watchSettings(arm);
  arm();
}

/** The runtime side of the discovery message handlers. */
export function discoveryDeps(
  enqueue: (v: VacancySnapshot) => Promise<{ state: JobState; reason?: string }>,
): DiscoveryMessageDeps {
  return {
    db: getDb,
    now: Date.now,
    settings: getSettings,
    updateSettings,
    run: () => runDiscoveryNow(enqueue, { force: true }),
    running: isRunning,
    nextRunAt: nextDiscoveryAt,
    rearm: () => armDiscovery(),
    enqueue,
    telegramToken: getTelegramToken,
    telegram: { fetch: (i, init) => fetch(i, init) },
  };
}
