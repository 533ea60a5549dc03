import { createProfileHandlers } from './handlers';
import type { WorkerFeature } from '../feature';

/** The profile from the user's hh resume (options "import"). */
export const profileFeature: WorkerFeature = {
  name: 'profile',
  handlers: () => createProfileHandlers({ fetch: (i, init) => fetch(i, init) }),
};
