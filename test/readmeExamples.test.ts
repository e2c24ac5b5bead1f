/**
 * Every formula of the README's Examples gives a figure on the sample data
 * (Set up workbook, then Insert sample data), on any day: a weekday mid-month,
 * the first of a month, a Monday that starts a year, a Saturday. Evaluated by
 * the formula engine calling dist/Code.js, as a manager would type them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runtime } from './helpers/runtime';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The formulas of the README's "Examples:" block. */
function examples(): string[] {
  const block = README.split('\nExamples:\n')[1]?.split('```')[1] ?? '';
  return block.split('\n').filter((line) => line.startsWith('='));
}

const DAYS = {
  'Wednesday 18 November 2026': '2026-11-18T03:00:00Z',
  'Tuesday 1 December 2026': '2026-12-01T00:30:00Z',
  'Monday 4 January 2027': '2027-01-04T01:00:00Z',
  'Saturday 21 November 2026': '2026-11-21T05:00:00Z',
};

describe("the README's pictures", () => {
  it('are all there, as PNG files the tests made', () => {
    const pictures = [...README.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((match) => match[1] as string);
    expect(pictures.length).toBeGreaterThanOrEqual(3);
    for (const path of pictures) {
      const bytes = readFileSync(new URL(`../${path}`, import.meta.url));
      expect(bytes.subarray(1, 4).toString(), path).toBe('PNG');
      expect(bytes.length, path).toBeGreaterThan(10_000);
    }
  });
});

describe("the README's examples on the sample data", () => {
  it('are there to try: four or more formulas, each naming a function', () => {
    expect(examples().length).toBeGreaterThanOrEqual(4);
    for (const formula of examples()) expect(formula).toMatch(/^=(QUOTA|ACTIVITY)_[A-Z]+\(/);
  });

  for (const [name, instant] of Object.entries(DAYS)) {
    it(`each give a figure on ${name}`, () => {
      const rt = runtime({ now: Date.parse(instant) });
      rt.call('setUpWorkbook');
      rt.call('insertSampleData');
      examples().forEach((formula, i) => {
        const sheet = rt.spreadsheet.insertSheet(`Example ${i + 1}`);
        sheet.getRange('A1').setFormula(formula);
        const first = sheet.getRange('A1').getValue();
        const shown = sheet.getRange('A1').getDisplayValue();
        expect(shown, formula).not.toBe('');
        expect(shown, formula).not.toMatch(/^#/);
        if (/CONVERSION|ATTAINMENT/.test(formula)) {
          expect(typeof first, formula).toBe('number');
          expect(first as number, formula).toBeGreaterThan(0);
        }
      });
    });
  }
});
