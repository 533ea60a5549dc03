import * as z from 'zod/mini';

/**
 * Background ↔ offscreen document (where the WebLLM engine lives): one runtime Port per operation, named
 * ENGINE_PORT. The first message is the request; the host answers with events and a final done/error.
 * Disconnecting the port cancels (generation is interrupted).
 */
export const ENGINE_PORT = 'otklik:engine';

const message = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

export const engineRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('load'), modelId: z.string(), modelBaseUrl: z.string() }),
  z.object({
    op: z.literal('chat'),
    modelId: z.string(),
    modelBaseUrl: z.string(),
    messages: z.array(message),
    maxTokens: z.int(),
    temperature: z.number(),
  }),
  z.object({ op: z.literal('cached'), modelIds: z.array(z.string()), modelBaseUrl: z.string() }),
  z.object({ op: z.literal('delete'), modelId: z.string(), modelBaseUrl: z.string() }),
  z.object({ op: z.literal('capability') }),
  z.object({ op: z.literal('unload') }),
  z.object({ op: z.literal('status') }),
]);
export type EngineRequest = z.infer<typeof engineRequestSchema>;

export const gpuCapabilitySchema = z.object({
  webgpu: z.boolean(),
  f16: z.boolean(),
  maxBufferMB: z.nullable(z.number()),
  reason: z.optional(z.string()),
  adapter: z.optional(z.string()),
});

export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), fraction: z.number(), text: z.string() }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  z.object({
    type: z.literal('done'),
    text: z.optional(z.string()),
    cached: z.optional(z.record(z.string(), z.boolean())),
    capability: z.optional(gpuCapabilitySchema),
    loaded: z.optional(z.nullable(z.string())),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
