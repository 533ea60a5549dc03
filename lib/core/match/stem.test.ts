import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stemRu, stemWord } from './stem';

const require = createRequire(import.meta.url);
/** The reference implementation (devDependency only; the port ships instead). */
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(w: string): string } };

describe('stemming', () => {
  it('conflates Russian inflections', () => {
    const same = (...ws: string[]) => expect(new Set(ws.map(stemRu)).size).toBe(1);
    same('разработчик', 'разработчика', 'разработчиком', 'разработчики', 'разработчиков');
    same('аналитик', 'аналитика', 'аналитики', 'аналитиком');
    same('бухгалтер', 'бухгалтера', 'бухгалтеру', 'бухгалтером');
    same('тестирование', 'тестирования', 'тестированию', 'тестированием');
    same('данные', 'данных', 'данными');
    same('системный', 'системного', 'системному', 'системным');
    expect(stemRu('стажер')).not.toBe(stemRu('старший'));
  });
  it('conflates English inflections', () => {
    const same = (...ws: string[]) => expect(new Set(ws.map(stemWord)).size).toBe(1);
    same('developer', 'developers', 'development');
    same('engineer', 'engineers', 'engineering');
    same('tester', 'testers');
  });
  it('keeps short, numeric and mixed tokens as they are', () => {
    expect(stemWord('qa')).toBe('qa');
    expect(stemWord('1c')).toBe('1c');
    expect(stemWord('k8s')).toBe('k8s');
  });
  it('matches the Snowball reference word for word', () => {
    const ru = snowball.newStemmer('russian');
    const lemmas = [
      'программист',
      'инженер',
      'руководитель',
      'специалист',
      'ведущий',
      'главный',
      'старший',
      'младший',
      'стажировка',
      'обучение',
      'машинный',
      'продажа',
      'заработный',
      'плата',
      'отчетность',
      'налоговый',
      'учет',
      'процесс',
      'требование',
      'автоматизация',
      'поддержка',
      'сопровождение',
      'администратор',
      'развивающийся',
      'работавший',
      'улучшившись',
      'красивейший',
      'длинный',
      'сильнее',
      'ответственность',
      'возможность',
      'знания',
      'умение',
      'писать',
      'читаешь',
    ];
    const endings = [
      '',
      'а',
      'у',
      'ом',
      'е',
      'ы',
      'ов',
      'ами',
      'ах',
      'ого',
      'ому',
      'ым',
      'ой',
      'ую',
      'ие',
      'ия',
      'ий',
      'ей',
      'ями',
      'ость',
      'ся',
    ];
    let n = 0;
    for (const l of lemmas) {
      for (const e of endings) {
        const w = l + e;
        expect(stemRu(w), w).toBe(ru.stem(w));
        n++;
      }
    }
    expect(n).toBe(lemmas.length * endings.length);
  });
});
