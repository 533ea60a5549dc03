import { afterEach, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import { createRouter } from '../../core/messaging/router';
import { negotiationMessages } from '../../core/negotiations/protocol';
import type { Invitation } from '../notify/invitations';
import { defaultSettings } from '../../core/settings/schema';
import { createNegotiationHandlers, type NegotiationDeps } from './handlers';
import type { NegotiationTopic } from '../../core/hh/negotiations';
import { testTopic } from '../../../test/topic-fixture';

/** Issue 7: a response that turns into an invitation is handed to the notifier once, with its title. */
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const topic = (id: string, patch: Partial<NegotiationTopic> = {}) =>
  testTopic(id, { vacancyId: '900', chatId: `7${id}`, messagesCount: 1, ...patch });
const card = (id: string) => ({
  topicId: id,
  title: 'Frontend-разработчик',
  company: 'ACME',
  dateText: 'сегодня',
  status: 'not_viewed',
  tag: null,
  employerId: null,
  canDecline: true,
});

describe('invitation notices from the negotiations sync', () => {
  it('fires for a response that became an invitation, not for one first seen as such, not twice', async () => {
    const db = new OtklikDb(`otklik-inv-${process.pid}`);
    dbs.push(db);
    const got: Invitation[][] = [];
    let t = 1000;
    // What hh's responses page shows (the worker reads it; the page's report only asks it to).
    let hh: { cards: ReturnType<typeof card>[]; topics: ReturnType<typeof topic>[] } = { cards: [], topics: [] };
    const deps: NegotiationDeps = {
      db: () => db,
      now: () => (t += 20_000),
      settings: async () => defaultSettings(),
      fetchPage: async () => ({
        ok: true,
        page: { ...hh, unrecognised: 0, staleState: false, loggedOut: false } as never,
      }),
      fetchChat: async () => ({ ok: true, value: [] }),
      sendChat: async () => ({ ok: true, value: null }),
      draft: async () => ({ text: '', by: 'template' }),
      syncState: { get: async () => ({ at: null, error: null }), set: async () => undefined },
      background: () => undefined,
      onInvitations: (list) => void got.push(list),
    };
    const route = createRouter(negotiationMessages, createNegotiationHandlers(deps));
    const report = (topics: ReturnType<typeof topic>[]) => {
      hh = { cards: [card('1')], topics };
      return route({
        otklik: 1,
        type: 'reportNegotiations',
        payload: { url: 'https://hh.ru/applicant/negotiations', cards: [], topics: [] },
      });
    };
    const first = await report([topic('1'), topic('2', { invited: true })]);
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true });
    expect(got).toEqual([]);
    expect(
      await report([topic('1', { invited: true, lastState: 'INVITATION' }), topic('2', { invited: true })]),
    ).toMatchObject({ ok: true });
    expect(got).toEqual([[{ topicId: '1', title: 'Frontend-разработчик', employer: 'ACME', vacancyId: '900' }]]);
    await report([topic('1', { invited: true, lastState: 'INVITATION' })]);
    expect(got).toHaveLength(1);
  });
});
