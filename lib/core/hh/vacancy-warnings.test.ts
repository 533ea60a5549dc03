import { describe, expect, it } from 'vitest';
import { describeWithShared, parseHtml, readSharedFixture } from '../../../test/shared-fixtures';
import { parseVacancyPage } from './vacancy-page';
import { vacancyWarnings } from './vacancy-warnings';

describeWithShared('vacancy warnings: real page fragment', () => {
  it('UNB 2026-07: the embedded "test" hint says no questions; nothing else is claimed', () => {
    const doc = parseHtml(readSharedFixture('fixtures/hh/vacancy/unbiqo_hh_vacancy_magritte_2026-07.html'));
    expect(vacancyWarnings(doc, parseVacancyPage(doc))).toEqual({
      applied: false,
      testRequired: false,
      letterRequired: false,
      rejectLikely: false,
      noAuto: false,
      employer: null,
    });
  });
});

describe('vacancy warnings', () => {
  it("reads hh's reject warning marker and the parsed flags", () => {
    const doc = parseHtml(
      '<h1 data-qa="vacancy-title">X</h1><div data-qa="response-reject-warning">Вероятнее всего, вы получите отказ</div>',
    );
    expect(
      vacancyWarnings(doc, {
        applied: true,
        testRequired: true,
        letterRequired: null,
        acceptAutoResponse: null,
        employerWarnings: null,
      }),
    ).toEqual({
      applied: true,
      testRequired: true,
      letterRequired: false,
      rejectLikely: true,
      noAuto: false,
      employer: null,
    });
  });

  it("hh's refusal of automatic applications and its warnings about the employer, from the page's state", () => {
    const doc = parseHtml('<h1 data-qa="vacancy-title">X</h1>');
    const page = {
      applied: false,
      testRequired: null,
      letterRequired: null,
      acceptAutoResponse: false,
      employerWarnings: ['hasBreaches' as const],
    };
    expect(vacancyWarnings(doc, page)).toMatchObject({ noAuto: true, employer: ['hasBreaches'] });
    expect(vacancyWarnings(doc, { ...page, acceptAutoResponse: true, employerWarnings: [] })).toMatchObject({
      noAuto: false,
      employer: [],
    });
  });
});
