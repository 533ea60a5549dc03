import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared, parseHtml, readRepoFixture, readSharedFixture } from '../../../test/shared-fixtures';
import { matchVacancySchema } from '../match/vacancy';
import {
  decodeEntities,
  hhStateSchema,
  labelsMeanApplied,
  parseMaybeEscapedJson,
  readInitialState,
  readTrustedState,
  stateMatchesUrl,
  stateResumes,
  stateVacancies,
  stateVacancyView,
  stateXsrf,
  type HhState,
} from './initial-state';

const NIK_SERP_URL =
  'https://izhevsk.hh.ru/search/vacancy?resume=02020202020202020202020202020202020202&from=resumelist';

describeWithShared('HH-Lux state of the NIK SERP (2026-04): SPA-stale', () => {
  let doc: Document;
  beforeAll(() => {
    doc = parseHtml(readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html'));
  });

  it('reads the template (content, not textContent) and notices it belongs to /applicant/my_resumes', () => {
    const r = readInitialState(doc, NIK_SERP_URL);
    expect(r).not.toBeNull();
    expect(r?.statePath).toBe('/applicant/my_resumes?hhtmFrom=resume_list');
    expect(r?.current).toBe(false);
    expect(r?.state.vacancySearchResult).toBeUndefined();
    expect(readTrustedState(doc, NIK_SERP_URL)).toBeNull();
  });

  it('would be current on the page it was rendered for; unknown without a URL', () => {
    expect(readInitialState(doc, 'https://izhevsk.hh.ru/applicant/my_resumes?hhtmFrom=other')?.current).toBe(true);
    expect(readInitialState(doc)?.current).toBeNull();
  });

  it('account-wide sections stay usable: 3 resumes, latest, xsrf', () => {
    const state = readInitialState(doc)!.state;
    expect(stateResumes(state)).toEqual([
      {
        hash: '02020202020202020202020202020202020202',
        title: 'Frontend-разработчик',
        id: '270633823',
        status: 'modified',
        latest: true,
      },
      {
        hash: '03030303030303030303030303030303030303',
        title: 'Backend-разработчик',
        id: expect.any(String),
        status: 'modified',
        latest: false,
      },
      {
        hash: '01010101010101010101010101010101010101',
        title: 'Fullstack-разработчик',
        id: expect.any(String),
        status: 'modified',
        latest: false,
      },
    ]);
    expect(stateXsrf(state)).toBe('00000000000000000000000000000000');
    expect(state.userType).toBe('applicant');
    expect(stateVacancies(state)).toEqual([]);
    expect(stateVacancyView(state)).toBeNull();
  });
});

describeWithShared('KHR vacancy-page state (magritte experiment, 2026-09)', () => {
  let state: HhState;
  beforeAll(() => {
    state = hhStateSchema.parse(
      JSON.parse(readSharedFixture('fixtures/hh/vacancy/khrenovss_vacancy_page_magritte_ssr_state_2026-09.json')),
    );
  });

  it('stateVacancyView reads vacancyView.vacancyFull.vacancy', () => {
    const v = stateVacancyView(state);
    expect(v).toMatchObject({
      shape: 'magritte',
      id: '136642844',
      title: 'Инженер АСУТП (Кармановская ГРЭС)',
      employer: { id: '3959394', name: 'ООО "Башкирская генерирующая компания" (Теплогенерация)' },
      salary: { from: 55000, to: 70000, currency: 'RUR', gross: false, mode: 'MONTH', frequency: 'TWICE_PER_MONTH' },
      experience: 'between1And3',
      workFormats: ['ON_SITE'],
      area: 'Нефтекамск',
      keySkills: [],
      alreadyApplied: false,
      testRequired: null,
      letterRequired: null,
      archived: false,
      closedForApplicants: false,
    });
    expect(v?.description).toMatch(/^<p> <\/p> <p><strong>Мы предлагаем:<\/strong>/);
    expect(matchVacancySchema.safeParse(v).success).toBe(true);
  });

  it('has no router → staleness unknown, trusted by default', () => {
    expect(stateMatchesUrl(state, 'https://hh.ru/vacancy/136642844')).toBeNull();
  });
});

describe('synthetic SERP state (HTML-escaped template)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = parseHtml(readRepoFixture('hh/serp_state_escaped.html'));
  });

  it('is current for the same search (tracking params ignored), stale for another query', () => {
    expect(readInitialState(doc, 'https://hh.ru/search/vacancy?area=1&text=python')?.current).toBe(true);
    expect(
      readInitialState(doc, 'https://hh.ru/search/vacancy?text=python&area=1&hhtmFrom=other&search_session_id=x')
        ?.current,
    ).toBe(true);
    expect(readInitialState(doc, 'https://hh.ru/search/vacancy?text=java&area=1')?.current).toBe(false);
    expect(readInitialState(doc, 'https://hh.ru/vacancy/80000001')?.current).toBe(false);
  });

  it('stateVacancies maps vacancySearchResult items; skips invalid ones', () => {
    const state = readTrustedState(doc, 'https://hh.ru/search/vacancy?text=python&area=1')!;
    const vs = stateVacancies(state);
    expect(vs.map((v) => v.id)).toEqual(['80000001', '80000002']);
    expect(vs[0]).toMatchObject({
      title: 'Python-разработчик',
      employer: { id: '9001', name: 'Змей' },
      salary: { from: 200000, to: 300000, currency: 'RUR', gross: false, mode: 'MONTH', frequency: 'MONTHLY' },
      experience: 'between1And3',
      workFormats: ['REMOTE', 'HYBRID'],
      area: 'Москва',
      address: 'Москва, Тверская улица, 1',
      snippet: 'Знание Python & SQL\nПисать код',
      applied: true,
      url: 'https://hh.ru/vacancy/80000001',
      responseLetterRequired: true,
    });
    expect(vs[1]).toMatchObject({
      title: 'Стажёр',
      employer: null,
      salary: null,
      experience: 'noExperience',
      workFormats: ['REMOTE'],
      applied: true,
    });
    for (const v of vs) expect(matchVacancySchema.safeParse(v).success).toBe(true);
  });

  it('stateResumes skips malformed entries; numeric ids become strings', () => {
    const state = readInitialState(doc)!.state;
    expect(stateResumes(state)).toEqual([
      {
        hash: '0101010101010101010101010101010101010',
        title: 'Python-разработчик',
        id: '1',
        status: 'modified',
        latest: false,
      },
      { hash: '0202020202020202020202020202020202020', title: 'Data <Engineer>', id: '2', latest: true },
    ]);
    expect(stateXsrf(state)).toBe('11111111111111111111111111111111');
  });
});

describe('state parsing edge cases', () => {
  it('decodes HTML-escaped JSON as read from a <script> (entities not decoded by the parser)', () => {
    expect(parseMaybeEscapedJson('{&#34;a&#34;:&#34;x &amp; y&#34;}')).toEqual({ a: 'x & y' });
    expect(parseMaybeEscapedJson('{&quot;a&quot;:1}')).toEqual({ a: 1 });
    expect(parseMaybeEscapedJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseMaybeEscapedJson('not json')).toBeNull();
    expect(decodeEntities('&#x27;&lt;&gt;&unknown;')).toBe("'<>&unknown;");
  });

  it('no template / broken JSON / non-object → null', () => {
    expect(readInitialState(parseHtml('<div></div>'))).toBeNull();
    expect(readInitialState(parseHtml('<template id="HH-Lux-InitialState">{broken</template>'))).toBeNull();
    expect(readInitialState(parseHtml('<template id="HH-Lux-InitialState">[1,2]</template>'))).toBeNull();
  });

  it('tolerates wrong types: a bad field degrades to absent, the rest survives', () => {
    const doc = parseHtml(
      '<template id="HH-Lux-InitialState">{"xsrfToken":42,"router":{"location":{"pathname":"/search/vacancy"}},"vacancySearchResult":{"vacancies":[{"vacancyId":1,"name":"A","compensation":"weird","workFormats":"REMOTE","area":{"name":7}}]}}</template>',
    );
    const r = readInitialState(doc, 'https://hh.ru/search/vacancy?text=a')!;
    expect(r.current).toBe(true);
    expect(stateXsrf(r.state)).toBeNull();
    expect(stateVacancies(r.state)).toEqual([
      {
        id: '1',
        title: 'A',
        employer: null,
        salary: null,
        experience: null,
        workFormats: [],
        applied: null,
        userLabels: [],
      },
    ]);
  });

  it('falls back to request.url when there is no router', () => {
    const doc = parseHtml('<template id="HH-Lux-InitialState">{"request":{"url":"/vacancy/5?hhtmFrom=x"}}</template>');
    expect(readInitialState(doc, 'https://hh.ru/vacancy/5')?.current).toBe(true);
    expect(readInitialState(doc, 'https://hh.ru/vacancy/6')?.current).toBe(false);
  });

  it('legacy vacancyView shape (flat, keySkills.keySkill) + response status', () => {
    const state = hhStateSchema.parse({
      vacancyView: {
        vacancyId: 77,
        name: 'Old',
        description: '<p>d</p>',
        keySkills: { keySkill: ['SQL', 'Excel'] },
        company: { id: 5, name: 'Co' },
        workExperience: 'moreThan6',
        responseLetterRequired: true,
        userLabels: ['response'],
      },
      applicantVacancyResponseStatuses: { '77': { alreadyApplied: true, test: { hasTests: true } } },
    });
    expect(stateVacancyView(state)).toMatchObject({
      shape: 'legacy',
      id: '77',
      keySkills: ['SQL', 'Excel'],
      alreadyApplied: true,
      testRequired: true,
      letterRequired: true,
      experience: 'moreThan6',
    });
  });

  it('labelsMeanApplied: KHR heuristic', () => {
    expect(labelsMeanApplied(['response'])).toBe(true);
    expect(labelsMeanApplied([{ type: 'INVITATION' }])).toBe(true);
    expect(labelsMeanApplied(['favorite'])).toBe(false);
    expect(labelsMeanApplied([])).toBe(false);
  });
});
