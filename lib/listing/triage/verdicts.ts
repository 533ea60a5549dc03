import type { Verdict } from '../../core/match/types';
import type { StateReply, TriageReply } from '../../worker/triage/score-cards';

/** One card's verdict as the page draws it. */
export interface CardVerdict {
  score: number;
  verdict: Verdict;
  /** Badge reasons, most important first. */
  reasons: { text: string; minus: boolean }[];
  /** hh shows the card as already applied to. */
  applied: boolean;
  /** hh's own signals, known from the page's state (absent on the DOM path). */
  signals?: HhSignals;
}

/** What hh says about a vacancy that the card does not show. */
export interface HhSignals {
  /** The employer refuses automatic applications (`acceptAutoResponse: false`). */
  noAuto?: boolean;
  letterRequired?: boolean;
  testRequired?: boolean;
  /** hh's warnings about the employer, as the worker worded them in the page's language. */
  negative?: string[];
  /** How many applied already. */
  responses?: number;
}

/** What the worker said about a batch of cards: how to treat them, and a verdict per card (request order). */
export interface TriageAnswer {
  mode: TriageReply['mode'];
  action: TriageReply['action'];
  badges: boolean;
  results: CardVerdict[];
  /** Job state per vacancy id, for the vacancies the apply queue holds. */
  jobs?: Record<string, string>;
  /** Worker script time, ms. */
  ms?: number;
  /** Page time spent checking and decoding the answer, ms (counted in the pass's page time). */
  receiveMs?: number;
}

const VERDICT: Record<string, Verdict> = { s: 'show', d: 'dim', h: 'hide' };

/** The worker's flat reply (already checked by zod) → per-card verdicts; throws when it does not cover `count` cards. */
export function decodeVerdicts(reply: TriageReply, count: number): TriageAnswer {
  const results: CardVerdict[] = [];
  if (reply.mode === 'on') {
    if (
      reply.verdicts.length !== count ||
      reply.scores.length !== count ||
      reply.reasons.length !== count ||
      reply.applied.length !== count
    ) {
      throw new Error(`triage reply covers ${reply.verdicts.length} cards, ${count} were sent`);
    }
    for (let i = 0; i < count; i++) {
      const lines = reply.reasons[i] ? reply.reasons[i]!.split('\n') : [];
      results.push({
        score: reply.scores[i]!,
        verdict: VERDICT[reply.verdicts[i]!]!,
        reasons: lines.map((l) => ({ text: l.slice(1), minus: l[0] === '-' })),
        applied: reply.applied[i] === '1',
      });
    }
  }
  const jobs: Record<string, string> = {};
  for (const j of reply.jobs) jobs[j.vacancyId] = j.state;
  return { mode: reply.mode, action: reply.action, badges: reply.badges, results, jobs, ms: reply.ms };
}

/** Verdicts from the page's state, by vacancy id. */
export interface StateAnswer {
  mode: TriageAnswer['mode'];
  action: TriageAnswer['action'];
  badges: boolean;
  byId: Map<string, CardVerdict>;
  jobs: Record<string, string>;
  /** Why the state was not used (the cards are read instead). */
  problem?: string;
  ms: number;
}

/** The worker's reply on the page's state (checked by zod) → verdicts by id; throws when its columns disagree. */
export function decodeStateVerdicts(reply: StateReply): StateAnswer {
  const n = reply.ids.length;
  const cols = [
    reply.verdicts.length,
    reply.scores.length,
    reply.reasons.length,
    reply.applied.length,
    reply.flags.length,
    reply.negative.length,
    reply.responses.length,
  ];
  if (cols.some((c) => c !== n)) throw new Error(`state reply columns disagree (${n} ids, ${cols.join('/')})`);
  const byId = new Map<string, CardVerdict>();
  for (let i = 0; i < n; i++) {
    const lines = reply.reasons[i] ? reply.reasons[i]!.split('\n') : [];
    const flags = reply.flags[i]!;
    const signals: HhSignals = {};
    if (flags.includes('n')) signals.noAuto = true;
    if (flags.includes('l')) signals.letterRequired = true;
    if (flags.includes('t')) signals.testRequired = true;
    if (reply.negative[i]) signals.negative = reply.negative[i]!.split(',');
    if (reply.responses[i]! >= 0) signals.responses = reply.responses[i]!;
    byId.set(reply.ids[i]!, {
      score: reply.scores[i]!,
      verdict: VERDICT[reply.verdicts[i]!]!,
      reasons: lines.map((l) => ({ text: l.slice(1), minus: l[0] === '-' })),
      applied: reply.applied[i] === '1',
      signals,
    });
  }
  const jobs: Record<string, string> = {};
  for (const j of reply.jobs) jobs[j.vacancyId] = j.state;
  const out: StateAnswer = { mode: reply.mode, action: reply.action, badges: reply.badges, byId, jobs, ms: reply.ms };
  if (reply.problem) out.problem = reply.problem;
  return out;
}
