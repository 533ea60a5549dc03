import { describeZodError } from '../describe-zod-error';
import * as z from 'zod/mini';
import { envelopeSchema, replySchema, type MessageMap, type Reply, type Req, type Res } from './envelope';

/** What the browser says about a message's sender (runtime.MessageSender, flattened). */
export interface Sender {
  tabId?: number;
  /** The URL of the sending document (a content script: the page's; an extension page: its own). */
  url?: string;
  /** The extension id of the sender; runtime messages from other extensions never reach onMessage. */
  id?: string;
  /** The sender's origin (Chrome), its tab's URL and its frame (0 = top). */
  origin?: string;
  tabUrl?: string;
  frameId?: number;
}

export type Handlers<M extends MessageMap> = {
  [K in keyof M]: (payload: ReqParsed<M, K>, sender: Sender) => Promise<Res<M, K>> | Res<M, K>;
};
type ReqParsed<M extends MessageMap, K extends keyof M> = z.output<M[K]['req']>;

/**
 * Builds a message listener: validates the envelope and the payload, runs the handler, validates its answer.
 * Every failure becomes `{ok:false, error}` — a bad message can never crash the receiver.
 */
export function createRouter<M extends MessageMap>(
  map: M,
  handlers: Handlers<M>,
  log: (msg: string) => void = () => {},
  /** Whether this sender may send this (known) type: ./policy.ts. Checked before the payload is parsed. */
  allow: (type: string, sender: Sender) => boolean = () => true,
) {
  return async function route(message: unknown, sender: Sender = {}): Promise<Reply> {
    const env = envelopeSchema.safeParse(message);
    if (!env.success) return { ok: false, error: `malformed message: ${describeZodError(env.error)}` };
    const { type, payload } = env.data;
    const entry = Object.prototype.hasOwnProperty.call(map, type) ? map[type] : undefined;
    const handler = entry ? handlers[type as keyof M] : undefined;
    if (!entry || !handler) return { ok: false, error: `unknown message type "${type}"` };
    if (!allow(type, sender)) {
      log(`refused "${type}" from ${sender.url ?? 'an unknown sender'}`);
      return { ok: false, error: `"${type}" is not accepted from this context` };
    }
    const req = z.safeParse(entry.req, payload);
    if (!req.success) return { ok: false, error: `invalid "${type}" message: ${describeZodError(req.error)}` };
    try {
      const data: unknown = await handler(req.data as ReqParsed<M, typeof type>, sender);
      const res = z.safeParse(entry.res, data);
      if (!res.success) {
        log(`handler for "${type}" returned an invalid answer: ${describeZodError(res.error)}`);
        return { ok: false, error: `internal error: invalid answer to "${type}"` };
      }
      return { ok: true, data: res.data };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      log(`handler for "${type}" failed: ${error}`);
      return { ok: false, error };
    }
  };
}

export class MessageError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(`${type}: ${message}`);
    this.name = 'MessageError';
  }
}

/** Sender side: wraps a payload, sends it, validates the reply. Throws MessageError with the receiver's words. */
export function createClient<M extends MessageMap>(map: M, send: (envelope: unknown) => Promise<unknown>) {
  const replies = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.res])) as Replies<M>;
  const call = createReplyClient<M>(replies, send);
  return async function checked<K extends keyof M & string>(type: K, payload: Req<M, K>): Promise<Res<M, K>> {
    const entry = map[type];
    if (!entry) throw new MessageError(type, 'unknown message type');
    const req = z.safeParse(entry.req, payload);
    if (!req.success) throw new MessageError(type, `invalid payload: ${describeZodError(req.error)}`);
    return call(type, req.data as Req<M, K>);
  };
}

export type Replies<M extends MessageMap> = { [K in keyof M]: M[K]['res'] };

/**
 * A client that validates only the replies: the receiver validates every request on receipt anyway. The
 * listing content script uses it so its bundle carries the reply schemas and not the request ones.
 */
export function createReplyClient<M extends MessageMap>(
  replies: Replies<M>,
  send: (envelope: unknown) => Promise<unknown>,
) {
  return async function call<K extends keyof M & string>(type: K, payload: Req<M, K>): Promise<Res<M, K>> {
    const schema = Object.prototype.hasOwnProperty.call(replies, type) ? replies[type] : undefined;
    if (!schema) throw new MessageError(type, 'unknown message type');
    const raw = await send({ otklik: 1, type, payload });
    if (raw === undefined) throw new MessageError(type, 'no receiver answered');
    const reply = replySchema.safeParse(raw);
    if (!reply.success || (!reply.data.ok && reply.data.error === undefined))
      throw new MessageError(type, 'malformed reply');
    if (!reply.data.ok) throw new MessageError(type, reply.data.error ?? '');
    const res = z.safeParse(schema, reply.data.data);
    if (!res.success) throw new MessageError(type, `invalid reply: ${describeZodError(res.error)}`);
    return res.data as Res<M, K>;
  };
}
