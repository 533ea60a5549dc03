import type * as z from 'zod/mini';
import { describeZodError } from '../../core/describe-zod-error';

/**
 * Stored settings through `schema`: absent reads as the schema's defaults; a corrupt value too, reported through
 * `onError` (never overwritten here: only the worker writes settings).
 */
export function parseOrDefaults<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
  onError?: (message: string) => void,
): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  onError?.(`stored settings are invalid, using defaults: ${describeZodError(parsed.error)}`);
  return schema.parse({});
}
