import type { NegotiationTopic } from '../lib/core/hh/negotiations';

/** An hh response topic as lib/core/hh/negotiations parses it: a plain sent response unless `patch` says otherwise. */
export const testTopic = (topicId: string, patch: Partial<NegotiationTopic> = {}): NegotiationTopic => ({
  topicId,
  vacancyId: null,
  chatId: null,
  lastState: 'RESPONSE',
  archived: false,
  hasNewMessages: false,
  viewedByOpponent: false,
  invited: false,
  discarded: false,
  messagesCount: null,
  lastModified: null,
  created: null,
  ...patch,
});
