import { describe, expect, it } from 'vitest';
import { formatBlacklist, parseBlacklist, parseList, parseMoney } from './form';

describe('options form conversions', () => {
  it('splits lists on lines and commas, trims, dedupes case-insensitively', () => {
    expect(parseList('Python, Django\n python ;  SQL \n\n')).toEqual(['Python', 'Django', 'SQL']);
    expect(parseList('Senior, lead\nJunior', { commas: false })).toEqual(['Senior, lead', 'Junior']);
  });

  it('parses blacklist lines with and without ids', () => {
    const list = parseBlacklist('Рога и копыта\n12345 ООО Ромашка\nhttps://hh.ru/employer/777\n');
    expect(list).toEqual([{ name: 'Рога и копыта' }, { id: '12345', name: 'ООО Ромашка' }, { id: '777', name: '777' }]);
    expect(parseBlacklist(formatBlacklist(list))).toEqual(list);
  });

  it('parses money with spaces and rejects words', () => {
    expect(parseMoney('150 000')).toEqual({ ok: true, value: 150000 });
    expect(parseMoney(' ')).toEqual({ ok: true, value: null });
    expect(parseMoney('lots').ok).toBe(false);
  });
});
