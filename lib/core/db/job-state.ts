import * as z from 'zod/mini';

/** Job states (the diagram is in ./schema.ts). Its own module: the listing content script needs only this. */
export const JOB_STATES = [
  'pending',
  'processing',
  'review',
  'applied',
  'needs_user',
  'skipped',
  'failed',
  'cancelled',
] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;
