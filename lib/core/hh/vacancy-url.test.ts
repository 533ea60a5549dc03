import { describe, expect, it } from 'vitest';
import { canonicalVacancyUrl, externalApplyUrl, hhOriginOf, hhPageUrl } from './vacancy-url';
import { jobOpenUrl } from '../../worker/queue/links';

describe('canonical vacancy URLs (built from the id, never taken from a page)', () => {
  it.each([
    ['https://hh.ru/vacancy/123?hhtmFrom=x#top', 'https://hh.ru/vacancy/123'],
    ['https://spb.hh.ru/vacancy/999', 'https://hh.ru/vacancy/123'],
    ['https://almaty.hh.kz/vacancy/123', 'https://hh.kz/vacancy/123'],
    ['https://rabota.by/vacancy/123', 'https://rabota.by/vacancy/123'],
    ['http://hh.ru/vacancy/123', 'https://hh.ru/vacancy/123'],
    ['javascript:alert(1)//hh.ru/vacancy/123', 'https://hh.ru/vacancy/123'],
    ['data:text/html,<script>alert(1)</script>', 'https://hh.ru/vacancy/123'],
    ['https://evil.example/vacancy/123', 'https://hh.ru/vacancy/123'],
    ['https://hh.ru.evil.example/vacancy/123', 'https://hh.ru/vacancy/123'],
    ['https://evilhh.ru/vacancy/123', 'https://hh.ru/vacancy/123'],
    ['not a url', 'https://hh.ru/vacancy/123'],
    [null, 'https://hh.ru/vacancy/123'],
  ])('%s → %s', (page, expected) => {
    expect(canonicalVacancyUrl('123', page)).toBe(expected);
  });

  it('an id that is not digits gets no URL', () => {
    for (const id of ['', '12a', '../1', '1234567890123', 'javascript:1']) expect(canonicalVacancyUrl(id)).toBeNull();
    expect(hhOriginOf('https://hh.uz/x')).toBe('https://hh.uz');
  });

  it('hh pages: https on an hh host only; external sites: http(s) only; no credentials', () => {
    expect(hhPageUrl('https://hh.ru/applicant/vacancy_response?vacancyId=1')).toBe(
      'https://hh.ru/applicant/vacancy_response?vacancyId=1',
    );
    for (const bad of ['http://hh.ru/x', 'https://evil.example/', 'javascript:alert(1)', 'https://user:pw@hh.ru/', ''])
      expect(hhPageUrl(bad)).toBeNull();
    expect(externalApplyUrl('https://jobs.example.com/apply/1')).toBe('https://jobs.example.com/apply/1');
    expect(externalApplyUrl('http://jobs.example.com/')).toBe('http://jobs.example.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'https://a:b@x.example/', null])
      expect(externalApplyUrl(bad)).toBeNull();
  });

  it('what the popup and notifications open for a job', () => {
    const job = (url: string, link: string | null, reason: string | null = null) => ({
      vacancyId: '42',
      vacancy: { url },
      link,
      reason,
    });
    expect(jobOpenUrl(job('javascript:alert(1)', null))).toBe('https://hh.ru/vacancy/42');
    expect(jobOpenUrl(job('https://hh.kz/vacancy/42', null))).toBe('https://hh.kz/vacancy/42');
    expect(
      jobOpenUrl(
        job('https://hh.ru/vacancy/42', 'https://hh.ru/applicant/vacancy_response?vacancyId=42', 'test_required'),
      ),
    ).toBe('https://hh.ru/applicant/vacancy_response?vacancyId=42');
    expect(jobOpenUrl(job('https://hh.ru/vacancy/42', 'data:text/html,x', 'test_required'))).toBe(
      'https://hh.ru/vacancy/42',
    );
    expect(jobOpenUrl(job('https://hh.ru/vacancy/42', 'https://jobs.example.com/a', 'external'))).toBe(
      'https://jobs.example.com/a',
    );
    expect(jobOpenUrl(job('https://hh.ru/vacancy/42', 'https://jobs.example.com/a', 'letter_required'))).toBe(
      'https://hh.ru/vacancy/42',
    );
    expect(jobOpenUrl(job('https://hh.ru/vacancy/42', 'javascript:alert(1)', 'external'))).toBe(
      'https://hh.ru/vacancy/42',
    );
  });
});
