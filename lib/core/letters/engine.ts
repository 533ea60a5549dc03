import type { ChatMessage } from '../../worker/letters/provider';

/**
 * What the WebLLM provider needs from a local engine. The real one (./webllm-engine.ts, @mlc-ai/web-llm) lives
 * in the offscreen document; the background reaches it through ./engine-client.ts; tests pass a fake.
 */
export interface LoadProgress {
  /** 0..1 */
  fraction: number;
  text: string;
}

export interface LlmEngine {
  /** Downloads (first time, cached after) and loads a model; resolves when it can generate. */
  load(
    modelId: string,
    opts: { modelBaseUrl: string; onProgress?: (p: LoadProgress) => void; signal?: AbortSignal },
  ): Promise<void>;
  chat(
    messages: ChatMessage[],
    opts: { maxTokens: number; temperature: number; onDelta?: (t: string) => void; signal?: AbortSignal },
  ): Promise<string>;
  /** Frees the GPU memory. */
  unload(): Promise<void>;
  /** Removes a model's weights and files from the browser cache (unloading it first if loaded). */
  deleteCached(modelId: string, modelBaseUrl: string): Promise<void>;
  /** Is the model fully in the browser cache (no download needed)? */
  isCached(modelId: string, modelBaseUrl: string): Promise<boolean>;
  loadedModel(): string | null;
}
