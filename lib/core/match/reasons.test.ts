import { describe, expect, it } from 'vitest';
import { formatReason, WARNING_SHORT, WARNING_TEXT, type Reason } from './reasons';

const t = (r: Reason) => [formatReason(r, 'en'), formatReason(r, 'ru')];

describe('reason texts', () => {
  it('renders every code in both languages', () => {
    expect(t({ code: 'title_match', polarity: 'plus', params: { title: 'Python-разработчик' } })).toEqual([
      "title matches 'Python-разработчик'",
      'название совпадает с «Python-разработчик»',
    ]);
    expect(t({ code: 'missing_core', polarity: 'minus', params: { word: 'Python', where: 'card' } })).toEqual([
      'no Python in title or snippet',
      'нет Python в названии и описании',
    ]);
    expect(t({ code: 'missing_core', polarity: 'minus', params: { word: 'Python', where: 'full' } })[0]).toBe(
      'no Python in the vacancy',
    );
    expect(t({ code: 'needs_experience', polarity: 'minus', params: { years: 6 } })).toEqual([
      'needs 6+ years',
      'нужен опыт от 6 лет',
    ]);
    expect(t({ code: 'needs_experience', polarity: 'minus', params: { years: 1 } })).toEqual([
      'needs 1+ year',
      'нужен опыт от 1 года',
    ]);
    expect(t({ code: 'salary_below', polarity: 'minus', hard: true, params: { min: 150000, amount: 90000 } })).toEqual([
      'salary below 150\u00a0000 ₽',
      'зарплата ниже 150\u00a0000 ₽',
    ]);
    expect(t({ code: 'employer_blacklisted', polarity: 'minus', hard: true })).toEqual([
      'employer blacklisted',
      'работодатель в чёрном списке',
    ]);
    expect(t({ code: 'skills', polarity: 'plus', params: { n: 3, list: 'Python, Django, SQL' } })).toEqual([
      '3 of your skills: Python, Django, SQL',
      '3 ваших навыка: Python, Django, SQL',
    ]);
    expect(formatReason({ code: 'skills', polarity: 'plus', params: { n: 5, list: 'a' } }, 'ru')).toBe(
      '5 ваших навыков: a',
    );
    expect(formatReason({ code: 'skills', polarity: 'plus', params: { n: 1, list: 'a' } }, 'ru')).toBe(
      '1 ваш навык: a',
    );
    expect(t({ code: 'role_mismatch', polarity: 'minus', params: { role: 'аналитик' } })).toEqual([
      'a different role: аналитик',
      'другая роль: аналитик',
    ]);
    expect(t({ code: 'format_mismatch', polarity: 'minus', params: { formats: 'ON_SITE' } })).toEqual([
      'work format: on site',
      'формат работы: в офисе',
    ]);
    expect(t({ code: 'city_mismatch', polarity: 'minus', params: { city: 'Казань' } })).toEqual([
      'city: Казань',
      'город: Казань',
    ]);
    expect(t({ code: 'excluded_word', polarity: 'minus', params: { word: 'стажёр' } })).toEqual([
      "title has stop-word 'стажёр'",
      'в названии стоп-слово «стажёр»',
    ]);
    expect(t({ code: 'level_above', polarity: 'minus', params: { level: 'senior' } })).toEqual([
      'level above yours: senior',
      'уровень выше вашего: senior',
    ]);
    expect(t({ code: 'foreign_tech', polarity: 'minus', params: { tech: 'Java' } })).toEqual([
      'Java is not among your skills',
      'Java нет в ваших навыках',
    ]);
  });
  it('falls back to the code for unknown reasons', () => {
    expect(formatReason({ code: 'something_new', polarity: 'plus' }, 'en')).toBe('something_new');
  });
});

describe('employer warnings on a listing badge', () => {
  it('name every warning in both languages, without the comma the worker joins them with', () => {
    expect(Object.keys(WARNING_SHORT).sort()).toEqual(Object.keys(WARNING_TEXT).sort());
    for (const pair of Object.values(WARNING_SHORT)) for (const s of pair) expect(s).not.toContain(',');
  });
});
