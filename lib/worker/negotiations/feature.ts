import { createNegotiationHandlers } from './handlers';
import { negotiationDeps, registerNegotiations } from './service';
import type { WorkerFeature } from '../feature';

/** Responses (hh's negotiations): status sync, replies and drafts, the answer bank. */
export const negotiationsFeature: WorkerFeature = {
  name: 'negotiations',
  handlers: () => createNegotiationHandlers(negotiationDeps),
  register: () => registerNegotiations(),
};
