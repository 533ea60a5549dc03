import { describe, expect, it } from 'vitest';
import { parseQuestionnaireForm, readQuestionnairePage, type QuestionnaireForm } from '../../core/hh/questions';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import { bankHasAnswers, decideQuestionnaire, describeSentAnswers } from './auto-answer';
import { qaItemSchema, type QaItem } from '../../core/negotiations/settings';

const item = (x: Partial<QaItem>): QaItem => qaItemSchema.parse(x);
const HIDDEN = {
  uidPk: '349160535',
  guid: 'CAB0D0D9-EB79-8D72-D49B-9E8777233A1C',
  startTime: '1779647649',
  testRequired: 'true',
};
const text = (taskId: string, question: string) => ({
  taskId,
  question,
  kind: 'text' as const,
  inputName: `task_${taskId}_text`,
});
const form = (
  questions: QuestionnaireForm['questions'],
  hidden: QuestionnaireForm['hidden'] = HIDDEN,
): QuestionnaireForm => ({ questions, hidden });

const bank: QaItem[] = [
  item({ kind: 'salary', answer: 'от 250 000 ₽ на руки' }),
  item({ kind: 'contacts', answer: 'https://t.me/example_user' }),
  item({ kind: 'notice', answer: 'Через две недели' }),
  item({ kind: 'custom', pattern: 'linux', answer: 'Ubuntu на серверах каждый день' }),
];
const two = form([
  text('11', 'Ваши зарплатные ожидания? И контакт в телеграм'),
  text('12', 'Когда сможете выйти на работу?'),
]);

describe('decideQuestionnaire: all or nothing', () => {
  it('a bank answering every text question → the POST fields (hidden first, then task_<id>_text in page order) and the answers sent', () => {
    const d = decideQuestionnaire(two, bank);
    expect(d).toEqual({
      kind: 'answer',
      total: 2,
      fields: [
        ['uidPk', '349160535'],
        ['guid', 'CAB0D0D9-EB79-8D72-D49B-9E8777233A1C'],
        ['startTime', '1779647649'],
        ['testRequired', 'true'],
        ['task_11_text', 'от 250 000 ₽ на руки; https://t.me/example_user'],
        ['task_12_text', 'Через две недели'],
      ],
      answers: [
        {
          question: 'Ваши зарплатные ожидания? И контакт в телеграм',
          answer: 'от 250 000 ₽ на руки; https://t.me/example_user',
        },
        { question: 'Когда сможете выйти на работу?', answer: 'Через две недели' },
      ],
    });
    if (d.kind === 'answer')
      expect(describeSentAnswers(d.answers)).toBe(
        "sent 2 answers to the employer's questions from your bank: «Ваши зарплатные ожидания? И контакт в телеграм» → «от 250 000 ₽ на руки; https://t.me/example_user»; «Когда сможете выйти на работу?» → «Через две недели»",
      );
  });

  it('one question the bank does not know → needs_user, saying which and how many', () => {
    const d = decideQuestionnaire(form([...two.questions, text('13', 'Ваш любимый фреймворк?')]), bank);
    expect(d).toEqual({
      kind: 'needs_user',
      total: 3,
      unknown: ['Ваш любимый фреймворк?'],
      problem: '1 of 3 questions unknown; not in your answer bank: «Ваш любимый фреймворк?»',
    });
  });

  it('a choice question is never answered automatically, even when the bank knows the topic', () => {
    const d = decideQuestionnaire(
      form([two.questions[0]!, { taskId: '14', question: 'Готовы к переезду?', kind: 'choice', inputName: 'task_14' }]),
      [...bank, item({ kind: 'relocation', answer: 'Да' })],
    );
    expect(d).toMatchObject({ kind: 'needs_user', total: 2, unknown: ['Готовы к переезду?'] });
    expect(d.kind === 'needs_user' && d.problem).toContain(
      'choice questions (never answered automatically): «Готовы к переезду?»',
    );
  });

  it('an empty bank answer is no answer', () => {
    const withEmpty = bank.map((it) => (it.kind === 'notice' ? { ...it, answer: '   ' } : it));
    expect(decideQuestionnaire(two, withEmpty)).toMatchObject({
      kind: 'needs_user',
      unknown: ['Когда сможете выйти на работу?'],
    });
    expect(bankHasAnswers([item({ kind: 'salary', answer: '' })])).toBe(false);
    expect(bankHasAnswers(bank)).toBe(true);
  });

  it('two bank items of the same kind with different answers are ambiguous → needs_user', () => {
    const d = decideQuestionnaire(two, [...bank, item({ kind: 'notice', answer: 'Сразу' })]);
    expect(d).toMatchObject({ kind: 'needs_user', unknown: ['Когда сможете выйти на работу?'] });
    expect(d.kind === 'needs_user' && d.problem).toContain('different answers');
  });

  it('a form without its hidden fields, without questions or with a field twice is not understood → needs_user', () => {
    expect(
      decideQuestionnaire(form(two.questions, { ...HIDDEN, guid: undefined } as QuestionnaireForm['hidden']), bank),
    ).toMatchObject({ kind: 'needs_user', problem: 'the questionnaire form lacks guid (not understood)' });
    expect(decideQuestionnaire(form([]), bank)).toMatchObject({
      kind: 'needs_user',
      total: 0,
      problem: 'no employer questions could be read on the questionnaire page',
    });
    expect(decideQuestionnaire(form([two.questions[0]!, two.questions[0]!]), bank)).toMatchObject({
      kind: 'needs_user',
      problem: expect.stringContaining('twice'),
    });
  });
});

describeWithShared('the real 2026-05 questionnaire page (8 text questions)', () => {
  const html = readSharedFixture('fixtures/hh/apply/hh_vacancy_response_with_test_questions_2026-05.html');
  const page = readQuestionnairePage({
    status: 200,
    url: 'https://izhevsk.hh.ru/applicant/vacancy_response?vacancyId=132310345&startedWithQuestion=false',
    contentType: 'text/html; charset=utf-8',
    body: html,
  });

  it('is read as a form (not mistaken for a login page)', () => {
    expect(page.kind).toBe('form');
  });

  it("a bank covering every question → all 8 answered; the capture's bank (telegram, salary, python, linux…) misses some → needs_user with the count", () => {
    if (page.kind !== 'form') throw new Error('not a form');
    const words = [
      'python',
      'javascript',
      'ci/cd',
      'linux',
      'sentry',
      'docker',
      'внутренними пользователями',
      'зп ожидания',
    ];
    const full = words.map((w, i) => item({ kind: 'custom', pattern: w, answer: `ответ ${i + 1}` }));
    const d = decideQuestionnaire(page.form, full);
    expect(d.kind).toBe('answer');
    if (d.kind === 'answer') {
      expect(d.fields.map(([k]) => k)).toEqual([
        'uidPk',
        'guid',
        'startTime',
        'testRequired',
        ...page.form.questions.map((q) => q.inputName),
      ]);
      expect(d.answers.map((a) => a.answer)).toEqual(words.map((_, i) => `ответ ${i + 1}`));
    }
    const partial = decideQuestionnaire(page.form, [
      item({ kind: 'contacts', answer: 'https://t.me/example_user' }),
      item({ kind: 'salary', answer: 'от 250к' }),
      item({ kind: 'custom', pattern: 'python', answer: 'больше 5 лет' }),
      item({ kind: 'custom', pattern: 'linux', answer: 'ubuntu' }),
    ]);
    expect(partial).toMatchObject({ kind: 'needs_user', total: 8 });
    expect(partial.kind === 'needs_user' && partial.problem).toMatch(
      /^\d of 8 questions unknown; not in your answer bank: «/,
    );
  });
});

describe('parseQuestionnaireForm on a page without questions', () => {
  it('yields no questions (→ needs_user, never a crash)', () => {
    expect(decideQuestionnaire(parseQuestionnaireForm('<html><body>Вакансия</body></html>'), bank)).toMatchObject({
      kind: 'needs_user',
      total: 0,
    });
    expect(decideQuestionnaire(parseQuestionnaireForm(''), bank)).toMatchObject({ kind: 'needs_user', total: 0 });
  });
});
