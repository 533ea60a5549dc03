import type { Verdict } from '../match/types';
import type { TriageReply } from './score-cards';

/** One card's verdict as the page draws it. */
export interface CardVerdict {
  score: number;
  verdict: Verdict;
  /** Badge reasons, most important first. */
  reasons: { text: string; minus: boolean }[];
  /** hh shows the card as already applied to. */
  applied: boolean;
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
    if (reply.verdicts.length !== count || reply.scores.length !== count || reply.reasons.length !== count || reply.applied.length !== count) {
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
