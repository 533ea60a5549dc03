import { browser } from '#imports';
import { getDb } from '../db';
import type { Job, PauseState } from '../../core/db/schema';
import { createApplyClient } from '../../core/hh/apply-client';
import { fetchNegotiationsPage } from '../../core/hh/negotiations';
import { hhHomeUrl } from '../../core/hh/urls';
import { drainUntilWait, jobOpenUrl, queueConfigFromSettings, readResponses, type Notifier, type StepResult } from '.';
import { ACTIVE_STATES } from './states';
import { getSettings } from '../../core/settings/store';
import { readCookie } from '../platform/cookies';
import { notificationIcon, tell } from '../notify/tell';
import { signalMemory } from '../triage/hh-signals';
import { draftLetters } from '../letters/service';

/**
 * The queue's life in the service worker: one named alarm wakes the worker, each wake drains until the
 * queue has to wait (pacing, pause, cap, quiet hours, nothing due) and re-arms the alarm for that time.
 *
 * Nothing lives only in this module: the worker may be killed at any await. Before each POST the alarm is
 * armed at the claim's lease expiry, so a worker killed mid-request is woken again and recovers the job
 * (lib/worker/queue/claim.ts). The in-memory `running` guard only stops two drains of the SAME worker from
 * overlapping (an alarm firing during a long drain); across workers the lease is what counts.
 */

export const QUEUE_ALARM = 'otklik-queue';
/**
 * While anything waits, a periodic wake-up too: alarms are set in wall time, so after the clock is set back a
 * wake-up may lie hours ahead. This one makes the drain look (and rebase its times, lib/worker/queue/clock.ts) within
 * minutes of any jump.
 */
export const QUEUE_WATCHDOG = 'otklik-queue-watchdog';
const WATCHDOG_MINUTES = 5;

/** Unique per worker lifetime: a restarted worker never mistakes its predecessor's lease for its own. */
const OWNER = `sw-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const log = (...a: unknown[]) => console.info('[otklik:queue]', ...a);

/** Arms the wake-up (the alarm API rounds tiny delays up: ~1 s unpacked, 30 s packed). null = none needed. */
export async function scheduleWake(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(QUEUE_ALARM);
    await browser.alarms.clear(QUEUE_WATCHDOG);
    return;
  }
  await browser.alarms.create(QUEUE_ALARM, { when: Math.max(at, Date.now() + 100) });
  if (!(await browser.alarms.get(QUEUE_WATCHDOG)))
    await browser.alarms.create(QUEUE_WATCHDOG, { periodInMinutes: WATCHDOG_MINUTES });
}

export const notifier: Notifier = {
  async paused(pause: PauseState) {
    // Browser and/or Telegram, as the user chose for "queue paused" (issue 7).
    await tell({
      kind: 'queuePaused',
      id: 'otklik-paused',
      title: 'Otklik: apply queue paused',
      message: pause.message,
    });
  },
  async needsUser(job: Job) {
    const q = job.questionnaire;
    const questions =
      q && q.unknown > 0
        ? `answer the employer's questions (${q.unknown} of ${q.total} not in your answer bank)`
        : "answer the employer's questions";
    const why =
      job.reason === 'test_required'
        ? questions
        : job.reason === 'letter_required'
          ? 'a cover letter is required'
          : job.reason === 'no_auto_response'
            ? 'the employer does not accept automatic applications: confirm it in Otklik to send it'
            : "apply on the employer's site";
    await browser.notifications.create(`otklik-job-${job.id}`, {
      type: 'basic',
      iconUrl: notificationIcon(),
      title: 'Otklik: a vacancy needs you',
      message: `${job.vacancy.title} — ${job.vacancy.employer?.name ?? ''}: ${why}.`,
    });
  },
};

let running: Promise<void> | null = null;
let rerun = false;

/**
 * Drains until the queue has to wait, then re-arms the alarm. A call during a drain makes the drain run once
 * more when it ends (it may have read the state before the change that prompted the call, e.g. a resume).
 */
export function drainStep(): Promise<void> {
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    do {
      rerun = false;
      await drainOnceAndRearm();
    } while (rerun);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function drainOnceAndRearm(): Promise<void> {
  try {
    const settings = await getSettings();
    const config = queueConfigFromSettings(settings);
    // Safety net first: if this worker is killed anywhere below (before a claim arms the lease wake-up, or
    // between two jobs), this alarm starts the next worker's drain.
    await scheduleWake(Date.now() + config.leaseMs + 1_000);
    const client = createApplyClient({
      fetch: (i, init) => fetch(i, init),
      readCookie,
      timeoutMs: config.requestTimeoutMs,
    });
    const { steps, stop } = await drainUntilWait(
      {
        db: getDb(),
        client,
        now: Date.now,
        // Wall-clock jumps are measured against it and the queue's times rebased (lib/worker/queue/clock.ts).
        mono: () => performance.now(),
        random: Math.random,
        owner: OWNER,
        notifier,
        // If we die mid-request, this wakes the next worker right after the lease expires.
        onClaimed: (job) => scheduleWake(job.leaseUntil + 500),
        // The employer and vacancy id are read from hh before the first POST, never taken from the page.
        verifyVacancy: true,
        // Where hh's vacancy page is silent (automatic applications, a required letter): hh's search state, as this worker read it.
        knownSignals: (id) => signalMemory.vacancy(id),
        // A vacancy hh says needs a letter went to review without one: write it (the template when no model is set).
        onLetterNeeded: () => void draftLetters(() => void drainStep()),
        // An answer hh gave that was not understood is settled by reading hh's responses list with the session.
        checkResponses: () =>
          readResponses((page) =>
            fetchNegotiationsPage((i, init) => fetch(i, init), { page, timeoutMs: config.requestTimeoutMs * 2 }),
          ),
      },
      config,
      { maxJobs: settings.apply.fast ? 100 : 5, maxMs: 25_000 },
    );
    if (settings.debug) for (const s of steps) log(describeStep(s));
    await scheduleWake(stop.kind === 'budget' ? Date.now() : stop.wakeAt);
  } catch (e) {
    // IndexedDB or storage failure: try again in a minute rather than stall silently.
    console.warn('[otklik:queue] drain failed', e);
    await scheduleWake(Date.now() + 60_000).catch(() => undefined);
  }
}

function describeStep(s: StepResult): string {
  return s.kind === 'worked'
    ? `job ${s.job.id} (${s.job.vacancyId}): ${s.outcome.kind} → ${s.job.state}${s.recovered ? ' [recovered]' : ''}`
    : `${s.kind}${'wakeAt' in s && s.wakeAt ? ` until ${new Date(s.wakeAt).toISOString()}` : ''}`;
}

/** At worker start: make sure a wake-up exists if there is anything to do (alarms may not survive restarts). */
export async function ensureQueueAlarm(): Promise<void> {
  const db = getDb();
  const active = (await db.jobs.where('state').anyOf(ACTIVE_STATES).count()) > 0;
  const existing = await browser.alarms.get(QUEUE_ALARM);
  if (active && !existing) await scheduleWake(Date.now());
}

async function onNotificationClicked(id: string): Promise<void> {
  if (id === 'otklik-paused') {
    await browser.tabs.create({ url: hhHomeUrl() });
  } else if (id.startsWith('otklik-job-')) {
    const job = await getDb().jobs.get(Number(id.slice('otklik-job-'.length)));
    if (job) await browser.tabs.create({ url: jobOpenUrl(job) });
  }
  await browser.notifications.clear(id);
}

/** Registers the queue's listeners. Call synchronously at worker start (MV3 may have woken us for an alarm). */
export function registerQueue(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM || alarm.name === QUEUE_WATCHDOG) void drainStep();
  });
  browser.notifications?.onClicked.addListener((id) => void onNotificationClicked(id));
  void ensureQueueAlarm().catch((e: unknown) => console.warn('[otklik:queue] cannot arm the queue alarm', e));
}
