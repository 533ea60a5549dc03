import { discoverySchema, type DiscoverySettings, type SavedSearch } from '../../core/discovery/settings';

/** Saved searches as the options page edits them: one per line, `name | link or query`. */
export function formatSearches(list: readonly SavedSearch[]): string {
  return list.map((s) => `${s.enabled ? '' : '# '}${s.name} | ${s.query}`).join('\n');
}

/** The reverse; a line without `|` is its own name (cut short). A leading `#` keeps a search but turns it off. */
export function parseSearches(text: string): SavedSearch[] {
  const out: SavedSearch[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (!line) continue;
    const enabled = !line.startsWith('#');
    if (!enabled) line = line.replace(/^#\s*/, '');
    const bar = line.indexOf('|');
    const name = (bar >= 0 ? line.slice(0, bar) : line).trim().slice(0, 100) || 'search';
    const query = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    if (query) out.push({ name, query, enabled });
  }
  return out;
}

export interface DiscoveryDraft {
  enabled: boolean;
  mode: DiscoverySettings['mode'];
  similar: boolean;
  resumeHash: string;
  profileQuery: boolean;
  searches: string;
  interval: string;
  pacingMin: string;
  pacingMax: string;
  maxPages: string;
  maxFull: string;
  threshold: string;
}

export const toDiscoveryDraft = (d: DiscoverySettings): DiscoveryDraft => ({
  enabled: d.enabled,
  mode: d.mode,
  similar: d.similar,
  resumeHash: d.resumeHash ?? '',
  profileQuery: d.profileQuery,
  searches: formatSearches(d.searches),
  interval: String(d.intervalMinutes),
  pacingMin: String(d.pacing.minSeconds),
  pacingMax: String(d.pacing.maxSeconds),
  maxPages: String(d.maxPagesPerRound),
  maxFull: String(d.maxFullTextPerRound),
  threshold: String(Math.round(d.threshold * 100)),
});

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/** Draft → settings section, or the problems (field path: message), nothing half-applied. */
export function fromDiscoveryDraft(
  d: DiscoveryDraft,
): { ok: true; value: DiscoverySettings } | { ok: false; errors: Record<string, string> } {
  const r = discoverySchema.safeParse({
    enabled: d.enabled,
    mode: d.mode,
    similar: d.similar,
    resumeHash: d.resumeHash || null,
    profileQuery: d.profileQuery,
    searches: parseSearches(d.searches),
    intervalMinutes: num(d.interval),
    pacing: { minSeconds: num(d.pacingMin), maxSeconds: num(d.pacingMax) },
    maxPagesPerRound: num(d.maxPages),
    maxFullTextPerRound: num(d.maxFull),
    threshold: num(d.threshold) / 100,
  });
  if (r.success) return { ok: true, value: r.data };
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) errors[i.path.map(String).join('.') || 'discovery'] ??= i.message;
  return { ok: false, errors };
}
