import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared, parseHtml, readRepoFixture, readSharedFixture } from '../../../test/shared-fixtures';
import { matchVacancySchema } from '../match/vacancy';
import {
  badgeAnchor,
  experienceFromText,
  findListingCards,
  interpretCard,
  originOf,
  isCardProblem,
  listContainer,
  mergeStateIntoCards,
  parseListingCard,
  parseListingCards,
  readListingCard,
  type ListingCard,
} from './listing';

function byId(cards: ListingCard[], id: string): ListingCard {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`card ${id} not parsed`);
  return c;
}

function countBy<T>(items: T[], key: (t: T) => string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) {
    const k = key(i) ?? 'null';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describeWithShared('listing cards: NIK logged-in SERP 2026-04 (50 magritte cards)', () => {
  let doc: Document;
  let cards: ListingCard[];
  let problems: { element: Element; reason: string }[];
  beforeAll(() => {
    doc = parseHtml(readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html'));
    ({ cards, problems } = parseListingCards(doc));
  });

  it('parses all 50 cards, no problems, unique ids in page order', () => {
    expect(problems).toEqual([]);
    expect(cards).toHaveLength(50);
    expect(new Set(cards.map((c) => c.id)).size).toBe(50);
    expect(cards.slice(0, 3).map((c) => c.id)).toEqual(['131620241', '118990654', '131549122']);
    expect(cards[49]?.id).toBe('131049398');
  });

  it('every card satisfies the scorer contract (MatchVacancy)', () => {
    for (const c of cards) expect(matchVacancySchema.safeParse(c).success, c.id).toBe(true);
  });

  it('aggregate numbers match the fixture', () => {
    expect(countBy(cards, (c) => c.experience)).toEqual({ between3And6: 29, moreThan6: 13, between1And3: 8 });
    expect(cards.filter((c) => c.workFormats.includes('REMOTE'))).toHaveLength(34);
    expect(cards.filter((c) => c.salary)).toHaveLength(25);
    expect(
      countBy(
        cards.filter((c) => c.salary),
        (c) => c.salary?.currency,
      ),
    ).toEqual({ RUR: 19, KZT: 1, USD: 2, EUR: 3 });
    expect(
      countBy(
        cards.filter((c) => c.salary),
        (c) => String(c.salary?.gross),
      ),
    ).toEqual({ true: 8, false: 17 });
    expect(cards.filter((c) => c.salary?.frequency)).toHaveLength(18);
    expect(cards.filter((c) => c.employer?.id)).toHaveLength(50);
    expect(cards.filter((c) => c.area)).toHaveLength(50);
    expect(cards.filter((c) => c.snippet)).toHaveLength(0); // this render has no snippets
    expect(cards.filter((c) => c.applied)).toHaveLength(0); // no evidence of applied on any card
    for (const c of cards) {
      expect(c.applyUrl, c.id).toContain(`vacancyId=${c.id}`);
      expect(c.url, c.id).toContain(`/vacancy/${c.id}`);
    }
  });

  it('card 131620241: Backend-разработчик, от 250 000 ₽ на руки, LikeAvto, Чита', () => {
    const c = byId(cards, '131620241');
    expect(c).toMatchObject({
      title: 'Backend-разработчик',
      employer: { id: '5056569', name: 'LikeAvto' },
      salary: {
        from: 250000,
        to: null,
        currency: 'RUR',
        gross: false,
        mode: 'MONTH',
        frequency: 'TWICE_PER_MONTH',
        text: 'от 250 000 ₽ за месяц, на руки',
      },
      experience: 'between3And6',
      workFormats: ['REMOTE'],
      scheduleText: 'Можно удалённо',
      area: 'Чита',
      applied: false,
      url: 'https://izhevsk.hh.ru/vacancy/131620241?hhtmFrom=vacancy_search_list',
    });
    expect(c.labels).toEqual([
      'Опыт 3-6 лет',
      'Можно удалённо',
      'Выплаты: два раза в месяц',
      'Подходит по навыкам на 83%',
    ]);
    expect(c.element).toBe(doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')[0]);
  });

  it('card 131637555: 500 000 – 1 000 000 ₸ gross, Алматы street address', () => {
    expect(byId(cards, '131637555')).toMatchObject({
      title: 'Senior Backend / DevOps Architect (Sheriff)',
      employer: { id: '5350227', name: 'ИП SMM DRUG' },
      salary: { from: 500000, to: 1000000, currency: 'KZT', gross: true, frequency: 'MONTHLY' },
      experience: 'between3And6',
      area: 'Алматы',
      address: 'Алматы, улица Шамши Калдаякова, 47',
      labels: ['Опыт 3-6 лет', 'Можно удалённо', 'Выплаты: раз в месяц', 'Отклик без резюме'],
    });
  });

  it('card 131632612: 5 000 – 7 500 $ net, DataLouna, Португалия, moreThan6', () => {
    expect(byId(cards, '131632612')).toMatchObject({
      title: 'Senior backend developer (Node.js)',
      employer: { id: '6069086', name: 'DataLouna' },
      salary: { from: 5000, to: 7500, currency: 'USD', gross: false },
      experience: 'moreThan6',
      area: 'Португалия',
    });
  });

  it('card 131519895: single amount 250 000 ₽ → from = to', () => {
    expect(byId(cards, '131519895')).toMatchObject({
      title: 'PHP-разработчик (Senior)',
      employer: { id: '4443266', name: 'ООО Барлайн' },
      salary: { from: 250000, to: 250000, currency: 'RUR', gross: false },
      experience: 'moreThan6',
    });
  });

  it('card 130746718: office job, district in the address, no remote label', () => {
    expect(byId(cards, '130746718')).toMatchObject({
      title: 'Backend-разработчик (офис)',
      employer: { id: '10322008', name: 'ООО Старт' },
      salary: { from: 180000, to: 230000, currency: 'RUR', gross: false },
      experience: 'between1And3',
      workFormats: [],
      area: 'Москва',
      address: 'Москва, р-н Западное Дегунино',
    });
  });

  it('card 131625552: € gross; card 131605486: U+2011 hyphen normalised, no salary', () => {
    expect(byId(cards, '131625552')).toMatchObject({
      salary: { from: 4200, to: 5400, currency: 'EUR', gross: true },
      area: 'Испания',
    });
    expect(byId(cards, '131605486')).toMatchObject({
      title: 'Backend-разработчик (Nest.js)',
      salary: null,
      experience: 'between1And3',
      employer: { id: '1518533', name: 'Purrweb' },
      area: 'Омск',
    });
  });

  it('employer ids from hrefs with extra params; names trimmed', () => {
    expect(byId(cards, '131607373').employer).toEqual({ id: '3443', name: 'АО Банк ДОМ.РФ IT' });
    expect(byId(cards, '131591210').employer).toEqual({ id: '1740', name: 'Финтех' });
  });

  it('badge anchor is the title heading; list container is the results wrapper', () => {
    const first = cards[0]!.element;
    expect(badgeAnchor(first)?.getAttribute('data-qa')).toBe('bloko-header-2');
    expect(listContainer(first)?.getAttribute('data-qa')).toBe('vacancy-serp__results');
  });

  it("the content script's read finds the same badge anchor in its one pass, and raw fields that interpret to the card", () => {
    for (const card of cards) {
      const r = readListingCard(card.element);
      if ('reason' in r) throw new Error(r.reason);
      expect(r.anchor).toBe(badgeAnchor(card.element));
      expect({ ...interpretCard(r.raw, originOf(doc)), element: card.element }).toEqual(card);
    }
  });

  it('parseListingCard on one element (cards appended later) equals the batch result', () => {
    const el = findListingCards(doc)[3]!;
    const one = parseListingCard(el);
    expect(isCardProblem(one)).toBe(false);
    expect(one).toEqual(cards[3]);
    expect(findListingCards(el)).toEqual([el]);
  });
});

describeWithShared('listing cards: UNB SERP 2026-07', () => {
  let r: ReturnType<typeof parseListingCards>;
  beforeAll(() => {
    r = parseListingCards(
      parseHtml(readSharedFixture('fixtures/hh/serp/unbiqo_hh_search_cards_magritte_2026-07.html')),
    );
  });

  it('2 cards + the broken stub as a problem', () => {
    expect(r.cards.map((c) => c.id)).toEqual(['133191802', '135583370']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.reason).toMatch(/no title link/);
    expect(r.problems[0]?.element.textContent).toContain('повреждённая карточка');
  });

  it('salary before the tags block (2026-07 layout), split text nodes', () => {
    expect(byId(r.cards, '133191802')).toMatchObject({
      title: 'Менеджер по продажам (горячие лиды)',
      employer: { id: '3731347', name: 'Онлайн-школа Тетрика' },
      salary: { from: 150000, to: null, currency: 'RUR', gross: false, mode: 'MONTH', frequency: 'MONTHLY' },
      experience: 'between1And3',
      workFormats: ['REMOTE'],
      area: 'Ростов-на-Дону',
      labels: ['Опыт 1-3 года', 'Можно удалённо', 'Выплаты: Раз в месяц', 'Можно без резюме'],
    });
  });

  it('card without salary and heading', () => {
    const c = byId(r.cards, '135583370');
    expect(c).toMatchObject({
      title: 'Team Lead аналитики в Collection',
      employer: { id: '586', name: 'Банк Русский Стандарт' },
      salary: null,
      experience: 'between3And6',
      workFormats: [],
      area: 'Москва',
      address: 'Москва, р-н Преображенское',
    });
    expect(badgeAnchor(c.element)?.getAttribute('data-qa')).toBe('serp-item__title'); // no h2 in this layout
  });
});

describeWithShared('listing cards: NIK negotiations page 2026-03 ("suitable vacancies", narrow cards)', () => {
  let r: ReturnType<typeof parseListingCards>;
  beforeAll(() => {
    r = parseListingCards(
      parseHtml(readSharedFixture('fixtures/hh/applicant/hh_negotiations_main_content_2026-03.html')),
    );
  });

  it('6 cards with snippets; salaries found before the tags block', () => {
    expect(r.problems).toEqual([]);
    expect(r.cards.map((c) => c.id)).toEqual([
      '131527222',
      '130705198',
      '131525569',
      '131533710',
      '118990654',
      '131470422',
    ]);
    expect(r.cards.filter((c) => c.snippet)).toHaveLength(6);
    expect(r.cards.filter((c) => c.salary).map((c) => c.id)).toEqual([
      '130705198',
      '131525569',
      '118990654',
      '131470422',
    ]);
  });

  it('card 118990654: requirement then responsibility, gross salary, Санкт-Петербург', () => {
    const c = byId(r.cards, '118990654');
    expect(c).toMatchObject({
      title: 'Разработчик',
      employer: { id: '5122356', name: 'ООО ГравиЛинк' },
      salary: { from: 512000, to: 768000, currency: 'RUR', gross: true },
      experience: 'between3And6',
      workFormats: ['REMOTE'],
      area: 'Санкт-Петербург',
    });
    const [req, resp] = (c.snippet ?? '').split('\n');
    expect(req).toMatch(/^имели твёрдые фундаментальные знания математики/);
    expect(resp).toMatch(/^участвовать в полном цикле разработки/);
  });

  it('card 131470422: $ gross; 131525569 has the side-job label', () => {
    expect(byId(r.cards, '131470422')).toMatchObject({
      salary: { from: 4000, to: 6000, currency: 'USD', gross: true },
      employer: { id: '250', name: 'COMTEK Inc.' },
      area: 'Сербия',
    });
    expect(byId(r.cards, '131525569').labels).toContain('Подработка');
  });

  it('no results wrapper on this page', () => {
    expect(listContainer(r.cards[0]!.element)).toBeNull();
  });
});

describe('listing cards: synthetic older markup', () => {
  it('bloko ≤2022 card: multi-word data-qa root, old title/salary selectors, id from href', () => {
    const { cards, problems } = parseListingCards(parseHtml(readRepoFixture('hh/listing_bloko_2022.html')));
    expect(problems).toEqual([]);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      id: '40000001',
      title: 'Python-разработчик',
      employer: { id: '1001', name: 'ООО Ромашка' },
      salary: { from: 120000, to: null, currency: 'RUR', gross: null },
      experience: null,
      workFormats: [],
      area: 'Санкт-Петербург',
      snippet: 'Опыт с Django от 2 лет.\nПисать сервисы на Python.',
    });
  });

  it('2023-24 card: serp-item root, experience without suffix → from text, old remote label', () => {
    const { cards, problems } = parseListingCards(parseHtml(readRepoFixture('hh/listing_transition_2024.html')));
    expect(problems).toEqual([]);
    expect(cards[0]).toMatchObject({
      id: '50000002',
      title: 'Аналитик данных',
      employer: { id: '2002', name: 'ТОО Данные' },
      salary: { from: 500000, to: 700000, currency: 'KZT' },
      experience: 'between1And3',
      workFormats: ['REMOTE'],
      area: 'Алматы',
    });
  });
});

describe('listing cards: synthetic magritte edge cases (applied, broken, anonymous)', () => {
  let r: ReturnType<typeof parseListingCards>;
  beforeAll(() => {
    r = parseListingCards(parseHtml(readRepoFixture('hh/listing_edge_cases_magritte.html')));
  });

  it('4 cards parsed, 4 problems with reasons (never half-parsed)', () => {
    expect(r.cards.map((c) => c.id)).toEqual(['70000001', '70000002', '70000003', '70000004']);
    expect(r.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/no title link/),
      expect.stringMatching(/no vacancy id/),
      expect.stringMatching(/vacancy id mismatch/),
      expect.stringMatching(/empty title/),
    ]);
  });

  it('applied evidence: button text, chat link instead of response link, status element', () => {
    expect(byId(r.cards, '70000001')).toMatchObject({
      applied: true,
      appliedEvidence: 'response button "Вы откликнулись"',
    });
    expect(byId(r.cards, '70000002')).toMatchObject({
      applied: true,
      appliedEvidence: 'chat link instead of the response link',
    });
    expect(byId(r.cards, '70000002').applyUrl).toBeUndefined();
    expect(byId(r.cards, '70000003')).toMatchObject({ applied: true, appliedEvidence: 'response-status element' });
    expect(byId(r.cards, '70000004').applied).toBe(false);
  });

  it('per-shift salary with thin space split across nodes; noExperience', () => {
    expect(byId(r.cards, '70000001')).toMatchObject({
      salary: { from: 3500, to: 3500, currency: 'RUR', mode: 'SHIFT' },
      experience: 'noExperience',
      area: 'Казань',
    });
  });

  it('anonymous employer has a name but no id; hybrid tag', () => {
    expect(byId(r.cards, '70000004')).toMatchObject({
      employer: { name: 'Крупная компания' },
      salary: { from: null, to: 90000, gross: false },
      workFormats: ['HYBRID'],
    });
    expect(byId(r.cards, '70000004').employer).not.toHaveProperty('id');
  });

  it('mergeStateIntoCards fills applied/snippet/work formats by id', () => {
    const cards = r.cards.map((c) => ({ ...c, workFormats: [...c.workFormats] }));
    mergeStateIntoCards(cards, [
      { id: '70000004', applied: true, snippet: 'Вести учёт', workFormats: ['ON_SITE', 'HYBRID'] },
      { id: 'unknown', applied: true, workFormats: [] },
    ]);
    expect(byId(cards, '70000004')).toMatchObject({
      applied: true,
      appliedEvidence: 'state userLabels',
      snippet: 'Вести учёт',
      workFormats: ['HYBRID', 'ON_SITE'],
    });
    expect(byId(cards, '70000002').snippet).toBeUndefined();
  });
});

describe('experienceFromText', () => {
  it.each([
    ['Опыт 3-6 лет', 'between3And6'],
    ['Опыт 1–3 года', 'between1And3'],
    ['Опыт более 6 лет', 'moreThan6'],
    ['Без опыта', 'noExperience'],
    ['Опыт работы: не требуется', 'noExperience'],
    ['1–3 года', 'between1And3'],
    ['', null],
    ['Полная занятость', null],
  ])('%s → %s', (t, id) => expect(experienceFromText(t)).toBe(id));
});
