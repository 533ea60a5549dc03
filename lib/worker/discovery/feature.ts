import { uiLang } from '../../core/i18n/lang';
import { createDiscoveryHandlers } from './handlers';
import { discoveryDeps, registerDiscovery } from './service';
import type { WorkerFeature } from '../feature';

/** Vacancy discovery: rounds on an alarm, suggestions, queueing what matches. */
export const discoveryFeature: WorkerFeature = {
  name: 'discovery',
  handlers: ({ enqueueFound, feedback }) => {
    const h = createDiscoveryHandlers(discoveryDeps(enqueueFound), uiLang());
    return {
      ...h,
      // Hiding an employer from a vacancy's panel: "not for me — employer" on that vacancy (the worker's own facts;
      // the blacklist does the hiding, feedback only learns the employer).
      hideEmployer: async (req, sender) => {
        const res = await h.hideEmployer(req, sender);
        if (req.vacancyId) void feedback.employerHidden(req.vacancyId, req.employer).catch(() => undefined);
        return res;
      },
    };
  },
  register: ({ enqueueFound }) => registerDiscovery(enqueueFound),
};
