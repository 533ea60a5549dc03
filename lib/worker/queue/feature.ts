import { registerQueue } from './service';
import type { WorkerFeature } from '../feature';

/** The apply queue: its messages (the handlers are a shared service: triage and discovery use them) and its alarms. */
export const queueFeature: WorkerFeature = {
  name: 'queue',
  handlers: ({ queue, feedback }) => ({
    ...queue,
    // A vacancy queued on its own from a listing badge is an implicit "relevant" (bulk "queue all" teaches nothing:
    // it acts on the scores themselves).
    enqueueMany: async (req, sender) => {
      const res = await queue.enqueueMany(req, sender);
      const only = req.items.length === 1 ? req.items[0] : undefined;
      if (only && res.created === 1 && sender.tabId !== undefined)
        void feedback.label(only.vacancy.id, 'relevant', 'queued').catch(() => undefined);
      return res;
    },
  }),
  register: () => registerQueue(),
};
