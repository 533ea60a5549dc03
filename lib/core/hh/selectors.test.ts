import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeWithShared,
  parseHtml,
  REPO_ROOT,
  readRepoFixture,
  readSharedFixture,
} from '../../../test/shared-fixtures';
import * as selectors from './selectors';
import {
  anyOf,
  queryAllByPriority,
  queryOptional,
  queryRequired,
  ElementNotFoundError,
  type Selector,
} from './selectors';

/**
 * Expectation tables: how many times each selector in selectors.ts matches on each fixture.
 * Card-level selectors count CARDS that contain ≥1 match (so "title → 50" means every card has one);
 * page-level selectors count matches in the whole document.
 * Real fixtures (../shared/fixtures/hh) first; synthetic ones (test/fixtures/hh) cover what the real ones lack.
 */

type Fixture =
  | 'nikSerp' // serp/hh_serp_loggedin_magritte_2026-04.html — 50 magritte cards (wide)
  | 'unbSerp' // serp/unbiqo_hh_search_cards_magritte_2026-07.html — 2 real cards + 1 broken stub
  | 'nikNeg' // applicant/hh_negotiations_main_content_2026-03.html — 6 "suitable vacancies" cards (narrow)
  | 'nikApply' // apply/hh_vacancy_response_with_test_questions_2026-05.html
  | 'unbVac' // vacancy/unbiqo_hh_vacancy_magritte_2026-07.html
  | 'khrVac' // vacancy/khrenovss_excerpts_2026-09/*.html joined
  | 'synBloko' // test/fixtures/hh/listing_bloko_2022.html
  | 'synTransition' // test/fixtures/hh/listing_transition_2024.html
  | 'synEdge' // test/fixtures/hh/listing_edge_cases_magritte.html
  | 'synVacApplied'; // test/fixtures/hh/vacancy_page_applied.html

const REAL: Partial<Record<Fixture, () => string>> = {
  nikSerp: () => readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html'),
  unbSerp: () => readSharedFixture('fixtures/hh/serp/unbiqo_hh_search_cards_magritte_2026-07.html'),
  nikNeg: () => readSharedFixture('fixtures/hh/applicant/hh_negotiations_main_content_2026-03.html'),
  nikApply: () => readSharedFixture('fixtures/hh/apply/hh_vacancy_response_with_test_questions_2026-05.html'),
  unbVac: () => readSharedFixture('fixtures/hh/vacancy/unbiqo_hh_vacancy_magritte_2026-07.html'),
  khrVac: () =>
    ['excerpt_title_salary_keyinfo', 'excerpt_company_name', 'excerpt_description']
      .map((n) => readSharedFixture(`fixtures/hh/vacancy/khrenovss_excerpts_2026-09/vacancy_page.${n}.html`))
      .join('\n'),
};
const SYNTHETIC: Partial<Record<Fixture, () => string>> = {
  synBloko: () => readRepoFixture('hh/listing_bloko_2022.html'),
  synTransition: () => readRepoFixture('hh/listing_transition_2024.html'),
  synEdge: () => readRepoFixture('hh/listing_edge_cases_magritte.html'),
  synVacApplied: () => readRepoFixture('hh/vacancy_page_applied.html'),
};

type Counts = Partial<Record<Fixture, number>>;

/** Card-level: number of cards containing a match. Fixtures not listed are not asserted. */
const CARD_EXPECTATIONS: Record<string, Counts> = {
  cardIdHolder: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synEdge: 7 },
  cardTitleLink: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 1, synTransition: 1, synEdge: 7 },
  cardTitleText: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 0, synTransition: 0 },
  cardTitleHeading: { nikSerp: 50, unbSerp: 0, nikNeg: 6, synTransition: 1 },
  cardEmployerLink: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 1, synEdge: 2 },
  cardEmployerText: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 0, synEdge: 3 },
  // Inside the block only in the wide 2026-04 card; the narrow/2026-07 salary sits before it (found in code).
  cardSalary: { nikSerp: 25, unbSerp: 0, nikNeg: 0, synBloko: 1, synTransition: 1, synEdge: 1 },
  cardCompensationBlock: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 0, synEdge: 2 },
  cardExperience: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synTransition: 1, synEdge: 1 },
  cardRemoteLabel: { nikSerp: 34, unbSerp: 1, nikNeg: 4, synTransition: 1 },
  cardPayoutFrequency: { nikSerp: 18, unbSerp: 1, nikNeg: 3 },
  cardTagLabel: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synTransition: 1, synEdge: 2 },
  cardAddress: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 1, synEdge: 1 },
  cardSnippetRequirement: { nikSerp: 0, unbSerp: 0, nikNeg: 6, synBloko: 1 },
  cardSnippetResponsibility: { nikSerp: 0, unbSerp: 0, nikNeg: 5, synBloko: 1 },
  cardResponseLink: { nikSerp: 50, unbSerp: 2, nikNeg: 6, synBloko: 1, synEdge: 3 },
  // No real fixture has an applied card: these two are unconfirmed markers.
  cardAppliedMarker: { nikSerp: 0, unbSerp: 0, nikNeg: 0, synEdge: 1 },
  cardChatLink: { nikSerp: 0, unbSerp: 0, nikNeg: 0, synEdge: 1 },
};

/** Page-level: matches in the whole document. */
const PAGE_EXPECTATIONS: Record<string, Counts> = {
  serpResults: { nikSerp: 1, unbSerp: 1, nikNeg: 0, synBloko: 1 },
  // UNB's third card is a deliberately broken stub (still a card root); the negotiations page has 6.
  listingCard: { nikSerp: 50, unbSerp: 3, nikNeg: 6, synBloko: 1, synTransition: 1, synEdge: 8 },
  initialStateTemplate: { nikSerp: 1, unbSerp: 0, unbVac: 0 },
  vacancyTitle: { unbVac: 1, khrVac: 1, nikSerp: 0, synVacApplied: 1 },
  vacancySalary: { unbVac: 1, khrVac: 1, synVacApplied: 1 },
  vacancySalaryType: { unbVac: 1, khrVac: 1, synVacApplied: 1 },
  vacancyPayoutFrequency: { unbVac: 0, khrVac: 1 },
  // work-experience-text wrapper + vacancy-experience value inside it.
  vacancyExperience: { unbVac: 2, khrVac: 2, synVacApplied: 2 },
  vacancyEmployment: { unbVac: 0, khrVac: 1 },
  vacancyScheduleByDays: { unbVac: 0, khrVac: 1 },
  vacancyWorkingHours: { unbVac: 0, khrVac: 1 },
  vacancyWorkFormats: { unbVac: 1, khrVac: 1, synVacApplied: 1 },
  // Same data-qa as the card remote label; none on the vacancy fragments we have.
  vacancyRemoteLabel: { unbVac: 0, khrVac: 0, nikSerp: 34 },
  vacancyCompanyName: { unbVac: 1, khrVac: 1, synVacApplied: 1 },
  vacancyAddress: { unbVac: 1, khrVac: 0, synVacApplied: 1 },
  vacancyDescription: { unbVac: 1, khrVac: 1, synVacApplied: 1 },
  // Key skills are in no real fragment (the KHR vacancy has none; UNB trimmed them).
  vacancyKeySkill: { unbVac: 0, khrVac: 0, synVacApplied: 3 },
  vacancyResponseLink: { unbVac: 0, khrVac: 0, synVacApplied: 0 },
  vacancyAppliedMarker: { unbVac: 0, khrVac: 0, nikApply: 1, synVacApplied: 2 },
  vacancyEmbeddedJson: { unbVac: 1, khrVac: 0 },
};

function exportedSelectors(): [string, Selector][] {
  const out: [string, Selector][] = [];
  for (const [name, value] of Object.entries(selectors) as [string, unknown][]) {
    if (Array.isArray(value)) out.push([name, value as Selector]);
  }
  return out;
}

describe('selectors.ts conventions', () => {
  it('every exported selector has an expectation row (and no row is stale)', () => {
    const names = exportedSelectors()
      .map(([n]) => n)
      .sort();
    const rows = [...Object.keys(CARD_EXPECTATIONS), ...Object.keys(PAGE_EXPECTATIONS)].sort();
    expect(rows).toEqual(names);
  });

  it('alternatives are non-empty strings and never the hidden search-form salary input', () => {
    for (const [name, sel] of exportedSelectors()) {
      expect(sel.length, name).toBeGreaterThan(0);
      for (const alt of sel) {
        expect(alt.trim(), name).not.toBe('');
        expect(alt, name).not.toContain('"vacancy-serp__compensation"');
        expect(() => document.querySelector(alt), `${name}: ${alt}`).not.toThrow();
      }
    }
  });

  it('every alternative has its own dated comment in the source', () => {
    const src = readFileSync(path.join(REPO_ROOT, 'lib/core/hh/selectors.ts'), 'utf8');
    for (const [name, sel] of exportedSelectors()) {
      for (const alt of sel) {
        const line = src.split('\n').find((l) => l.includes(`'${alt}',`));
        expect(line, `${name}: ${alt}`).toBeDefined();
        expect(line, `${name}: ${alt} needs a comment`).toMatch(/\/\/ .*(\d{4}|unconfirmed|assumed)/i);
      }
    }
  });

  it('helpers: joined list, priority order, required throws', () => {
    const doc = parseHtml('<div class="old"><div data-qa="new">x</div></div><div class="old"></div>');
    const sel = ['[data-qa="new"]', '.old'] as const;
    expect(anyOf(sel)).toBe('[data-qa="new"], .old');
    expect(queryAllByPriority(doc, sel)).toHaveLength(1);
    expect(queryAllByPriority(doc, ['.missing', '.old'])).toHaveLength(2);
    expect(queryOptional(doc, ['.missing'])).toBeNull();
    expect(() => queryRequired(doc, ['.missing'], 'thing')).toThrow(ElementNotFoundError);
    expect(() => queryRequired(doc, ['.missing'], 'thing')).toThrow(/no thing/);
  });
});

function runTable(fixtures: Partial<Record<Fixture, () => string>>) {
  const docs = new Map<Fixture, Document>();
  const doc = (f: Fixture) => {
    let d = docs.get(f);
    if (!d) {
      const load = fixtures[f];
      if (!load) throw new Error(`no loader for ${f}`);
      d = parseHtml(load());
      docs.set(f, d);
    }
    return d;
  };
  const cards = (f: Fixture) => Array.from(doc(f).querySelectorAll(anyOf(selectors.listingCard)));
  for (const [name, counts] of Object.entries(CARD_EXPECTATIONS)) {
    for (const [f, n] of Object.entries(counts) as [Fixture, number][]) {
      if (!fixtures[f]) continue;
      it(`${name} → ${n} cards on ${f}`, () => {
        const sel = (selectors as Record<string, unknown>)[name] as Selector;
        expect(cards(f).filter((c) => c.querySelector(anyOf(sel))).length).toBe(n);
      });
    }
  }
  for (const [name, counts] of Object.entries(PAGE_EXPECTATIONS)) {
    for (const [f, n] of Object.entries(counts) as [Fixture, number][]) {
      if (!fixtures[f]) continue;
      it(`${name} → ${n} on ${f}`, () => {
        const sel = (selectors as Record<string, unknown>)[name] as Selector;
        expect(doc(f).querySelectorAll(anyOf(sel)).length).toBe(n);
      });
    }
  }
}

describeWithShared('selector expectations on real hh.ru fixtures', () => {
  runTable(REAL);

  it('experience suffixes on the NIK SERP: 29 between3And6 + 13 moreThan6 + 8 between1And3', () => {
    const doc = parseHtml(REAL.nikSerp!());
    const count = (s: string) => doc.querySelectorAll(`[data-qa="vacancy-serp__vacancy-work-experience-${s}"]`).length;
    expect([count('between3And6'), count('moreThan6'), count('between1And3'), count('noExperience')]).toEqual([
      29, 13, 8, 0,
    ]);
  });

  it('the search form salary input is not a card salary (2 on the NIK page, none inside cards)', () => {
    const doc = parseHtml(REAL.nikSerp!());
    expect(doc.querySelectorAll('[data-qa="vacancy-serp__compensation"]').length).toBe(2);
    const inCards = Array.from(doc.querySelectorAll(anyOf(selectors.listingCard))).filter((c) =>
      c.querySelector('[data-qa="vacancy-serp__compensation"]'),
    );
    expect(inCards).toHaveLength(0);
  });
});

describe('selector expectations on synthetic fixtures', () => {
  runTable(SYNTHETIC);
});
