import { browser } from '#imports';
import { getDb } from './db';
import { cachedSettings, getSettings, updateSettings } from '../core/settings/store';
import { createTriageScorers } from './triage/score-cards';
import { createFeedback } from './feedback/service';
import { FEEDBACK_KEY } from './feedback/model';
import { drainStep } from './queue/service';
import { createQueueHandlers } from './queue/handlers';
import { draftLetters } from './letters/service';
import type { VacancySnapshot } from '../core/db/schema';
import { signalMemory } from './triage/hh-signals';

/** What several worker features share, built once per worker start (the features take it in ./features.ts). */
export interface WorkerServices {
  queue: ReturnType<typeof createQueueHandlers>;
  feedback: ReturnType<typeof createFeedback>;
  triage: ReturnType<typeof createTriageScorers>;
  /** Discovery queues through the same handler as the pages (default resume, blacklist, drain kick). */
  enqueueFound: (
    vacancy: VacancySnapshot,
  ) => Promise<Awaited<ReturnType<ReturnType<typeof createQueueHandlers>['enqueue']>>>;
  /** Runs the queue now (a step; the queue re-arms its alarm). */
  kickDrain: () => void;
}

export function createWorkerServices(): WorkerServices {
  const queue = createQueueHandlers({
    db: getDb,
    now: Date.now,
    settings: getSettings,
    fetch: (i, init) => fetch(i, init),
    kick: () => void drainStep(),
    saveDefaultResume: async (hash) =>
      void (await updateSettings((x) => ({ ...x, apply: { ...x.apply, defaultResumeHash: hash } }))),
    kickLetters: () => void draftLetters(() => void drainStep()),
  });
  // What the user taught with the badges' "relevant" / "not for me" (lib/worker/feedback): kept by the worker only.
  const feedback = createFeedback(
    {
      get: async () => (await browser.storage.local.get(FEEDBACK_KEY))[FEEDBACK_KEY],
      set: (value) => browser.storage.local.set({ [FEEDBACK_KEY]: value }),
    },
    Date.now,
    (m) => console.warn('[otklik:background]', m),
  );
  const triage = createTriageScorers(
    cachedSettings(),
    async (vacancyIds) => (await queue.jobsForVacancies({ vacancyIds }, {})).jobs,
    feedback,
    signalMemory,
  );
  const enqueueFound = async (vacancy: VacancySnapshot) => queue.enqueue({ vacancy, source: 'other' }, {});
  return { queue, feedback, triage, enqueueFound, kickDrain: () => void drainStep() };
}
