import * as z from 'zod/mini';
import type { PortLike } from '../../hh-pages/letters/port-client';

/** What a one-request port handler gets: a post that goes quiet once the caller hung up, and the hang-up. */
export interface PortCall<E> {
  post(event: E): void;
  /** Aborts when the other side disconnects (the caller's cancel). */
  signal: AbortSignal;
  /** Disconnects from our side, unless the caller already did. */
  close(): void;
}

/**
 * Serves a port that carries one request: its first message, parsed with `schema` (later messages are ignored).
 * A malformed request gets `{type:'error', message: malformed}` (and the port closed when `closeMalformed`);
 * a well-formed one goes to `handle`. The letter port (worker) and the engine port (offscreen) both work so.
 */
export function serveOneRequest<R, E>(
  port: PortLike,
  schema: z.ZodMiniType<R>,
  opts: { malformed: string; closeMalformed: boolean; handle(req: R, call: PortCall<E>): void },
): void {
  const ctl = new AbortController();
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    ctl.abort();
  });
  const call: PortCall<E> = {
    post: (e) => {
      if (open) port.postMessage(e);
    },
    signal: ctl.signal,
    close: () => {
      if (open) port.disconnect();
    },
  };
  let started = false;
  port.onMessage.addListener((raw) => {
    if (started) return;
    started = true;
    const req = z.safeParse(schema, raw);
    if (!req.success) {
      if (open) port.postMessage({ type: 'error', message: opts.malformed });
      if (opts.closeMalformed) port.disconnect();
      return;
    }
    opts.handle(req.data, call);
  });
}
