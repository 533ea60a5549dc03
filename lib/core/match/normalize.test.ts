import { describe, expect, it } from 'vitest';
import { normalizeText, stripHtml, tokenize, tokenizeTitle } from './normalize';

describe('normalize', () => {
  it('strips hh highlight tags, HTML and entities', () => {
    expect(stripHtml('<highlighttext>Python</highlighttext>-разработчик')).toBe(' Python -разработчик');
    expect(tokenize(normalizeText('<p>Опыт&nbsp;работы <b>от&nbsp;3 лет</b> &amp; SQL&#33;</p>'))).toEqual([
      'опыт',
      'работы',
      'от',
      '3',
      'лет',
      'sql',
    ]);
  });
  it('lower-cases and folds ё to е', () => {
    expect(tokenize(normalizeText('Стажёр ЁЛКА'))).toEqual(['стажер', 'елка']);
  });
  it('keeps tech names with punctuation as tokens', () => {
    expect(tokenize(normalizeText('C#, C++, .NET, ASP.NET, 1С:Бухгалтерия, Node.js, Vue.js, CI/CD, A/B'))).toEqual([
      'csharp',
      'cpp',
      'dotnet',
      'asp',
      'dotnet',
      '1c',
      'бухгалтерия',
      'nodejs',
      'vuejs',
      'cicd',
      'ab',
    ]);
    // Cyrillic "С" in C# and a Latin "C" in 1C are common on hh
    expect(tokenize(normalizeText('Разработчик С# и 1C'))).toEqual(['разработчик', 'csharp', 'и', '1c']);
  });
  it('splits glued Cyrillic/Latin runs', () => {
    expect(tokenize(normalizeText('Ключевые навыкиPython'))).toEqual(['ключевые', 'навыки', 'python']);
  });
  it('weighs title parts: head, brackets, after a comma or "в"', () => {
    const t = tokenizeTitle(normalizeText('Python-разработчик (Django) в Яндекс, удалённо'));
    expect(t.map((x) => [x.t, x.main, x.w])).toEqual([
      ['python', true, 1],
      ['разработчик', true, 1],
      ['django', false, 0.5],
      ['яндекс', false, 0.6],
      ['удаленно', false, 0.5],
    ]);
    // "/" separates alternatives: both are head parts
    expect(tokenizeTitle(normalizeText('Системный администратор/DevOps инженер')).every((x) => x.main)).toBe(true);
  });
});
