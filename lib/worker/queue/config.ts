import type { BlacklistEntry } from '../../core/match/profile';
import type { QaItem } from '../../core/negotiations/settings';
import type { Settings } from '../../core/settings/schema';

/** hh counts applications over the 24 hours before each one (hh-site.md §4): a rolling window, not a day. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface QueueConfig {
  /** Max applications per rolling 24 h (ours, ≤ hh's 200). */
  dailyCap: number;
  /** Random gap between two POSTs; [0, 0] = none. */
  pacingMs: { min: number; max: number };
  /** Minutes after local midnight; null = no quiet hours. */
  quietHours: { from: number; to: number } | null;
  /**
   * How long a claim holds a job; must exceed the work of one phase (POST + xsrf refresh + POST). A questionnaire
   * answered from the bank renews the lease before each of its phases (page GET; answered POST).
   */
  leaseMs: number;
  /** Per HTTP request. */
  requestTimeoutMs: number;
  retry: { baseMs: number; maxMs: number; maxTransientFailures: number };
  blacklist: readonly BlacklistEntry[];
  /** Never applied to ('' = not set). */
  currentEmployer: string;
  /** Employer questionnaires (issue 8): answered from the Q&A bank when it answers every question (`settings.qa`). */
  questionnaire: { auto: boolean; bank: readonly QaItem[] };
  /** Local clock: minutes since midnight for a time (injected for tests; default = the browser's zone). */
  minutesOfDay: (now: number) => number;
}

export const localMinutesOfDay = (now: number): number => {
  const d = new Date(now);
  return d.getHours() * 60 + d.getMinutes();
};

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export const DEFAULT_QUEUE_CONFIG: QueueConfig = {
  dailyCap: 50,
  pacingMs: { min: 30_000, max: 90_000 },
  quietHours: null,
  leaseMs: 90_000,
  requestTimeoutMs: 20_000,
  retry: { baseMs: 30_000, maxMs: 30 * 60_000, maxTransientFailures: 6 },
  blacklist: [],
  currentEmployer: '',
  questionnaire: { auto: false, bank: [] },
  minutesOfDay: localMinutesOfDay,
};

/**
 * Fast mode (`settings.apply.fast`, tests and debugging): no pacing, short leases, sub-second backoff.
 * The lease still exceeds the worst case of one step: 3 requests × requestTimeoutMs (2.4 s < 2.5 s).
 */
const FAST = {
  pacingMs: { min: 0, max: 0 },
  leaseMs: 2_500,
  requestTimeoutMs: 800,
  retry: { baseMs: 250, maxMs: 2_000, maxTransientFailures: 8 },
};

export function queueConfigFromSettings(
  s: Settings,
  minutesOfDay: (now: number) => number = localMinutesOfDay,
): QueueConfig {
  const a = s.apply;
  const base: QueueConfig = {
    ...DEFAULT_QUEUE_CONFIG,
    dailyCap: a.dailyCap,
    pacingMs: { min: a.pacing.minSeconds * 1000, max: a.pacing.maxSeconds * 1000 },
    quietHours:
      a.quietHours.enabled && a.quietHours.from !== a.quietHours.to
        ? { from: toMinutes(a.quietHours.from), to: toMinutes(a.quietHours.to) }
        : null,
    blacklist: s.profile.employerBlacklist,
    currentEmployer: a.currentEmployer,
    questionnaire: { auto: s.qa.autoAnswer, bank: s.qa.items },
    minutesOfDay,
  };
  return a.fast ? { ...base, ...FAST } : base;
}
