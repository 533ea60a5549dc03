import { browser } from '#imports';
import * as z from 'zod/mini';
import {
  LETTER_PORT,
  letterPortEventSchema,
  letterPortRequestSchema,
  type LetterPortRequest,
} from '../../core/letters/port-protocol';

/**
 * Client of the "write a letter now" port (see ./port-protocol.ts). Content-script safe: no Dexie, no
 * provider code, only the runtime port and zod/mini.
 *
 *   const r = await generateLetter({ vacancy, description }, { onDelta: (t) => (box.value += t), signal });
 *
 * Resolves with the final letter, problems and asks; rejects with an Error whose message is for the user, or
 * with an AbortError when `signal` aborts (the port is closed, which cancels generation in the background).
 */
export interface LetterResult {
  letter: string;
  problems: string[];
  asks: string[];
  provider?: string;
}

export interface GenerateOptions {
  onDelta?: (text: string) => void;
  onProgress?: (text: string, fraction?: number) => void;
  /** The text streamed so far is void (a failed check → written again): clear the box. */
  onReset?: (reason: string) => void;
  signal?: AbortSignal;
}

/** The part of runtime.Port this client uses (tests pass a fake). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function generateLetter(
  request: LetterPortRequest,
  opts: GenerateOptions = {},
  connect: () => PortLike = () => browser.runtime.connect({ name: LETTER_PORT }),
): Promise<LetterResult> {
  const req = letterPortRequestSchema.safeParse(request);
  if (!req.success)
    return Promise.reject(new Error(`invalid letter request: ${req.error.issues.map((i) => i.message).join('; ')}`));
  if (opts.signal?.aborted) return Promise.reject(new DOMException('cancelled', 'AbortError'));
  return new Promise<LetterResult>((resolve, reject) => {
    let settled = false;
    const port = connect();
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () =>
      finish(() => {
        port.disconnect();
        reject(new DOMException('cancelled', 'AbortError'));
      });
    opts.signal?.addEventListener('abort', onAbort);
    port.onMessage.addListener((raw) => {
      const ev = z.safeParse(letterPortEventSchema, raw);
      if (!ev.success)
        return finish(() => {
          port.disconnect();
          reject(new Error('the background sent a malformed letter event'));
        });
      const e = ev.data;
      if (e.type === 'delta') opts.onDelta?.(e.text);
      else if (e.type === 'progress') opts.onProgress?.(e.text, e.fraction);
      else if (e.type === 'reset') opts.onReset?.(e.reason);
      else if (e.type === 'error')
        finish(() => {
          port.disconnect();
          reject(new Error(e.message));
        });
      else
        finish(() => {
          port.disconnect();
          const r: LetterResult = { letter: e.letter, problems: e.problems, asks: e.asks };
          if (e.provider !== undefined) r.provider = e.provider;
          resolve(r);
        });
    });
    port.onDisconnect.addListener(() =>
      finish(() => reject(new Error('the letter writer stopped (extension reloaded or worker restarted): try again'))),
    );
    port.postMessage(req.data);
  });
}
