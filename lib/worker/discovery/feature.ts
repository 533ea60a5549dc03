import { uiLang } from '../../core/i18n/lang';
import { createDiscoveryHandlers } from './handlers';
import { discoveryDeps, registerDiscovery } from './service';
import type { WorkerFeature } from '../feature';

/** Vacancy discovery: rounds on an alarm, suggestions, queueing what matches. */
export const discoveryFeature: WorkerFeature = {
  name: 'discovery',
  handlers: ({ enqueueFound }) => createDiscoveryHandlers(discoveryDeps(enqueueFound), uiLang()),
  register: ({ enqueueFound }) => registerDiscovery(enqueueFound),
};
