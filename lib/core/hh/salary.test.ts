import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../test/shared-fixtures';
import {
  currencyFromText,
  normalizeSpaces,
  parseSalaryElement,
  parseSalaryText,
  payoutFrequencyFromText,
  type CardSalary,
} from './salary';

type Row = [input: string, expected: Partial<CardSalary> | null];

// Inputs use the real characters: U+202F inside numbers, U+00A0 before "за", U+2009 thin space, en dash.
const ROWS: Row[] = [
  [
    'от 250\u202f000 ₽\u00a0за\u00a0месяц, на руки',
    { from: 250000, to: null, currency: 'RUR', gross: false, mode: 'MONTH' },
  ],
  [
    '500\u202f000 –\u202f1\u202f000\u202f000 ₸\u00a0за\u00a0месяц, до вычета налогов',
    { from: 500000, to: 1000000, currency: 'KZT', gross: true, mode: 'MONTH' },
  ],
  ['до 120 000 ₽', { from: null, to: 120000, currency: 'RUR', gross: null }],
  ['1 500 – 2 500 $', { from: 1500, to: 2500, currency: 'USD', gross: null }],
  [
    '5\u202f000 –\u202f7\u202f500 $\u00a0за\u00a0месяц, на руки',
    { from: 5000, to: 7500, currency: 'USD', gross: false },
  ],
  [
    '4\u202f200 –\u202f5\u202f400 €\u00a0за\u00a0месяц, до вычета налогов',
    { from: 4200, to: 5400, currency: 'EUR', gross: true },
  ],
  ['250\u202f000\u00a0₽\u00a0за\u00a0месяц, на руки', { from: 250000, to: 250000, currency: 'RUR', gross: false }],
  [
    'от 140 000 до 180 000 ₽ за месяц до вычета налогов',
    { from: 140000, to: 180000, currency: 'RUR', gross: true, mode: 'MONTH' },
  ],
  ['от 3\u2009000 ₽ за смену', { from: 3000, to: null, currency: 'RUR', mode: 'SHIFT' }],
  ['от 450 ₽ за час, на руки', { from: 450, currency: 'RUR', mode: 'HOUR', gross: false }],
  ['от 1\u00a0200 Br за месяц', { from: 1200, currency: 'BYR', mode: 'MONTH' }],
  ['от 2\u00a0000 бел. руб.', { from: 2000, currency: 'BYR' }],
  ["10 000 000 – 15 000 000 so'm за месяц", { from: 10000000, to: 15000000, currency: 'UZS' }],
  ['от 8 000 000 сум', { from: 8000000, currency: 'UZS' }],
  ['от 60 000 сом', { from: 60000, currency: 'KGS' }],
  ['от 3 000 ₾', { from: 3000, currency: 'GEL' }],
  ['от 2 000 ₼', { from: 2000, currency: 'AZN' }],
  ['от 30 000 ₴', { from: 30000, currency: 'UAH' }],
  ['от 120 000 руб.', { from: 120000, currency: 'RUR' }],
  ['от 100 000 до 150 000 за вахту', { from: 100000, to: 150000, currency: null, mode: 'FLY_IN_FLY_OUT' }],
  ['з/п не указана', null],
  ['', null],
  ['за месяц, на руки', null],
];

describe('parseSalaryText', () => {
  it.each(ROWS)('%s', (input, expected) => {
    const got = parseSalaryText(input);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatchObject(expected);
  });

  it('keeps the space-normalised text', () => {
    expect(parseSalaryText('от 250\u202f000 ₽\u00a0за\u00a0месяц,  на руки')?.text).toBe(
      'от 250 000 ₽ за месяц, на руки',
    );
  });

  it('"до вычета налогов" is not an upper bound', () => {
    expect(parseSalaryText('от 180 000 ₽ за месяц, до вычета налогов')).toMatchObject({
      from: 180000,
      to: null,
      gross: true,
    });
  });

  it('omits mode when the text does not say the period', () => {
    expect(parseSalaryText('до 120 000 ₽')).not.toHaveProperty('mode');
  });
});

describe('parseSalaryElement', () => {
  it('joins React text nodes split by <!-- --> comments and entities (UNB 2026-07 shape)', () => {
    const doc = parseHtml(
      '<span id="s">от&nbsp;<!-- -->150 000<!-- -->&nbsp;<!-- -->₽<!-- -->&nbsp;<!-- -->за&nbsp;месяц, <!-- -->на руки</span>',
    );
    expect(parseSalaryElement(doc.getElementById('s'))).toMatchObject({
      from: 150000,
      to: null,
      currency: 'RUR',
      gross: false,
      mode: 'MONTH',
    });
  });

  it('reads the <data value> markup of the 2026-09 vacancy page through textContent', () => {
    const doc = parseHtml(
      '<span id="s">от <data value="140000">140 000</data> до <data value="180000">180 000</data> <data value="RUB">₽</data> за месяц<span> <!-- -->до вычета налогов</span></span>',
    );
    expect(parseSalaryElement(doc.getElementById('s'))).toMatchObject({
      from: 140000,
      to: 180000,
      currency: 'RUR',
      gross: true,
    });
  });

  it('null element → null', () => {
    expect(parseSalaryElement(null)).toBeNull();
  });
});

describe('helpers', () => {
  it('normalizeSpaces collapses nbsp, thin, narrow spaces', () => {
    expect(normalizeSpaces(' a\u00a0b\u2009c\u202fd \n e ')).toBe('a b c d e');
  });
  it('currencyFromText does not see currencies inside words', () => {
    expect(currencyFromText('Выплаты: два раза в месяц')).toBeNull();
    expect(currencyFromText('сомнительно')).toBeNull();
  });
  it('payoutFrequencyFromText maps hh wording to the card data-qa codes', () => {
    expect(payoutFrequencyFromText('Выплаты: два раза в месяц')).toBe('TWICE_PER_MONTH');
    expect(payoutFrequencyFromText('Выплаты: Раз в\u00a0месяц')).toBe('MONTHLY');
    expect(payoutFrequencyFromText('Выплаты: раз в неделю')).toBe('WEEKLY');
    expect(payoutFrequencyFromText('Выплаты: ежедневно')).toBe('DAILY');
    expect(payoutFrequencyFromText('как договоримся')).toBeUndefined();
  });
});
