import { describe, expect, it } from 'vitest';
import * as detect from './page-detect';
import {
  detectPage,
  employerIdFromHref,
  employerIdFromUrl,
  hhSiteUrl,
  vacancyIdFromHref,
  vacancyIdFromUrl,
} from './page-detect';

/**
 * github-url-detection style: each detector with the URLs it must accept; every detector must reject every
 * other detector's URLs. URLs are from the fixtures (NIK 2026-03/04 pager/links, UNB 2026-07, KHR 2026-09) or
 * follow the documented shapes (hh-site.md §1, §2.5).
 */
const TESTS = {
  isSearchPage: [
    'https://hh.ru/search/vacancy?text=python&area=1',
    'https://izhevsk.hh.ru/search/vacancy?resume=02020202020202020202020202020202020202&from=resumelist',
    'https://spb.hh.ru/search/vacancy?resume=0101&hhtmFromLabel=tab_byResume&hhtmFrom=main&page=2',
    'https://hh.ru/search/vacancy',
    'https://hh.ru/search/vacancy/',
    'https://hh.kz/search/vacancy?text=java',
    'https://almaty.hh.kz/search/vacancy?text=go',
    'https://rabota.by/search/vacancy?text=qa',
    'https://hh.uz/search/vacancy?text=php',
    'http://hh.ru/search/vacancy?text=x',
  ],
  isVacancyCatalogPage: [
    'https://hh.ru/vacancies/automation_engineer',
    'https://hh.ru/vacancies/inzhener-po-avtomatike',
    'https://spb.hh.ru/vacancies/programmist?page=2',
  ],
  isVacancyPage: [
    'https://hh.ru/vacancy/136519902',
    'https://izhevsk.hh.ru/vacancy/131620241?hhtmFrom=vacancy_search_list',
    'https://hh.ru/vacancy/133191802?query=python&hhtmFrom=vacancy_search_list',
    'https://hh.kz/vacancy/131637555',
    'https://rabota.by/vacancy/123/',
    'https://hh.uz/vacancy/1#anchor',
  ],
  isVacancyResponsePage: [
    'https://hh.ru/applicant/vacancy_response?vacancyId=131620241&employerId=5056569&hhtmFrom=vacancy_search_list',
    'https://izhevsk.hh.ru/applicant/vacancy_response?vacancyId=118990654',
  ],
  isResumesPage: [
    'https://hh.ru/applicant/resumes',
    'https://izhevsk.hh.ru/applicant/my_resumes?hhtmFrom=resume_list',
    'https://hh.kz/applicant/resumes/',
  ],
  isResumePage: [
    'https://hh.ru/resume/02020202020202020202020202020202020202',
    'https://spb.hh.ru/resume/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567?hhtmFrom=resume_list',
  ],
  isNegotiationsPage: [
    'https://hh.ru/applicant/negotiations',
    'https://hh.ru/applicant/negotiations?filter=all&page=1',
    'https://izhevsk.hh.ru/applicant/negotiations/',
  ],
  isEmployerPage: [
    'https://hh.ru/employer/5056569',
    'https://izhevsk.hh.ru/employer/3443?dpt=3443-3443-it&hhtmFrom=vacancy_search_list',
  ],
} satisfies Record<string, string[]>;

/** URLs no detector may accept. */
const NOBODY = [
  'https://hh.ru/',
  'https://hh.ru/search/vacancy/advanced',
  'https://hh.ru/search/vacancy/map?vacancy_id=1',
  'https://hh.ru/search/resume?text=python',
  'https://hh.ru/vacancy/abc',
  'https://hh.ru/vacancy/',
  'https://hh.ru/vacancies',
  'https://hh.ru/applicant/resumes/0202/edit/key-skills',
  'https://hh.ru/applicant/negotiations/item?topicId=1',
  'https://hh.ru/employer/5056569/vacancies',
  'https://hh.ru/account/login?backurl=%2Fsearch%2Fvacancy',
  'https://api.hh.ru/vacancies/136519902',
  'https://api.hh.ru/search/vacancy?text=x',
  'https://chatik.hh.ru/chat/123',
  'https://feedback.hh.ru/article/details/id/5951',
  'https://i.hh.ru/search/vacancy',
  'https://evilhh.ru/search/vacancy?text=x',
  'https://hh.ru.evil.com/vacancy/1',
  'https://example.com/vacancy/1',
  'ftp://hh.ru/vacancy/1',
  'not a url',
  '',
];

type DetectorName = keyof typeof TESTS;
const detectors = detect as unknown as Record<DetectorName, (u: string) => boolean>;

describe('page detectors', () => {
  it('every exported is*Page detector has tests (isListingPage is a union, tested separately)', () => {
    const exported = Object.keys(detect)
      .filter((k) => /^is\w+Page$/.test(k) && k !== 'isListingPage')
      .sort();
    expect(exported).toEqual(Object.keys(TESTS).sort());
  });

  for (const [name, urls] of Object.entries(TESTS) as [DetectorName, string[]][]) {
    describe(name, () => {
      for (const url of urls) it(`YES ${url}`, () => expect(detectors[name](url)).toBe(true));
      for (const [other, otherUrls] of Object.entries(TESTS) as [DetectorName, string[]][]) {
        if (other === name) continue;
        for (const url of otherUrls) it(`NO ${url} (${other})`, () => expect(detectors[name](url)).toBe(false));
      }
      for (const url of NOBODY) it(`NO ${url || '(empty)'}`, () => expect(detectors[name](url)).toBe(false));
    });
  }

  it('accepts URL objects and {href} (Location, anchors)', () => {
    expect(detect.isVacancyPage(new URL('https://hh.ru/vacancy/1'))).toBe(true);
    expect(detect.isSearchPage({ href: 'https://hh.ru/search/vacancy?text=x' })).toBe(true);
  });

  it('isListingPage = search or catalog', () => {
    expect(detect.isListingPage(TESTS.isSearchPage[0]!)).toBe(true);
    expect(detect.isListingPage(TESTS.isVacancyCatalogPage[0]!)).toBe(true);
    expect(detect.isListingPage(TESTS.isVacancyPage[0]!)).toBe(false);
  });

  it('detectPage agrees with the detectors', () => {
    const kinds: Record<DetectorName, string> = {
      isSearchPage: 'search',
      isVacancyCatalogPage: 'catalog',
      isVacancyPage: 'vacancy',
      isVacancyResponsePage: 'vacancyResponse',
      isResumesPage: 'resumes',
      isResumePage: 'resume',
      isNegotiationsPage: 'negotiations',
      isEmployerPage: 'employer',
    };
    for (const [name, urls] of Object.entries(TESTS) as [DetectorName, string[]][])
      for (const u of urls) expect(detectPage(u), u).toBe(kinds[name]);
    expect(detectPage('https://hh.ru/')).toBe('other');
    expect(detectPage('https://api.hh.ru/vacancies/1')).toBeNull();
    expect(detectPage('https://example.com/')).toBeNull();
  });
});

describe('ids from URLs and hrefs', () => {
  it('vacancyIdFromUrl', () => {
    expect(vacancyIdFromUrl('https://izhevsk.hh.ru/vacancy/131620241?hhtmFrom=vacancy_search_list')).toBe('131620241');
    expect(vacancyIdFromUrl('https://hh.ru/applicant/vacancy_response?vacancyId=118990654&employerId=1')).toBe(
      '118990654',
    );
    expect(vacancyIdFromUrl('https://hh.ru/applicant/vacancy_response?vacancyId=abc')).toBeNull();
    expect(vacancyIdFromUrl('https://hh.ru/search/vacancy?vacancyId=1')).toBeNull();
    expect(vacancyIdFromUrl('https://api.hh.ru/vacancies/1')).toBeNull();
    expect(vacancyIdFromUrl('https://example.com/vacancy/1')).toBeNull();
  });
  it('employerIdFromUrl', () => {
    expect(employerIdFromUrl('https://hh.ru/employer/3443?dpt=x')).toBe('3443');
    expect(employerIdFromUrl('https://hh.ru/vacancy/1')).toBeNull();
  });
  it('vacancyIdFromHref / employerIdFromHref read relative markup hrefs', () => {
    expect(vacancyIdFromHref('/applicant/vacancy_response?vacancyId=131620241&employerId=5056569')).toBe('131620241');
    expect(vacancyIdFromHref('https://izhevsk.hh.ru/vacancy/131620241?hhtmFrom=vacancy_search_list')).toBe('131620241');
    expect(vacancyIdFromHref('/vacancy/12/')).toBe('12');
    expect(vacancyIdFromHref('/vacancy/12abc')).toBeNull();
    expect(vacancyIdFromHref(null)).toBeNull();
    expect(employerIdFromHref('/employer/5056569?hhtmFrom=vacancy_search_list')).toBe('5056569');
    expect(employerIdFromHref('/applicant/vacancy_response?vacancyId=1&employerId=77')).toBe('77');
    expect(employerIdFromHref('/employer/')).toBeNull();
  });
  it('hhSiteUrl rejects service subdomains but keeps regional ones', () => {
    expect(hhSiteUrl('https://izhevsk.hh.ru/x')?.hostname).toBe('izhevsk.hh.ru');
    expect(hhSiteUrl('https://api.hh.ru/x')).toBeNull();
    expect(hhSiteUrl('https://hh.ru/x')?.hostname).toBe('hh.ru');
  });
});
