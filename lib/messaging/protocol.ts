import { z } from 'zod';

/**
 * The one message map. Each entry: what the sender passes and what the receiver answers, both validated with
 * zod on receipt. `toBackground` messages are handled by the service worker (the only runtime.onMessage
 * router); `toContent` ones by the content script of one tab (tabs.sendMessage).
 */
export const triageStatsSchema = z.object({
  url: z.string().url(),
  total: z.number().int().nonnegative(),
  shown: z.number().int().nonnegative(),
  dimmed: z.number().int().nonnegative(),
  hidden: z.number().int().nonnegative(),
  /** Cards whose markup was not recognised (never scored). */
  unrecognised: z.number().int().nonnegative(),
  /** Script time of the first triage pass over the cards present at DOM ready (benchmark figure). */
  firstPassMs: z.number().nonnegative().optional(),
});
export type TriageStats = z.infer<typeof triageStatsSchema>;

export const toBackground = {
  ping: {
    req: z.object({}),
    res: z.object({ version: z.string(), context: z.literal('background') }),
  },
  /** Content script → background: what triage did on the sender's tab (drives the toolbar badge). */
  reportTriage: {
    req: triageStatsSchema,
    res: z.object({ recorded: z.boolean() }),
  },
  /** Content script → background: open the options page (content scripts cannot do it themselves). */
  openOptions: {
    req: z.object({}),
    res: z.object({ opened: z.boolean() }),
  },
  /** Popup → background: the triage stats of a tab. */
  getTabTriage: {
    req: z.object({ tabId: z.number().int() }),
    res: triageStatsSchema.nullable(),
  },
} as const;

export const toContent = {
  /** Popup/background → a tab: what the content script currently shows. */
  getTriage: {
    req: z.object({}),
    res: triageStatsSchema.nullable(),
  },
} as const;

export type MessageMap = Record<string, { req: z.ZodType; res: z.ZodType }>;
export type MessageType<M extends MessageMap> = keyof M & string;
export type Req<M extends MessageMap, K extends keyof M> = z.input<M[K]['req']>;
export type Res<M extends MessageMap, K extends keyof M> = z.output<M[K]['res']>;

/** What travels: a tagged envelope, so foreign messages are told apart from ours. */
export const envelopeSchema = z.object({
  otklik: z.literal(1),
  type: z.string().min(1),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof replySchema>;
