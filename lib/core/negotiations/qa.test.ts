import { describe, expect, it } from 'vitest';
import { parseQuestionnaire, parseQuestionnaireForm, questionnaireFields } from '../hh/questions';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
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
    expect(answerFor('Укажи контакт для связи (тг) и зп ожидания', bank)?.answer).toBe(
      'https://t.me/example_user; от 250 000 ₽ на руки',
    );
  });

  it('custom patterns match the question words; empty answers never match; unknown stays null', () => {
    expect(answerFor('Есть ли опыт на Python?', bank)?.answer).toBe(
      'Да, больше 5 лет коммерческой разработки на Python',
    );
    expect(answerFor('Какой твой опыт работы с linux?', bank)).toBeNull();
    expect(answerFor('Ваш любимый цвет?', bank)).toBeNull();
    expect(answerFor('', bank)).toBeNull();
  });
});

describeWithShared('questionnaire: real 2026-05 apply form with 8 employer questions', () => {
  const qs = parseQuestionnaire(
    readSharedFixture('fixtures/hh/apply/hh_vacancy_response_with_test_questions_2026-05.html'),
  );

  it('reads every question with its task id and text field', () => {
    expect(qs).toHaveLength(8);
    expect(qs[0]).toEqual({
      taskId: '349160536',
      question: 'Есть ли у тебя опыт коммерческой разработки на python? Сколько лет?',
      kind: 'text',
      inputName: 'task_349160536_text',
    });
    expect(qs[2]!.question).toBe('Имеется ли опыт написания ci/cd пайплайнов?');
    expect(qs.map((q) => q.taskId)).toEqual([
      '349160536',
      '349160537',
      '349160538',
      '349160539',
      '349160540',
      '349160541',
      '349160542',
      '349160543',
    ]);
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

describeWithShared('questionnaire answers as the apply POST fields (real 2026-05 form and capture)', () => {
  const html = readSharedFixture('fixtures/hh/apply/hh_vacancy_response_with_test_questions_2026-05.html');
  const capture = readSharedFixture('fixtures/hh/apply/hh_popup_apply_with_test_request_response_2026-05.md');
  const form = parseQuestionnaireForm(html);

  it('reads the hidden fields of the form', () => {
    expect(form.hidden).toEqual({
      uidPk: '349160535',
      guid: 'CAB0D0D9-EB79-8D72-D49B-9E8777233A1C',
      startTime: '1779647649',
      testRequired: 'true',
    });
  });

  it('all questions answered → the field names of the real POST, in its order; one unknown → null', () => {
    const fields = questionnaireFields(form, (q) => `ответ ${q.taskId}`)!;
    // The capture lists "name\nvalue" pairs between "test form-data" and "vacancy_id".
    const section = capture.slice(capture.indexOf('_xsrf'), capture.indexOf('\nvacancy_id'));
    const names = section.split('\n').filter((l) => /^(uidPk|guid|startTime|testRequired|task_\d+_text)$/.test(l));
    expect(fields.map(([k]) => k)).toEqual(names);
    expect(fields.find(([k]) => k === 'task_349160543_text')).toEqual(['task_349160543_text', 'ответ 349160543']);
    expect(questionnaireFields(form, (q) => (q.taskId === '349160539' ? null : 'да'))).toBeNull();
    expect(
      questionnaireFields({ ...form, hidden: { ...form.hidden, guid: undefined } as typeof form.hidden }, () => 'да'),
    ).toBeNull();
    expect(questionnaireFields({ questions: [], hidden: form.hidden }, () => 'да')).toBeNull();
  });
});
