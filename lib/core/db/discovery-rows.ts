import type { VacancySnapshot } from './schema';

/**
 * What discovery remembers of every vacancy it has looked at (Dexie table `seen`, keyed by vacancy id), so the
 * next round only looks at new ones. Suggestions are the rows with verdict 'suggested'.
 */
export type SeenVerdict =
  /** Scored below the threshold. */
  | 'below'
  /** hh says the user applied, or the queue already has it. */
  | 'applied'
  | 'blacklisted'
  /** Waiting in the popup for the user (suggest mode). */
  | 'suggested'
  /** Put into the apply queue (auto mode, or the user queued a suggestion). */
  | 'queued'
  /** The user dismissed the suggestion. */
  | 'dismissed'
  /** Auto mode could not queue it (no resume, …): kept as a suggestion would be pointless. */
  | 'failed';

export interface SeenVacancy {
  /** hh vacancy id. */
  id: string;
  firstSeenAt: number;
  /** The source that found it first ('similar', 'query', or a saved search's name). */
  source: string;
  /** 0..1; full-text score when the vacancy page was read. */
  score: number;
  fullText: boolean;
  verdict: SeenVerdict;
  /** Formatted reasons (in the UI language of the round), most important first. */
  reasons: string[];
  vacancy: VacancySnapshot;
  /** When the verdict last changed (suggestions are listed newest first). */
  updatedAt: number;
}

export interface SourceRun {
  key: string;
  label: string;
  pages: number;
  vacancies: number;
  fresh: number;
  /** Why this source stopped: ran out of pages, a page brought nothing new, the round's page cap, or a fault. */
  stop: 'end' | 'nothing_new' | 'page_cap' | 'blocked' | 'error';
  error?: string;
}

export type DiscoveryPauseReason = 'captcha' | 'logged_out';

/** The state of discovery between rounds (Dexie table `discovery`, one row). */
export interface DiscoveryState {
  key: 'state';
  lastRun: RoundSummary | null;
  /** Set on captcha / logout: no rounds until the user resumes (the popup says so). */
  pause: { reason: DiscoveryPauseReason; message: string; since: number } | null;
  /** After 429/5xx: no round before this time (ms epoch). */
  backoffUntil: number;
  /** Consecutive rounds ended by 429/5xx (drives the backoff). */
  failures: number;
  /** Topic id → last seen negotiation state (invitation notices). */
  topics: Record<string, string>;
}

export interface RoundSummary {
  startedAt: number;
  finishedAt: number;
  sources: SourceRun[];
  pages: number;
  fullTextFetches: number;
  fresh: number;
  suggested: number;
  queued: number;
  /** 'done', or why the round stopped early. */
  outcome: 'done' | 'captcha' | 'logged_out' | 'throttled' | 'error' | 'no_sources' | 'no_profile';
  error?: string;
}
