import * as z from 'zod/mini';
import { normalizeText, stemWord, tokenize } from '../../core/match';
import type { MatchVacancy } from '../../core/match/vacancy';

/**
 * What Otklik learns from the user's "relevant" / "not for me" (and implicit signals: queued = relevant, applied =
 * weak relevant, employer hidden = not for me, employer only): a small logistic correction on top of the scorer's score. Each label keeps the
 * vacancy's features (title word stems, employer, hh professional roles) and the score the scorer gave it; the
 * weights are refitted on all kept labels after each change (a few hundred labels × ~10 features: microseconds),
 * so a changed mind replaces the old label instead of piling onto it. Corrections move the score's logit by the
 * sum of the weights of the vacancy's features; the loss pulls hardest where the scorer was wrong, so labels on
 * vacancies the scorer already judged right change little. A labelled vacancy itself follows its label.
 */

export const FEEDBACK_LABELS = ['relevant', 'not'] as const;
export const FEEDBACK_WHY = ['role', 'level', 'salary', 'employer', 'location'] as const;
export type FeedbackLabel = (typeof FEEDBACK_LABELS)[number];
export type FeedbackWhy = (typeof FEEDBACK_WHY)[number];
/** Where a label came from: a badge click is explicit; the rest are implicit (the worker's own facts). */
export const FEEDBACK_SOURCES = ['badge', 'queued', 'employer_hidden', 'applied'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
/** How much a label of each source counts in the fit: "applied" is a weak "relevant" (a good-enough job, not a wish). */
const SOURCE_WEIGHT: Record<FeedbackSource, number> = { badge: 1, queued: 1, employer_hidden: 1, applied: 0.5 };
/** An explicit label (the user said so about this very vacancy): implicit signals never replace it. */
export const isExplicit = (source: FeedbackSource) => source === 'badge';

const exampleSchema = z.object({
  label: z.enum(FEEDBACK_LABELS),
  why: z.optional(z.enum(FEEDBACK_WHY)),
  // A source this version does not know (a newer one wrote it) reads as a weak implicit signal: the label is kept,
  // never hides its vacancy, and the rest of the store is not lost.
  source: z.catch(z.enum(FEEDBACK_SOURCES), 'applied'),
  /** Feature keys: "t:<stem>" title word, "e:<employer>", "r:<hh role id>". */
  features: z.array(z.string().check(z.maxLength(120))).check(z.maxLength(40)),
  /** The scorer's score when the label was given. */
  base: z.number().check(z.gte(0), z.lte(1)),
  title: z.string().check(z.maxLength(300)),
  /** The employer's name (its feature is keyed by hh id), to show what was learned. */
  employer: z.optional(z.string().check(z.maxLength(300))),
  at: z.number(),
});
export type FeedbackExample = z.infer<typeof exampleSchema>;

export const feedbackStoreSchema = z.object({
  version: z.literal(1),
  /** By vacancy id; the newest label of a vacancy wins. */
  examples: z.record(z.string().check(z.regex(/^\d{1,12}$/)), exampleSchema),
  weights: z.record(z.string(), z.number()),
  /** When the user last said "forget everything": what was applied before is not learned again. */
  resetAt: z.optional(z.number()),
});
export type FeedbackStore = z.infer<typeof feedbackStoreSchema>;

/** The storage.local key of the model (read and written by the worker only). */
export const FEEDBACK_KEY = 'otklik.feedback';

export const emptyFeedback = (): FeedbackStore => ({ version: 1, examples: {}, weights: {} });

/**
 * Labels kept: enough for a season of searching, small in storage. Past it, implicit labels go before explicit ones,
 * the oldest first (an implicit label is dated by its fact: an application by when it was sent).
 */
export const MAX_EXAMPLES = 500;
/** No single feature moves the logit by more than this (one odd label cannot bury a whole profession). */
const MAX_WEIGHT = 3;
const L2 = 0.02;
const EPOCHS = 40;
const RATE = 0.3;
/** How far an explicit label moves its own vacancy: past the usual hide / show thresholds. */
export const OWN_NOT = 0.1;
export const OWN_RELEVANT = 0.8;
/** The learned logit shift that may bring back a vacancy the scorer hid, or (negative) hide one it kept. */
const UNHIDE_SHIFT = 2;
const HIDE_SHIFT = 2;
/** Labels the store must hold before a learned likeness may hide a vacancy. */
const HIDE_MIN_LABELS = 10;

const logit = (p: number) =>
  Math.log(Math.max(1e-4, Math.min(1 - 1e-4, p)) / (1 - Math.max(1e-4, Math.min(1 - 1e-4, p))));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The features the correction reads of a vacancy (the same for cards and full vacancies). */
export function vacancyFeatures(
  v: Pick<MatchVacancy, 'title' | 'employer'> & { professionalRoleIds?: readonly string[] },
): string[] {
  const out = new Set<string>();
  for (const w of tokenize(normalizeText(v.title))) if (w.length > 1 && !/^\d+$/.test(w)) out.add(`t:${stemWord(w)}`);
  const employer = v.employer
    ? v.employer.id
      ? `e:${v.employer.id}`
      : `e:${normalizeText(v.employer.name).trim()}`
    : null;
  if (employer && employer.length > 2) out.add(employer.slice(0, 120));
  for (const r of v.professionalRoleIds ?? []) out.add(`r:${r}`);
  return [...out].slice(0, 40);
}

/** The features a label teaches: "not for me — employer" teaches about the employer only, and so on. */
function taught(e: FeedbackExample): string[] {
  if (e.why === 'employer') return e.features.filter((f) => f.startsWith('e:'));
  if (e.why === 'role') return e.features.filter((f) => !f.startsWith('e:'));
  // Level, salary, location: the title words carry the level ("senior", "стажёр"); the employer carries pay and place.
  return e.features;
}

/** Refits the weights on every kept label (deterministic: examples in a fixed order). */
export function fit(examples: Record<string, FeedbackExample>): Record<string, number> {
  const rows = Object.keys(examples)
    .sort()
    .map((id) => {
      const e = examples[id]!;
      return { fs: taught(e), y: e.label === 'relevant' ? 1 : 0, b: logit(e.base), k: SOURCE_WEIGHT[e.source] };
    });
  const w = new Map<string, number>();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const r of rows) {
      let x = r.b;
      for (const f of r.fs) x += w.get(f) ?? 0;
      // A relevant label counts three times: hiding a wanted vacancy is the error users never see to forgive.
      const g = (sigmoid(x) - r.y) * (r.y === 1 ? 3 : 1) * r.k;
      for (const f of r.fs) {
        const cur = w.get(f) ?? 0;
        w.set(f, Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, cur - RATE * (g + L2 * cur))));
      }
    }
  }
  const out: Record<string, number> = {};
  for (const [f, x] of w) if (Math.abs(x) >= 0.05) out[f] = Math.round(x * 1000) / 1000;
  return out;
}

/**
 * Whether an implicit signal may set this vacancy's label: never over an explicit one (the newest explicit label
 * wins), and each implicit source counts once per vacancy.
 */
export function implicitAllowed(store: FeedbackStore, vacancyId: string, source: FeedbackSource): boolean {
  const old = store.examples[vacancyId];
  return !old || (!isExplicit(old.source) && old.source !== source);
}

/**
 * Adds (or replaces) one vacancy's label and refits; an implicit label never replaces an explicit one. Returns the
 * store itself when nothing was learned: refused, or a full store where the newcomer would be the first to go — so
 * an old application seen again by every sweep stays forgotten instead of evicting newer labels (no churn).
 */
export function learn(store: FeedbackStore, vacancyId: string, e: FeedbackExample): FeedbackStore {
  if (!isExplicit(e.source) && !implicitAllowed(store, vacancyId, e.source)) return store;
  const examples = { ...store.examples, [vacancyId]: e };
  const ids = Object.keys(examples);
  if (ids.length > MAX_EXAMPLES) {
    const rank = (id: string) => (isExplicit(examples[id]!.source) ? 1 : 0);
    ids.sort((a, b) => rank(a) - rank(b) || examples[a]!.at - examples[b]!.at || (a < b ? -1 : a > b ? 1 : 0));
    const drop = ids.slice(0, ids.length - MAX_EXAMPLES);
    if (drop.includes(vacancyId)) return store;
    for (const id of drop) delete examples[id];
  }
  return {
    version: 1,
    examples,
    weights: fit(examples),
    ...(store.resetAt !== undefined ? { resetAt: store.resetAt } : {}),
  };
}

export interface Correction {
  score: number;
  /** The user's own label of this very vacancy, when there is one. */
  own: FeedbackLabel | null;
  /** The logit shift from learned weights (0 when nothing applies). */
  shift: number;
  /** Why the user turned this very vacancy down, when they said. */
  why?: FeedbackWhy;
}

/**
 * The scorer's score, corrected by what the user taught. `hideBelow`: the hide cut-off. A likeness to vacancies
 * the user turned down is weaker evidence than their own label of the vacancy: it dims a vacancy the scorer kept, and
 * hides it only when strong (a learned shift of 2 logits or more) and learned from 10 labels or more.
 */
export function correct(
  store: FeedbackStore,
  vacancyId: string,
  features: readonly string[],
  base: number,
  hideBelow = 0,
): Correction {
  const own = store.examples[vacancyId];
  if (own && isExplicit(own.source)) {
    return {
      score: own.label === 'not' ? Math.min(base, OWN_NOT) : Math.max(base, OWN_RELEVANT),
      own: own.label,
      shift: 0,
      ...(own.why ? { why: own.why } : {}),
    };
  }
  let shift = 0;
  for (const f of features) shift += store.weights[f] ?? 0;
  if (shift === 0) return { score: base, own: null, shift };
  const score = sigmoid(logit(base) + shift);
  // A strong likeness to what the user turned down hides, once there are enough labels to tell a likeness from noise
  // (the simulation: with 5 labels it hid a wanted vacancy, from 10 on none).
  if (base >= hideBelow) {
    const sure = shift <= -HIDE_SHIFT && Object.keys(store.examples).length >= HIDE_MIN_LABELS;
    return { score: sure ? score : Math.max(score, hideBelow), own: null, shift };
  }
  // A vacancy the scorer hid comes back only on a strong likeness to what the user wanted: a title word shared with a
  // few "relevant" labels alone unhid the other specialities of that word (the simulation: "администратор баз данных"
  // after "системный администратор" labels). Short of that it may rise, but stays below the hide line.
  return { score: shift >= UNHIDE_SHIFT ? score : Math.min(score, Math.max(base, hideBelow * 0.99)), own: null, shift };
}

/** The learned adjustments a person can read: strongest first. */
export function learnedAdjustments(
  store: FeedbackStore,
  limit = 30,
): { feature: string; kind: 'title' | 'employer' | 'role'; value: string; weight: number }[] {
  const names = new Map<string, string>();
  for (const e of Object.values(store.examples)) {
    for (const f of e.features) if (f.startsWith('e:') && !names.has(f)) names.set(f, e.employer ?? f.slice(2));
  }
  return Object.entries(store.weights)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([feature, weight]) => ({
      feature,
      kind: feature.startsWith('e:')
        ? ('employer' as const)
        : feature.startsWith('r:')
          ? ('role' as const)
          : ('title' as const),
      value: names.get(feature) ?? feature.slice(2),
      weight,
    }));
}
