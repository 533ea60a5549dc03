import { describe, expect, it } from 'vitest';
import { analyzeBag, analyzeTitle } from './analyze';

const concepts = (s: string): string[] =>
  analyzeTitle(s)
    .items.filter((i) => !i.absorbed)
    .map((i) => i.c);

describe('synonyms and transliterations', () => {
  it.each([
    ['JS', 'JavaScript', 'javascript'],
    ['Питон', 'Python', 'python'],
    ['фронтенд', 'front-end', 'frontend'],
    ['Frontend', 'фронтэнд', 'frontend'],
    ['бэкенд', 'back-end', 'backend'],
    ['QA', 'тестировщик', 'qa'],
    ['1С', '1C', '1c'],
    ['DevOps', 'девопс', 'devops'],
    ['аналитик', 'analyst', 'analyst'],
    ['разработчик', 'developer', 'developer'],
    ['программист', 'programmer', 'developer'],
    ['golang', 'Go', 'golang'],
    ['C#', 'C sharp', 'csharp'],
    ['k8s', 'Kubernetes', 'kubernetes'],
    ['postgres', 'PostgreSQL', 'postgresql'],
    ['машинное обучение', 'machine learning', 'ml'],
    ['инженер данных', 'data engineer', 'dataengineer'],
  ])('%s ≡ %s', (a, b, id) => {
    expect(concepts(a)).toContain(id);
    expect(concepts(b)).toContain(id);
  });
  it('recognises inflected forms through stemming', () => {
    expect(concepts('Ведущего разработчика Python')).toEqual(expect.arrayContaining(['developer', 'python']));
    expect(concepts('Специалист по тестированию')).toContain('qa');
  });
  it('marks phrase parts as absorbed and keeps them for matching', () => {
    const items = analyzeTitle('Data Engineer').items;
    expect(items.find((i) => i.c === 'dataengineer')?.absorbed).toBe(false);
    expect(items.find((i) => i.c === 'engineer')?.absorbed).toBe(true);
  });
  it('does not join a phrase across other words', () => {
    expect(concepts('Инженер систем хранения данных')).not.toContain('dataengineer');
  });
  it('counts concepts in free text', () => {
    const bag = analyzeBag('Пишем на Python и питоне; k8s, Kubernetes. <b>Машинного обучения</b>');
    expect(bag.get('python')).toBe(2);
    expect(bag.get('kubernetes')).toBe(2);
    expect(bag.get('ml')).toBe(1);
  });
});
