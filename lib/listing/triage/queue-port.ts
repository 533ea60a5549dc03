import type { sendFromListing } from '../messaging/content-client';
import type { QueuePort } from './controller';

/** The listing's queue port: typed messages to the worker (also used by the vacancy panel). */
export function listingQueue(send: typeof sendFromListing): QueuePort {
  return {
    async enqueue(items) {
      const { results } = await send('enqueueMany', { items: items.map((i) => ({ vacancy: i.vacancy })) });
      return results.map((r, k) => ({
        vacancyId: items[k]!.vacancy.id,
        state: r.state,
        ...(r.reason ? { reason: r.reason } : {}),
      }));
    },
    async states(vacancyIds) {
      const { jobs } = await send('jobsForVacancies', { vacancyIds });
      return Object.fromEntries(jobs.map((j) => [j.vacancyId, j.state]));
    },
  };
}
