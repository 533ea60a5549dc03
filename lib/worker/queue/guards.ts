import type { VacancySnapshot } from '../../core/db/schema';
import type { BlacklistEntry } from '../../core/match/profile';
import type { QueueConfig } from './config';

/** Lower case, ё→е, quotes/punctuation and legal-form noise dropped: «ООО "Ромашка"» ≡ ромашка. */
const LEGAL_FORMS = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'нко', 'llc', 'ltd', 'inc', 'gmbh']);

export function normEmployer(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'`„“”.,()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(' ');
}

/**
 * Why this vacancy must never be applied to, or null. By hh employer id when both sides know it, else by
 * normalised name. The user's current employer counts as blacklisted.
 */
export function employerBlockReason(
  vacancy: VacancySnapshot,
  blacklist: readonly BlacklistEntry[],
  currentEmployer: string,
): string | null {
  const e = vacancy.employer;
  if (!e) return null;
  const name = normEmployer(e.name);
  for (const b of blacklist) {
    if (b.id && e.id && b.id === e.id) return `employer blacklisted: ${b.name}`;
    if (name && normEmployer(b.name) === name) return `employer blacklisted: ${b.name}`;
  }
  if (currentEmployer.trim() && name && normEmployer(currentEmployer) === name)
    return `current employer: ${currentEmployer.trim()}`;
  return null;
}

export const blockFor = (cfg: Pick<QueueConfig, 'blacklist' | 'currentEmployer'>) => (v: VacancySnapshot) =>
  employerBlockReason(v, cfg.blacklist, cfg.currentEmployer);

const DAY_MIN = 24 * 60;

/**
 * If `now` falls in the quiet hours, the time they end (ms epoch), else null. The window may span midnight
 * (23:00–08:00). Computed from the injected local clock, so tests do not depend on the machine's zone.
 */
export function quietUntil(now: number, cfg: Pick<QueueConfig, 'quietHours' | 'minutesOfDay'>): number | null {
  const q = cfg.quietHours;
  if (!q || q.from === q.to) return null;
  const m = cfg.minutesOfDay(now);
  const inside = q.from < q.to ? m >= q.from && m < q.to : m >= q.from || m < q.to;
  if (!inside) return null;
  const minutesLeft = (q.to - m + DAY_MIN) % DAY_MIN || DAY_MIN;
  // Round down to the minute we are in, then add the minutes left.
  return now - (now % 60_000) + minutesLeft * 60_000;
}

/** Random gap before the next POST. */
export function pacingDelay(cfg: Pick<QueueConfig, 'pacingMs'>, random: () => number): number {
  const { min, max } = cfg.pacingMs;
  return Math.round(min + random() * Math.max(0, max - min));
}

/**
 * Exponential backoff with jitter after the n-th consecutive transient failure (n ≥ 1): the delay is drawn
 * from [d/2, d] with d = min(max, base·2^(n−1)) ("equal jitter": never zero, never synchronised).
 */
export function backoffDelay(
  n: number,
  cfg: Pick<QueueConfig, 'retry'>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const d = Math.min(cfg.retry.maxMs, cfg.retry.baseMs * 2 ** Math.max(0, n - 1));
  const jittered = Math.round(d / 2 + random() * (d / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
