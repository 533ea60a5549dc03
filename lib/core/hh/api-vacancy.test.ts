import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import { matchVacancySchema } from '../match/vacancy';
import { fromHhApi, HhVacancyParseError } from './api-vacancy';

describe('fromHhApi', () => {
  it('maps a search item (new salary_range, work_format, snippet)', () => {
    const v = fromHhApi({
      id: 130993879,
      name: 'Senior PHP разработчик',
      employer: { id: '4759975', name: 'MPSTATS', url: 'x' },
      salary: { from: 1, to: 2, currency: 'RUR', gross: false },
      salary_range: { from: 250000, to: null, currency: 'RUR', gross: true, mode: { id: 'MONTH' } },
      experience: { id: 'moreThan6', name: 'Более 6 лет' },
      schedule: { id: 'fullDay', name: 'Полный день' },
      employment: { id: 'full', name: 'Полная занятость' },
      work_format: [{ id: 'REMOTE', name: 'Удалённо' }, { id: 'HYBRID' }, { id: 'SOMETHING_NEW' }],
      area: { id: '2', name: 'Санкт-Петербург' },
      address: { city: 'Санкт-Петербург', raw: 'Санкт-Петербург, Гражданский проспект, 100' },
      snippet: { requirement: 'Уверенное владение <highlighttext>PHP</highlighttext>.', responsibility: null },
    });
    expect(v).toEqual({
      id: '130993879',
      title: 'Senior PHP разработчик',
      employer: { id: '4759975', name: 'MPSTATS' },
      salary: { from: 250000, to: null, currency: 'RUR', gross: true },
      experience: 'moreThan6',
      workFormats: ['REMOTE', 'HYBRID'],
      scheduleText: 'Полная занятость, Полный день',
      area: 'Санкт-Петербург',
      address: 'Санкт-Петербург, Гражданский проспект, 100',
      snippet: 'Уверенное владение <highlighttext>PHP</highlighttext>.',
    });
    expect(matchVacancySchema.safeParse(v).success).toBe(true);
  });
  it('maps the dataset shape: old salary, schedule_text, address string, key skills, description', () => {
    const v = fromHhApi({
      id: '1',
      name: 'Бухгалтер',
      employer: { name: 'ООО Ромашка' },
      salary: { from: null, to: 90000, currency: 'RUR', gross: null },
      experience: { id: 'between1And3' },
      schedule_text: 'Полная занятость, удаленная работа',
      address: 'Казань, улица Баумана, 1',
      key_skills: [{ name: '1С:Бухгалтерия' }, { name: '' }, 'Excel'],
      description: '<p>Ведение учёта</p>',
    });
    expect(v.employer).toEqual({ name: 'ООО Ромашка' });
    expect(v.salary).toEqual({ from: null, to: 90000, currency: 'RUR', gross: null });
    expect(v.workFormats).toEqual(['REMOTE']);
    expect(v.area).toBe('Казань');
    expect(v.address).toBe('Казань, улица Баумана, 1');
    expect(v.keySkills).toEqual(['1С:Бухгалтерия', 'Excel']);
    expect(v.description).toBe('<p>Ведение учёта</p>');
  });
  it('schedule remote means REMOTE', () => {
    expect(fromHhApi({ id: 'a', name: 'x', schedule: { id: 'remote' } }).workFormats).toEqual(['REMOTE']);
  });
  it('tolerates missing, null and mistyped fields', () => {
    const v = fromHhApi({
      id: 'x1',
      name: null,
      employer: 'nope',
      salary: { from: 'lots' },
      experience: { id: 'forever' },
      work_format: 'REMOTE',
      area: 5,
      snippet: null,
      key_skills: null,
    });
    expect(v).toEqual({ id: 'x1', title: '', employer: null, salary: null, experience: null, workFormats: [] });
    expect(matchVacancySchema.safeParse(v).success).toBe(true);
    // a card has neither description nor key skills: the scorer then knows it sees card fields only
    expect('description' in fromHhApi({ id: 1 })).toBe(false);
  });
  it('throws a clear error without an id', () => {
    expect(() => fromHhApi({ name: 'Python developer' })).toThrow(HhVacancyParseError);
    expect(() => fromHhApi({ id: '  ' })).toThrow(/missing "id"/);
    expect(() => fromHhApi(null)).toThrow(/expected an object/);
    expect(() => fromHhApi([1])).toThrow(/expected an object/);
  });
});

describeWithShared('fromHhApi on recorded API answers', () => {
  it('parses every search item and the full vacancy', () => {
    const search = JSON.parse(readSharedFixture('fixtures/hh/api/api_hh_vacancies_search_2026-03.json')) as {
      items: unknown[];
    };
    expect(search.items.length).toBeGreaterThan(0);
    for (const item of search.items) {
      const v = fromHhApi(item);
      expect(matchVacancySchema.safeParse(v).success).toBe(true);
      expect(v.title).not.toBe('');
    }
    const full = fromHhApi(JSON.parse(readSharedFixture('fixtures/hh/api/api_hh_vacancy_full_2026-03.json')));
    expect(full.id).toBe('130993879');
    expect(full.workFormats).toEqual(expect.arrayContaining(['REMOTE', 'HYBRID']));
    expect(full.keySkills).toContain('PHP');
    expect(full.description?.length).toBeGreaterThan(100);
  });
});
