import type { LlmEngine } from '../../core/letters/engine';
import { pickVariant, type GpuCapability } from '../../core/letters/webllm-models';
import { ProviderError, type CompletionRequest, type LetterProvider } from './provider';

/**
 * The local provider: picks the q4f16/q4f32 variant the GPU supports, loads it (download with progress on
 * first use, cache after), then streams the letter. Engine errors become ProviderErrors that say what to do.
 */
export interface WebLlmConfig {
  engine: LlmEngine;
  capability: () => Promise<GpuCapability>;
  /** Curated model key ('' = default). */
  modelKey: string;
  modelBaseUrl: string;
  /**
   * Download the weights if they are not cached. Off for letters (a 1–2 GB download happens only when the user
   * presses "Download" in the options, with the size shown first); the download itself sets it.
   */
  allowDownload?: boolean;
}

export function engineError(e: unknown): ProviderError {
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof ProviderError) return e;
  if (/abort|interrupt|cancel/i.test(msg)) return new ProviderError('cancelled', 'cancelled');
  if (/device (was )?lost|external instance|GPUDevice|DXGI|context lost/i.test(msg))
    return new ProviderError(
      'unavailable',
      `the GPU dropped the local model (${msg.slice(0, 120)}): reload the extension or pick a smaller model`,
    );
  if (/out of memory|OOM|allocation|exceeds|maxBufferSize|maxStorageBuffer/i.test(msg))
    return new ProviderError(
      'unavailable',
      `not enough GPU memory for this model (${msg.slice(0, 120)}): pick the lite model, or an API provider`,
    );
  if (/shader-f16/i.test(msg))
    return new ProviderError(
      'unavailable',
      'this GPU lacks shader-f16: pick the model again (Otklik then uses the f32 variant)',
    );
  if (/fetch|network|Failed to fetch|404|403|NetworkError|Cache\.add/i.test(msg))
    return new ProviderError(
      'network',
      `could not download the model (${msg.slice(0, 120)}): check your connection, or set a mirror URL in Otklik options`,
    );
  if (/Quota/i.test(msg))
    return new ProviderError(
      'unavailable',
      'not enough disk space to cache the model: free some space or pick a smaller model',
    );
  return new ProviderError('server', `the local model failed: ${msg.slice(0, 200)}`);
}

export function createWebLlmProvider(cfg: WebLlmConfig): LetterProvider {
  return {
    id: 'webllm',
    async complete(req: CompletionRequest): Promise<string> {
      const cap = await cfg.capability();
      if (!cap.webgpu)
        throw new ProviderError(
          'unavailable',
          `no WebGPU here (${cap.reason ?? 'unknown reason'}): use an API provider or the template`,
        );
      const { id } = pickVariant(cfg.modelKey, cap);
      try {
        if (cfg.engine.loadedModel() !== id) {
          if (!cfg.allowDownload && !(await cfg.engine.isCached(id, cfg.modelBaseUrl))) {
            throw new ProviderError(
              'unavailable',
              `the local model (${id}) is not downloaded yet: open Otklik options → cover letters and press "Download" (the size is shown there)`,
            );
          }
          await cfg.engine.load(id, {
            modelBaseUrl: cfg.modelBaseUrl,
            ...(req.signal ? { signal: req.signal } : {}),
            onProgress: (p) => req.onProgress?.(p.text, p.fraction),
          });
        }
        return await cfg.engine.chat(req.messages, {
          maxTokens: req.maxTokens,
          temperature: req.temperature,
          ...(req.onDelta ? { onDelta: req.onDelta } : {}),
          ...(req.signal ? { signal: req.signal } : {}),
        });
      } catch (e) {
        if (req.signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
        throw engineError(e);
      }
    },
  };
}
