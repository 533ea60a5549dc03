import * as z from 'zod/mini';

/** What Otklik tells the user about, and where. The Telegram bot token is a secret kept apart (./token.ts). */
export const NOTIFY_KINDS = ['strongMatches', 'queuePaused', 'invitations'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

const kindsSchema = z.object({
  strongMatches: z._default(z.boolean(), true),
  queuePaused: z._default(z.boolean(), true),
  invitations: z._default(z.boolean(), true),
});

export const notifySchema = z.object({
  /** Browser notifications, per kind. */
  browser: z._default(kindsSchema, () => ({ strongMatches: true, queuePaused: true, invitations: true })),
  telegram: z._default(
    z.object({
      enabled: z._default(z.boolean(), false),
      /** Numeric chat id (negative for groups) or @channel name. */
      chatId: z._default(
        z
          .string()
          .check(
            z.trim(),
            z.maxLength(64),
            z.regex(/^$|^-?\d{1,20}$|^@[A-Za-z0-9_]{4,64}$/, 'chat id must be a number or @channel'),
          ),
        '',
      ),
      kinds: z._default(kindsSchema, () => ({ strongMatches: true, queuePaused: true, invitations: true })),
    }),
    () => ({ enabled: false, chatId: '', kinds: { strongMatches: true, queuePaused: true, invitations: true } }),
  ),
});
export type NotifySettings = z.infer<typeof notifySchema>;
