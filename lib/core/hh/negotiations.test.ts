import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import {
  cardDate,
  cardStatus,
  liveCardsSignature,
  parseNegotiationCards,
  parseNegotiationsPage,
  parseTopic,
} from './negotiations';

const FIXTURE = 'fixtures/hh/applicant/hh_negotiations_main_content_2026-03.html';
const APPLY_WITH_TEST = 'fixtures/hh/apply/hh_popup_apply_with_test_request_response_2026-05.md';

describeWithShared('negotiations page: real NIK main-content 2026-03', () => {
  const html = readSharedFixture(FIXTURE);
  const { cards, unrecognised } = parseNegotiationCards(html);

  it('finds all 20 response cards (not the 6 suggested vacancy cards) with topic ids', () => {
    expect(cards).toHaveLength(20);
    expect(unrecognised).toBe(0);
    expect(new Set(cards.map((c) => c.topicId)).size).toBe(20);
    for (const c of cards) expect(c.topicId).toMatch(/^51800\d{5}$/);
  });

  it('reads title, company, date, employer and the first card exactly', () => {
    expect(cards[0]).toEqual({
      topicId: '5180050702',
      title: 'Full stack developer (react/node.js)',
      company: 'Альфа-Банк',
      dateText: 'сегодня',
      status: 'not_viewed',
      tag: { qa: 'negotiations-item-not-viewed', text: 'Не просмотрен' },
      employerId: '80',
      canDecline: true,
    });
    expect(cards[15]!.title).toBe('Python разработчик | Middle | Senior в Fintech');
    expect(cards[13]!.company).toBe('Институт проектирования, архитектуры и дизайна (ИНПАД)');
    expect(cards.every((c) => c.company && c.dateText === 'сегодня' && c.employerId)).toBe(true);
  });

  it('maps the status tags: 17 not viewed, 3 viewed; one card cannot be declined any more', () => {
    const by = (s: string) => cards.filter((c) => c.status === s).length;
    expect(by('not_viewed')).toBe(17);
    expect(by('viewed')).toBe(3);
    expect(cards.filter((c) => c.status === 'viewed').map((c) => c.topicId)).toEqual([
      '5180045303',
      '5180045207',
      '5180045050',
    ]);
    expect(cards.filter((c) => !c.canDecline).map((c) => c.topicId)).toEqual(['5180046006']);
  });

  it('the live-list fingerprint changes with a status tag, not with unrelated markup', () => {
    document.body.innerHTML = html;
    const a = liveCardsSignature(document);
    expect(a.split(';')).toHaveLength(20);
    document.body.insertAdjacentHTML('beforeend', '<div>banner</div>');
    expect(liveCardsSignature(document)).toBe(a);
    document
      .querySelector('[data-qa="negotiations-tag negotiations-item-not-viewed"]')!
      .setAttribute('data-qa', 'negotiations-tag negotiations-item-viewed');
    expect(liveCardsSignature(document)).not.toBe(a);
  });

  it('the fragment has no embedded state: no topics, not stale, not logged out', () => {
    const page = parseNegotiationsPage(html, 'https://hh.ru/applicant/negotiations?filter=all');
    expect(page).toMatchObject({ topics: [], staleState: false, loggedOut: false, unrecognised: 0 });
    expect(page.cards).toHaveLength(20);
  });
});

describeWithShared('negotiation topic: real topicList object of the 2026-05 apply capture', () => {
  it('parses the full topic shape', () => {
    const md = readSharedFixture(APPLY_WITH_TEST);
    const json = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(md)![1]!) as {
      responseStatus: { negotiations: { topicList: unknown[] } };
    };
    expect(parseTopic(json.responseStatus.negotiations.topicList[0])).toEqual({
      topicId: '5316445435',
      vacancyId: '132310345',
      chatId: '5356680070',
      lastState: 'RESPONSE',
      archived: false,
      hasNewMessages: false,
      viewedByOpponent: false,
      invited: false,
      discarded: false,
      messagesCount: 0,
      lastModified: 1779647243809,
      created: 1779647243809,
    });
  });
});

describe('negotiations page: state and edge cases', () => {
  const state = (s: unknown) =>
    `<template id="HH-Lux-InitialState">${JSON.stringify(s).replace(/"/g, '&quot;')}</template>`;
  const card = (topic: string, qa: string, text: string) =>
    `<div data-qa="negotiations-item"><span data-qa="negotiations-tag ${qa}">${text}</span><span data-qa="negotiations-item-vacancy">Dev <b>${topic}</b></span><div data-qa="negotiations-item-company"><span>Co</span></div><a data-qa="know-vacancy-responses-summary" href="/applicant-services/vacancy-summary/${topic}?x=1">s</a></div>`;

  it('reads topics from an HTML-escaped state of the same page; ignores a stale one', () => {
    const s = {
      router: { location: { pathname: '/applicant/negotiations', search: '?filter=all' } },
      userType: 'applicant',
      applicantNegotiations: {
        topicList: [
          { id: 11111, vacancyId: '42', chatId: 7, lastState: 'invitation', hasNewMessages: true },
          { nope: 1 },
        ],
      },
    };
    const page = parseNegotiationsPage(
      state(s) + card('11111', 'negotiations-item-invitation', 'Приглашение'),
      'https://hh.ru/applicant/negotiations?filter=all',
    );
    expect(page.topics).toEqual([
      expect.objectContaining({
        topicId: '11111',
        vacancyId: '42',
        chatId: '7',
        lastState: 'INVITATION',
        hasNewMessages: true,
        archived: false,
      }),
    ]);
    expect(page.cards[0]).toMatchObject({ title: 'Dev 11111', status: 'invitation' });
    const stale = parseNegotiationsPage(
      state({ ...s, router: { location: { pathname: '/applicant/resumes' } } }),
      'https://hh.ru/applicant/negotiations',
    );
    expect(stale).toMatchObject({ topics: [], staleState: true });
  });

  it('an anonymous state or a login form means logged out', () => {
    expect(parseNegotiationsPage(state({ userType: 'anonymous' })).loggedOut).toBe(true);
    expect(parseNegotiationsPage('<form action="/account/login?backurl=x"></form>').loggedOut).toBe(true);
  });

  it('a card without a topic id or title is counted, never guessed', () => {
    const r = parseNegotiationCards(
      '<div data-qa="negotiations-item"><span data-qa="negotiations-item-vacancy">X</span></div>' +
        card('2222222', 'x', 'Отказ'),
    );
    expect(r.unrecognised).toBe(1);
    expect(r.cards.map((c) => [c.topicId, c.status])).toEqual([['2222222', 'discard']]);
  });

  it('status by data-qa suffix first, then by wording', () => {
    expect(cardStatus('negotiations-item-discard', 'Whatever')).toBe('discard');
    expect(cardStatus('negotiations-item-new-kind', 'Собеседование')).toBe('interview');
    expect(cardStatus('negotiations-item-new-kind', 'Не\u00a0просмотрен')).toBe('not_viewed');
    expect(cardStatus('', 'Архив')).toBe('archived');
    expect(cardStatus('', '???')).toBe('unknown');
  });
});

describe('card dates', () => {
  const now = new Date(2026, 2, 25, 15, 0).getTime(); // 25 March 2026, 15:00 local
  const day = (y: number, m: number, d: number) => new Date(y, m, d).getTime();
  it('reads hh wordings as local days; unknown wording is null', () => {
    expect(cardDate('сегодня', now)).toBe(day(2026, 2, 25));
    expect(cardDate('вчера', now)).toBe(day(2026, 2, 24));
    expect(cardDate('3\u00a0дня назад', now)).toBe(day(2026, 2, 22));
    expect(cardDate('12 марта', now)).toBe(day(2026, 2, 12));
    expect(cardDate('2 мая', now)).toBe(day(2025, 4, 2));
    expect(cardDate('12 декабря 2024', now)).toBe(day(2024, 11, 12));
    expect(cardDate('на днях', now)).toBeNull();
    expect(cardDate('12 мартобря', now)).toBeNull();
  });
});
