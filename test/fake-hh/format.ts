/** Text formatting exactly as hh.ru prints it (salary, experience, plurals) plus HTML escaping. */

export const NBSP = '\u00a0';
/** hh's SERP cards group thousands with U+202F (narrow no-break space) — see the 2026-04 SERP fixture. */
export const NNBSP = '\u202f';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** JSON for embedding inside <template>/<script>: no `<` can close the element early. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function groupThousands(n: number, sep = NNBSP): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export const CURRENCY_SIGN: Record<string, string> = {
  RUR: '₽',
  RUB: '₽',
  USD: '$',
  EUR: '€',
  KZT: '₸',
  BYR: 'Br',
  BYN: 'Br',
  UZS: 'сум',
};

export interface SalaryLike {
  from: number | null;
  to: number | null;
  currency: string;
  gross: boolean;
}

/** Card salary text, e.g. `от 250 000 ₽ за месяц, на руки` (with U+202F and &nbsp; as on hh). Returns HTML. */
export function cardSalaryHtml(s: SalaryLike): string {
  const sign = CURRENCY_SIGN[s.currency] ?? s.currency;
  const tax = s.gross ? 'до вычета налогов' : 'на руки';
  let amount: string;
  if (s.from !== null && s.to !== null && s.from !== s.to)
    amount = `${groupThousands(s.from)} – ${groupThousands(s.to)} ${sign}`;
  else if (s.from !== null && s.to !== null) amount = `${groupThousands(s.from)}&nbsp;${sign}`;
  else if (s.from !== null) amount = `от ${groupThousands(s.from)} ${sign}`;
  else amount = `до ${groupThousands(s.to ?? 0)} ${sign}`;
  return `${amount}&nbsp;за&nbsp;месяц, ${tax}`;
}

/** Vacancy-page salary (the `<!-- -->`-split form of the 2026-07 vacancy page). Returns HTML. */
export function pageSalaryHtml(s: SalaryLike): string {
  const sign = CURRENCY_SIGN[s.currency] ?? s.currency;
  const g = (n: number) => groupThousands(n, NBSP);
  let amount: string;
  if (s.from !== null && s.to !== null && s.from !== s.to)
    amount = `от${NBSP}<!-- -->${g(s.from)}<!-- --> до${NBSP}<!-- -->${g(s.to)}`;
  else if (s.from !== null && s.to !== null) amount = g(s.from);
  else if (s.from !== null) amount = `от${NBSP}<!-- -->${g(s.from)}`;
  else amount = `до${NBSP}<!-- -->${g(s.to ?? 0)}`;
  return `${amount}<!-- -->${NBSP}<!-- -->${sign}<!-- --> за${NBSP}месяц<span class="vacancy-salary-compensation-type"> <!-- -->${s.gross ? 'до вычета налогов' : 'на руки'}</span>`;
}

export type ExperienceId = 'noExperience' | 'between1And3' | 'between3And6' | 'moreThan6';
export const EXPERIENCE_IDS: readonly ExperienceId[] = ['noExperience', 'between1And3', 'between3And6', 'moreThan6'];

/** Label on a SERP card (`Опыт 3-6 лет`), as in the fixture. */
export const EXPERIENCE_CARD_LABEL: Record<ExperienceId, string> = {
  noExperience: 'Без опыта',
  between1And3: 'Опыт 1-3 года',
  between3And6: 'Опыт 3-6 лет',
  moreThan6: 'Опыт более 6 лет',
};

/** Text on the vacancy page (`1–3 года`). */
export const EXPERIENCE_PAGE_LABEL: Record<ExperienceId, string> = {
  noExperience: 'не требуется',
  between1And3: '1–3 года',
  between3And6: '3–6 лет',
  moreThan6: 'более 6 лет',
};

export type Frequency = 'MONTHLY' | 'TWICE_PER_MONTH' | 'WEEKLY' | 'DAILY';
export const FREQUENCY_LABEL: Record<Frequency, string> = {
  MONTHLY: 'Выплаты: раз в&nbsp;месяц',
  TWICE_PER_MONTH: 'Выплаты: два раза в&nbsp;месяц',
  WEEKLY: 'Выплаты: раз в&nbsp;неделю',
  DAILY: 'Выплаты: ежедневно',
};

export { plural } from '../../lib/core/i18n/plural';

/** Plain text of an HTML fragment (tags dropped, common entities decoded, whitespace collapsed). */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
