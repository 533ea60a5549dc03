import type { LlmEngine } from '../../core/letters/engine';
import { engineRequestSchema, type EngineEvent, type EngineRequest } from '../../core/letters/engine-protocol';
import type { PortLike } from '../../hh-pages/letters/port-client';
import { serveOneRequest } from '../../worker/letters/port-server';
import type { GpuCapability } from '../../core/letters/webllm-models';

/**
 * The engine's side of ./engine-protocol.ts (runs in the offscreen document; pure, tested with a fake engine
 * and fake ports). One engine, one operation at a time (a GPU runs one model); loads of the model already
 * loaded are free. After `idleMs` without any operation the model is unloaded to give the GPU memory back.
 */
export interface EngineHostOptions {
  engine: LlmEngine;
  capability: () => Promise<GpuCapability>;
  idleMs: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export function createEngineHost(o: EngineHostOptions) {
  const setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let idle: unknown = null;
  let busy: Promise<unknown> = Promise.resolve();
  let active = 0;

  const armIdle = () => {
    if (idle !== null) clearTimer(idle);
    idle = setTimer(() => {
      idle = null;
      if (active === 0 && o.engine.loadedModel() !== null) void o.engine.unload().catch(() => undefined);
    }, o.idleMs());
  };

  async function run(req: EngineRequest, post: (e: EngineEvent) => void, signal: AbortSignal): Promise<void> {
    const onProgress = (p: { fraction: number; text: string }) =>
      post({ type: 'progress', fraction: p.fraction, text: p.text });
    switch (req.op) {
      case 'capability':
        return post({ type: 'done', capability: await o.capability() });
      case 'status':
        return post({ type: 'done', loaded: o.engine.loadedModel() });
      case 'cached': {
        const cached: Record<string, boolean> = {};
        for (const id of req.modelIds) cached[id] = await o.engine.isCached(id, req.modelBaseUrl).catch(() => false);
        return post({ type: 'done', cached });
      }
      case 'delete':
        await o.engine.deleteCached(req.modelId, req.modelBaseUrl);
        return post({ type: 'done', loaded: o.engine.loadedModel() });
      case 'unload':
        await o.engine.unload();
        return post({ type: 'done', loaded: null });
      case 'load':
        if (o.engine.loadedModel() !== req.modelId)
          await o.engine.load(req.modelId, { modelBaseUrl: req.modelBaseUrl, onProgress, signal });
        return post({ type: 'done', loaded: req.modelId });
      case 'chat': {
        if (o.engine.loadedModel() !== req.modelId)
          await o.engine.load(req.modelId, { modelBaseUrl: req.modelBaseUrl, onProgress, signal });
        const text = await o.engine.chat(req.messages, {
          maxTokens: req.maxTokens,
          temperature: req.temperature,
          onDelta: (t) => post({ type: 'delta', text: t }),
          signal,
        });
        return post({ type: 'done', text });
      }
    }
  }

  /** Serves one port: its first message is the request. */
  function serve(port: PortLike): void {
    serveOneRequest<EngineRequest, EngineEvent>(port, engineRequestSchema, {
      malformed: 'malformed engine request',
      closeMalformed: false,
      handle: (req, { post, signal }) => {
        active++;
        // Operations queue behind each other: one model on one GPU.
        const job = busy.then(async () => {
          if (signal.aborted) return;
          try {
            await run(req, post, signal);
          } catch (e) {
            post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
          }
        });
        busy = job.finally(() => {
          active--;
          armIdle();
        });
      },
    });
  }

  return { serve };
}
