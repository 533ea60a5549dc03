import * as z from 'zod/mini';
import { vacancySnapshotSchema } from '../db/schema';

/**
 * "Write a letter now" over a long-lived runtime Port (issue 5 → used by the vacancy-page panel, issue 7).
 *
 * Why a Port and not sendMessage: generation streams for seconds to a minute; a one-shot message would hold
 * the worker with no output (and WebLLM runs driven by sendMessage get truncated silently, w3c/webextensions
 * #1014). Port messages also keep the MV3 worker alive while they flow (Chrome 114+), and a disconnect is the
 * natural cancel.
 *
 *   client ──connect({name: LETTER_PORT})──▶ background
 *   client ── LetterPortRequest (once) ─────▶
 *          ◀── {type:'progress'} … (optional: model loading, "retrying after a failed check")
 *          ◀── {type:'delta', text} …        (text = the next piece of the letter, in order)
 *          ◀── {type:'reset', reason}        (optional: drop what was streamed, a second attempt follows)
 *          ◀── {type:'done', letter, problems, asks} | {type:'error', message}   then the server disconnects
 *   client disconnects at any time = cancel (the server aborts the provider call).
 *
 * Every message is parsed with these schemas on both sides.
 */
export const LETTER_PORT = 'otklik:letter';

export const letterPortRequestSchema = z.object({
  vacancy: vacancySnapshotSchema,
  /** Full vacancy description, the page's HTML (CSS-hidden parts marked `hidden`) or text. Absent: the background fetches it. */
  description: z.optional(z.string().check(z.maxLength(100_000))),
  /** The vacancy's key skills when the page shows them. */
  keySkills: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
});
export type LetterPortRequest = z.infer<typeof letterPortRequestSchema>;

export const letterPortEventSchema = z.discriminatedUnion('type', [
  /** Loading the model, downloading, regenerating: a line for a status area; fraction 0..1 when known. */
  z.object({ type: z.literal('progress'), text: z.string(), fraction: z.optional(z.number()) }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  /** Discard the text streamed so far: the letter failed a check and is being written again (or replaced by the template). */
  z.object({ type: z.literal('reset'), reason: z.string() }),
  z.object({
    type: z.literal('done'),
    /** The final letter (after cleanup; may differ from the concatenated deltas, e.g. trimmed, or a regenerated one). */
    letter: z.string(),
    /** Validation problems left after one regeneration (empty = the letter passed every check). */
    problems: z.array(z.string()),
    /** What the vacancy asks applicants to put in the letter (code word, a question): for the user to handle. */
    asks: z.array(z.string()),
    /** Which provider wrote it ('template' when it fell back). */
    provider: z.optional(z.string()),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type LetterPortEvent = z.infer<typeof letterPortEventSchema>;
