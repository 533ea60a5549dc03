import { storage } from '#imports';
import * as z from 'zod/mini';
import { triageStatsSchema, type TriageStats } from '../../core/messaging/protocol';

/**
 * Per-tab triage stats live in session storage: the service worker may be killed between a content script's
 * report and the popup's question, and module variables would forget them.
 */
const tabStatsItem = storage.defineItem<Record<string, unknown>>('session:tabTriage', { fallback: {} });
const storedSchema = z.record(z.string(), triageStatsSchema);

async function readAll(): Promise<Record<string, TriageStats>> {
  const parsed = storedSchema.safeParse(await tabStatsItem.getValue());
  return parsed.success ? parsed.data : {};
}

export async function recordTabStats(tabId: number, stats: TriageStats): Promise<void> {
  const all = await readAll();
  all[String(tabId)] = stats;
  await tabStatsItem.setValue(all);
}

export async function getTabStats(tabId: number): Promise<TriageStats | null> {
  return (await readAll())[String(tabId)] ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  const all = await readAll();
  if (!(String(tabId) in all)) return;
  delete all[String(tabId)];
  await tabStatsItem.setValue(all);
}

/** Badge text: how many cards Otklik hid or dimmed on this tab ("" when none). */
export function badgeText(stats: TriageStats): string {
  const n = stats.hidden + stats.dimmed;
  if (n === 0) return '';
  return n > 999 ? '999+' : String(n);
}
