import * as z from 'zod/mini';

/**
 * Any zod schema, zod/mini or classic (both build on zod/v4/core): the router validates with the functional
 * `z.safeParse`, never a schema's own method, so a classic-zod map (tests, tools) works as well.
 */
export type MessageMap = Record<string, { req: z.core.$ZodType; res: z.core.$ZodType }>;
export type MessageType<M extends MessageMap> = keyof M & string;
export type Req<M extends MessageMap, K extends keyof M> = z.input<M[K]['req']>;
export type Res<M extends MessageMap, K extends keyof M> = z.output<M[K]['res']>;

const messageType = /* @__PURE__ */ z.string();
/**
 * What travels: a tagged envelope, so foreign messages are told apart from ours. Pure-annotated: only receivers
 * (the worker's router) parse it, and the listing content script, which only sends, then carries none of its code.
 */
export const envelopeSchema = /* @__PURE__ */ z.object({
  otklik: /* @__PURE__ */ z.literal(1),
  type: /* @__PURE__ */ messageType.check(/* @__PURE__ */ z.minLength(1)),
  payload: /* @__PURE__ */ z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * `{ok: true, data}` or `{ok: false, error}`. One flat object rather than a discriminated union: the union's
 * zod code would weigh on the listing content script; the client turns an error-less `ok: false` into
 * "malformed reply" itself (router.ts).
 */
export const replySchema = z.object({ ok: z.boolean(), data: z.optional(z.unknown()), error: z.optional(z.string()) });
export type Reply = { ok: true; data: unknown } | { ok: false; error: string };
