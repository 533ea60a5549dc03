import { experienceLine, type LetterInput } from './prompt';
import type { CompletionRequest, LetterProvider } from './provider';
import { throwIfAborted } from './provider';
import { matchedSkills } from './skills';
import { cleanVacancyText, vacancyLanguage } from './vacancy-text';

/**
 * The letter with no model: placeholders filled from the profile and the vacancy. Used when the user picks
 * it, and as the fallback when the chosen provider fails. Its facts are the user's own (skills the vacancy
 * asks for, experience), so it passes the same validator.
 *
 * Custom templates use {title}, {company}, {skills}, {experience}; an empty custom template = the built-in one.
 */
export const DEFAULT_TEMPLATES = {
  ru: 'Здравствуйте! Откликаюсь на вакансию «{title}»{company_in}. {skills_line} {experience_line} Резюме приложено к отклику, там подробнее о проектах и задачах. Предлагаю обсудить детали на собеседовании в удобное для вас время.',
  en: 'Hello, I am applying for the {title} position{company_at}. {skills_line} {experience_line} My resume attached to this application has more on my projects and responsibilities. I would be glad to discuss the details at an interview at a time convenient for you.',
} as const;

function joinList(items: string[], lang: 'ru' | 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'ru' ? 'и' : 'and'} ${items[items.length - 1]}`;
}

export function fillTemplate(input: LetterInput, custom = ''): string {
  const clean = cleanVacancyText(input.description ?? '');
  const lang = vacancyLanguage(clean.text);
  const skills = matchedSkills(
    input.profile.skills,
    `${input.vacancy.title}\n${(input.keySkills ?? []).join(', ')}\n${clean.text}`,
  ).slice(0, 3);
  const company = input.vacancy.employer?.name ?? '';
  const exp = experienceLine(input.profile, lang);
  const ru = lang === 'ru';
  // An English letter names the user's desired title only if it is written in English.
  const enTitle = input.profile.desiredTitles.find((x) => !/[а-яё]/i.test(x));
  const skillsLine = skills.length
    ? ru
      ? `В работе использую ${joinList(skills, lang)} — то, что вы ищете в этой вакансии.`
      : `I work with ${joinList(skills, lang)}, which this role asks for.`
    : ru
      ? `Мой опыт${input.profile.desiredTitles[0] ? ` в роли «${input.profile.desiredTitles[0]}»` : ''} соответствует задачам этой вакансии.`
      : `My experience${enTitle ? ` as ${enTitle}` : ''} fits the tasks of this role.`;
  // "No experience" is not something one "has": it gets a sentence of its own.
  const expLine =
    input.profile.experience === 'noExperience'
      ? ru
        ? 'Ищу первую работу по специальности.'
        : 'I am looking for my first job in this field.'
      : exp
        ? ru
          ? `У меня ${exp}.`
          : `I have ${exp}.`
        : '';
  const values: Record<string, string> = {
    title: input.vacancy.title,
    company,
    company_in: company ? (ru ? ` в ${company}` : '') : '',
    company_at: company ? (ru ? '' : ` at ${company}`) : '',
    skills: joinList(skills, lang),
    skills_line: skillsLine,
    experience: exp ?? '',
    experience_line: expLine,
  };
  const tpl = custom.trim() || DEFAULT_TEMPLATES[lang];
  return tpl
    .replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([.,!?])/g, '$1')
    .trim();
}

export function createTemplateProvider(input: () => LetterInput, custom = ''): LetterProvider {
  return {
    id: 'template',
    complete(req: CompletionRequest): Promise<string> {
      throwIfAborted(req.signal);
      const text = fillTemplate(input(), custom);
      req.onDelta?.(text);
      return Promise.resolve(text);
    },
  };
}
