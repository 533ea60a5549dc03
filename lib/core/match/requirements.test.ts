import { describe, expect, it } from 'vitest';
import { profileSchema, type ProfileInput } from './profile';
import { compileRequirements, languagesIn, licencesIn } from './requirements';
import { vac } from './testkit';

const req = (p: ProfileInput, medical = false) => compileRequirements(profileSchema.parse(p), medical);

describe('licence categories in text', () => {
  it.each([
    ['Водитель категории C', ['C']],
    ['Водитель кат. С/Е', ['C', 'E']],
    ['водительское удостоверение категории B, C, E', ['B', 'C', 'E']],
    ['Категория "В", "С", "Д"', ['B', 'C', 'D']],
    ['кат. прав В,С', ['B', 'C']],
    ['категории СЕ', ['CE']],
  ])('%s → %j', (text, cats) => expect(licencesIn(text, true).cats).toEqual(cats));
  it('ignores prepositions, engineer grades and softened wishes', () => {
    expect(licencesIn('Инженер 1 категории в отдел', true).cats).toEqual([]);
    expect(licencesIn('Инженер 2 категории с опытом', true).cats).toEqual([]);
    expect(licencesIn('права категории «B» будет плюсом', true).cats).toEqual([]);
  });
  it('a tractor driver-operator licence has categories of its own, not a road licence', () => {
    expect(licencesIn('Удостоверение тракториста-машиниста (категория С), допуск к погрузчикам', false).cats).toEqual(
      [],
    );
    expect(licencesIn('Водитель погрузчика категории В с допуском к электрооборудованию', true).cats).toEqual([]);
    expect(licencesIn('Водитель погрузчика. Требования: водительские права категории В', true).cats).toEqual(['B']);
    expect(licencesIn('Водитель погрузчика, права категории B', true).cats).toEqual(['B']);
  });
});

describe('language levels in text', () => {
  it.each([
    ['Английский язык не ниже B2', 'b2'],
    ['английский язык С1', 'c1'],
    ['fluent English', 'c1'],
    ['знание английского языка на уровне intermediate', 'b1'],
    ['English Upper-Intermediate', 'b2'],
  ])('%s → %s', (text, level) => expect(languagesIn(text, true)).toEqual([{ code: 'eng', level }]));
  it('a wish is no requirement', () => expect(languagesIn('English is a plus (Upper-Intermediate)', true)).toEqual([]));
});

describe('unmet requirements', () => {
  const driverB = req({ desiredTitles: ['Водитель'], driverLicences: ['B'] });
  it('hides lorries for a B-only driver, by hh field or by the words', () => {
    expect(driverB.check(vac('Водитель', { driverLicences: ['C'] }), false)).toEqual({ kind: 'licence', cats: ['C'] });
    expect(driverB.check(vac('Водитель категории C, E'), false)).toEqual({ kind: 'licence', cats: ['C', 'E'] });
    expect(driverB.check(vac('Водитель категории B'), false)).toBeUndefined();
    expect(driverB.check(vac('Водитель категории B или C'), false)).toBeUndefined();
    expect(driverB.check(vac('Водитель погрузчика'), false)).toEqual({
      kind: 'licence',
      cats: ['тракториста-машиниста'],
    });
  });
  it('a truck crane or a loader-crane truck is a lorry: a road licence, not a tractor one', () => {
    const lorry = req({ desiredTitles: ['Водитель категории CE'], driverLicences: ['B', 'C', 'CE'] });
    expect(lorry.check(vac('Водитель категории С (манипулятор)'), false)).toBeUndefined();
    expect(lorry.check(vac('Водитель автокрана'), false)).toBeUndefined();
    expect(driverB.check(vac('Водитель манипулятора категории C'), false)).toEqual({ kind: 'licence', cats: ['C'] });
  });
  it('takes no road licence from a tractor driver-operator licence in the resume', () => {
    const forklift = compileRequirements(
      profileSchema.parse({
        desiredTitles: ['Водитель погрузчика'],
        resumeText: 'Удостоверение тракториста-машиниста (категория С), допуск к работе на погрузчиках.',
      }),
      false,
    );
    expect(forklift.check(vac('Водитель погрузчика', { snippet: 'Водитель погрузчика категории В' }), false)).toBe(
      undefined,
    );
  });
  it('reads the licence from the profile text when the field is empty, and decides nothing when unknown', () => {
    expect(req({ resumeText: 'Права категории B, стаж 8 лет' }).check(vac('Водитель категории C'), false)?.kind).toBe(
      'licence',
    );
    expect(req({ desiredTitles: ['Водитель'] }).check(vac('Водитель категории C'), false)).toBeUndefined();
    expect(req({ driverLicences: ['CE'] }).check(vac('Водитель категории C, E'), false)).toBeUndefined();
  });
  it('a language level the user does not reach, only when the user said which languages they speak', () => {
    const b1 = req({ languages: [{ code: 'eng', level: 'b1' }] });
    expect(b1.check(vac('Менеджер', { snippet: 'Английский язык не ниже C1' }), false)).toEqual({
      kind: 'language',
      id: 'eng',
      level: 'c1',
    });
    expect(b1.check(vac('Менеджер', { languages: [{ id: 'eng', level: 'b1' }] }), false)).toBeUndefined();
    expect(req({}).check(vac('Менеджер', { snippet: 'Английский язык не ниже C1' }), false)).toBeUndefined();
    // one level short is a step off: said (soft), not a wall; a language the user does not speak at all is one
    expect(b1.check(vac('Менеджер', { languages: [{ id: 'eng', level: 'b2' }] }), false)).toEqual({
      kind: 'language',
      id: 'eng',
      level: 'b2',
      soft: true,
    });
    expect(b1.check(vac('Менеджер', { languages: [{ id: 'deu', level: 'b1' }] }), false)).toEqual({
      kind: 'language',
      id: 'deu',
      level: 'b1',
    });
  });
  it('a medical education or accreditation, unless the user is in medicine', () => {
    const v = vac('Менеджер', {
      description: 'Требования: высшее медицинское образование, действующий сертификат специалиста.',
    });
    expect(req({ desiredTitles: ['Менеджер по продажам'] }).check(v, true)).toEqual({ kind: 'medical' });
    expect(req({ desiredTitles: ['Медицинский представитель'] }).check(v, true)).toBeUndefined();
    expect(req({ desiredTitles: ['Менеджер'] }, true).check(v, true)).toBeUndefined();
    expect(req({ desiredTitles: ['Менеджер'] }).check(v, false)).toBeUndefined(); // a card has no description
  });
});
