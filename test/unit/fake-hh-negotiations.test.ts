// @vitest-environment node
/**
 * Otklik's own hh code (responses page, chat client, apply client) against the fake hh.ru over real HTTPS:
 * the fake's responses page parses like the real one, statuses follow the test controls, and the chat API
 * keeps one message per idempotency key and refuses a missing xsrf.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApplyClient } from '../../lib/core/hh/apply-client';
import { fetchChatMessages, sendChatMessage } from '../../lib/core/hh/chat';
import { fetchNegotiationsPage } from '../../lib/core/hh/negotiations';
import { fakeFetch } from '../fake-hh/node-fetch';
import { startFakeHh, type FakeHh } from '../fake-hh/server';

describe('fake hh.ru: responses page and chats (through lib/core/hh clients)', () => {
  let fake: FakeHh;
  let f: typeof fetch;
  const readCookie = async (_url: string, name: string) => (name === '_xsrf' ? fake.state.xsrf : null);

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true, vacancies: 400 });
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    fake.reset();
    // The logged-in session's cookies (kept up to date from Set-Cookie, as a browser does).
    f = fakeFetch(fake, new Map(fake.cookies().map((c) => [c.name, c.value])));
  });

  async function applyTo(n: number): Promise<number[]> {
    const client = createApplyClient({ fetch: f, readCookie });
    const ids = fake.vacancyKinds().normal.slice(0, n);
    for (const id of ids)
      expect((await client.apply({ vacancyId: String(id), resumeHash: fake.resumes[0]!.hash, letter: '' })).kind).toBe(
        'applied',
      );
    return ids;
  }

  it('lists applications newest first with cards and topics that agree; statuses follow the controls', async () => {
    const ids = await applyTo(3);
    fake.negotiations.set(ids[0]!, 'invite');
    fake.negotiations.set(ids[1]!, 'discard');
    const r = await fetchNegotiationsPage(f);
    if (!r.ok) throw new Error(r.detail);
    const { cards, topics } = r.page;
    expect(cards.map((c) => c.topicId)).toEqual(topics.map((t) => t.topicId));
    expect(topics.map((t) => t.vacancyId)).toEqual(ids.map(String).reverse());
    expect(cards.map((c) => c.status)).toEqual(['not_viewed', 'discard', 'invitation']);
    expect(topics.map((t) => [t.lastState, t.invited, t.discarded])).toEqual([
      ['RESPONSE', false, false],
      ['DISCARD', false, true],
      ['INVITATION', true, false],
    ]);
    expect(cards[2]!.title).toBe(fake.vacancy(ids[0]!)!.name);
    expect(cards.map((c) => c.canDecline)).toEqual([true, false, false]);
  });

  it('pages by 20 like hh', async () => {
    await applyTo(21);
    const p0 = await fetchNegotiationsPage(f);
    const p1 = await fetchNegotiationsPage(f, { page: 1 });
    expect(p0.ok && p0.page.cards.length).toBe(20);
    expect(p1.ok && p1.page.cards.length).toBe(1);
  });

  it('an employer message shows as new; the chat reads it; a send lands once per key and needs the xsrf', async () => {
    const [id] = await applyTo(1);
    fake.negotiations.employerWrites(id!, 'Здравствуйте! Когда вам удобно созвониться?');
    const page = await fetchNegotiationsPage(f);
    const t = page.ok ? page.page.topics[0]! : null;
    expect(t).toMatchObject({ hasNewMessages: true, viewedByOpponent: true, messagesCount: 2 });
    const chat = await fetchChatMessages({ fetch: f, readCookie }, t!.chatId!);
    expect(chat.ok && chat.value.map((m) => [m.fromEmployer, m.text])).toEqual([
      [false, 'Отклик на вакансию'],
      [true, 'Здравствуйте! Когда вам удобно созвониться?'],
    ]);
    const req = { chatId: t!.chatId!, text: 'Завтра в 11:00', idempotencyKey: 'k1' };
    expect(await sendChatMessage({ fetch: f, readCookie }, req)).toEqual({ ok: true, value: null });
    expect(await sendChatMessage({ fetch: f, readCookie }, req)).toEqual({ ok: true, value: null });
    expect(fake.negotiations.sent.map((s) => s.text)).toEqual(['Завтра в 11:00']);
    expect(
      await sendChatMessage({ fetch: f, readCookie: async () => 'wrong' }, { ...req, idempotencyKey: 'k2' }),
    ).toMatchObject({ ok: false, error: 'logged_out' });
    expect(fake.negotiations.sent).toHaveLength(1);
    const after = await fetchNegotiationsPage(f);
    expect(after.ok && after.page.topics[0]!.hasNewMessages).toBe(false);
  });

  it('logged out: the page and the chat say so', async () => {
    await applyTo(1);
    fake.behave({ loggedOut: true });
    expect(await fetchNegotiationsPage(f)).toMatchObject({ ok: false, error: 'logged_out' });
    expect(await fetchChatMessages({ fetch: f, readCookie }, '1')).toMatchObject({ ok: false, error: 'logged_out' });
  });
});
