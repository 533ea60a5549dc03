import { describe, expect, it } from 'vitest';
import {
  chatPageUrl,
  HH_MATCH_PATTERNS,
  hhHomeUrl,
  hhOriginFor,
  isApplyPageUrl,
  isHhHost,
  isHhSearchUrl,
  negotiationsPageUrl,
  retryAfterMs,
  searchTextUrl,
  searchUrl,
  vacancyPageUrl,
} from './urls';

describe('hh sites', () => {
  it('accepts hh hosts and regional subdomains', () => {
    for (const h of ['hh.ru', 'spb.hh.ru', 'izhevsk.hh.ru', 'hh.kz', 'almaty.hh.kz', 'rabota.by', 'hh.uz'])
      expect(isHhHost(h)).toBe(true);
  });
  it('rejects look-alikes', () => {
    for (const h of ['evilhh.ru', 'hh.ru.evil.com', 'example.com', 'hh.com']) expect(isHhHost(h)).toBe(false);
  });
  it('builds one https pattern per domain', () => {
    expect(HH_MATCH_PATTERNS).toEqual([
      'https://*.hh.ru/*',
      'https://*.hh.kz/*',
      'https://*.rabota.by/*',
      'https://*.hh.uz/*',
    ]);
  });
  it('maps a regional host to its session origin', () => {
    expect(hhOriginFor('izhevsk.hh.ru')).toBe('https://hh.ru');
    expect(hhOriginFor('hh.kz')).toBe('https://hh.kz');
  });
});

describe('hh urls', () => {
  it('builds the pages Otklik opens', () => {
    expect(hhHomeUrl()).toBe('https://hh.ru/');
    expect(vacancyPageUrl('123', 'https://hh.kz')).toBe('https://hh.kz/vacancy/123');
    expect(searchUrl(new URLSearchParams({ text: 'qa', area: '1' }))).toBe(
      'https://hh.ru/search/vacancy?text=qa&area=1',
    );
    expect(searchTextUrl('QA инженер')).toBe(
      'https://hh.ru/search/vacancy?text=QA%20%D0%B8%D0%BD%D0%B6%D0%B5%D0%BD%D0%B5%D1%80',
    );
    expect(negotiationsPageUrl()).toBe('https://hh.ru/applicant/negotiations');
    expect(chatPageUrl('4242')).toBe('https://chatik.hh.ru/chat/4242');
  });
  it('recognises a search page only on an hh host', () => {
    expect(isHhSearchUrl(new URL('https://spb.hh.ru/search/vacancy?text=x'))).toBe(true);
    expect(isHhSearchUrl(new URL('https://evil.com/search/vacancy?text=x'))).toBe(false);
    expect(isHhSearchUrl(new URL('https://hh.ru/vacancy/1'))).toBe(false);
  });
  it("accepts the questionnaire page only on the vacancy's own origin", () => {
    const link = new URL('https://hh.ru/applicant/vacancy_response?vacancyId=1');
    expect(isApplyPageUrl(link, 'https://hh.ru')).toBe(true);
    expect(isApplyPageUrl(link, 'https://hh.kz')).toBe(false);
    expect(isApplyPageUrl(link, undefined)).toBe(false);
    expect(isApplyPageUrl(new URL('https://hh.ru/applicant/vacancy_response/popup'), 'https://hh.ru')).toBe(false);
  });
  it('reads Retry-After seconds, ignores anything else', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
