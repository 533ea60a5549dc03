/**
 * What Otklik keeps of the user's responses («Отклики») and employer chats (Dexie v5, background/pages only).
 *
 * One record per hh topic (a response = a "negotiation topic"; its id is what the apply answer calls topic_id).
 * `status` is hh's latest word; the milestone times are set once and never cleared, so a response that was
 * invited and later archived still counts as invited in the funnel.
 */
export const NEGOTIATION_STATUSES = ['sent', 'viewed', 'invitation', 'rejection', 'archived'] as const;
export type NegotiationStatus = (typeof NEGOTIATION_STATUSES)[number];

export interface NegotiationRecord {
  topicId: string;
  vacancyId: string | null;
  chatId: string | null;
  /** The queue job this response came from (null: the user applied on hh by hand, or not linked yet). */
  jobId: number | null;
  title: string;
  employer: string;
  status: NegotiationStatus;
  /** hh's own word for it (topic lastState or the card tag), for the UI tooltip and debugging. */
  hhState: string | null;
  hasNewMessages: boolean;
  messagesCount: number | null;
  /** When the application was sent (job outcome, else hh's topic creation, else first seen). */
  appliedAt: number;
  firstSeenAt: number;
  viewedAt: number | null;
  invitedAt: number | null;
  rejectedAt: number | null;
  archivedAt: number | null;
  statusChangedAt: number;
  updatedAt: number;
  /** Relevance score of the vacancy when the job knew it (response rate by score band). */
  score: number | null;
}

/** A reply waiting for the user: an employer message and the draft written for it. Never sent without a click. */
export const REPLY_STATES = ['new', 'drafted', 'sent', 'dismissed', 'failed'] as const;
export type ReplyState = (typeof REPLY_STATES)[number];

export interface ReplyRecord {
  topicId: string;
  chatId: string | null;
  /** The employer's latest message(s) as received (untrusted, capped) and its id when hh gave one. */
  employerText: string;
  employerMessageId: string | null;
  employerAt: number;
  /** Draft for the user to edit; '' until written. */
  draft: string;
  /** Who wrote the draft: a provider id ('openai', 'template', …) or 'user' after an edit. */
  draftBy: string | null;
  state: ReplyState;
  /** What to check in a model's draft before sending (foreign links, AI talk…); absent on rows of older versions. */
  problems?: string[];
  /** Why the last send or draft failed, in words for the user. */
  error: string | null;
  sentAt: number | null;
  updatedAt: number;
}
