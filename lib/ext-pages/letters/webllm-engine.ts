import {
  CreateMLCEngine,
  deleteModelAllInfoInCache,
  hasModelInCache,
  prebuiltAppConfig,
  type AppConfig,
  type MLCEngine,
} from '@mlc-ai/web-llm';
import type { LlmEngine } from '../../core/letters/engine';
import { mirrorUrl } from '../../core/letters/webllm-models';

/**
 * The real engine: @mlc-ai/web-llm in the offscreen document (the only module that imports it, so the 5+ MB
 * library lands in the offscreen chunk only). Weights are cached by WebLLM in the extension origin's Cache
 * Storage (survives restarts; `unlimitedStorage` exempts it from eviction). A mirror base URL rewrites the
 * weights' host and keeps Hugging Face's path layout.
 */
function appConfig(modelBaseUrl: string): AppConfig {
  return {
    ...prebuiltAppConfig,
    cacheBackend: 'cache',
    model_list: prebuiltAppConfig.model_list.map((m) => ({ ...m, model: mirrorUrl(m.model, modelBaseUrl) })),
  };
}

export function createWebLlmEngine(): LlmEngine {
  let engine: MLCEngine | null = null;
  let loaded: string | null = null;
  return {
    loadedModel: () => loaded,
    async load(modelId, o) {
      if (loaded === modelId && engine) return;
      const onAbort = () => void engine?.unload().catch(() => undefined);
      o.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (engine) {
          await engine.reload(modelId);
        } else {
          engine = await CreateMLCEngine(modelId, {
            appConfig: appConfig(o.modelBaseUrl),
            initProgressCallback: (r) => o.onProgress?.({ fraction: r.progress, text: r.text }),
          });
        }
        loaded = modelId;
      } finally {
        o.signal?.removeEventListener('abort', onAbort);
      }
    },
    async chat(messages, o) {
      if (!engine) throw new Error('no model loaded');
      const e = engine;
      const onAbort = () => e.interruptGenerate();
      o.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const stream = await e.chat.completions.create({
          messages,
          stream: true,
          max_tokens: o.maxTokens,
          temperature: o.temperature,
          // Qwen3 would think aloud first; a letter needs no <think> block.
          extra_body: { enable_thinking: false },
        });
        let text = '';
        for await (const chunk of stream) {
          const piece = chunk.choices[0]?.delta?.content ?? '';
          if (piece) {
            text += piece;
            o.onDelta?.(piece);
          }
        }
        if (o.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
        return text;
      } finally {
        o.signal?.removeEventListener('abort', onAbort);
      }
    },
    async unload() {
      if (engine) await engine.unload();
      engine = null;
      loaded = null;
    },
    isCached: (modelId, base) => hasModelInCache(modelId, appConfig(base)),
    async deleteCached(modelId, base) {
      if (loaded === modelId && engine) {
        await engine.unload();
        engine = null;
        loaded = null;
      }
      await deleteModelAllInfoInCache(modelId, appConfig(base));
    },
  };
}
