import * as z from 'zod/mini';
import { jobStateSchema } from '../db/job-state';

/*
 * What the worker answers to the listing content script's messages (./listing-protocol has the requests).
 * The only message schemas in that bundle, which is injected on every hh page: its client validates the
 * replies, and the worker validates each request on receipt.
 */
export const listingReplies = {
  reportTriage: z.object({ recorded: z.boolean() }),
  openOptions: z.object({ opened: z.boolean() }),
  loadPageFeatures: z.object({ loaded: z.boolean() }),
  /** One result per item, in order: what the listing shows (the worker's full results, ./listing-protocol, carry more). */
  enqueueMany: z.object({ results: z.array(z.object({ state: jobStateSchema, reason: z.optional(z.string()) })), created: z.number() }),
  /** The job state of each vacancy that has a job (a list, not a record: z.record would cost the bundle ~0.5 KB gz). */
  jobsForVacancies: z.object({ jobs: z.array(z.object({ vacancyId: z.string(), state: jobStateSchema })) }),
} as const;
