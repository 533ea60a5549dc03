import { describe, expect, it } from 'vitest';
import { maxMonthlyNetRub } from './filters';
import { compileProfile } from './score';
import { formatReason } from './reasons';
import { profile, pythonJunior, vac } from './testkit';

const base = pythonJunior();
const good = { experience: 'noExperience' as const };
const hardCodes = (p: Parameters<typeof compileProfile>[0], v: ReturnType<typeof vac>) => {
  const r = compileProfile(p).score(v);
  return { verdict: r.verdict, codes: r.reasons.filter((x) => x.hard).map((x) => x.code) };
};

describe('hard filters', () => {
  it('pass a relevant vacancy when nothing is set', () => {
    expect(hardCodes(base, vac('Junior Python-разработчик', good))).toEqual({ verdict: 'show', codes: [] });
  });
  it('minSalary: converts currencies and gross to net roughly in RUB', () => {
    const p = { ...base, minSalary: 150_000 };
    const rub = (from: number | null, to: number | null, currency = 'RUR', gross: boolean | null = null) => ({
      from,
      to,
      currency,
      gross,
    });
    expect(hardCodes(p, vac('Python-разработчик', { ...good, salary: rub(100_000, 120_000) })).codes).toEqual([
      'salary_below',
    ]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, salary: rub(100_000, 200_000) })).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, salary: rub(160_000, null, 'RUR', true) })).codes).toEqual(
      ['salary_below'],
    );
    expect(hardCodes(p, vac('Python-разработчик', { ...good, salary: rub(2_000, null, 'USD') })).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, salary: rub(1_000, null, 'USD') })).codes).toEqual([
      'salary_below',
    ]);
    // unknown salary never fails the filter
    expect(hardCodes(p, vac('Python-разработчик', good)).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', good)).verdict).not.toBe('hide');
    expect(maxMonthlyNetRub({ from: 100, to: null, currency: 'XXX', gross: null })).toBeNull();
  });
  it("employer warnings: hides the employers hh warns about for the reasons the user chose, with hh's reason", () => {
    const p = { ...base, hideEmployerWarnings: ['hasBreaches' as const, 'pdResale' as const] };
    const warned = vac('Python-разработчик', { ...good, employerWarnings: ['hasFrequentComplaints', 'pdResale'] });
    const r = compileProfile(p).score(warned);
    expect(r.verdict).toBe('hide');
    const reason = r.reasons.find((x) => x.code === 'employer_warned')!;
    expect(reason).toMatchObject({ hard: true, params: { flags: 'pdResale' } });
    expect(formatReason(reason, 'ru')).toBe(
      'hh.ru предупреждает о работодателе: перепродаёт персональные данные соискателей',
    );
    expect(formatReason(reason, 'en')).toBe("hh.ru warns about the employer: resells applicants' personal data");
    // Another warning than the chosen ones, none, or unknown (a card read from the DOM): not hidden by it.
    expect(hardCodes(p, vac('Python-разработчик', { ...good, employerWarnings: ['reduction'] })).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, employerWarnings: [] })).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', good)).codes).toEqual([]);
    // Off by default: a warned employer is shown (the badge still says it).
    expect(hardCodes(base, warned)).toEqual({ verdict: 'show', codes: [] });
  });
  it('workFormats: hides known other formats, keeps unknown', () => {
    const p = { ...base, workFormats: ['REMOTE' as const] };
    expect(hardCodes(p, vac('Python-разработчик', { ...good, workFormats: ['ON_SITE'] })).codes).toEqual([
      'format_mismatch',
    ]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, workFormats: ['ON_SITE', 'REMOTE'] })).codes).toEqual([]);
    expect(
      hardCodes(p, vac('Python-разработчик', { ...good, scheduleText: 'Полная занятость, удаленная работа' })).codes,
    ).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', good)).codes).toEqual([]);
  });
  it('cities: other cities hidden, remote passes', () => {
    const p = { ...base, cities: ['Москва', 'Санкт-Петербург'] };
    expect(hardCodes(p, vac('Python-разработчик', { ...good, area: 'Казань' })).codes).toEqual(['city_mismatch']);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, area: 'Санкт-Петербург' })).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, address: 'Москва, Тверская, 1' })).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, area: 'Казань', workFormats: ['REMOTE'] })).codes).toEqual(
      [],
    );
  });
  it('excludeWords: matches inflected words in the title only', () => {
    const p = { ...base, excludeWords: ['стажёр', 'Битрикс'] };
    expect(hardCodes(p, vac('Стажера Python', good)).codes).toEqual(['excluded_word']);
    expect(hardCodes(p, vac('Python-разработчик (Битрикс24)', good)).codes).toEqual(['excluded_word']);
    expect(hardCodes(p, vac('Python-разработчик (Бит)', good)).codes).toEqual([]);
    expect(hardCodes(p, vac('Python-разработчик Битрикс', good)).codes).toEqual(['excluded_word']);
    expect(hardCodes(p, vac('Python-разработчик', { ...good, snippet: 'стажер' })).codes).toEqual([]);
  });
  it('employer blacklist: by id or by name, case-insensitively', () => {
    const p = profile({ ...base, employerBlacklist: [{ id: '42', name: 'Рога и копыта' }, { name: 'ООО «Ромашка»' }] });
    expect(hardCodes(p, vac('Python-разработчик', { ...good, employer: { id: '42', name: 'Renamed' } })).codes).toEqual(
      ['employer_blacklisted'],
    );
    expect(hardCodes(p, vac('Python-разработчик', { ...good, employer: { name: 'ооо ромашка' } })).codes).toEqual([
      'employer_blacklisted',
    ]);
    expect(
      hardCodes(p, vac('Python-разработчик', { ...good, employer: { id: '7', name: 'Ромашка-2' } })).codes,
    ).toEqual([]);
  });
  it('a failed filter forces hide and a low score even for a perfect match', () => {
    const p = { ...base, excludeWords: ['junior'] };
    const r = compileProfile(p).score(vac('Junior Python-разработчик', good));
    expect(r.verdict).toBe('hide');
    expect(r.score).toBeLessThan(0.2);
    expect(r.reasons[0]).toMatchObject({ code: 'excluded_word', hard: true, polarity: 'minus' });
  });
});
