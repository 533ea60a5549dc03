import * as z from 'zod/mini';

/**
 * Any zod schema, zod/mini or classic (both build on zod/v4/core): the router validates with the functional
 * `z.safeParse`, never a schema's own method, so a classic-zod map (tests, tools) works as well.
 */
export type MessageMap = Record<string, { req: z.core.$ZodType; res: z.core.$ZodType }>;
export type MessageType<M extends MessageMap> = keyof M & string;
export type Req<M extends MessageMap, K extends keyof M> = z.input<M[K]['req']>;
export type Res<M extends MessageMap, K extends keyof M> = z.output<M[K]['res']>;

/** What travels: a tagged envelope, so foreign messages are told apart from ours. */
export const envelopeSchema = z.object({
  otklik: z.literal(1),
  type: z.string().check(z.minLength(1)),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof replySchema>;
