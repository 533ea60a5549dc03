import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../core/match/profile';
import { contactTokens, privacyProblems, redactProfileText, salaryMentions } from './privacy';
import { prepareLetter } from './prompt';

const resume =
  'Python-разработчик, 5 лет. Телефон: +7 (916) 555-12-34, почта ivan@mail.ru, Telegram @ivan_py, github.com/ivanpy. Зарплатные ожидания: от 250 000 руб. Сократил затраты на 2 млн рублей.';
const profile = profileSchema.parse({
  desiredTitles: ['Python-разработчик'],
  skills: ['Python', 'Django'],
  resumeText: resume,
  minSalary: 250_000,
});
const vacancy = {
  id: '1',
  title: 'Python-разработчик',
  employer: { name: 'ООО Ромашка' },
  url: 'https://hh.ru/vacancy/1',
};

describe("the user's own contacts and salary", () => {
  it('finds phones, e-mails, links and handles', () => {
    expect(contactTokens(resume)).toEqual(
      expect.arrayContaining(['+7 (916) 555-12-34', 'ivan@mail.ru', '@ivan_py', 'github.com/ivanpy']),
    );
  });

  it("salary: a salary word with a number, or the profile's minimum in any spelling; other money is not a salary", () => {
    expect(salaryMentions('Мои ожидания по зарплате — 300 тысяч.', null)).toHaveLength(1);
    expect(salaryMentions('Рассчитываю на 250к.', 250_000)).toHaveLength(1);
    expect(salaryMentions('My expected compensation is 250,000 roubles.', 250_000)).toHaveLength(1);
    expect(salaryMentions('Сократил затраты на 2 млн рублей и ускорил API в 3 раза.', 250_000)).toEqual([]);
  });

  it('off (default): the prompt carries neither contacts nor salary lines, and the rules say so', () => {
    const p = prepareLetter({ profile, vacancy, description: 'Python, Django.' }, () => 0.5);
    const user = p.messages[1]!.content;
    for (const c of ['555-12-34', 'ivan@mail.ru', '@ivan_py', 'github.com', '250 000']) expect(user).not.toContain(c);
    expect(user).toContain('Сократил затраты на 2 млн рублей');
    expect(user).toMatch(/Без телефонов, почты, ссылок и контактов\.\nБез зарплатных ожиданий\./);
  });

  it('on: the model may see and use them', () => {
    const p = prepareLetter(
      { profile, vacancy, description: 'Python, Django.', privacy: { contacts: true, salary: true } },
      () => 0.5,
    );
    const user = p.messages[1]!.content;
    expect(user).toContain('ivan@mail.ru');
    expect(user).toContain('Зарплатные ожидания: от 250000');
  });

  it('a letter with them fails unless allowed; each switch alone', () => {
    const letter = 'Здравствуйте! Пишите на ivan@mail.ru. Ожидаемая зарплата — от 250 000 руб.';
    const off = privacyProblems(letter, resume, 250_000, { contacts: false, salary: false }, 'ru');
    expect(off).toHaveLength(2);
    expect(privacyProblems(letter, resume, 250_000, { contacts: true, salary: false }, 'ru')).toHaveLength(1);
    expect(privacyProblems(letter, resume, 250_000, { contacts: true, salary: true }, 'ru')).toEqual([]);
    // the phone in another spelling is still the user's
    expect(
      privacyProblems('Звоните: 8 916 555 12 34.', resume, null, { contacts: false, salary: false }, 'ru').join(),
    ).toMatch(/ваши контакты/);
  });

  it('redaction leaves the rest of the resume', () => {
    expect(redactProfileText('Опыт 5 лет.\nEmail: a@b.ru\nPython.', { contacts: false, salary: false })).toBe(
      'Опыт 5 лет.\nPython.',
    );
  });
});
