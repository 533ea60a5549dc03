/**
 * Seniority: title cues (junior/стажёр/intern/младший … senior/ведущий/lead/руководитель/head/главный) and hh
 * experience ids mapped onto one scale, and the distance between what the user wants and what a vacancy asks.
 *
 * Levels: 0 intern, 1 junior, 2 middle, 3 senior, 4 lead/head.
 */
import type { ExperienceId } from './vacancy';
import { normalizeText, tokenize } from './normalize';
import { stemWord } from './stem';

export type Level = 0 | 1 | 2 | 3 | 4;
export const LEVEL_NAMES = ['intern', 'junior', 'middle', 'senior', 'lead'] as const;

const CUES: ReadonlyArray<readonly [Level, string]> = [
  [0, 'стажер стажерка стажировка стажировку intern internship trainee практикант студент student'],
  [1, 'junior джуниор джун младший начинающий начинающего помощник помощница ассистент assistant entry'],
  [2, 'middle мидл'],
  [3, 'senior сеньор синьор старший старшего ведущий ведущего principal'],
  [
    4,
    'lead лид тимлид teamlead techlead руководитель руководителя head начальник начальника заведующий заведующая заведующего управляющий управляющая управляющего главный главного chief директор director cto cio заместитель',
  ],
];

const CUE_BY_STEM = new Map<string, Level>();
for (const [level, words] of CUES) for (const w of tokenize(normalizeText(words))) CUE_BY_STEM.set(stemWord(w), level);

/** Seniority level a title stem signals, if any. */
export function seniorityCue(stem: string): Level | undefined {
  return CUE_BY_STEM.get(stem);
}

/**
 * Assistant cues: "Помощник бухгалтера", "Ассистент главного инженера", "Assistant manager". An assistant to X
 * does X's routine under X; it is not X's job at X's level, whatever other cue ("главного") the title holds.
 */
const ASSISTANT_STEMS = new Set(tokenize(normalizeText('помощник помощница ассистент assistant')).map(stemWord));
export function isAssistantCue(stem: string): boolean {
  return ASSISTANT_STEMS.has(stem);
}

export const EXPERIENCE_INDEX: Record<ExperienceId, number> = {
  noExperience: 0,
  between1And3: 1,
  between3And6: 2,
  moreThan6: 3,
};
/** Years the experience id asks for (lower bound), for reasons. */
export const EXPERIENCE_MIN_YEARS: Record<ExperienceId, number> = {
  noExperience: 0,
  between1And3: 1,
  between3And6: 3,
  moreThan6: 6,
};

export interface LevelRange {
  lo: number;
  hi: number;
}
/** The seniority band an hh experience id usually corresponds to. */
export function rangeOfExperience(e: ExperienceId | null): LevelRange {
  if (e === null) return { lo: 0, hi: 4 };
  const i = EXPERIENCE_INDEX[e];
  return { lo: i, hi: i + 1 };
}

export function rangeOfLevels(levels: Iterable<number>): LevelRange | undefined {
  let lo = 5;
  let hi = -1;
  for (const l of levels) {
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  return hi < 0 ? undefined : { lo, hi };
}

/** 0 when the bands overlap, else the number of levels between them. */
export function rangeGap(a: LevelRange, b: LevelRange): number {
  if (a.hi < b.lo) return b.lo - a.hi;
  if (b.hi < a.lo) return a.lo - b.hi;
  return 0;
}

/** hh experience index (0 none, 1 one–three years, 2 three–six, 3 more than six) for a number of years. */
export function experienceIndexOfYears(years: number): number {
  return years < 1 ? 0 : years < 3 ? 1 : years < 6 ? 2 : 3;
}

const WORD_YEARS = 'одного двух трех четырех пяти шести'.split(' ');
/**
 * "Опыт работы от 3-х лет", "опыт … не менее 2 лет", "5+ years of experience": the most years a full
 * description asks for. Numbers above 6 are ignored: "опыт более 10 лет на рынке" is the company's age, and
 * hh's top band starts at 6 anyway.
 */
const STATED_YEARS =
  /опыт[^.;!?<]{0,60}?(?:от|не менее|(?<!не )более|свыше|минимум)\s*(\d{1,2}(?:[.,]\d)?|[а-яё]{4,8})(?:\s*-?\s*[а-я]{1,2})?\s+(?:лет|года?)(?![а-я])|(\d{1,2})\+?\s*(?:years?|yrs)[^.;!?<]{0,25}?experience/gi;
export function statedYears(text: string): number | undefined {
  let best: number | undefined;
  for (const m of text.matchAll(STATED_YEARS)) {
    const raw = (m[1] ?? m[2] ?? '').toLowerCase().replace('ё', 'е').replace(',', '.');
    const y = WORD_YEARS.indexOf(raw) + 1 || Number(raw);
    if (y > 0 && y <= 6 && (best === undefined || y > best)) best = y;
  }
  return best;
}

/**
 * Head nouns that name the same post: "Начальник отдела продаж" is "Руководитель отдела продаж", "Head of Sales", "Заведующий складом" is
 * "Начальник склада".
 * ("Директор" is a post above a department's head; "Lead" is as often a senior specialist.)
 */
const HEAD_STEMS = new Set(
  tokenize(
    normalizeText('руководитель руководителя начальник начальника заведующий заведующая управляющий управляющая head'),
  ).map(stemWord),
);
export function isHeadCue(stem: string): boolean {
  return HEAD_STEMS.has(stem);
}
