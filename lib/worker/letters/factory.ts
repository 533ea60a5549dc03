import type { LlmEngine } from '../../core/letters/engine';
import { createGigaChatProvider } from './gigachat';
import { originPattern } from '../../core/letters/hosts';
import { createOpenAiProvider } from './openai';
import { ProviderError, type LetterProvider } from './provider';
import type { LettersSettings } from '../../core/letters/settings';

export { originPattern, providerHosts } from '../../core/letters/hosts';
import { createTemplateProvider } from './template';
import type { LetterInput } from './prompt';
import { createWebLlmProvider } from './webllm';
import type { GpuCapability } from '../../core/letters/webllm-models';

/**
 * Settings + keys → the provider to use. API hosts must have been granted (optional host permission, asked
 * from the options page on "test connection"): without it the request would fail with an opaque CORS error,
 * so we say what to do instead.
 */
export interface FactoryDeps {
  getKey: (p: 'openai' | 'gigachat') => Promise<string>;
  fetch: typeof fetch;
  /** Is this origin granted? */
  hasHost: (origin: string) => Promise<boolean>;
  engine: () => LlmEngine;
  capability: () => Promise<GpuCapability>;
  /** Overrides for tests (fake GigaChat). */
  gigachatUrls?: { oauth: string; api: string };
}

/**
 * A fetch that explains a missing host permission. Without the permission the request is still tried: servers
 * that answer CORS for extensions (OpenAI, OpenRouter, Ollama with OLLAMA_ORIGINS) work without it; for the
 * rest the browser fails the request opaquely, and then we say how to grant access.
 */
function guardedFetch(deps: FactoryDeps): typeof fetch {
  return async (input, init) => {
    try {
      return await deps.fetch(input, init);
    } catch (e) {
      if (init?.signal?.aborted) throw e;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!(await deps.hasHost(originPattern(url)).catch(() => false))) {
        throw new ProviderError(
          'config',
          `cannot reach ${new URL(url).host}, and Otklik has no access to it yet: open Otklik options → cover letters → "Test connection" and allow access`,
        );
      }
      throw e;
    }
  };
}

export async function providerFor(
  s: LettersSettings,
  deps: FactoryDeps,
  templateInput: () => LetterInput,
): Promise<LetterProvider> {
  switch (s.provider) {
    case 'openai':
      return createOpenAiProvider({
        baseUrl: s.openai.baseUrl,
        model: s.openai.model,
        apiKey: await deps.getKey('openai'),
        authScheme: s.openai.authScheme,
        fetch: guardedFetch(deps),
      });
    case 'gigachat':
      return createGigaChatProvider({
        authKey: await deps.getKey('gigachat'),
        scope: s.gigachat.scope,
        model: s.gigachat.model,
        fetch: guardedFetch(deps),
        ...(deps.gigachatUrls ? { oauthUrl: deps.gigachatUrls.oauth, apiUrl: deps.gigachatUrls.api } : {}),
      });
    case 'webllm':
      return createWebLlmProvider({
        engine: deps.engine(),
        capability: deps.capability,
        modelKey: s.webllm.model,
        modelBaseUrl: s.webllm.modelBaseUrl,
      });
    case 'template':
    case 'none':
      return createTemplateProvider(templateInput, s.template);
  }
}
