import { browser } from '#imports';
import { getDb } from '../db';
import { fetchVacancyDescription } from '../../core/hh/vacancy-description';
import { vacancyPageUrl } from '../../core/hh/urls';
import { uiLang } from '../../core/i18n/lang';
import { createEngineClient } from './engine-client';
import { ENGINE_PORT } from '../../core/letters/engine-protocol';
import { providerFor, type FactoryDeps } from './factory';
import { claimDraft, failDraft, jobsNeedingDraft, saveDraft, WRITING_LEASE_MS } from './jobs';
import { getKey, keyLocation, moveKeys, setKey } from '../../core/letters/keys';
import {
  LETTER_PORT,
  letterPortRequestSchema,
  type LetterPortEvent,
  type LetterPortRequest,
} from '../../core/letters/port-protocol';
import { serveOneRequest } from './port-server';
import type { PortLike } from '../../hh-pages/letters/port-client';
import type { LetterInput } from './prompt';
import { isAbort } from './provider';
import { writeLetter } from './write';
import type { ProviderStatus } from '../../core/messaging/protocol';
import { ensureOffscreenDocument } from '../platform/offscreen';
import { getSettings } from '../../core/settings/store';
import type { Settings } from '../../core/settings/schema';
import type { LetterMessageDeps } from './handlers';
import { selfOf, senderOf } from '../../core/messaging';
import { notificationIcon } from '../notify/tell';
import { portAllowed } from '../../core/messaging/policy';

/**
 * Cover letters in the service worker: drafts for queued jobs, the "write a letter now" port, and the handle on
 * the local model.
 *
 * Where WebLLM lives: an offscreen document (entrypoints/offscreen/), not this worker. The worker is killed
 * after 30 s idle and auto-mode drafts run from alarms with no page keeping it alive: an engine here would
 * re-upload 1–2 GB to the GPU after every kill. The offscreen document stays until closed, so the model stays
 * loaded between letters, and it is unloaded on purpose after the idle minutes of the settings. Firefox has no
 * offscreen documents: there WebLLM reports itself unavailable and the other providers remain.
 *
 * Drafts are written outside any Dexie transaction: claimDraft (tx) → fetch description + provider (network)
 * → saveDraft (tx). A worker killed mid-way leaves a stale 'writing' mark, reclaimed after WRITING_LEASE_MS;
 * the LETTERS_ALARM wakes a worker for that.
 */
export const LETTERS_ALARM = 'otklik-letters';

const openEnginePort = async (): Promise<PortLike> => {
  await ensureOffscreenDocument(
    '/offscreen.html',
    ['WORKERS'],
    'Runs the local cover-letter model (WebLLM on WebGPU) outside the short-lived service worker.',
  );
  return browser.runtime.connect({ name: ENGINE_PORT });
};
const engine = createEngineClient(openEnginePort);

const hostGranted = (pattern: string) => browser.permissions.contains({ origins: [pattern] });

export const factoryDeps: FactoryDeps = {
  getKey,
  fetch: (i, init) => fetch(i, init),
  hasHost: hostGranted,
  engine: () => engine,
  capability: () => engine.capability(),
};

const profileInput = (s: Settings, extra: Omit<LetterInput, 'profile' | 'privacy'>): LetterInput => ({
  profile: s.profile,
  privacy: { contacts: s.letters.allowContacts, salary: s.letters.allowSalary },
  ...extra,
});

let download: ProviderStatus['download'] = null;

function startDownload(modelId: string, base: string): void {
  if (download && !download.done && download.modelId === modelId) return;
  download = { modelId, fraction: 0, text: 'starting…', done: false, error: null };
  const d = download;
  void engine
    .load(modelId, { modelBaseUrl: base, onProgress: (p) => Object.assign(d, { fraction: p.fraction, text: p.text }) })
    .then(() => Object.assign(d, { fraction: 1, done: true, text: 'ready' }))
    .catch((e: unknown) => Object.assign(d, { done: true, error: e instanceof Error ? e.message : String(e) }));
}

export const letterDeps = (kickDrain: () => void): Omit<LetterMessageDeps, 'db' | 'now' | 'settings'> => ({
  kickDrain,
  kickLetters: () => void draftLetters(kickDrain),
  provider: (s) =>
    providerFor(s.letters, factoryDeps, () =>
      profileInput(s, { vacancy: { id: '1', title: 'Test', employer: null, url: vacancyPageUrl('1') } }),
    ),
  keys: { set: setKey, location: keyLocation, get: getKey, move: moveKeys },
  capability: () => engine.capability(),
  cachedModels: (ids, base) => engine.cached(ids, base),
  startDownload,
  deleteModel: (id, base) => engine.deleteCached(id, base),
  download: () => (download ? { ...download } : null),
  lang: uiLang,
});

let drafting: Promise<void> | null = null;
let again = false;

/** Writes every missing draft, one at a time (single flight per worker; the claim guards across workers). */
export function draftLetters(kickDrain: () => void): Promise<void> {
  if (drafting) {
    again = true;
    return drafting;
  }
  drafting = (async () => {
    do {
      again = false;
      await draftPass(kickDrain);
    } while (again);
  })().finally(() => {
    drafting = null;
  });
  return drafting;
}

async function draftPass(kickDrain: () => void): Promise<void> {
  const db = getDb();
  try {
    for (;;) {
      const [next] = await jobsNeedingDraft(db, Date.now());
      if (!next) {
        await browser.alarms.clear(LETTERS_ALARM);
        return;
      }
      const s = await getSettings();
      // Letters switched off while jobs waited: they still get a draft (the template) for the user to approve.
      const job = await claimDraft(db, next.id, Date.now());
      if (!job) continue;
      await browser.alarms.create(LETTERS_ALARM, { when: Date.now() + WRITING_LEASE_MS + 5_000 });
      try {
        const desc = await fetchVacancyDescription((i, init) => fetch(i, init), job.vacancyId);
        const input = profileInput(s, {
          vacancy: job.vacancy,
          ...(desc ? { description: desc.description, keySkills: desc.keySkills } : {}),
        });
        const provider = await providerFor(s.letters, factoryDeps, () => input);
        // A streamed read is not an extension event: a cheap API call per ~10 s keeps the worker from idling out mid-letter.
        let lastPing = Date.now();
        const keepAlive = () => {
          if (Date.now() - lastPing < 10_000) return;
          lastPing = Date.now();
          void browser.runtime.getPlatformInfo().catch(() => undefined);
        };
        const r = await writeLetter(input, {
          provider,
          template: s.letters.template,
          signal: AbortSignal.timeout(WRITING_LEASE_MS - 10_000),
          onDelta: keepAlive,
          onProgress: keepAlive,
        });
        const state = await saveDraft(
          db,
          job.id,
          {
            letter: r.letter,
            problems: r.problems,
            asks: r.askLines,
            provider: r.provider,
            fallbackReason: r.fallbackReason,
            lang: r.lang,
            noDescription: !desc,
          },
          s.letters.mode,
          Date.now(),
        );
        if (state === 'pending') kickDrain();
        else if (state === 'review' && s.letters.mode === 'auto')
          await notifyWaiting(
            job.id,
            job.vacancy.title,
            r.askLines.length > 0 ? 'asks' : r.problems.length ? 'problems' : 'fallback',
          );
      } catch (e) {
        await failDraft(
          db,
          job.id,
          isAbort(e) ? 'writing took too long: press "regenerate"' : e instanceof Error ? e.message : String(e),
          Date.now(),
        );
      }
    }
  } catch (e) {
    console.warn('[otklik:letters] draft pass failed', e instanceof Error ? e.message : String(e));
  }
}

/** Auto mode stopped for this job: tell the user (clicking opens the popup's job via the vacancy). */
async function notifyWaiting(jobId: number, title: string, why: 'asks' | 'problems' | 'fallback'): Promise<void> {
  const ru = uiLang() === 'ru';
  const what = {
    asks: ru ? 'вакансия просит что-то написать в письме' : 'the vacancy asks for something in the letter',
    problems: ru ? 'письмо не прошло проверку' : 'the letter failed the checks',
    fallback: ru
      ? 'модель не ответила (проверьте ключ или подключение), письмо по шаблону'
      : 'the model did not answer (check the key or connection); the template wrote it',
  }[why];
  await browser.notifications
    .create(`otklik-job-${jobId}`, {
      type: 'basic',
      iconUrl: notificationIcon(),
      title: ru ? 'Otklik: письмо ждёт вас' : 'Otklik: a letter needs you',
      message: `${title}: ${what}`,
    })
    .catch(() => undefined);
}

/** The 'otklik:letter' port: one letter per connection, streamed; disconnect = cancel. */
function serveLetterPort(port: PortLike): void {
  serveOneRequest<LetterPortRequest, LetterPortEvent>(port, letterPortRequestSchema, {
    malformed: 'malformed letter request',
    closeMalformed: true,
    handle: (req, { post, signal, close }) => void writeForPort(req, post, signal).finally(close),
  });
}

async function writeForPort(
  req: LetterPortRequest,
  post: (e: LetterPortEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  try {
    const s = await getSettings();
    const { vacancy, description, keySkills } = req;
    const desc =
      description === undefined
        ? await fetchVacancyDescription((i, init) => fetch(i, init), vacancy.id, signal)
        : { description, keySkills: keySkills ?? [] };
    const input = profileInput(s, {
      vacancy,
      ...(desc ? { description: desc.description, keySkills: keySkills ?? desc.keySkills } : {}),
    });
    const provider = await providerFor(s.letters, factoryDeps, () => input);
    const r = await writeLetter(input, {
      provider,
      template: s.letters.template,
      signal,
      onDelta: (text) => post({ type: 'delta', text }),
      onReset: (reason) => post({ type: 'reset', reason }),
      onProgress: (text, fraction) => post({ type: 'progress', text, ...(fraction !== undefined ? { fraction } : {}) }),
    });
    const problems = r.fallbackReason
      ? [`${r.lang === 'ru' ? 'написано по шаблону' : 'written from the template'}: ${r.fallbackReason}`, ...r.problems]
      : r.problems;
    post({ type: 'done', letter: r.letter, problems, asks: r.askLines, provider: r.provider });
  } catch (e) {
    if (!isAbort(e)) post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Call synchronously at worker start. */
export function registerLetters(kickDrain: () => void): void {
  const self = selfOf();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LETTER_PORT) return;
    // The vacancy panel and extension pages only (lib/core/messaging/policy.ts): the letter spends the user's provider.
    if (!portAllowed(port.name, senderOf(port.sender ?? {}), self)) return void port.disconnect();
    serveLetterPort(port);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === LETTERS_ALARM) void draftLetters(kickDrain);
  });
  // Drafts a killed worker left behind.
  void draftLetters(kickDrain);
}
