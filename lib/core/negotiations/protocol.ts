import * as z from 'zod/mini';
import { NEGOTIATION_STATUSES, REPLY_STATES } from '../db/negotiation-rows';

/**
 * Messages of responses and employer chats (issue 8), spread into lib/core/messaging/protocol.ts `toBackground`.
 * The content script reports what it parsed on the responses page; popup/options read the funnel and the
 * replies waiting for the user and act on them. Sending a reply is one explicit message per click.
 */
const id = z.string().check(z.regex(/^\d{1,15}$/, 'not an hh id'));
const count = z.int().check(z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max));

export const cardSchema = z.object({
  topicId: id,
  title: text(500),
  company: text(300),
  dateText: text(100),
  status: z.enum(['not_viewed', 'viewed', 'invitation', 'interview', 'hired', 'discard', 'archived', 'unknown']),
  tag: z.nullable(z.object({ qa: text(200), text: text(200) })),
  employerId: z.nullable(id),
  canDecline: z.boolean(),
});

export const topicSchema = z.object({
  topicId: id,
  vacancyId: z.nullable(id),
  chatId: z.nullable(id),
  lastState: z.nullable(text(60)),
  archived: z.boolean(),
  hasNewMessages: z.boolean(),
  viewedByOpponent: z.nullable(z.boolean()),
  invited: z.nullable(z.boolean()),
  discarded: z.nullable(z.boolean()),
  messagesCount: z.nullable(count),
  lastModified: z.nullable(z.number()),
  created: z.nullable(z.number()),
});

const countsSchema = z.object({
  applied: count,
  viewed: count,
  invited: count,
  rejected: count,
  waiting: count,
  archived: count,
});
export const funnelSchema = z.object({
  total: countsSchema,
  weeks: z.array(z.extend(countsSchema, { weekStart: z.number() })),
  bands: z.array(
    z.extend(countsSchema, {
      from: z.nullable(z.number()),
      to: z.nullable(z.number()),
      inviteRate: z.nullable(z.number()),
      responseRate: z.nullable(z.number()),
    }),
  ),
  /** Last successful sync with hh (ms epoch) and the last error, for the popup footer. */
  syncedAt: z.nullable(z.number()),
  syncError: z.nullable(z.string()),
  /** The triage thresholds, so the popup can mark the bands around them. */
  thresholds: z.object({ hide: z.number(), dim: z.number() }),
});
export type FunnelView = z.infer<typeof funnelSchema>;

export const replyViewSchema = z.object({
  topicId: id,
  chatId: z.nullable(id),
  title: z.string(),
  employer: z.string(),
  status: z.enum(NEGOTIATION_STATUSES),
  employerText: z.string(),
  employerAt: z.number(),
  draft: z.string(),
  draftBy: z.nullable(z.string()),
  state: z.enum(REPLY_STATES),
  error: z.nullable(z.string()),
  /** What to check before sending a model's draft (foreign links, AI talk…). */
  problems: z.array(z.string()),
  chatUrl: z.string(),
});
export type ReplyView = z.infer<typeof replyViewSchema>;

const okSchema = z.object({ ok: z.boolean(), error: z.optional(z.string()) });
const syncResultSchema = z.object({
  ok: z.boolean(),
  error: z.optional(z.string()),
  created: count,
  updated: count,
  changed: count,
  newMessages: count,
});

export const negotiationMessages = {
  /** Content script on /applicant/negotiations → what the page shows (cards always; topics when the state is current). */
  reportNegotiations: {
    req: z.object({
      url: z.url(),
      cards: z.array(cardSchema).check(z.maxLength(200)),
      topics: z.array(topicSchema).check(z.maxLength(200)),
    }),
    res: syncResultSchema,
  },
  /** Popup "refresh" (and the alarm's own path): the worker reads the responses page itself. */
  syncNegotiations: { req: z.object({}), res: syncResultSchema },
  /** The funnel for the popup stats. */
  negotiationsFunnel: { req: z.object({ weeks: z.optional(z.int().check(z.gte(1), z.lte(52))) }), res: funnelSchema },
  /** Employer messages waiting for the user's answer, newest first. */
  listReplies: { req: z.object({}), res: z.object({ replies: z.array(replyViewSchema) }) },
  /** The user edited a draft (kept as theirs: a redraft never overwrites it silently). */
  updateReplyDraft: { req: z.object({ topicId: id, draft: text(4000) }), res: okSchema },
  /** Write the draft again with the provider (discards the current draft). */
  redraftReply: { req: z.object({ topicId: id }), res: okSchema },
  /** The user clicked "send": the only path to hh's chat endpoint. */
  sendReply: {
    req: z.object({ topicId: id, text: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)) }),
    res: okSchema,
  },
  /** "Not now": hides the message until the employer writes again. */
  dismissReply: { req: z.object({ topicId: id }), res: okSchema },
} as const;
