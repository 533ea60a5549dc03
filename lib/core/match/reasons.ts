/** Why a vacancy got its score: machine-readable codes with params, rendered to short ru/en texts. */
import { plural } from '../i18n/plural';
import type { Verdict } from './types';

export interface Reason {
  code: string;
  polarity: 'plus' | 'minus';
  /** set on hard-filter reasons: the vacancy is hidden whatever its score */
  hard?: boolean;
  params?: Record<string, string | number>;
}

export type ReasonCode =
  | 'title_match' // {title}
  | 'title_partial' // {title}
  | 'title_no_match'
  | 'missing_core' // {word, where: 'card' | 'full'}
  | 'role_mismatch' // {role}
  | 'foreign_tech' // {tech}
  | 'skills' // {n, list}
  | 'level_fit' // {level}
  | 'level_above' // {level}
  | 'level_below' // {level}
  | 'needs_experience' // {years}
  | 'salary_below' // {amount, currency, min}
  | 'format_mismatch' // {formats}
  | 'city_mismatch' // {city}
  | 'excluded_word' // {word}
  | 'employer_blacklisted' // {name}
  | 'employer_warned' // {flags}: hh's warnings about the employer the user hides (comma-separated EMPLOYER_WARNINGS)
  | 'role_same' // {role}: hh's professional role of the vacancy is one the user wants
  | 'other_profession' // {role}: hh's professional role of the vacancy, another one
  | 'not_sure' // the title says nothing the scorer can judge
  | 'title_lacks' // {words}: the user's title's specific words the vacancy title lacks (it names its own instead)
  | 'needs_licence' // {cats}
  | 'needs_language' // {lang, level}
  | 'needs_medical';

/** A hidden or dimmed vacancy leads with what is wrong with it; a shown one with what fits. */
export function orderReasons<R extends { polarity: 'plus' | 'minus' }>(reasons: readonly R[], verdict: Verdict): R[] {
  const minusFirst = verdict !== 'show';
  return [...reasons].sort((a, b) =>
    a.polarity === b.polarity ? 0 : (a.polarity === 'minus') === minusFirst ? -1 : 1,
  );
}

/** "150000" → "150 000" (no-break thin grouping is avoided: plain no-break space keeps it on one line). */
export function formatAmount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

const LEVEL_RU: Record<string, string> = {
  intern: 'стажёр',
  junior: 'junior',
  middle: 'middle',
  senior: 'senior',
  lead: 'руководитель',
};
const FORMAT_TEXT: Record<string, [string, string]> = {
  ON_SITE: ['on site', 'в офисе'],
  REMOTE: ['remote', 'удалённо'],
  HYBRID: ['hybrid', 'гибрид'],
  FIELD_WORK: ['field work', 'разъездная'],
};

/** hh's warnings about an employer (EMPLOYER_WARNINGS), in plain words: [en, ru]. */
export const WARNING_TEXT: Record<string, [string, string]> = {
  hasBreaches: ['violations of the law found', 'найдены нарушения закона'],
  pdResale: ["resells applicants' personal data", 'перепродаёт персональные данные соискателей'],
  hasFrequentComplaints: ['frequent complaints from applicants', 'частые жалобы соискателей'],
  misleadingVacancyAlert: ['vacancies may be misleading', 'вакансии могут вводить в заблуждение'],
  reduction: ['cutting staff', 'сокращает сотрудников'],
  isReferral: ['a referral vacancy (pays for recommendations)', 'реферальная вакансия (платит за рекомендации)'],
};

/** hh's employer warnings as a listing badge names them: short, and never a comma (the reply joins them with one). */
export const WARNING_SHORT: Record<string, [string, string]> = {
  hasBreaches: ['employer has violations', 'у работодателя нарушения'],
  pdResale: ['resells personal data', 'перепродаёт персональные данные'],
  hasFrequentComplaints: ['frequent complaints', 'частые жалобы'],
  misleadingVacancyAlert: ['may be misleading', 'вакансия может вводить в заблуждение'],
  reduction: ['employer is cutting staff', 'работодатель сокращает штат'],
  isReferral: ['referral vacancy', 'реферальная вакансия'],
};

const LANG_NAMES: Record<string, [string, string]> = {
  eng: ['English', 'английский'],
  deu: ['German', 'немецкий'],
  fra: ['French', 'французский'],
  zho: ['Chinese', 'китайский'],
  spa: ['Spanish', 'испанский'],
  ita: ['Italian', 'итальянский'],
  tur: ['Turkish', 'турецкий'],
  ara: ['Arabic', 'арабский'],
  jpn: ['Japanese', 'японский'],
  kor: ['Korean', 'корейский'],
};

function formats(list: string, lang: 'ru' | 'en'): string {
  return list
    .split(',')
    .filter(Boolean)
    .map((f) => FORMAT_TEXT[f]?.[lang === 'en' ? 0 : 1] ?? f)
    .join(', ');
}

export function formatReason(r: Reason, lang: 'ru' | 'en'): string {
  const p = r.params ?? {};
  const s = (k: string): string => String(p[k] ?? '');
  const n = (k: string): number => Number(p[k] ?? 0);
  const en = lang === 'en';
  switch (r.code) {
    case 'title_match':
      return en ? `title matches '${s('title')}'` : `название совпадает с «${s('title')}»`;
    case 'title_partial':
      return en ? `title partly matches '${s('title')}'` : `название частично совпадает с «${s('title')}»`;
    case 'title_no_match':
      return en ? 'title matches none of your desired titles' : 'название не похоже на желаемые должности';
    case 'missing_core':
      return p.where === 'full'
        ? en
          ? `no ${s('word')} in the vacancy`
          : `в вакансии нет ${s('word')}`
        : en
          ? `no ${s('word')} in title or snippet`
          : `нет ${s('word')} в названии и описании`;
    case 'role_mismatch':
      return en ? `a different role: ${s('role')}` : `другая роль: ${s('role')}`;
    case 'foreign_tech':
      return en ? `${s('tech')} is not among your skills` : `${s('tech')} нет в ваших навыках`;
    case 'skills': {
      const k = n('n');
      return en
        ? `${k} of your skills: ${s('list')}`
        : `${k} ${plural(k, 'ваш навык', 'ваших навыка', 'ваших навыков')}: ${s('list')}`;
    }
    case 'level_fit':
      return en ? `level fits: ${s('level')}` : `уровень подходит: ${LEVEL_RU[s('level')] ?? s('level')}`;
    case 'level_above':
      return en ? `level above yours: ${s('level')}` : `уровень выше вашего: ${LEVEL_RU[s('level')] ?? s('level')}`;
    case 'level_below':
      return en ? `level below yours: ${s('level')}` : `уровень ниже вашего: ${LEVEL_RU[s('level')] ?? s('level')}`;
    case 'needs_experience': {
      const y = n('years');
      return en ? `needs ${y}+ ${y === 1 ? 'year' : 'years'}` : `нужен опыт от ${y} ${plural(y, 'года', 'лет', 'лет')}`;
    }
    case 'salary_below':
      return en ? `salary below ${formatAmount(n('min'))} ₽` : `зарплата ниже ${formatAmount(n('min'))} ₽`;
    case 'format_mismatch':
      return en ? `work format: ${formats(s('formats'), lang)}` : `формат работы: ${formats(s('formats'), lang)}`;
    case 'city_mismatch':
      return en ? `city: ${s('city')}` : `город: ${s('city')}`;
    case 'excluded_word':
      return en ? `title has stop-word '${s('word')}'` : `в названии стоп-слово «${s('word')}»`;
    case 'employer_blacklisted':
      return en ? 'employer blacklisted' : 'работодатель в чёрном списке';
    case 'employer_warned': {
      const list = s('flags')
        .split(',')
        .filter(Boolean)
        .map((f) => WARNING_TEXT[f]?.[en ? 0 : 1] ?? f)
        .join(', ');
      return en ? `hh.ru warns about the employer: ${list}` : `hh.ru предупреждает о работодателе: ${list}`;
    }
    case 'role_same':
      return en ? `your profession: ${s('role')}` : `ваша профессия: ${s('role')}`;
    case 'other_profession':
      if (!s('role')) return en ? 'another profession' : 'другая профессия';
      return en ? `another profession: ${s('role')}` : `другая профессия: ${s('role')}`;
    case 'not_sure':
      return en ? 'not sure: the title is unfamiliar' : 'не уверены: незнакомое название';
    case 'title_lacks':
      return en
        ? `another speciality: no '${s('words')}' in the title`
        : `другая специализация: в названии нет «${s('words')}»`;
    case 'needs_licence':
      return en ? `needs a driving licence ${s('cats')}` : `нужны права категории ${s('cats')}`;
    case 'needs_language': {
      const name = LANG_NAMES[s('lang')];
      const lvl = s('level').toUpperCase();
      return en ? `needs ${name?.[0] ?? s('lang')} ${lvl}` : `нужен ${name?.[1] ?? s('lang')} ${lvl}`;
    }
    case 'needs_medical':
      return en ? 'needs a medical education or accreditation' : 'нужно медицинское образование или аккредитация';
    default:
      return r.code;
  }
}
