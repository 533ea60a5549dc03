import type { CardStatus, NegotiationCard, NegotiationTopic } from '../../core/hh/negotiations';
import type { NegotiationStatus } from '../../core/db/negotiation-rows';

/**
 * hh's words → our five statuses. Topic states seen or documented: RESPONSE (sent), INVITATION, INTERVIEW,
 * HIRED/OFFER (invited, further along), DISCARD* (rejected); `archived` when the vacancy or chat was archived.
 */
const INVITED_STATES = /^(INVITATION|INTERVIEW|PHONE_INTERVIEW|ASSESSMENT|OFFER|HIRED)/;
const DISCARD_STATES = /^DISCARD/;

export function statusOfTopic(t: NegotiationTopic): NegotiationStatus {
  const s = t.lastState ?? '';
  if (t.discarded === true || DISCARD_STATES.test(s)) return 'rejection';
  if (t.invited === true || INVITED_STATES.test(s)) return 'invitation';
  if (t.archived) return 'archived';
  if (t.viewedByOpponent === true) return 'viewed';
  return 'sent';
}

const BY_CARD: Record<CardStatus, NegotiationStatus | null> = {
  not_viewed: 'sent',
  viewed: 'viewed',
  invitation: 'invitation',
  interview: 'invitation',
  hired: 'invitation',
  discard: 'rejection',
  archived: 'archived',
  unknown: null,
};

export function statusOfCard(c: NegotiationCard): NegotiationStatus | null {
  return BY_CARD[c.status];
}

const RANK: Record<NegotiationStatus, number> = { sent: 0, viewed: 1, archived: 2, invitation: 3, rejection: 3 };

/**
 * Both sources of one topic: the state's word wins on the final outcomes (it is structured); the live card wins
 * where it says more (a card reading «Просмотрен» while the topic lacks viewedByOpponent).
 */
export function combineStatus(
  topic: NegotiationStatus | null,
  card: NegotiationStatus | null,
): NegotiationStatus | null {
  if (topic === null) return card;
  if (card === null) return topic;
  return RANK[card] > RANK[topic] && RANK[topic] < 2 ? card : topic;
}
