import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtklikDb } from '../db/db';
import type { ChatMessage } from '../../core/hh/chat';
import type { NegotiationsPage, NegotiationTopic } from '../../core/hh/negotiations';
import { negotiationMessages } from '../../core/negotiations/protocol';
import { createRouter } from '../../core/messaging/router';
import { defaultSettings } from '../../core/settings/schema';
import { createNegotiationHandlers, handleNewMessages, listPageOf, type NegotiationDeps } from './handlers';
import { testTopic } from '../../../test/topic-fixture';

let n = 0;
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const topic = (id: string, patch: Partial<NegotiationTopic> = {}) =>
  testTopic(id, { chatId: `7${id}`, messagesCount: 1, ...patch });

function setup(pages: NegotiationsPage[] = [], chat: ChatMessage[] = []) {
  const db = new OtklikDb(`otklik-negmsg-test-${process.pid}-${++n}`);
  dbs.push(db);
  const settings = defaultSettings();
  let sync = { at: null as number | null, error: null as string | null };
  const pending: Promise<unknown>[] = [];
  const sendChat = vi.fn(async () => ({ ok: true as const, value: null }));
  const draft = vi.fn(async (i: { employerText: string }) => ({ text: `Re: ${i.employerText}`, by: 'template' }));
  let t = 1_000_000;
  const deps: NegotiationDeps = {
    db: () => db,
    now: () => (t += 1000),
    settings: async () => settings,
    fetchPage: async (p) =>
      pages[p] ? { ok: true, page: pages[p] } : { ok: false, error: 'network', detail: 'HTTP 502' },
    fetchChat: async () => ({ ok: true, value: chat }),
    sendChat,
    draft,
    syncState: { get: async () => sync, set: async (s) => void (sync = s) },
    background: (p) => void pending.push(p),
  };
  const route = createRouter(negotiationMessages, createNegotiationHandlers(deps));
  const send = async (type: string, payload: unknown) => route({ otklik: 1, type, payload });
  return { db, send, sendChat, draft, deps, settings, settle: () => Promise.all(pending), sync: () => sync };
}

const page = (topics: ReturnType<typeof topic>[]): NegotiationsPage => ({
  cards: [],
  topics: topics as NegotiationsPage['topics'],
  unrecognised: 0,
  staleState: false,
  loggedOut: false,
});
const employerMsg: ChatMessage[] = [
  { id: '1', text: 'Мой отклик', fromEmployer: false, at: 1 },
  {
    id: '2',
    text: 'Здравствуйте! Приглашаем на интервью. Какие у вас зарплатные ожидания?',
    fromEmployer: true,
    at: 2,
  },
];

describe('negotiation messages', () => {
  it('a report makes the worker read that list page from hh itself; the funnel follows; bad input changes nothing', async () => {
    const card = {
      topicId: '5',
      title: 'Dev',
      company: 'Co',
      dateText: 'сегодня',
      status: 'viewed',
      tag: null,
      employerId: null,
      canDecline: true,
    };
    const { send, db } = setup([{ ...page([topic('6', { invited: true })]), cards: [card as never] }]);
    expect(
      await send('reportNegotiations', {
        url: 'https://hh.ru/applicant/negotiations',
        cards: [card],
        topics: [topic('6', { invited: true })],
      }),
    ).toMatchObject({ ok: true, data: { created: 2 } });
    expect(await send('negotiationsFunnel', {})).toMatchObject({
      ok: true,
      data: { total: { applied: 2, viewed: 2, invited: 1, rejected: 0 }, syncError: null },
    });
    expect(
      await send('reportNegotiations', { url: 'https://hh.ru/', cards: [{ ...card, topicId: 'x' }], topics: [] }),
    ).toMatchObject({ ok: false });
    expect(
      await send('reportNegotiations', {
        url: 'https://hh.ru/search/vacancy',
        cards: [{ ...card, topicId: '77' }],
        topics: [],
      }),
    ).toMatchObject({ ok: true, data: { ok: false, error: 'not the hh responses page' } });
    expect(await db.negotiations.count()).toBe(2);
  });

  it("a forged responses page changes nothing: no job turns applied, no invitation notice, only hh's own list counts", async () => {
    const hhPage = page([topic('6', { vacancyId: '500' })]);
    const { send, db, deps } = setup([hhPage, page([topic('8', { vacancyId: '600' })])]);
    const onInvitations = vi.fn();
    deps.onInvitations = onInvitations;
    const route = createRouter(negotiationMessages, createNegotiationHandlers(deps));
    const forged = async (url: string, topics: ReturnType<typeof topic>[]) =>
      route({ otklik: 1, type: 'reportNegotiations', payload: { url, cards: [], topics } });
    // A job waiting for the user (questionnaire) for vacancy 42.
    const jobId = await db.jobs.add({
      vacancyId: '42',
      resumeHash: 'a'.repeat(38),
      vacancy: { id: '42', title: 'T', employer: null, url: 'https://hh.ru/vacancy/42' },
      letter: '',
      state: 'needs_user',
      attempts: 1,
      transientFailures: 0,
      leaseOwner: null,
      leaseUntil: 0,
      nextAttemptAt: 0,
      lastError: null,
      reason: 'test_required',
      link: null,
      outcome: null,
      unconfirmed: false,
      source: 'listing',
      createdAt: 0,
      updatedAt: 0,
    } as never);
    const r = await forged('https://hh.ru/applicant/negotiations?page=0', [
      topic('99', { vacancyId: '42', invited: true, chatId: '1' }),
    ]);
    expect(r).toMatchObject({ ok: true, data: { ok: true, created: 1 } });
    expect(await db.jobs.get(jobId)).toMatchObject({ state: 'needs_user' });
    expect(await db.negotiations.get('99')).toBeUndefined();
    expect(await db.negotiations.get('6')).toMatchObject({ vacancyId: '500' });
    expect(onInvitations).not.toHaveBeenCalled();
    // The page number of the reported URL picks the list page the worker reads.
    await forged('https://hh.ru/applicant/negotiations?page=1', []);
    expect(await db.negotiations.get('8')).toMatchObject({ vacancyId: '600' });
    // When hh itself lists the response, the waiting job is done.
    hhPage.topics.push(topic('7', { vacancyId: '42' }) as never);
    await send('syncNegotiations', {});
    expect(await db.jobs.get(jobId)).toMatchObject({ state: 'applied', outcome: { topicId: '7' } });
  });

  it('reports in a burst share one read of hh', async () => {
    const { deps } = setup([page([topic('6')])]);
    const fetchPage = vi.fn(deps.fetchPage);
    const route = createRouter(
      negotiationMessages,
      createNegotiationHandlers({ ...deps, fetchPage, now: () => 5_000 }),
    );
    for (let i = 0; i < 5; i++)
      await route({
        otklik: 1,
        type: 'reportNegotiations',
        payload: { url: 'https://hh.ru/applicant/negotiations', cards: [], topics: [] },
      });
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(listPageOf('https://hh.ru/applicant/negotiations?filter=all&page=3')).toBe(3);
    expect(listPageOf('https://hh.ru/applicant/negotiations?page=-1')).toBe(0);
  });

  it('the worker sync reads hh, records errors for the popup, and drafts replies to new employer messages without sending', async () => {
    const { send, sendChat, draft, settle, db, sync } = setup(
      [page([topic('9', { hasNewMessages: true, messagesCount: 2 })])],
      employerMsg,
    );
    expect(await send('syncNegotiations', {})).toMatchObject({
      ok: true,
      data: { ok: true, created: 1, newMessages: 1 },
    });
    await settle();
    expect(draft).toHaveBeenCalledTimes(1);
    expect(sendChat).not.toHaveBeenCalled();
    expect(await db.replies.get('9')).toMatchObject({ state: 'drafted', employerMessageId: '2', draftBy: 'template' });
    const list = await send('listReplies', {});
    expect(list).toMatchObject({
      ok: true,
      data: {
        replies: [
          {
            topicId: '9',
            chatId: '79',
            draft: expect.stringContaining('зарплатные'),
            chatUrl: 'https://chatik.hh.ru/chat/79',
          },
        ],
      },
    });
    expect(sync().error).toBeNull();
  });

  it('sends only on sendReply, with a stable idempotency key; a failed send says why and can be retried', async () => {
    const { send, sendChat, deps, db } = setup([], employerMsg);
    await handleNewMessages(deps, [{ topicId: '9', chatId: '79' }]);
    expect(sendChat).not.toHaveBeenCalled();
    await send('updateReplyDraft', { topicId: '9', draft: 'Мой ответ' });
    sendChat.mockResolvedValueOnce({ ok: false, error: 'refused', detail: 'HTTP 400' } as never);
    expect(await send('sendReply', { topicId: '9', text: 'Мой ответ' })).toMatchObject({
      ok: true,
      data: { ok: false, error: 'refused: HTTP 400' },
    });
    expect((await db.replies.get('9'))?.state).toBe('failed');
    expect(await send('sendReply', { topicId: '9', text: 'Мой ответ' })).toMatchObject({
      ok: true,
      data: { ok: true },
    });
    expect(sendChat).toHaveBeenCalledTimes(2);
    expect(sendChat.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { chatId: '79', text: 'Мой ответ', idempotencyKey: 'otklik-9-2' },
      { chatId: '79', text: 'Мой ответ', idempotencyKey: 'otklik-9-2' },
    ]);
    expect(await send('sendReply', { topicId: '9', text: 'again' })).toMatchObject({
      data: { ok: false, error: 'already sent' },
    });
    expect(await send('listReplies', {})).toMatchObject({ data: { replies: [] } });
  });

  it("what to check in a model draft reaches the popup; the user's edit clears it", async () => {
    const { send, deps, draft } = setup([], employerMsg);
    draft.mockResolvedValueOnce({
      text: 'Пишите на evil@spam.io',
      by: 'openai',
      problems: ['ссылка или адрес не из ваших данных: evil@spam.io'],
    } as never);
    await handleNewMessages(deps, [{ topicId: '9', chatId: '79' }]);
    expect(await send('listReplies', {})).toMatchObject({
      data: { replies: [{ draftBy: 'openai', problems: ['ссылка или адрес не из ваших данных: evil@spam.io'] }] },
    });
    await send('updateReplyDraft', { topicId: '9', draft: 'Мой текст' });
    expect(await send('listReplies', {})).toMatchObject({ data: { replies: [{ draftBy: 'user', problems: [] }] } });
  });

  it('a failed sync is reported to the popup and creates nothing', async () => {
    const { send, db } = setup([]);
    expect(await send('syncNegotiations', {})).toMatchObject({
      ok: true,
      data: { ok: false, error: 'network: HTTP 502' },
    });
    expect(await send('negotiationsFunnel', {})).toMatchObject({ data: { syncError: 'network: HTTP 502' } });
    expect(await db.negotiations.count()).toBe(0);
  });

  it('an edited draft is never overwritten by a background draft; a new employer message reopens a dismissed one', async () => {
    const { send, deps, db, draft } = setup([], employerMsg);
    draft.mockImplementationOnce(async () => {
      await send('updateReplyDraft', { topicId: '9', draft: 'user text' });
      return { text: 'late model text', by: 'openai' };
    });
    await handleNewMessages(deps, [{ topicId: '9', chatId: '79' }]);
    expect(await db.replies.get('9')).toMatchObject({ draft: 'user text', draftBy: 'user' });
    await send('dismissReply', { topicId: '9' });
    employerMsg.push({ id: '3', text: 'Ответьте, пожалуйста', fromEmployer: true, at: 3 });
    await handleNewMessages(deps, [{ topicId: '9', chatId: '79' }]);
    expect(await db.replies.get('9')).toMatchObject({ state: 'drafted', employerMessageId: '3' });
    expect((await db.replies.get('9'))?.employerText).toContain('Приглашаем');
  });
});
