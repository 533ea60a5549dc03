import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../test/shared-fixtures';
import type { RawAnswer } from './apply-outcome';
import { readVacancyFacts } from './vacancy-facts';

const page = (body: string, status = 200, url = 'https://hh.ru/vacancy/136642844'): RawAnswer => ({ status, url, contentType: 'text/html; charset=utf-8', body });
const withState = (state: unknown, rest = '') => `<html><body>${rest}<template id="HH-Lux-InitialState">${JSON.stringify(state).replace(/"/g, '&quot;')}</template></body></html>`;

describeWithShared('real vacancy-page state (KHR 2026-09)', () => {
  it("reads hh's vacancy id and employer from the embedded state", () => {
    const state = JSON.parse(readSharedFixture('fixtures/hh/vacancy/khrenovss_vacancy_page_magritte_ssr_state_2026-09.json')) as unknown;
    expect(readVacancyFacts(page(withState(state)), '136642844')).toEqual({
      kind: 'facts',
      facts: { id: '136642844', title: 'Инженер АСУТП (Кармановская ГРЭС)', employer: { id: '3959394', name: 'ООО "Башкирская генерирующая компания" (Теплогенерация)' }, archived: false, source: 'state' },
    });
  });
});

describe('readVacancyFacts', () => {
  it('legacy flat state; hidden company = no employer', () => {
    const legacy = { vacancyView: { vacancyId: 5, name: 'Dev', company: { id: 77, name: 'Acme', visibleName: 'Acme LLC' } } };
    expect(readVacancyFacts(page(withState(legacy), 200, 'https://hh.ru/vacancy/5'), '5')).toMatchObject({ kind: 'facts', facts: { id: '5', employer: { id: '77', name: 'Acme LLC' } } });
    const hidden = { vacancyView: { vacancyId: 5, name: 'Dev', company: null } };
    expect(readVacancyFacts(page(withState(hidden)), '5')).toMatchObject({ kind: 'facts', facts: { employer: null } });
  });

  it('no state: the employer link of the page (UNB markup); the id of the URL the page finally came from', () => {
    const body = '<h1 data-qa="vacancy-title">Тестировщик</h1><a data-qa="vacancy-company-name" href="/employer/4242?hhtmFrom=vacancy"><span>ООО &quot;Ромашка&quot;</span></a>';
    expect(readVacancyFacts(page(body, 200, 'https://hh.ru/vacancy/9'), '9')).toEqual({ kind: 'facts', facts: { id: '9', title: 'Тестировщик', employer: { id: '4242', name: 'ООО "Ромашка"' }, archived: null, source: 'markup' } });
    expect(readVacancyFacts(page(body, 200, 'https://hh.ru/vacancy/10?from=redirect'), '9')).toMatchObject({ facts: { id: '10' } });
  });

  it('what the answer means when it is no vacancy page', () => {
    expect(readVacancyFacts(page('<html>nope</html>', 404), '1')).toMatchObject({ kind: 'outcome', outcome: { kind: 'vacancy_gone' } });
    expect(readVacancyFacts(page('x', 502), '1')).toMatchObject({ kind: 'outcome', outcome: { kind: 'server_error', status: 502 } });
    expect(readVacancyFacts(page('x', 200, 'https://hh.ru/account/captcha?backurl=%2Fvacancy%2F1'), '1')).toMatchObject({ kind: 'outcome', outcome: { kind: 'captcha_or_login', which: 'captcha' } });
    expect(readVacancyFacts(page('<div class="smartcaptcha"></div>'), '1')).toMatchObject({ kind: 'outcome', outcome: { kind: 'captcha_or_login' } });
    expect(readVacancyFacts(page('<html><body>Обслуживание</body></html>'), '1')).toMatchObject({ kind: 'unreadable' });
    // A state template that is not JSON and no markup either.
    expect(readVacancyFacts(page('<template id="HH-Lux-InitialState">{oops</template>'), '1')).toMatchObject({ kind: 'unreadable' });
  });
});
