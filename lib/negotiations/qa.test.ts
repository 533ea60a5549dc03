import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../hh/questions';
import { describeWithShared, readSharedFixture } from '../../test/shared-fixtures';
import { answerFor, prefillAnswers } from './qa';
import { qaItemSchema, type QaItem } from './settings';

const item = (x: Partial<QaItem>): QaItem => qaItemSchema.parse(x);
const bank: QaItem[] = [
  item({ kind: 'salary', answer: 'от 250 000 ₽ на руки' }),
  item({ kind: 'contacts', answer: 'https://t.me/example_user' }),
  item({ kind: 'notice', answer: 'Могу выйти через две недели' }),
  item({ kind: 'relocation', answer: 'Переезд не рассматриваю' }),
  item({ kind: 'custom', pattern: 'python, питон', answer: 'Да, больше 5 лет коммерческой разработки на Python' }),
  item({ kind: 'custom', pattern: 'docker', answer: 'Да, docker и docker-compose каждый день' }),
  item({ kind: 'custom', pattern: 'linux', answer: '' }),
];

describe('Q&A bank matching', () => {
  it('built-in kinds by their usual wording, in Russian and English', () => {
    expect(answerFor('Какие у вас зарплатные ожидания?', bank)?.answer).toBe('от 250 000 ₽ на руки');
    expect(answerFor('Когда сможете выйти на работу?', bank)?.answer).toBe('Могу выйти через две недели');
    expect(answerFor('Готовы ли к релокации в Казань?', bank)?.answer).toBe('Переезд не рассматриваю');
    expect(answerFor('What are your salary expectations?', bank)?.answer).toBe('от 250 000 ₽ на руки');
  });

  it('a question touching two kinds gets both answers, in the order asked', () => {
    expect(answerFor('Укажи контакт для связи (тг) и зп ожидания', bank)?.answer).toBe('https://t.me/example_user; от 250 000 ₽ на руки');
  });

  it('custom patterns match the question words; empty answers never match; unknown stays null', () => {
    expect(answerFor('Есть ли опыт на Python?', bank)?.answer).toBe('Да, больше 5 лет коммерческой разработки на Python');
    expect(answerFor('Какой твой опыт работы с linux?', bank)).toBeNull();
    expect(answerFor('Ваш любимый цвет?', bank)).toBeNull();
    expect(answerFor('', bank)).toBeNull();
  });
});

describeWithShared('questionnaire: real 2026-05 apply form with 8 employer questions', () => {
  const qs = parseQuestionnaire(readSharedFixture('fixtures/hh/apply/hh_vacancy_response_with_test_questions_2026-05.html'));

  it('reads every question with its task id and text field', () => {
    expect(qs).toHaveLength(8);
    expect(qs[0]).toEqual({ taskId: '349160536', question: 'Есть ли у тебя опыт коммерческой разработки на python? Сколько лет?', kind: 'text', inputName: 'task_349160536_text' });
    expect(qs[2]!.question).toBe('Имеется ли опыт написания ci/cd пайплайнов?');
    expect(qs.map((q) => q.taskId)).toEqual(['349160536', '349160537', '349160538', '349160539', '349160540', '349160541', '349160542', '349160543']);
    expect(qs.every((q) => q.kind === 'text')).toBe(true);
  });

  it('pre-fills what the bank knows; the rest stays for the user', () => {
    const { answers, unknown } = prefillAnswers(qs, bank);
    expect(answers.map((a) => a.answer)).toEqual([
      'Да, больше 5 лет коммерческой разработки на Python',
      null,
      null,
      null,
      null,
      'Да, docker и docker-compose каждый день',
      null,
      'от 250 000 ₽ на руки; https://t.me/example_user',
    ]);
    expect(unknown).toBe(5);
  });
});
