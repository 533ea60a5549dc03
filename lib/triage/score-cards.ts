import * as z from 'zod/mini';
import { interpretCard, type RawCard } from '../hh/listing';
import { formatReason } from '../match';
import { orderReasons } from '../match/reasons';
import { builtinRoleModel } from '../match/roles';
import type { listingReplies } from '../messaging/listing-replies';
import type { Settings } from '../settings/schema';
import { makeScorer } from './scorer';

export type TriageReply = z.output<typeof listingReplies.triageCards>;

const LETTER = { show: 's', dim: 'd', hide: 'h' } as const;

/**
 * The worker's side of listing triage: the cards a page read (raw DOM strings) → verdicts, scores and reason
 * texts, for the page to draw. Scoring here rather than in every hh page: this code and the compiled profile
 * stay warm across pages and tabs, the page pays only for its DOM reads and writes, and the listing bundle
 * carries no scorer. The compiled profile is kept until the profile or the cut-offs change.
 */
export function createCardScorer(settings: () => Promise<Settings>, jobs: (vacancyIds: string[]) => Promise<TriageReply['jobs']> = async () => []) {
  let compiled: { key: string; scorer: ReturnType<typeof makeScorer> } | null = null;

  return async function scoreCards(cards: readonly RawCard[], lang: 'ru' | 'en'): Promise<TriageReply> {
    const s = await settings();
    // The queue's answer only labels the badges' buttons: without it (database unavailable) the cards are still judged.
    const known = s.enabled ? await jobs(cards.map((c) => c.id)).catch(() => []) : [];
    const t0 = performance.now();
    const reply: TriageReply = { mode: 'off', action: s.triage.action, badges: s.triage.showBadges, verdicts: '', scores: [], reasons: [], applied: '', jobs: known, ms: 0 };
    if (s.enabled) {
      const key = JSON.stringify([s.profile, s.triage.hideBelow, s.triage.dimBelow]);
      if (compiled?.key !== key) compiled = { key, scorer: makeScorer(s, builtinRoleModel()) };
      const scorer = compiled.scorer;
      reply.mode = scorer ? 'on' : 'empty';
      if (scorer) {
        for (const raw of cards) {
          const card = interpretCard(raw);
          const r = scorer(card);
          reply.verdicts += LETTER[r.verdict];
          reply.scores.push(Math.round(r.score * 1000) / 1000);
          reply.reasons.push(orderReasons(r.reasons, r.verdict).map((x) => (x.polarity === 'minus' ? '-' : '+') + formatReason(x, lang).replace(/\n/g, ' ')).join('\n'));
          reply.applied += card.applied ? '1' : '0';
        }
      }
    }
    reply.ms = Math.round((performance.now() - t0) * 1000) / 1000;
    return reply;
  };
}
