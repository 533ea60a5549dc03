import * as z from 'zod/mini';
import type { LlmEngine } from '../../core/letters/engine';
import { engineEventSchema, type EngineEvent, type EngineRequest } from '../../core/letters/engine-protocol';
import type { PortLike } from '../../hh-pages/letters/port-client';
import type { GpuCapability } from '../../core/letters/webllm-models';

/**
 * The background's handle on the engine in the offscreen document: LlmEngine over ENGINE_PORT. `open` makes
 * sure the document exists and connects (lib/worker/platform/offscreen.ts in the worker; a fake in tests).
 */
type On = { delta?: (t: string) => void; progress?: (f: number, t: string) => void; signal?: AbortSignal };

/** The port closed before the host said anything: a document still starting (its listener not yet added). */
class NoAnswer extends Error {}

/** One operation; retried once (after 300 ms) when the host dropped the port without a word. */
export async function engineCall(
  open: () => Promise<PortLike>,
  req: EngineRequest,
  on: On = {},
): Promise<Extract<EngineEvent, { type: 'done' }>> {
  try {
    return await engineCallOnce(open, req, on);
  } catch (e) {
    if (!(e instanceof NoAnswer) || on.signal?.aborted) throw e;
    await new Promise((r) => setTimeout(r, 300));
    return engineCallOnce(open, req, on);
  }
}

function engineCallOnce(
  open: () => Promise<PortLike>,
  req: EngineRequest,
  on: On,
): Promise<Extract<EngineEvent, { type: 'done' }>> {
  let heard = false;
  return open().then(
    (port) =>
      new Promise((resolve, reject) => {
        let settled = false;
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          on.signal?.removeEventListener('abort', abort);
          port.disconnect();
          fn();
        };
        const abort = () => finish(() => reject(new DOMException('cancelled', 'AbortError')));
        if (on.signal?.aborted) return abort();
        on.signal?.addEventListener('abort', abort);
        port.onMessage.addListener((raw) => {
          heard = true;
          const ev = z.safeParse(engineEventSchema, raw);
          if (!ev.success) return finish(() => reject(new Error('malformed engine event')));
          const e = ev.data;
          if (e.type === 'delta') on.delta?.(e.text);
          else if (e.type === 'progress') on.progress?.(e.fraction, e.text);
          else if (e.type === 'error') finish(() => reject(new Error(e.message)));
          else finish(() => resolve(e));
        });
        port.onDisconnect.addListener(() =>
          finish(() =>
            reject(
              heard
                ? new Error('the local model host closed (GPU process crashed or the extension reloaded)')
                : new NoAnswer('the local model host did not answer (it may still be starting): try again'),
            ),
          ),
        );
        port.postMessage(req);
      }),
  );
}

export function createEngineClient(open: () => Promise<PortLike>): LlmEngine & {
  capability(): Promise<GpuCapability>;
  cached(ids: string[], base: string): Promise<Record<string, boolean>>;
} {
  // The model of the last load(): chat() names it so the host reloads it if it was unloaded meanwhile (idle).
  let currentModel = '';
  let currentBase = '';
  return {
    // The host knows what is loaded; a load of the loaded model is free there.
    loadedModel: () => null,
    async load(modelId, o) {
      currentModel = modelId;
      currentBase = o.modelBaseUrl;
      await engineCall(
        open,
        { op: 'load', modelId, modelBaseUrl: o.modelBaseUrl },
        { progress: (f, t) => o.onProgress?.({ fraction: f, text: t }), ...(o.signal ? { signal: o.signal } : {}) },
      );
    },
    async chat(messages, o) {
      const done = await engineCall(
        open,
        {
          op: 'chat',
          modelId: currentModel,
          modelBaseUrl: currentBase,
          messages,
          maxTokens: o.maxTokens,
          temperature: o.temperature,
        },
        { ...(o.onDelta ? { delta: o.onDelta } : {}), ...(o.signal ? { signal: o.signal } : {}) },
      );
      return done.text ?? '';
    },
    async unload() {
      await engineCall(open, { op: 'unload' });
    },
    async deleteCached(modelId, base) {
      await engineCall(open, { op: 'delete', modelId, modelBaseUrl: base });
    },
    async isCached(modelId, base) {
      return (
        (await engineCall(open, { op: 'cached', modelIds: [modelId], modelBaseUrl: base })).cached?.[modelId] ?? false
      );
    },
    async cached(ids, base) {
      return (await engineCall(open, { op: 'cached', modelIds: ids, modelBaseUrl: base })).cached ?? {};
    },
    async capability() {
      const done = await engineCall(open, { op: 'capability' });
      if (!done.capability) throw new Error('the local model host did not report WebGPU capability');
      const c = done.capability;
      const out: GpuCapability = { webgpu: c.webgpu, f16: c.f16, maxBufferMB: c.maxBufferMB };
      if (c.reason !== undefined) out.reason = c.reason;
      if (c.adapter !== undefined) out.adapter = c.adapter;
      return out;
    },
  };
}
