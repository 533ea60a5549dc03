import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import type { RawAnswer } from './apply-outcome';
import { readVacancyFacts } from './vacancy-facts';

const page = (body: string, status = 200, url = 'https://hh.ru/vacancy/136642844'): RawAnswer => ({
  status,
  url,
  contentType: 'text/html; charset=utf-8',
  body,
});
const withState = (state: unknown, rest = '') =>
  `<html><body>${rest}<template id="HH-Lux-InitialState">${JSON.stringify(state).replace(/"/g, '&quot;')}</template></body></html>`;

describeWithShared('real vacancy-page state (KHR 2026-09)', () => {
  it("reads hh's vacancy id and employer from the embedded state", () => {
    const state = JSON.parse(
      readSharedFixture('fixtures/hh/vacancy/khrenovss_vacancy_page_magritte_ssr_state_2026-09.json'),
    ) as unknown;
    expect(readVacancyFacts(page(withState(state)), '136642844')).toEqual({
      kind: 'facts',
      facts: {
        id: '136642844',
        title: 'Инженер АСУТП (Кармановская ГРЭС)',
        employer: { id: '3959394', name: 'ООО "Башкирская генерирующая компания" (Теплогенерация)' },
        archived: false,
        source: 'state',
        // The 2026-09 vacancy page carries none of hh's application signals: unknown, never guessed.
        signals: { acceptAutoResponse: null, letterRequired: null, testRequired: null, employerNegative: [] },
      },
    });
  });

  it("reads hh's application signals from a vacancy object of the real search shape (LLR 2026-08)", () => {
    const item = JSON.parse(
      readSharedFixture('fixtures/hh/serp/llr_search_loggedin_excerpts_2026-08/state_vacancy_0.txt'),
    ) as Record<string, unknown>;
    const r = readVacancyFacts(
      page(withState({ vacancyView: { vacancyFull: { vacancy: item } } }), 200, 'https://hh.ru/vacancy/136701903'),
      '136701903',
    );
    expect(r).toMatchObject({
      kind: 'facts',
      facts: {
        id: '136701903',
        employer: { id: '89' },
        signals: { acceptAutoResponse: false, letterRequired: false, employerNegative: [] },
      },
    });
  });
});

describe("hh's signals on the vacancy page's state", () => {
  it('refusal of automatic applications, required letter, questionnaire and employer warnings', () => {
    const vacancy = {
      vacancyId: 7,
      name: 'Dev',
      company: {
        id: 1,
        name: 'YCLIENTS LLC',
        employersNegativeAttribute: {
          employerId: 1,
          hasBreaches: true,
          pdResale: false,
          hasFrequentComplaints: true,
          isReferral: false,
          reduction: false,
          misleadingVacancyAlert: false,
          creationDate: '2026-08-29',
        },
      },
      autoResponse: { acceptAutoResponse: false },
      '@responseLetterRequired': true,
    };
    const state = {
      vacancyView: { vacancyFull: { vacancy } },
      applicantVacancyResponseStatuses: { '7': { alreadyApplied: false, test: { hasTests: true } } },
    };
    expect(readVacancyFacts(page(withState(state), 200, 'https://hh.ru/vacancy/7'), '7')).toMatchObject({
      kind: 'facts',
      facts: {
        signals: {
          acceptAutoResponse: false,
          letterRequired: true,
          testRequired: true,
          employerNegative: ['hasBreaches', 'hasFrequentComplaints'],
        },
      },
    });
    // An odd value is "not said", never a wrong yes/no.
    const odd = {
      vacancyView: {
        vacancyFull: {
          vacancy: {
            ...vacancy,
            autoResponse: { acceptAutoResponse: 'no' },
            '@responseLetterRequired': 1,
            company: { id: 1, name: 'X', employersNegativeAttribute: 'bad' },
          },
        },
      },
    };
    expect(readVacancyFacts(page(withState(odd), 200, 'https://hh.ru/vacancy/7'), '7')).toMatchObject({
      facts: { signals: { acceptAutoResponse: null, letterRequired: null, employerNegative: [] } },
    });
  });
});

describe('readVacancyFacts', () => {
  it('legacy flat state; hidden company = no employer', () => {
    const legacy = {
      vacancyView: { vacancyId: 5, name: 'Dev', company: { id: 77, name: 'Acme', visibleName: 'Acme LLC' } },
    };
    expect(readVacancyFacts(page(withState(legacy), 200, 'https://hh.ru/vacancy/5'), '5')).toMatchObject({
      kind: 'facts',
      facts: { id: '5', employer: { id: '77', name: 'Acme LLC' } },
    });
    const hidden = { vacancyView: { vacancyId: 5, name: 'Dev', company: null } };
    expect(readVacancyFacts(page(withState(hidden)), '5')).toMatchObject({ kind: 'facts', facts: { employer: null } });
  });

  it('no state: the employer link of the page (UNB markup); the id of the URL the page finally came from', () => {
    const body =
      '<h1 data-qa="vacancy-title">Тестировщик</h1><a data-qa="vacancy-company-name" href="/employer/4242?hhtmFrom=vacancy"><span>ООО &quot;Ромашка&quot;</span></a>';
    expect(readVacancyFacts(page(body, 200, 'https://hh.ru/vacancy/9'), '9')).toEqual({
      kind: 'facts',
      facts: {
        id: '9',
        title: 'Тестировщик',
        employer: { id: '4242', name: 'ООО "Ромашка"' },
        archived: null,
        source: 'markup',
      },
    });
    expect(readVacancyFacts(page(body, 200, 'https://hh.ru/vacancy/10?from=redirect'), '9')).toMatchObject({
      facts: { id: '10' },
    });
  });

  it('what the answer means when it is no vacancy page', () => {
    expect(readVacancyFacts(page('<html>nope</html>', 404), '1')).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'vacancy_gone' },
    });
    expect(readVacancyFacts(page('x', 502), '1')).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'server_error', status: 502 },
    });
    expect(readVacancyFacts(page('x', 200, 'https://hh.ru/account/captcha?backurl=%2Fvacancy%2F1'), '1')).toMatchObject(
      { kind: 'outcome', outcome: { kind: 'captcha_or_login', which: 'captcha' } },
    );
    expect(readVacancyFacts(page('<div class="smartcaptcha"></div>'), '1')).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login' },
    });
    expect(readVacancyFacts(page('<html><body>Обслуживание</body></html>'), '1')).toMatchObject({ kind: 'unreadable' });
    // A state template that is not JSON and no markup either.
    expect(readVacancyFacts(page('<template id="HH-Lux-InitialState">{oops</template>'), '1')).toMatchObject({
      kind: 'unreadable',
    });
  });
});
