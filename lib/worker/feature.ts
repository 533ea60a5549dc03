import type { Handlers } from '../core/messaging/router';
import type { toBackground } from '../core/messaging/protocol';
import type { WorkerServices } from './services';

export type BackgroundHandlers = Handlers<typeof toBackground>;

/**
 * One feature's share of the worker: the messages it answers and what it starts (alarms, listeners). The worker
 * entry loops over the registry (./features.ts); adding a feature is its folder plus one line there.
 */
export interface WorkerFeature {
  name: string;
  handlers?: (s: WorkerServices) => Partial<BackgroundHandlers>;
  /** Registers listeners and alarms; runs synchronously on every worker start, after the message handler. */
  register?: (s: WorkerServices) => void;
}

/** Merges the features' handlers; every message of the map must have exactly one (else the worker fails at start). */
export function composeHandlers(
  features: readonly WorkerFeature[],
  s: WorkerServices,
  types: readonly string[],
): BackgroundHandlers {
  const merged: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const f of features) {
    for (const [type, handler] of Object.entries(f.handlers?.(s) ?? {})) {
      if (owner[type]) throw new Error(`message "${type}" is handled by both ${owner[type]} and ${f.name}`);
      owner[type] = f.name;
      merged[type] = handler;
    }
  }
  const missing = types.filter((t) => !owner[t]);
  if (missing.length) throw new Error(`no worker feature handles: ${missing.join(', ')}`);
  return merged as BackgroundHandlers;
}
