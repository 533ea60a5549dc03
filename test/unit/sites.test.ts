import { describe, expect, it } from 'vitest';
import { HH_MATCH_PATTERNS, hhOriginFor, isHhHost } from '../../lib/hh/sites';

describe('hh sites', () => {
  it('accepts hh hosts and regional subdomains', () => {
    for (const h of ['hh.ru', 'spb.hh.ru', 'izhevsk.hh.ru', 'hh.kz', 'almaty.hh.kz', 'rabota.by', 'hh.uz']) expect(isHhHost(h)).toBe(true);
  });
  it('rejects look-alikes', () => {
    for (const h of ['evilhh.ru', 'hh.ru.evil.com', 'example.com', 'hh.com']) expect(isHhHost(h)).toBe(false);
  });
  it('builds one https pattern per domain', () => {
    expect(HH_MATCH_PATTERNS).toEqual(['https://*.hh.ru/*', 'https://*.hh.kz/*', 'https://*.rabota.by/*', 'https://*.hh.uz/*']);
  });
  it('maps a regional host to its session origin', () => {
    expect(hhOriginFor('izhevsk.hh.ru')).toBe('https://hh.ru');
    expect(hhOriginFor('hh.kz')).toBe('https://hh.kz');
  });
});
