import type { Salary } from '../match/vacancy';

/**
 * Salary as hh.ru shows it in text, on listing cards and the vacancy page:
 *   `от 250 000 ₽ за месяц, на руки`, `500 000 – 1 000 000 ₸ за месяц, до вычета налогов`, `до 120 000 ₽`,
 *   `1 500 – 2 500 $`, `от 140 000 до 180 000 ₽ за месяц до вычета налогов` (vacancy page 2026-09), `3 000 ₽ за смену`.
 * Spaces inside numbers are U+202F / U+00A0 / U+2009 in real markup; React splits the text into several nodes with
 * `<!-- -->` between them, which `textContent` joins back (comments are not text).
 */

/** What the amount is per (hh `compensation.mode` / API `salary_range.mode.id`). */
export type SalaryMode = 'MONTH' | 'SHIFT' | 'HOUR' | 'YEAR' | 'FLY_IN_FLY_OUT';

/**
 * How often it is paid (hh `compensation.frequency`; on cards the suffix of
 * `vacancy-serp__vacancy-compensation-frequency-*`). Open set: DAILY, WEEKLY, TWICE_PER_MONTH, MONTHLY, …
 */
export type PayoutFrequency = string;

/** `Salary` (the scorer's contract) plus what the text says about the period and payout. */
export type CardSalary = Salary & {
  /** "за месяц" → MONTH, "за смену" → SHIFT, "за час" → HOUR, … ; absent when the text does not say. */
  mode?: SalaryMode;
  /** Payout frequency, when a separate tag/field gives it. */
  frequency?: PayoutFrequency;
};

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/** Collapse every kind of space (nbsp, thin, narrow nbsp, …) to one ASCII space and trim. */
export function normalizeSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/**
 * Currency symbols/abbreviations → hh currency code. The symbol set is the site's own `currencies.list`
 * (HH-Lux state of the 2026-04 NIK page: ₽ ₼ Br € ₾ сом ₸ ₴ $ so'm); older/API abbreviations added
 * (руб., бел. руб., грн., сум, ISO codes). Looked up by character and by whole word — no Unicode-property regexes,
 * whose compilation dominated the cold first parse in Chromium.
 */
const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['₽', 'RUR'],
  ['₸', 'KZT'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['₾', 'GEL'],
  ['₼', 'AZN'],
  ['₴', 'UAH'],
];
// `/* @__PURE__ */`: the listing content script imports this module for normalizeSpaces only; the bundler may
// drop what it does not use (these constants cost it ~0.3 KB gzipped otherwise).
const CURRENCY_WORDS: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ['руб', 'RUR'],
  ['рублей', 'RUR'],
  ['рубля', 'RUR'],
  ['рубль', 'RUR'],
  ['р', 'RUR'],
  ['rur', 'RUR'],
  ['rub', 'RUR'],
  ['br', 'BYR'],
  ['byn', 'BYR'],
  ['byr', 'BYR'],
  ['kzt', 'KZT'],
  ['тенге', 'KZT'],
  ['тг', 'KZT'],
  ['usd', 'USD'],
  ['eur', 'EUR'],
  ['евро', 'EUR'],
  ["so'm", 'UZS'],
  ['so’m', 'UZS'],
  ['сум', 'UZS'],
  ['uzs', 'UZS'],
  ['сом', 'KGS'],
  ['kgs', 'KGS'],
  ['gel', 'GEL'],
  ['лари', 'GEL'],
  ['azn', 'AZN'],
  ['манат', 'AZN'],
  ['грн', 'UAH'],
  ['uah', 'UAH'],
]);

const MODES: ReadonlyArray<readonly [RegExp, SalaryMode]> = [
  [/за\s+месяц|в\s+месяц|\/\s*мес/i, 'MONTH'],
  [/за\s+смену|в\s+смену/i, 'SHIFT'],
  [/за\s+час|в\s+час|\/\s*час/i, 'HOUR'],
  [/за\s+год|в\s+год/i, 'YEAR'],
  [/за\s+вахту/i, 'FLY_IN_FLY_OUT'],
];

/** A number as hh prints it: `250 000`, `1 000 000`, `7 500`, `120000`, `1 500,5` (after space normalisation). */
const NUM = String.raw`\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const DASH = String.raw`\s*[-–—−‒]\s*`;
const RANGE_RE = /* @__PURE__ */ new RegExp(String.raw`(${NUM})${DASH}(${NUM})`);
const FROM_TO_RE = /* @__PURE__ */ new RegExp(String.raw`(?:^|\s)от\s+(${NUM})\s*(?:\S+\s+)?до\s+(${NUM})`, 'i');
const FROM_RE = /* @__PURE__ */ new RegExp(String.raw`(?:^|\s)от\s+(${NUM})`, 'i');
const TO_RE = /* @__PURE__ */ new RegExp(String.raw`(?:^|\s)до\s+(${NUM})`, 'i');
const SINGLE_RE = /* @__PURE__ */ new RegExp(String.raw`(${NUM})`);

function toNumber(raw: string): number {
  return Number(raw.replace(/ /g, '').replace(',', '.'));
}

export function currencyFromText(text: string): string | null {
  for (const [sym, code] of CURRENCY_SYMBOLS) if (text.includes(sym)) return code;
  const words = text.toLowerCase().split(/[\s,;:()/]+/);
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] ?? '').replace(/\.+$/, '');
    if (!w || /^\d/.test(w)) continue;
    // "бел. руб." = Belarusian rubles
    if ((w === 'руб' || w.startsWith('рубл')) && words[i - 1]?.replace(/\.+$/, '') === 'бел') return 'BYR';
    const code = CURRENCY_WORDS.get(w);
    if (code) return code;
  }
  return null;
}

export function salaryModeFromText(text: string): SalaryMode | undefined {
  for (const [re, mode] of MODES) if (re.test(text)) return mode;
  return undefined;
}

/** true = "до вычета налогов", false = "на руки", null = not said. */
export function grossFromText(text: string): boolean | null {
  if (/до\s+вычета\s+налог|gross|before\s+tax/i.test(text)) return true;
  if (/на\s+руки|после\s+вычета|\bnet\b|after\s+tax/i.test(text)) return false;
  return null;
}

/**
 * Parse salary text as shown on hh.ru. Returns null when the text holds no amount
 * ("з/п не указана", empty). `text` in the result is the space-normalised original.
 */
export function parseSalaryText(input: string | null | undefined): CardSalary | null {
  if (!input) return null;
  const text = normalizeSpaces(input);
  if (!/\d/.test(text)) return null;

  let from: number | null = null;
  let to: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = FROM_TO_RE.exec(text)) && m[1] && m[2]) {
    from = toNumber(m[1]);
    to = toNumber(m[2]);
  } else if ((m = RANGE_RE.exec(text)) && m[1] && m[2]) {
    from = toNumber(m[1]);
    to = toNumber(m[2]);
  } else if ((m = FROM_RE.exec(text)) && m[1]) {
    from = toNumber(m[1]);
    const t = TO_RE.exec(text.slice(m.index + m[0].length));
    if (t?.[1]) to = toNumber(t[1]);
  } else if ((m = TO_RE.exec(text)) && m[1]) {
    to = toNumber(m[1]);
  } else if ((m = SINGLE_RE.exec(text)) && m[1]) {
    // hh prints one number when from == to ("250 000 ₽ за месяц").
    from = toNumber(m[1]);
    to = from;
  }
  if (from === null && to === null) return null;
  if ((from !== null && !Number.isFinite(from)) || (to !== null && !Number.isFinite(to))) return null;

  const out: CardSalary = { from, to, currency: currencyFromText(text), gross: grossFromText(text), text };
  const mode = salaryModeFromText(text);
  if (mode) out.mode = mode;
  return out;
}

const PAYOUTS: ReadonlyArray<readonly [RegExp, PayoutFrequency]> = [
  [/два\s+раза\s+в\s+месяц/i, 'TWICE_PER_MONTH'],
  [/раз\s+в\s+две\s+недели/i, 'TWICE_PER_MONTH'],
  [/(?:^|[^а-яё])раз\s+в\s+месяц|ежемесячно/i, 'MONTHLY'],
  [/раз\s+в\s+неделю|еженедельно/i, 'WEEKLY'],
  [/ежедневно|каждый\s+день/i, 'DAILY'],
  [/раз\s+в\s+квартал|ежеквартально/i, 'PER_QUARTER'],
];

/**
 * Payout frequency from hh wording (`Выплаты: два раза в месяц` on the vacancy page, 2026-09 KHR) → the same
 * codes as the card data-qa suffix (`…-compensation-frequency-TWICE_PER_MONTH`). undefined when unknown.
 */
export function payoutFrequencyFromText(text: string): PayoutFrequency | undefined {
  const t = normalizeSpaces(text);
  for (const [re, code] of PAYOUTS) if (re.test(t)) return code;
  return undefined;
}

/** Salary from an element: its textContent (joins React's split text nodes; no layout read). */
export function parseSalaryElement(el: Element | null | undefined): CardSalary | null {
  return el ? parseSalaryText(el.textContent) : null;
}
