import type { CompletionRequest, LetterProvider } from './provider';
import { ProviderError } from './provider';
import { providerUrlProblem } from '../../core/letters/provider-url';
import { streamChat } from './stream-chat';

/**
 * Any OpenAI-compatible chat endpoint: OpenAI, OpenRouter, Ollama (`http://localhost:11434/v1`), LM Studio
 * (`http://localhost:1234/v1`), Gemini (`https://generativelanguage.googleapis.com/v1beta/openai`), YandexGPT
 * (`https://llm.api.cloud.yandex.net/v1`, model `gpt://<folder>/yandexgpt/latest`, key sent as `Api-Key`).
 * The key goes only to `baseUrl`'s host, in a header; it is never logged and never put in an error message.
 */
export interface OpenAiConfig {
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Yandex Cloud wants `Authorization: Api-Key …` instead of `Bearer …`. */
  authScheme?: 'Bearer' | 'Api-Key';
  fetch?: typeof fetch;
  firstByteMs?: number;
  idleMs?: number;
}

/** `https://x/v1/` → `https://x/v1/chat/completions`. Throws a config error for anything but https (http: loopback only). */
export function chatUrl(baseUrl: string): string {
  let u: URL;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    throw new ProviderError(
      'config',
      `"${baseUrl}" is not a URL: enter the API base URL, e.g. https://openrouter.ai/api/v1`,
    );
  }
  // Checked again here, not only in the settings schema: the key never goes over plain http to another machine.
  const problem = providerUrlProblem(u.href);
  if (problem) throw new ProviderError('config', `the API base URL ${problem}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}/chat/completions`;
}

/** A friendly provider name from the host, for messages. */
export function labelFor(baseUrl: string): string {
  let host = '';
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return 'the API';
  }
  const known: Array<[RegExp, string]> = [
    [/openrouter\.ai$/, 'OpenRouter'],
    [/openai\.com$/, 'OpenAI'],
    [/googleapis\.com$/, 'Gemini'],
    [/yandex\.net$/, 'YandexGPT'],
    [/^(localhost|127\.0\.0\.1)$/, 'the local server'],
  ];
  return known.find(([re]) => re.test(host))?.[1] ?? host;
}

export function createOpenAiProvider(cfg: OpenAiConfig): LetterProvider {
  return {
    id: 'openai',
    async complete(req: CompletionRequest): Promise<string> {
      const url = chatUrl(cfg.baseUrl);
      if (!cfg.model.trim())
        throw new ProviderError('config', 'no model chosen: enter a model name in Otklik options (cover letters)');
      const local = /^https?:\/\/(localhost|127\.0\.0\.1)(:|\/)/.test(url);
      if (!cfg.apiKey && !local)
        throw new ProviderError('auth', 'no API key: enter your key in Otklik options (cover letters)');
      const headers: Record<string, string> = {};
      if (cfg.apiKey) headers['authorization'] = `${cfg.authScheme ?? 'Bearer'} ${cfg.apiKey}`;
      return streamChat({
        fetch: cfg.fetch ?? ((i, init) => fetch(i, init)),
        url,
        headers,
        body: {
          model: cfg.model.trim(),
          messages: req.messages,
          max_tokens: req.maxTokens,
          temperature: req.temperature,
        },
        label: labelFor(cfg.baseUrl),
        ...(req.onDelta ? { onDelta: req.onDelta } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
        ...(cfg.firstByteMs !== undefined ? { firstByteMs: cfg.firstByteMs } : {}),
        ...(cfg.idleMs !== undefined ? { idleMs: cfg.idleMs } : {}),
      });
    },
  };
}
