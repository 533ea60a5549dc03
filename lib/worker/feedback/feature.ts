import { browser } from '#imports';
import { getDb } from '../db';
import { learnApplied } from './implicit';
import type { WorkerFeature } from '../feature';

/** Applied vacancies are swept at most this often (on worker start and on any alarm: queue drain, responses sync). */
const APPLIED_SWEEP_MS = 60_000;

/** What the user taught with the badges' "relevant" / "not for me" (the store is a shared service). */
export const feedbackFeature: WorkerFeature = {
  name: 'feedback',
  handlers: ({ feedback }) => ({
    triageFeedback: async ({ vacancyId, label, why }) => ({
      learned: await feedback.label(vacancyId, label, 'badge', why),
    }),
    feedbackSummary: () => feedback.summary(),
    resetFeedback: async () => {
      await feedback.reset();
      return { reset: true };
    },
  }),
  register: ({ feedback }) => {
    let last = 0;
    const sweep = () => {
      if (Date.now() - last < APPLIED_SWEEP_MS) return;
      last = Date.now();
      void learnApplied(feedback, getDb()).catch((e) => console.warn('[otklik:background] applied feedback:', e));
    };
    sweep();
    browser.alarms.onAlarm.addListener(sweep);
  },
};
