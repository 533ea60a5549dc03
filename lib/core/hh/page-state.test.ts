import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import { blockedByUrl, readSearchPage, readVacancyPageHtml, stateFromHtml } from './page-state';

const NIK_SERP_URL =
  'https://izhevsk.hh.ru/search/vacancy?resume=02020202020202020202020202020202020202&from=resumelist';
const escape = (json: string) => json.replace(/&/g, '&amp;').replace(/"/g, '&#34;').replace(/</g, '&lt;');

describeWithShared('page state from an HTML string (real fixtures)', () => {
  it('finds the NIK SERP template without a DOM and refuses it: it is the SPA-stale /applicant/my_resumes state', () => {
    const html = readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html');
    const state = stateFromHtml(html);
    expect(state?.router?.location?.pathname).toBe('/applicant/my_resumes');
    expect(state?.applicantResumes?.length).toBeGreaterThan(0);
    const r = readSearchPage(html, NIK_SERP_URL);
    expect(r).toEqual({ kind: 'unreadable', why: 'the page state belongs to another page' });
  });

  it('reads the KHR magritte vacancy-page state (HTML-escaped in a template, as hh embeds it)', () => {
    const json = readSharedFixture('fixtures/hh/vacancy/khrenovss_vacancy_page_magritte_ssr_state_2026-09.json');
    const html = `<html><body><template id="HH-Lux-InitialState">${escape(JSON.stringify(JSON.parse(json)))}</template></body></html>`;
    const r = readVacancyPageHtml(html, 'https://hh.ru/vacancy/136642844');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.vacancy.id).toBe('136642844');
    expect(r.vacancy.title).toBe('Инженер АСУТП (Кармановская ГРЭС)');
    expect(r.vacancy.description).toContain('Мы предлагаем');
    expect(r.vacancy.shape).toBe('magritte');
  });
});

describe('readSearchPage', () => {
  const page = (state: unknown) =>
    `<!doctype html><div></div><template id="HH-Lux-InitialState">${JSON.stringify(state)}</template>`;
  const url = 'https://hh.ru/search/vacancy?text=python&page=1';

  it('returns vacancies and paging of a current search state', () => {
    const html = page({
      router: { location: { pathname: '/search/vacancy', search: '?text=python&page=1' } },
      userType: 'applicant',
      vacancySearchResult: {
        totalResults: 120,
        paging: { page: 1, pages: 3 },
        vacancies: [
          {
            vacancyId: 7,
            name: 'Python developer',
            company: { id: 3, visibleName: 'ACME' },
            workExperience: 'between1And3',
          },
          { name: 'no id' },
        ],
      },
    });
    const r = readSearchPage(html, url);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.vacancies.map((v) => [v.id, v.title, v.employer?.name])).toEqual([['7', 'Python developer', 'ACME']]);
    expect([r.total, r.page, r.pages, r.userType]).toEqual([120, 1, 3, 'applicant']);
  });

  it('tells captcha, login and unreadable pages apart', () => {
    expect(readSearchPage('<html></html>', 'https://hh.ru/account/captcha?backurl=%2F')).toEqual({ kind: 'captcha' });
    expect(readSearchPage('<html></html>', 'https://hh.ru/account/login?backurl=%2F')).toEqual({ kind: 'login' });
    expect(readSearchPage('<img data-qa="account-captcha-picture">', url)).toEqual({ kind: 'captcha' });
    expect(readSearchPage('<html>DDoS-Guard</html>', url).kind).toBe('unreadable');
    expect(readSearchPage(page({ router: { location: { pathname: '/search/vacancy' } } }), url)).toEqual({
      kind: 'unreadable',
      why: 'no search result in the page state',
    });
    expect(blockedByUrl('not a url')).toBeNull();
  });

  it('vacancy page: gone on 404', () => {
    expect(readVacancyPageHtml('', 'https://hh.ru/vacancy/1', 404)).toEqual({ kind: 'gone' });
  });
});
