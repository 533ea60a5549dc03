/**
 * One interface for every letter writer: streaming (onDelta), cancellation (AbortSignal) and errors that say
 * what to do (ProviderError.kind + a message for the user).
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  /** Upper bound of generated tokens (a 3–6 sentence Russian letter is ~250–450 Qwen tokens). */
  maxTokens: number;
  temperature: number;
  /** Each piece of text as it arrives, in order. */
  onDelta?: (text: string) => void;
  /** Model download/loading progress (local models). */
  onProgress?: (text: string, fraction?: number) => void;
  signal?: AbortSignal;
}

export interface LetterProvider {
  /** 'openai' | 'gigachat' | 'webllm' | 'template' — shown on the job ("written by …"). */
  readonly id: string;
  /** Resolves with the whole text; rejects with ProviderError (or an AbortError when `signal` aborted). */
  complete(req: CompletionRequest): Promise<string>;
}

export type ProviderErrorKind =
  /** Key missing/wrong/expired (401/403). */
  | 'auth'
  /** Too many requests / quota (429). */
  | 'rate_limit'
  /** Wrong base URL or model (404, unknown model). */
  | 'config'
  /** No answer in time, or the stream stalled. */
  | 'timeout'
  /** Cannot reach the host (DNS, TLS, CORS, offline, no host permission). */
  | 'network'
  /** The provider failed (5xx) or answered something we cannot read. */
  | 'server'
  /** Local model: no WebGPU, not enough memory, not downloaded. */
  | 'unavailable'
  | 'cancelled';

/** An error for the user: `message` says what happened AND what to do about it. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** Seconds to wait before retrying (Retry-After), when the provider said. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

export const isAbort = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'AbortError' || (e instanceof ProviderError && e.kind === 'cancelled'));

/** Throws the standard cancellation error when the signal has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
}
