/** The board's cells: the "Last period" text is written as the board's language writes numbers. */
import { describe, expect, it } from 'vitest';
import { shortNumber } from '../src/core/board';

describe('Last period numbers', () => {
  it.each([
    ['en', 54000, '54,000'],
    ['en', 12.5, '12.5'],
    ['en', 1234.567, '1,234.57'],
    ['ru', 54000, '54\u00a0000'],
    ['ru', 12.5, '12,5'],
    ['da', 54000, '54.000'],
    ['pl', 54000, '54\u00a0000'],
    ['ko', 60000, '60,000'],
    ['ms', 13, '13'],
  ] as const)('%s writes %s as %s', (lang, value, text) => {
    expect(shortNumber(value, lang)).toBe(text);
  });
});
