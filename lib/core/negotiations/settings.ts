import * as z from 'zod/mini';

/**
 * Settings of responses and employer chats (issue 8): the Q&A bank the user fills once (answers to the
 * questions employers ask on apply and in chats) and how often the responses page is read.
 */
export const QA_KINDS = ['salary', 'notice', 'relocation', 'workFormat', 'experience', 'contacts', 'custom'] as const;
export type QaKind = (typeof QA_KINDS)[number];

export const qaItemSchema = z.object({
  kind: z._default(z.enum(QA_KINDS), 'custom'),
  /** custom: words or phrases of the question, separated by commas or "|" (any one matches). Built-in kinds may add their own. */
  pattern: z._default(z.string().check(z.trim(), z.maxLength(300)), ''),
  answer: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
});
export type QaItem = z.infer<typeof qaItemSchema>;

export const qaSchema = z.object({
  items: z._default(z.array(qaItemSchema).check(z.maxLength(100)), () => []),
  /**
   * Answer an employer questionnaire on apply from the bank by itself — only when EVERY question is a text
   * question the bank answers; otherwise the job waits for the user as before (lib/worker/negotiations/auto-answer.ts).
   */
  autoAnswer: z._default(z.boolean(), true),
  /** Draft replies to new employer messages (never sent without a click). */
  draftReplies: z._default(z.boolean(), true),
  /** How often the worker reads the responses page (minutes). */
  syncMinutes: z._default(z.int().check(z.gte(15), z.lte(24 * 60)), 60),
});
export type QaSettings = z.infer<typeof qaSchema>;
