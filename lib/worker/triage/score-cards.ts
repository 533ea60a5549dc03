import type * as z from 'zod/mini';
import { interpretCard, type RawCard } from '../../core/hh/listing';
import { listingStateFromText, type ListingVacancy } from '../../core/hh/listing-state';
import type { Feedback } from '../feedback/service';
import type { FeedbackStore } from '../feedback/model';
import { DEFAULT_THRESHOLDS, formatReason } from '../../core/match';
import { orderReasons, WARNING_SHORT } from '../../core/match/reasons';
import { builtinRoleModel } from '../../core/match/roles';
import type { Profile } from '../../core/match/profile';
import type { MatchVacancy } from '../../core/match/vacancy';
import type { listingReplies } from '../../core/messaging/listing-replies';
import type { Settings } from '../../core/settings/schema';
import { makeScorer } from '../../core/triage/scorer';
import type { SignalMemory } from './hh-signal-memory';
import { storedScore } from '../../core/match/percent';

export type TriageReply = z.output<typeof listingReplies.triageCards>;
export type StateReply = z.output<typeof listingReplies.triageState>;

const LETTER = { show: 's', dim: 'd', hide: 'h' } as const;

const FEEDBACK_TEXT = {
  ru: {
    relevant: 'вы отметили: подходит',
    not: 'вы отметили: не подходит',
    learnedPlus: 'похоже на то, что вы отмечали',
    learnedMinus: 'похоже на то, что вы отклоняли',
    why: {
      role: 'не та роль',
      level: 'не тот уровень',
      salary: 'зарплата',
      employer: 'работодатель',
      location: 'место',
    },
  },
  en: {
    relevant: 'you marked it relevant',
    not: 'you marked it not for me',
    learnedPlus: 'like ones you marked relevant',
    learnedMinus: 'like ones you marked not for me',
    why: { role: 'wrong role', level: 'wrong level', salary: 'salary', employer: 'employer', location: 'location' },
  },
} as const;

/** What the scorer reads of a state vacancy: the card facts plus hh's professional roles. */
function matchInput(v: ListingVacancy): MatchVacancy & { professionalRoleIds: string[] } {
  const { employer, salary, professionalRoleIds } = v;
  const out: MatchVacancy & { professionalRoleIds: string[] } = {
    id: v.id,
    title: v.title,
    employer: employer ? (employer.id ? { id: employer.id, name: employer.name } : { name: employer.name }) : null,
    salary,
    experience: v.experience,
    workFormats: v.workFormats,
    professionalRoleIds,
  };
  if (v.area) out.area = v.area;
  if (v.address) out.address = v.address;
  if (v.snippet) out.snippet = v.snippet;
  // hh's warnings about the employer: the user's "hide employers hh warns about" filter reads them.
  if (employer) out.employerWarnings = employer.negative;
  return out;
}

/**
 * The worker's side of listing triage: the cards a page read (raw DOM strings), or the page's embedded state
 * (`scoreState`: every vacancy of the page, with hh's signals) → verdicts, scores and reason texts, for the page
 * to draw. Scoring here rather than in every hh page: this code and the compiled profile stay warm across pages
 * and tabs, the page pays only for its DOM reads and writes, and the listing bundle carries no scorer. The
 * compiled profile is kept until the profile or the cut-offs change.
 */
export function createTriageScorers(
  settings: () => Promise<Settings>,
  jobs: (vacancyIds: string[]) => Promise<TriageReply['jobs']> = async () => [],
  feedback?: Feedback,
  /** Keeps hh's signals of every state vacancy for the queue and the vacancy panel (lib/worker/triage/hh-signal-memory.ts). */
  memory?: SignalMemory,
) {
  let compiled: { key: string; scorer: ReturnType<typeof makeScorer> } | null = null;
  const scorerFor = (s: Settings) => {
    const key = JSON.stringify([s.profile, s.triage.hideBelow, s.triage.dimBelow]);
    if (compiled?.key !== key) compiled = { key, scorer: makeScorer(s, builtinRoleModel()) };
    return compiled.scorer;
  };
  /** What the user taught (lib/worker/feedback): read once per request; without it (storage unavailable) the scorer's own verdicts. */
  const taught = async (): Promise<FeedbackStore | null> =>
    feedback ? await feedback.current().catch(() => null) : null;
  const judge = (
    reply: TriageReply,
    scorer: NonNullable<ReturnType<typeof makeScorer>>,
    v: MatchVacancy,
    applied: boolean,
    lang: 'ru' | 'en',
    s: Settings,
    store: FeedbackStore | null,
  ) => {
    const r = scorer(v);
    let { score, verdict } = r;
    let lines = orderReasons(r.reasons, r.verdict).map(
      (x) => (x.polarity === 'minus' ? '-' : '+') + formatReason(x, lang).replace(/\n/g, ' '),
    );
    if (feedback && store) {
      const hide = s.triage.hideBelow ?? DEFAULT_THRESHOLDS.hide;
      const dim = s.triage.dimBelow ?? DEFAULT_THRESHOLDS.dim;
      const c = feedback.apply(store, v, r.score, hide);
      // Hard filters are the user's own settings: feedback never brings such a vacancy back.
      if (c.score !== r.score && !r.reasons.some((x) => x.hard)) {
        score = c.score;
        verdict = score < hide ? 'hide' : score < dim ? 'dim' : 'show';
        const text = FEEDBACK_TEXT[lang];
        const note = c.own
          ? text[c.own] + (c.why ? ` (${text.why[c.why]})` : '')
          : text[c.shift < 0 ? 'learnedMinus' : 'learnedPlus'];
        lines = [(c.own === 'relevant' || c.shift > 0 ? '+' : '-') + note, ...lines];
      }
    }
    reply.verdicts += LETTER[verdict];
    reply.scores.push(storedScore(score));
    reply.reasons.push(lines.join('\n'));
    reply.applied += applied ? '1' : '0';
  };

  async function scoreCards(cards: readonly RawCard[], lang: 'ru' | 'en'): Promise<TriageReply> {
    const s = await settings();
    // The queue's answer only labels the badges' buttons: without it (database unavailable) the cards are still judged.
    const known = s.enabled ? await jobs(cards.map((c) => c.id)).catch(() => []) : [];
    const t0 = performance.now();
    const reply: TriageReply = {
      mode: 'off',
      action: s.triage.action,
      badges: s.triage.showBadges,
      verdicts: '',
      scores: [],
      reasons: [],
      applied: '',
      jobs: known,
      ms: 0,
    };
    if (s.enabled) {
      const scorer = scorerFor(s);
      reply.mode = scorer ? 'on' : 'empty';
      if (scorer) {
        const store = await taught();
        for (const raw of cards) {
          const card = interpretCard(raw);
          judge(reply, scorer, card, card.applied, lang, s, store);
        }
      }
    }
    reply.ms = Math.round((performance.now() - t0) * 1000) / 1000;
    return reply;
  }

  /** The page's state text → verdicts for every vacancy in it, or a `problem` when it is not this page's. */
  async function scoreState(
    text: string,
    url: string,
    pageIds: readonly string[],
    lang: 'ru' | 'en',
  ): Promise<StateReply> {
    const s = await settings();
    const t0 = performance.now();
    const reply: StateReply = {
      mode: 'off',
      action: s.triage.action,
      badges: s.triage.showBadges,
      ids: [],
      verdicts: '',
      scores: [],
      reasons: [],
      applied: '',
      flags: [],
      negative: [],
      responses: [],
      jobs: [],
      ms: 0,
    };
    if (!s.enabled) return reply;
    const state = listingStateFromText(text, url, pageIds);
    const scorer = scorerFor(s);
    reply.mode = scorer ? 'on' : 'empty';
    if (!state.ok) reply.problem = state.detail ? `${state.reason}: ${state.detail}` : state.reason;
    else if (memory) for (const v of state.vacancies) memory.remember(v);
    if (state.ok && scorer) {
      const store = await taught();
      for (const v of state.vacancies) {
        reply.ids.push(v.id);
        judge(reply, scorer, matchInput(v), v.applied === true, lang, s, store);
        reply.flags.push(
          (v.acceptAutoResponse === false ? 'n' : '') + (v.letterRequired ? 'l' : '') + (v.testRequired ? 't' : ''),
        );
        reply.negative.push(
          v.employer?.negative.map((f) => WARNING_SHORT[f]?.[lang === 'en' ? 0 : 1] ?? f).join(',') ?? '',
        );
        reply.responses.push(v.responsesCount ?? -1);
      }
    }
    reply.ms = Math.round((performance.now() - t0) * 1000) / 1000;
    if (reply.ids.length) reply.jobs = await jobs(reply.ids).catch(() => []);
    return reply;
  }

  /** One vacancy with the same scorer, role model and feedback as the listing (the vacancy page's chip). */
  async function scoreVacancy(v: MatchVacancy, lang: 'ru' | 'en'): Promise<OneScore> {
    const s = await settings();
    const scorer = s.enabled ? scorerFor(s) : null;
    if (!scorer) return { mode: s.enabled ? 'empty' : 'off', score: 0, verdict: 'show', reasons: [] };
    const reply = emptyReply(s);
    judge(reply, scorer, v, false, lang, s, await taught());
    return one(reply, 0);
  }

  /**
   * The options page's preview: sample vacancies scored with the profile and cut-offs being edited (not yet
   * saved), the role model and what the user taught, so the preview shows what the listing will.
   */
  async function preview(
    profile: Profile,
    hideBelow: number,
    dimBelow: number,
    vacancies: readonly MatchVacancy[],
    lang: 'ru' | 'en',
  ): Promise<OneScore[]> {
    const s = { ...(await settings()), profile, triage: { ...(await settings()).triage, hideBelow, dimBelow } };
    const scorer = makeScorer(s, builtinRoleModel());
    if (!scorer)
      return vacancies.map(() => ({ mode: 'empty' as const, score: 0, verdict: 'show' as const, reasons: [] }));
    const store = await taught();
    const reply = emptyReply(s);
    for (const v of vacancies) judge(reply, scorer, v, false, lang, s, store);
    return vacancies.map((_, i) => one(reply, i));
  }

  return { scoreCards, scoreState, scoreVacancy, preview };
}

/** One vacancy's verdict: the reasons as lines "+text" / "-text", most important first. */
export interface OneScore {
  mode: 'on' | 'empty' | 'off';
  score: number;
  verdict: 'show' | 'dim' | 'hide';
  reasons: string[];
}
const VERDICT = { s: 'show', d: 'dim', h: 'hide' } as const;
const emptyReply = (s: Settings): TriageReply => ({
  mode: 'on',
  action: s.triage.action,
  badges: s.triage.showBadges,
  verdicts: '',
  scores: [],
  reasons: [],
  applied: '',
  jobs: [],
  ms: 0,
});
const one = (reply: TriageReply, i: number): OneScore => ({
  mode: 'on',
  score: reply.scores[i] ?? 0,
  verdict: VERDICT[reply.verdicts[i] as keyof typeof VERDICT] ?? 'show',
  reasons: (reply.reasons[i] ?? '').split('\n').filter(Boolean),
});

/** The card scorer alone (callers that never see a page's state). */
export function createCardScorer(
  settings: () => Promise<Settings>,
  jobs?: (vacancyIds: string[]) => Promise<TriageReply['jobs']>,
  feedback?: Feedback,
) {
  return createTriageScorers(settings, jobs, feedback).scoreCards;
}
