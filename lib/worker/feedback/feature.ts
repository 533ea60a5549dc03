import type { WorkerFeature } from '../feature';

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
};
