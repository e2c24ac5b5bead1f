/**
 * Google Sheets refuses volatile built-ins (NOW, TODAY, RAND, …) as custom
 * function arguments, directly or through cells and named ranges, and shows
 * "Loading..." forever: the formula bridge refuses them the same way, and
 * nothing the add-on says or documents recommends one.
 */
import { readFileSync } from 'node:fs';
import { DetailedCellError } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../src/core/i18n';
import { APP } from '../src/core/i18n/app';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import { FormulaWorkbook } from '../src/local/formulas';
import { VOLATILE_FUNCTIONS } from '../src/local/volatile';
import { rajMonth } from './helpers/fixtures';
import { NOV18, runtime } from './helpers/runtime';

const LOG = 'Activities!A1:H300';
const QUOTAS = 'Quotas!A1:F10';
const call = (date: string) => `=QUOTA_TARGET(${QUOTAS}, "Mia", "Calls", ${date})`;

/** A workbook with Raj's September, a Report sheet and the named ranges the add-on keeps. */
function workbook(report: (string | number | null)[][], asOf = '=Report!$Z$1'): FormulaWorkbook {
  const f = rajMonth();
  return new FormulaWorkbook(
    runtime({ now: NOV18 }),
    { Activities: f.activities, Quotas: f.quotas, Report: report },
    { namedRanges: { ActivityLog: '=Activities!$A$1:$H$300', AsOfDate: asOf } },
  );
}

function refusal(value: unknown): string {
  expect(value).toBeInstanceOf(DetailedCellError);
  const error = value as DetailedCellError;
  expect(error.value).toBe('#ERROR!');
  return error.message;
}

describe('volatile arguments to custom functions', () => {
  it('refuses a volatile function passed directly, saying Sheets would show Loading... forever', () => {
    const wb = workbook([
      [call('TODAY()')],
      [call('NOW()')],
      [`=QUOTA_TARGET(${QUOTAS}, "Mia", "Calls", , RAND())`],
      [call('RANDARRAY(1)')],
    ]);
    const message = refusal(wb.value('Report!A1'));
    expect(message).toContain('QUOTA_TARGET: argument 4 depends on TODAY()');
    expect(message).toContain('must be deterministic');
    expect(message).toContain('"Loading..."');
    expect(refusal(wb.value('Report!A2'))).toContain('argument 4 depends on NOW()');
    expect(refusal(wb.value('Report!A3'))).toContain('argument 5 depends on RAND()');
    // HyperFormula has no RANDARRAY (it would show #NAME?): Sheets' refusal comes first.
    expect(refusal(wb.value('Report!A4'))).toContain('argument 4 depends on RANDARRAY()');
  });

  it('refuses a volatile function inside an expression', () => {
    const wb = workbook([
      [call('TODAY()-1')],
      [call('EOMONTH(TODAY(),-1)')],
      [call('IF(RANDBETWEEN(1,2)>0, DATE(2026,9,15), DATE(2026,9,16))')],
    ]);
    expect(refusal(wb.value('Report!A1'))).toContain('depends on TODAY()');
    expect(refusal(wb.value('Report!A2'))).toContain('depends on TODAY()');
    expect(refusal(wb.value('Report!A3'))).toContain('depends on RANDBETWEEN()');
  });

  it('refuses a cell that depends on one, through other cells and sheets', () => {
    const wb = workbook([
      [call('B1'), '=TODAY()', call('C2')],
      [call('Report!B1+1'), null, '=EOMONTH(B1,-1)'],
      [`=ACTIVITY_TOTAL(${LOG}, "Raj", "Calls", DATE(2026,9,1), B1:B3)`],
    ]);
    expect(refusal(wb.value('Report!A1'))).toContain('depends on TODAY() via Report!B1');
    expect(refusal(wb.value('Report!A2'))).toContain('depends on TODAY() via Report!B1');
    expect(refusal(wb.value('Report!C1'))).toContain('depends on TODAY() via Report!C2');
    expect(refusal(wb.value('Report!A3'))).toContain('argument 5 depends on TODAY() via Report!B1');
  });

  it('refuses a named range holding a volatile formula, and a table with one in a cell', () => {
    const wb = workbook(
      [[call('AsOfDate'), '=TODAY()'], [`=QUOTA_BOARD(ActivityLog, ${QUOTAS}, DATE(2026,9,30))`]],
      '=Report!$B$1',
    );
    expect(refusal(wb.value('Report!A1'))).toContain('depends on TODAY() via the named range AsOfDate');
    expect(wb.values('Report!A2:B2')[0]?.[0]).toBe('Rep');
    wb.set('Activities!A2', [['=NOW()']]);
    expect(refusal(wb.value('Report!A2'))).toContain('argument 1 depends on NOW() via the named range ActivityLog');
  });

  it('refuses once an edit makes an argument volatile, and runs again once it is fixed', () => {
    const wb = workbook([[call('B1'), '=DATE(2026,9,15)']]);
    expect(wb.value('Report!A1')).toBe(30);
    wb.set('Report!B1', [['=TODAY()']]);
    expect(refusal(wb.value('Report!A1'))).toContain('depends on TODAY() via Report!B1');
    wb.set('Report!B1', [['=DATE(2026,9,15)']]);
    expect(wb.value('Report!A1')).toBe(30);
  });

  it('accepts fixed dates (DATE(...), a cell, an AsOfDate holding a date) until AsOfDate holds TODAY()', () => {
    const wb = workbook([
      [call('DATE(2026,9,15)'), '=DATE(2026,9,15)'],
      [call('B1'), null],
      [call('AsOfDate'), null],
      [call('EOMONTH(AsOfDate,-1)+15'), null],
    ]);
    // A plain date, as the add-on writes AsOfDate.
    wb.set('Report!Z1', [['2026-09-15']]);
    for (const a1 of ['Report!A1', 'Report!A2', 'Report!A3', 'Report!A4']) expect(wb.value(a1), a1).toBe(30);
    wb.set('Report!Z1', [['=TODAY()']]);
    expect([wb.value('Report!A1'), wb.value('Report!A2')]).toEqual([30, 30]);
    for (const a1 of ['Report!A3', 'Report!A4'])
      expect(refusal(wb.value(a1)), a1).toContain('TODAY() via the named range AsOfDate');
  });

  it('follows OFFSET to the cell it lands on, without taking OFFSET itself for volatile', () => {
    const wb = workbook([[call('OFFSET(B1,0,0)'), '=DATE(2026,9,15)', '=TODAY()'], [call('OFFSET(B1,0,1)')]]);
    expect(wb.value('Report!A1')).toBe(30);
    expect(refusal(wb.value('Report!A2'))).toContain('depends on TODAY() via Report!C1');
  });
});

describe('no volatile function recommended as an argument', () => {
  // Formulas are written in capitals here; lower case would match the bundle's own code (`now()`).
  const volatileCall = new RegExp(`\\b(${[...VOLATILE_FUNCTIONS].join('|')})\\s*\\(`);

  it('no message, in any language, suggests one', () => {
    const offenders: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (volatileCall.test(value)) offenders.push(`${path}: ${value}`);
      } else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
      }
    };
    for (const [language, table] of Object.entries(STRINGS)) visit(table, language);
    for (const [language, table] of Object.entries(APP)) visit(table, `app.${language}`);
    for (const [language, table] of Object.entries(SIDEBAR)) visit(table, `sidebar.${language}`);
    expect(offenders).toEqual([]);
    // The rule has teeth: the date message still shows how to pass a date.
    expect(STRINGS.en.messages.argNotDate).toContain('DATE(2026,11,30)');
  });

  it('nothing in the shipped bundle (its word tables, the autocomplete help) suggests one', () => {
    const bundle = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
    expect(bundle).toContain('@customfunction');
    expect(bundle.split('\n').filter((line) => volatileCall.test(line))).toEqual([]);
  });

  it('no formula in the README passes one to a custom function', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const calls = readme.match(/=(QUOTA|ACTIVITY)_[A-Z]+\(.*$/gm) ?? [];
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.filter((formula) => volatileCall.test(formula))).toEqual([]);
  });
});
