import '../../lib/core/zod-messages';
import { defineBackground } from '#imports';
import { handleBackgroundMessages } from '../../lib/core/messaging';
import { toBackground } from '../../lib/core/messaging/protocol';
import { composeHandlers } from '../../lib/worker/feature';
import { workerFeatures } from '../../lib/worker/features';
import { createWorkerServices } from '../../lib/worker/services';
import { secureStorage } from '../../lib/worker/platform/secrets';

/** Wiring only: each feature's handlers and registration live in its folder (lib/worker/<feature>/feature.ts). */
export default defineBackground(() => {
  // Listeners are registered synchronously on every worker start: MV3 may have woken us for this very event.
  secureStorage();
  const services = createWorkerServices();
  handleBackgroundMessages(composeHandlers(workerFeatures, services, Object.keys(toBackground)), (m) =>
    console.warn('[otklik:background]', m),
  );
  for (const f of workerFeatures) f.register?.(services);
});
