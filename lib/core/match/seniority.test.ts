import { describe, expect, it } from 'vitest';
import { analyzeTitle } from './analyze';
import { experienceIndexOfYears, rangeGap, rangeOfExperience, statedYears } from './seniority';

const levels = (t: string) => analyzeTitle(t).levels;

describe('seniority', () => {
  it('reads cues in Russian and English', () => {
    expect(levels('Стажёр Python')).toEqual([0]);
    expect(levels('Intern data analyst')).toEqual([0]);
    expect(levels('Junior Python developer')).toEqual([1]);
    expect(levels('Младший аналитик')).toEqual([1]);
    expect(levels('Аналитик без опыта')).toEqual([1]);
    expect(levels('Middle QA')).toEqual([2]);
    expect(levels('Senior frontend')).toEqual([3]);
    expect(levels('Ведущий инженер')).toEqual([3]);
    expect(levels('Старший бухгалтер')).toEqual([3]);
    expect(levels('QA Lead')).toEqual([4]);
    expect(levels('Руководитель отдела тестирования')).toEqual([4]);
    expect(levels('Head of QA')).toEqual([4]);
    expect(levels('Главный бухгалтер')).toEqual([4]);
    expect(levels('Заведующий складом')).toEqual([4]);
    expect(levels('Управляющая магазином')).toEqual([4]);
    expect(levels('Python-разработчик')).toEqual([]);
  });
  it('maps hh experience to a band and measures gaps', () => {
    expect(rangeOfExperience('noExperience')).toEqual({ lo: 0, hi: 1 });
    expect(rangeOfExperience('moreThan6')).toEqual({ lo: 3, hi: 4 });
    expect(rangeGap({ lo: 0, hi: 1 }, { lo: 1, hi: 2 })).toBe(0);
    expect(rangeGap({ lo: 0, hi: 1 }, { lo: 3, hi: 4 })).toBe(2);
    expect(rangeGap({ lo: 4, hi: 4 }, { lo: 1, hi: 2 })).toBe(2);
  });
  it("reads the years a description asks for, and not the company's age", () => {
    expect(statedYears('<li>Опыт работы от 3-х лет;</li>')).toBe(3);
    expect(statedYears('опыт в бухгалтерии не менее 3х лет')).toBe(3);
    expect(statedYears('Опыт тестирования от одного года')).toBe(1);
    expect(statedYears('опыт от 1,5 лет')).toBe(1.5);
    expect(statedYears('5+ years of commercial experience')).toBe(5);
    expect(statedYears('Опыт в тестировании от 4-х лет, опыт тестирования бэкенда от 2 лет')).toBe(4);
    expect(statedYears('опыт по специальности желателен, но не более 3 лет')).toBeUndefined();
    expect(statedYears('Наш опыт на рынке — более 20 лет')).toBeUndefined();
    expect(statedYears('Опыт работы не менее 6 месяцев')).toBeUndefined();
    expect(statedYears('Можно без опыта')).toBeUndefined();
    expect([0.5, 1, 2.5, 3, 5, 6].map(experienceIndexOfYears)).toEqual([0, 1, 1, 2, 2, 3]);
  });
  it('marks titles that start with an assistant word', () => {
    expect(analyzeTitle('Помощник бухгалтера').assistant).toBe(true);
    expect(analyzeTitle('Ассистент главного инженера проекта').assistant).toBe(true);
    expect(analyzeTitle('Assistant Product Manager').assistant).toBe(true);
    expect(analyzeTitle('Водитель-помощник торгового представителя').assistant).toBe(false);
    expect(analyzeTitle('Senior Product Manager Digital assistants').assistant).toBe(false);
    expect(analyzeTitle('Бухгалтер').assistant).toBe(false);
  });
});
