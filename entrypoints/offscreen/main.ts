import { browser } from '#imports';
import { createEngineHost } from '../../lib/ext-pages/letters/engine-host';
import { ENGINE_PORT } from '../../lib/core/letters/engine-protocol';
import { checkWebGpu, type GpuLike } from '../../lib/core/letters/webllm-models';
import { createWebLlmEngine } from '../../lib/ext-pages/letters/webllm-engine';
import { getSettings } from '../../lib/core/settings/store';
import { selfOf, senderOf } from '../../lib/core/messaging';
import { portAllowed } from '../../lib/core/messaging/policy';

/**
 * The offscreen document that hosts WebLLM (see lib/worker/letters/service.ts for why here). It holds one
 * engine and serves ENGINE_PORT connections from the worker; the model is unloaded after the idle minutes of
 * the settings. This is the only chunk that contains @mlc-ai/web-llm.
 */
let idleMinutes = 10;
void getSettings()
  .then((s) => (idleMinutes = s.letters.webllm.idleUnloadMinutes))
  .catch(() => undefined);

const host = createEngineHost({
  engine: createWebLlmEngine(),
  capability: () => checkWebGpu((navigator as Navigator & { gpu?: GpuLike }).gpu),
  idleMs: () => idleMinutes * 60_000,
});

const self = selfOf();
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== ENGINE_PORT) return;
  // Only the worker (an extension context): a content script can connect to any of our pages' listeners.
  if (!portAllowed(port.name, senderOf(port.sender ?? {}), self)) return void port.disconnect();
  host.serve(port);
});
// Weights are big: ask the browser not to evict the cache (unlimitedStorage also exempts it).
void navigator.storage?.persist?.().catch(() => false);
