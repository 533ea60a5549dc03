/**
 * Hard filters the user sets (minimum salary, work formats, cities, stop-words in the title, employer
 * blacklist). A vacancy failing one is hidden whatever its relevance. Unknown vacancy data never fails a
 * filter: a card without a salary is not "below" anything.
 */
import { normalizeText, tokenize } from './normalize';
import type { Profile } from './profile';
import type { Reason } from './reasons';
import { stemWord } from './stem';
import type { MatchVacancy, Salary, WorkFormat } from './vacancy';

/** Rough RUB per unit (order of magnitude is what matters for a "below my minimum" filter). */
export const RUB_PER: Record<string, number> = {
  RUR: 1,
  RUB: 1,
  USD: 90,
  EUR: 100,
  GBP: 115,
  KZT: 0.18,
  BYR: 28,
  BYN: 28,
  UZS: 0.007,
  UAH: 2.2,
  KGS: 1.05,
  AZN: 53,
  GEL: 33,
  AMD: 0.23,
  CNY: 12.5,
};
/** Russian personal income tax: a gross ("до вычета налогов") figure is about 13% above what one gets. */
export const NET_OF_GROSS = 0.87;

/**
 * The most a vacancy pays per month, net, in RUB; null if unknown. The profile's minSalary is read as net
 * ("на руки") since that is how people on hh state their expectations; unknown gross/net counts as net.
 */
export function maxMonthlyNetRub(s: Salary | null): number | null {
  if (!s) return null;
  const top = s.to ?? s.from;
  if (top === null || !(top > 0)) return null;
  const rate = RUB_PER[(s.currency ?? 'RUR').toUpperCase()];
  if (rate === undefined) return null;
  return top * rate * (s.gross === true ? NET_OF_GROSS : 1);
}

const stemSeq = (s: string): string[] => tokenize(normalizeText(s)).map(stemWord);
const normName = (s: string): string => tokenize(normalizeText(s.replace(/[«»"']/g, ' '))).join(' ');

function containsSeq(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const REMOTE_TEXT = /удал[её]нн|удал[её]нк|remote|можно удал/i;
export function isRemote(v: MatchVacancy): boolean {
  return v.workFormats.includes('REMOTE') || (v.scheduleText !== undefined && REMOTE_TEXT.test(v.scheduleText));
}

/** Filters compiled once per profile. */
export interface CompiledFilters {
  check(v: MatchVacancy, titleStems: readonly string[]): Reason[];
}

export function compileFilters(p: Profile): CompiledFilters {
  const minSalary = p.minSalary;
  const formats = new Set<WorkFormat>(p.workFormats);
  const cities = p.cities.map(normName).filter(Boolean);
  const exclude = p.excludeWords.map((w) => ({ word: w, seq: stemSeq(w) })).filter((x) => x.seq.length > 0);
  const blackIds = new Set(p.employerBlacklist.map((e) => e.id).filter((x): x is string => !!x));
  const blackNames = new Set(p.employerBlacklist.map((e) => normName(e.name)).filter(Boolean));
  const avoidWarnings = new Set<string>(p.hideEmployerWarnings ?? []);

  return {
    check(v, titleStems) {
      const out: Reason[] = [];
      const e = v.employer;
      if (e && ((e.id && blackIds.has(e.id)) || (e.name && blackNames.has(normName(e.name))))) {
        out.push({ code: 'employer_blacklisted', polarity: 'minus', hard: true, params: { name: e.name } });
      }
      // hh's own warnings about the employer, where the user chose to hide them (unknown warnings never hide).
      const warned = avoidWarnings.size ? (v.employerWarnings ?? []).filter((w) => avoidWarnings.has(w)) : [];
      if (warned.length)
        out.push({ code: 'employer_warned', polarity: 'minus', hard: true, params: { flags: warned.join(',') } });
      for (const x of exclude) {
        if (containsSeq(titleStems, x.seq)) {
          out.push({ code: 'excluded_word', polarity: 'minus', hard: true, params: { word: x.word } });
          break;
        }
      }
      if (minSalary !== null && minSalary > 0) {
        const top = maxMonthlyNetRub(v.salary);
        if (top !== null && top < minSalary) {
          out.push({
            code: 'salary_below',
            polarity: 'minus',
            hard: true,
            params: { min: minSalary, amount: Math.round(top) },
          });
        }
      }
      if (formats.size > 0) {
        const vf = new Set<WorkFormat>(v.workFormats);
        if (isRemote(v)) vf.add('REMOTE');
        if (vf.size > 0 && ![...vf].some((f) => formats.has(f))) {
          out.push({ code: 'format_mismatch', polarity: 'minus', hard: true, params: { formats: [...vf].join(',') } });
        }
      }
      if (cities.length > 0 && !isRemote(v)) {
        const place = normName(v.area ?? v.address?.split(',')[0] ?? '');
        if (place && !cities.some((c) => place === c || place.startsWith(c + ' '))) {
          out.push({ code: 'city_mismatch', polarity: 'minus', hard: true, params: { city: v.area ?? place } });
        }
      }
      return out;
    },
  };
}
