import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared, parseHtml, readSharedFixture } from '../../../test/shared-fixtures';
import { findListingCards, readListingCard } from './listing';
import { readListingPage } from './listing-page';
import { listingStateFromJson, listingStateFromText, stateTextFromHtml } from './listing-state';

const KHR = 'fixtures/hh/serp/khrenovss_search_excerpts_2026-09/';
const LLR = 'fixtures/hh/serp/llr_search_loggedin_excerpts_2026-08/';
const KHR_URL = 'https://hh.ru/search/vacancy?text=CODESYS&area=1&order_by=publication_time&search_period=2';
const esc = (s: string) => s.replace(/"/g, '&#34;');

/** A raw server answer built around the real excerpts: the real open tag, the two real escaped items, card 1. */
function khrPage(opts: { routerSearch?: string; cards?: string } = {}): string {
  const openTag = readSharedFixture(KHR + 'state_template_open_tag.html').match(/^<template[^>]*>/)![0];
  const v0 = readSharedFixture(KHR + 'state_vacancy_0.txt');
  const v1 = readSharedFixture(KHR + 'state_vacancy_1.txt');
  const router = esc(
    JSON.stringify({ location: { pathname: '/search/vacancy', search: opts.routerSearch ?? new URL(KHR_URL).search } }),
  );
  const state = `{&#34;router&#34;:${router},&#34;vacancySearchResult&#34;:{&#34;vacancies&#34;:[${v0},${v1}],&#34;totalResults&#34;:2}}`;
  const cards = opts.cards ?? readSharedFixture(KHR + 'first_card.html');
  return `<!doctype html><html><head></head><body><section data-qa="vacancy-serp__results"><ol>${cards}</ol></section>${openTag}${state}</template></body></html>`;
}

describeWithShared('search state of the KHR raw server answer (2026-09, &#34;-escaped)', () => {
  let html: string;
  beforeAll(() => {
    html = khrPage();
  });

  it('reads both real items with the fields the cards never show', () => {
    const r = listingStateFromText(stateTextFromHtml(html), KHR_URL, ['136519902']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.skipped).toBe(0);
    expect(r.vacancies.map((v) => v.id)).toEqual(['136519902', '137069643']);
    const [a, b] = r.vacancies;
    expect(a).toMatchObject({
      title: 'Инженер‑программист АСУ ТП (PLC, HMI, частотные преобразователи)',
      employer: { id: '9070507', name: 'Амперика', negative: [] },
      salary: { from: 140000, to: 180000, currency: 'RUR', gross: true, mode: 'MONTH', frequency: 'TWICE_PER_MONTH' },
      experience: 'between1And3',
      workFormats: ['ON_SITE'],
      professionalRoleIds: ['96'],
      acceptAutoResponse: true,
      letterRequired: false,
      testRequired: false,
      applied: null,
      responsesCount: 185,
      area: 'Москва',
      url: 'https://hh.ru/vacancy/136519902',
    });
    expect(a!.snippet).toBeUndefined(); // anonymous: no snippet
    expect(b).toMatchObject({
      employer: { id: '5069020', name: 'ТехноГрупп' },
      experience: 'between3And6',
      responsesCount: 12,
    });
  });

  it('the same through a DOM: the template content decodes &#34; and the card ids agree with the state', () => {
    const doc = parseHtml(html);
    const tpl = doc.getElementById('HH-Lux-InitialState') as HTMLTemplateElement;
    const text = tpl.content.textContent ?? '';
    expect(text.startsWith('{"router"')).toBe(true);
    const ids = findListingCards(doc).map((c) => {
      const read = readListingCard(c);
      return 'raw' in read ? read.raw.id : null;
    });
    expect(ids).toEqual(['136519902']);
    const r = listingStateFromText(text, KHR_URL, ids as string[]);
    expect(r.ok && r.vacancies.length).toBe(2);
  });

  it('is stale when the state was rendered for another search, or misses a card of the page', () => {
    const other = khrPage({ routerSearch: '?text=python' });
    expect(listingStateFromText(stateTextFromHtml(other), KHR_URL, ['136519902'])).toMatchObject({
      ok: false,
      reason: 'stale-url',
    });
    expect(listingStateFromText(stateTextFromHtml(html), KHR_URL, ['136519902', '99'])).toMatchObject({
      ok: false,
      reason: 'stale-ids',
    });
  });
});

describeWithShared('search state of the LLR logged-in page saved from a browser (2026-08, plain JSON)', () => {
  let item: Record<string, unknown>;
  beforeAll(() => {
    item = JSON.parse(readSharedFixture(LLR + 'state_vacancy_0.txt')) as Record<string, unknown>;
  });

  it('reads the snippet, the refusal of automatic applications and the competition', () => {
    const text = `{"vacancySearchResult":{"vacancies":[${readSharedFixture(LLR + 'state_vacancy_0.txt')}]}}`;
    const html = `<html><body><template id="HH-Lux-InitialState" data-xls-state-length="1">${text}</template></body></html>`;
    const r = listingStateFromText(stateTextFromHtml(html), null, []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.vacancies[0]!;
    expect(v).toMatchObject({
      id: '136701903',
      employer: { id: '89', name: 'БАНК УРАЛСИБ', negative: [] },
      experience: 'noExperience',
      professionalRoleIds: ['156'],
      acceptAutoResponse: false,
      letterRequired: false,
      responsesCount: 171,
    });
    expect(v.snippet).toMatch(/^Выпускник бакалавриата/);
    expect(v.snippet).not.toMatch(/<highlighttext>/i);
  });

  it('employer negative attributes (shape of the LLR notes: hasBreaches on YCLIENTS) become flags', () => {
    const company = {
      ...(item.company as object),
      employersNegativeAttribute: {
        employerId: 1,
        hasBreaches: true,
        pdResale: false,
        hasFrequentComplaints: false,
        isReferral: false,
        reduction: false,
        misleadingVacancyAlert: true,
        creationDate: '2026-08-29',
      },
    };
    const r = listingStateFromJson({ vacancySearchResult: { vacancies: [{ ...item, company }] } }, null, []);
    expect(r.ok && r.vacancies[0]!.employer?.negative).toEqual(['hasBreaches', 'misleadingVacancyAlert']);
  });

  it('one bad item is skipped and counted, the rest kept; an odd field degrades to unknown', () => {
    const r = listingStateFromJson(
      { vacancySearchResult: { vacancies: [{ name: 'no id' }, { ...item, responsesCount: 'many', autoResponse: 7 }] } },
      null,
      [],
    );
    expect(r).toMatchObject({ ok: true, skipped: 1 });
    expect(r.ok && r.vacancies[0]).toMatchObject({ id: '136701903', responsesCount: null, acceptAutoResponse: null });
  });
});

describe('states that are not usable say why', () => {
  it('absent, not JSON, another page’s state, no vacancies', () => {
    expect(listingStateFromText(stateTextFromHtml('<html><body></body></html>'), null, [])).toMatchObject({
      ok: false,
      reason: 'absent',
    });
    expect(listingStateFromText('{oops', null, [])).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(listingStateFromJson([1], null, [])).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(listingStateFromJson({ applicantResumes: [] }, null, [])).toMatchObject({
      ok: false,
      reason: 'no-vacancies',
    });
    expect(listingStateFromJson({ vacancySearchResult: { vacancies: [{ x: 1 }] } }, null, [])).toMatchObject({
      ok: false,
      reason: 'unrecognised',
    });
  });
});

describeWithShared('readListingPage: state first, the cards’ DOM for the rest or when the state is not usable', () => {
  it('KHR: 2 vacancies from the state (one of them not rendered as a card)', () => {
    const html = khrPage();
    const page = readListingPage(parseHtml(html), stateTextFromHtml(html), KHR_URL);
    expect(page.stateProblem).toBeUndefined();
    expect(page.vacancies.map((v) => [v.id, v.source])).toEqual([
      ['136519902', 'state'],
      ['137069643', 'state'],
    ]);
  });

  it('NIK 2026-04 (saved after client-side navigation): stale state → the 50 cards from the DOM, with the reason', () => {
    const html = readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html');
    const page = readListingPage(
      parseHtml(html),
      stateTextFromHtml(html),
      'https://izhevsk.hh.ru/search/vacancy?resume=02020202020202020202020202020202020202&from=resumelist',
    );
    expect(page.stateProblem?.reason).toBe('stale-url');
    expect(page.vacancies).toHaveLength(50);
    expect(
      page.vacancies.every(
        (v) => v.source === 'dom' && v.acceptAutoResponse === null && v.professionalRoleIds.length === 0,
      ),
    ).toBe(true);
  });
});
