import { normalizeText } from '../../core/match';
import type { MatchVacancy } from '../../core/match/vacancy';
import {
  correct,
  emptyFeedback,
  FEEDBACK_SOURCES,
  feedbackStoreSchema,
  implicitAllowed,
  learn,
  learnedAdjustments,
  vacancyFeatures,
  type FeedbackLabel,
  type FeedbackSource,
  type FeedbackStore,
  type FeedbackWhy,
} from './model';

/** Where the learned model is kept (the worker passes browser.storage.local; tests a Map). */
export interface FeedbackStorage {
  get(): Promise<unknown>;
  set(value: FeedbackStore): Promise<void>;
}

interface Seen {
  features: string[];
  base: number;
  title: string;
  employer?: string;
}

/** Vacancies scored lately, remembered by id: a label names a vacancy id, its facts come from the worker's own read. */
const SEEN_MAX = 3000;

/**
 * The worker's per-user feedback model: corrects scores, learns from labels, shows and forgets what it learned.
 * A label only names a vacancy the worker itself scored lately (the page says which card was clicked, never
 * what the vacancy is), so a page cannot teach Otklik made-up titles or employers.
 */
export function createFeedback(
  storage: FeedbackStorage,
  now: () => number = Date.now,
  warn: (m: string) => void = () => undefined,
) {
  let cache: FeedbackStore | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  const seen = new Map<string, Seen>();

  async function load(): Promise<FeedbackStore> {
    if (cache) return cache;
    const raw = await storage.get();
    const parsed = feedbackStoreSchema.safeParse(raw ?? emptyFeedback());
    if (!parsed.success) warn('stored feedback model is unreadable: starting afresh');
    cache = parsed.success ? parsed.data : emptyFeedback();
    return cache;
  }

  /** Serialised: two quick clicks never lose a label. Nothing is written when nothing changed. */
  function update(f: (s: FeedbackStore) => FeedbackStore): Promise<FeedbackStore> {
    const next = pending.then(async () => {
      const old = await load();
      const s = f(old);
      if (s === old) return s;
      await storage.set(s);
      cache = s;
      return s;
    });
    pending = next.catch(() => undefined);
    return next;
  }

  async function save(
    vacancyId: string,
    s: Seen,
    label: FeedbackLabel,
    source: FeedbackSource,
    why?: FeedbackWhy,
    at: number = now(),
  ): Promise<boolean> {
    let learned = false;
    await update((store) => {
      // learn() refuses an implicit label over an explicit one (or a second of its kind) by returning the store.
      const next = learn(store, vacancyId, {
        label,
        source,
        features: s.features,
        base: s.base,
        title: s.title.slice(0, 300),
        ...(s.employer ? { employer: s.employer.slice(0, 300) } : {}),
        ...(why ? { why } : {}),
        at,
      });
      learned = next !== store;
      return next;
    });
    return learned;
  }

  return {
    /** The store to correct a batch of scores with (read once per batch). */
    current: load,
    /** The corrected score of one vacancy the scorer just scored; remembers its facts for a later label. */
    apply(
      store: FeedbackStore,
      v: MatchVacancy & { professionalRoleIds?: readonly string[] },
      base: number,
      hideBelow: number,
    ) {
      const features = vacancyFeatures(v);
      seen.delete(v.id);
      seen.set(v.id, { features, base, title: v.title, ...(v.employer ? { employer: v.employer.name } : {}) });
      if (seen.size > SEEN_MAX) seen.delete(seen.keys().next().value!);
      return correct(store, v.id, features, base, hideBelow);
    },
    /** A label on a vacancy scored lately; false when the worker has not seen it (restarted since: reload). */
    async label(vacancyId: string, label: FeedbackLabel, source: FeedbackSource, why?: FeedbackWhy): Promise<boolean> {
      const s = seen.get(vacancyId);
      if (!s) return false;
      return save(vacancyId, s, label, source, why);
    },
    /**
     * An implicit "relevant" from a job the worker applied with, or a response hh lists (the user applied by
     * hand): facts from the worker's own records, used when the vacancy was not scored lately. Once per vacancy;
     * never over an explicit label. False when nothing was learned.
     */
    async applied(
      vacancyId: string,
      facts: { title: string; employer?: { id?: string; name: string } | null; score?: number; at: number },
    ): Promise<boolean> {
      const store = await load();
      if (facts.at <= (store.resetAt ?? 0) || !implicitAllowed(store, vacancyId, 'applied')) return false;
      const s: Seen = seen.get(vacancyId) ?? {
        features: vacancyFeatures({ title: facts.title, employer: facts.employer ?? null }),
        base: facts.score ?? 0.5,
        title: facts.title,
        ...(facts.employer ? { employer: facts.employer.name } : {}),
      };
      // Dated by the application, not by this sweep: a full store keeps the newest applications, and one it
      // dropped is never taken back in as "new" (see learn()).
      return save(vacancyId, s, 'relevant', 'applied', undefined, facts.at);
    },
    /**
     * The user hid this vacancy's employer from its panel: "not for me — employer" on the vacancy, when the worker
     * scored it lately and its employer is the one hidden (the page names the vacancy; the facts are the worker's).
     * It teaches the employer feature only; the blacklist itself does the hiding.
     */
    async employerHidden(vacancyId: string, employer: { id?: string; name: string }): Promise<boolean> {
      const s = seen.get(vacancyId);
      const keys = [
        `e:${normalizeText(employer.name).trim()}`.slice(0, 120),
        ...(employer.id ? [`e:${employer.id}`] : []),
      ];
      if (!s || !keys.some((k) => s.features.includes(k))) return false;
      return save(vacancyId, s, 'not', 'employer_hidden', 'employer');
    },
    /** What was learned, for the options page. */
    async summary() {
      const store = await load();
      const examples = Object.values(store.examples);
      return {
        relevant: examples.filter((e) => e.label === 'relevant').length,
        notForMe: examples.filter((e) => e.label === 'not').length,
        /** How many labels each signal gave, so the user sees why something was learned. */
        bySource: Object.fromEntries(
          FEEDBACK_SOURCES.map((src) => [src, examples.filter((e) => e.source === src).length]),
        ) as Record<FeedbackSource, number>,
        adjustments: learnedAdjustments(store).map(({ kind, value, weight }) => ({ kind, value, weight })),
      };
    },
    async reset(): Promise<void> {
      await update(() => ({ ...emptyFeedback(), resetAt: now() }));
    },
    /** The model changed in another context (not expected: only the worker writes it). */
    forget(): void {
      cache = null;
    },
  };
}
export type Feedback = ReturnType<typeof createFeedback>;
