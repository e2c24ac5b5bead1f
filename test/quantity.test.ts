/**
 * A quantity as a person types it in each language: the locale's decimal mark
 * (CLDR, as `Intl.NumberFormat` has it), grouping by threes, and the other mark
 * refused where it cannot be grouping. The form and the server read by this one rule.
 */
import { describe, expect, it } from 'vitest';
import { validateEntry } from '../src/core/entry';
import { LANGUAGES, type Lang } from '../src/core/i18n';
import { decimalMark, readQuantity, showQuantity } from '../src/core/quantity';
import { day } from './helpers/core';

/** Written → read, per language; `mark` = refused for its decimal mark, NaN = no number. */
const CASES: Record<Lang, [string, number | 'mark'][]> = {
  en: [
    ['3', 3],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1,500', 1500],
    ['1,000,000', 1_000_000],
    ['1,500.25', 1500.25],
    ['1 000', 1000],
    ['1.000', 1],
    ['-3', -3],
    ['1e3', 1000],
    [' 12 ', 12],
    ['1,5', 'mark'],
    ['1,50', 'mark'],
    ['1,5000', 'mark'],
    [',5', 'mark'],
    ['1,5,0', Number.NaN],
    ['10,00,000', Number.NaN],
    ['abc', Number.NaN],
    ['', Number.NaN],
    ['-', Number.NaN],
    ['1.5.0', Number.NaN],
  ],
  ms: [
    ['1.5', 1.5],
    ['1,500', 1500],
    ['1,5', 'mark'],
  ],
  ko: [
    ['1.5', 1.5],
    ['2,000', 2000],
    ['1,5', 'mark'],
  ],
  da: [
    ['1,5', 1.5],
    [',5', 0.5],
    ['1,500', 1.5],
    ['1.000', 1000],
    ['1.000,5', 1000.5],
    ['1 000', 1000],
    ['1\u00a0000,25', 1000.25],
    ['3', 3],
    ['-1,5', -1.5],
    ['1.5', 'mark'],
    ['1.50', 'mark'],
    ['1,000.5', Number.NaN],
    ['1.5,0', Number.NaN],
  ],
  pl: [
    ['1,5', 1.5],
    ['1 000', 1000],
    ['1\u00a0000,5', 1000.5],
    ['1.000', 1000],
    ['1.5', 'mark'],
    ['12 34', Number.NaN],
  ],
  ru: [
    ['1,5', 1.5],
    ['2,25', 2.25],
    ['1\u202f000', 1000],
    ['10 000,75', 10000.75],
    ['1.000', 1000],
    ['0.5', 'mark'],
  ],
};

describe('quantities as each language writes them', () => {
  it('takes the decimal mark from the locale as Intl has it: a comma in Danish, Polish and Russian', () => {
    for (const lang of LANGUAGES) {
      const parts = new Intl.NumberFormat(lang).formatToParts(1.5);
      expect(decimalMark(lang), lang).toBe(parts.find((part) => part.type === 'decimal')?.value);
    }
    expect(LANGUAGES.filter((lang) => decimalMark(lang) === ',')).toEqual(['ru', 'da', 'pl']);
  });

  for (const lang of LANGUAGES) {
    it.each(CASES[lang])(`reads %j in ${lang} as %s`, (text, expected) => {
      expect(readQuantity(text, lang)).toBe(expected);
    });
  }

  it('shows a quantity with the language’s own mark', () => {
    expect(showQuantity(1.5, 'da')).toBe('1,5');
    expect(showQuantity(1.5, 'en')).toBe('1.5');
    expect(showQuantity(12, 'ru')).toBe('12');
  });
});

describe('validateEntry reads a typed quantity in the user’s language', () => {
  const today = day('2026-11-18');
  const entry = (quantity: unknown) => ({ id: 'q-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity });

  it('takes "1,5" as 1.5 in Danish, Polish and Russian, and refuses it in English, Malay and Korean', () => {
    for (const lang of ['da', 'pl', 'ru'] as const) {
      expect(validateEntry(entry('1,5'), today, lang).entry?.quantity, lang).toBe(1.5);
    }
    for (const lang of ['en', 'ms', 'ko'] as const) {
      expect(validateEntry(entry('1,5'), today, lang).errors, lang).toEqual([{ field: 'quantity', key: 'badDecimal' }]);
    }
  });

  it('refuses "1.5" in Danish for its mark, and takes "1.500" there as 1500', () => {
    expect(validateEntry(entry('1.5'), today, 'da').errors).toEqual([{ field: 'quantity', key: 'badDecimal' }]);
    expect(validateEntry(entry('1.500'), today, 'da').entry?.quantity).toBe(1500);
  });

  it('takes a number sent as a number as it is, in any language', () => {
    for (const lang of LANGUAGES) expect(validateEntry(entry(1.5), today, lang).entry?.quantity, lang).toBe(1.5);
  });

  it('still refuses no number, 0, a negative and too large, read in the language', () => {
    const key = (quantity: unknown, lang: Lang) => validateEntry(entry(quantity), today, lang).errors?.[0]?.key;
    expect(key('abc', 'da')).toBe('notANumber');
    expect(key('0,0', 'da')).toBe('notPositive');
    expect(key('-1,5', 'pl')).toBe('notPositive');
    expect(key('2.000.000.000', 'da')).toBe('tooLarge');
    expect(key('', 'ru')).toBe('required');
  });
});
