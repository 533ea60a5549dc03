import type { LlmEngine } from './engine';
import { createGigaChatProvider, GIGACHAT_API_URL, GIGACHAT_OAUTH_URL } from './gigachat';
import { createOpenAiProvider } from './openai';
import { ProviderError, type LetterProvider } from './provider';
import type { LettersSettings } from './settings';
import { createTemplateProvider } from './template';
import type { LetterInput } from './prompt';
import { createWebLlmProvider } from './webllm';
import type { GpuCapability } from './webllm-models';

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

export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export function providerHosts(s: LettersSettings, gigachatUrls?: { oauth: string; api: string }): string[] {
  if (s.provider === 'openai') return s.openai.baseUrl ? [originPattern(s.openai.baseUrl)] : [];
  if (s.provider === 'gigachat') return [originPattern(gigachatUrls?.oauth ?? GIGACHAT_OAUTH_URL), originPattern(gigachatUrls?.api ?? GIGACHAT_API_URL)];
  return [];
}

/** A fetch that refuses hosts the user has not granted, with a message that says how to grant. */
function guardedFetch(deps: FactoryDeps): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const pattern = originPattern(url);
    if (!(await deps.hasHost(pattern))) {
      throw new ProviderError('config', `Otklik may not contact ${new URL(url).host} yet: open Otklik options → cover letters → "Test connection" and allow access`);
    }
    return deps.fetch(input, init);
  };
}

export async function providerFor(s: LettersSettings, deps: FactoryDeps, templateInput: () => LetterInput): Promise<LetterProvider> {
  switch (s.provider) {
    case 'openai':
      return createOpenAiProvider({ baseUrl: s.openai.baseUrl, model: s.openai.model, apiKey: await deps.getKey('openai'), authScheme: s.openai.authScheme, fetch: guardedFetch(deps) });
    case 'gigachat':
      return createGigaChatProvider({
        authKey: await deps.getKey('gigachat'),
        scope: s.gigachat.scope,
        model: s.gigachat.model,
        fetch: guardedFetch(deps),
        ...(deps.gigachatUrls ? { oauthUrl: deps.gigachatUrls.oauth, apiUrl: deps.gigachatUrls.api } : {}),
      });
    case 'webllm':
      return createWebLlmProvider({ engine: deps.engine(), capability: deps.capability, modelKey: s.webllm.model, modelBaseUrl: s.webllm.modelBaseUrl });
    case 'template':
    case 'none':
      return createTemplateProvider(templateInput, s.template);
  }
}
