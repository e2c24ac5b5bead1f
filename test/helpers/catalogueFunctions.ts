/**
 * The custom functions' part of the catalogue of bad input (helpers/catalogue.ts):
 * Raj's September in a set-up workbook, the ranges a manager passes, and `fn`,
 * one case of a custom function called with bad arguments.
 */
import { expect } from 'vitest';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import type { Case, Topic } from './catalogue';
import { type Grid, rajMonth } from './fixtures';
import { asAppsScript, runtime } from './runtime';
import { cellDate, snapshot } from './workbook';

/** Raj's September (SPEC §1) typed into a workbook set up from the menu; "today" is 30 September. */
function raj(locale = 'en_US'): AppsScriptRuntime {
  const rt = runtime({ now: Date.parse('2026-09-30T03:00:00Z'), locale });
  rt.call('setUpWorkbook');
  const f = rajMonth((iso) => cellDate(rt, iso));
  const write = (name: string, grid: Grid) => {
    const target = rt.spreadsheet.getRangeByName(name)?.getSheet();
    if (!target) throw new Error(`no ${name}`);
    const rows = asAppsScript(grid.slice(1));
    target.getRange(2, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  };
  write('ActivityLog', f.activities);
  write('QuotaTable', f.quotas);
  write('TeamTable', f.team);
  return rt;
}

const workbooks = new Map<string, AppsScriptRuntime>();
function workbookIn(locale: string): AppsScriptRuntime {
  let rt = workbooks.get(locale);
  if (!rt) {
    rt = raj(locale);
    workbooks.set(locale, rt);
  }
  return rt;
}

/** The ranges a manager passes, as Sheets passes them: fresh 2-D arrays of the sheets' values. */
export interface Tables {
  log: unknown[][];
  quotas: unknown[][];
  team: unknown[][];
  d: (iso: string) => Date;
}
function tables(rt: AppsScriptRuntime): Tables {
  const read = (name: string) => rt.spreadsheet.getRangeByName(name)?.getSheet().getDataRange().getValues() ?? [];
  return {
    log: read('ActivityLog'),
    quotas: read('QuotaTable'),
    team: read('TeamTable'),
    d: (iso) => cellDate(rt, iso),
  };
}

export const set = (grid: unknown[][], row: number, column: number, value: unknown) =>
  grid.map((line, r) => (r === row ? line.map((cell, c) => (c === column ? value : cell)) : [...line]));
export const plus = (grid: unknown[][], row: unknown[]) => [...grid.map((line) => [...line]), row];
export const settings = (key: string, value: unknown) => [
  ['Key', 'Value'],
  [key, value],
];
// Columns of the log (Date, Rep, Activity, Quantity, …) and of the quotas (Rep, Activity, Period, Target, From, To).
export const DATE = 0;
export const QUANTITY = 3;
export const PERIOD = 2;
export const TARGET = 3;
export const FROM = 4;

export function fn(
  topic: Topic,
  label: string,
  name: string,
  args: (t: Tables) => unknown[],
  pattern: RegExp,
  options: { locale?: string; returns?: boolean } = {},
): Case {
  return {
    kind: 'custom function',
    topic,
    label: `${name}: ${label}`,
    run() {
      const rt = workbookIn(options.locale ?? 'en_US');
      const given = args(tables(rt));
      const argsBefore = JSON.stringify(given);
      const before = snapshot(rt);
      let said: string;
      let threw = false;
      try {
        said = String(rt.call(name, ...given));
      } catch (error) {
        threw = true;
        said = (error as Error).message;
      }
      expect(threw, said).toBe(!options.returns);
      if (threw) expect(said.startsWith(`${name}: `), said).toBe(true);
      expect(said).toMatch(pattern);
      expect(snapshot(rt)).toEqual(before);
      expect(JSON.stringify(given)).toBe(argsBefore);
    },
  };
}

export const SEP1 = (t: Tables) => t.d('2026-09-01');
export const SEP30 = (t: Tables) => t.d('2026-09-30');
export const NOT_A_DATE = 'is not a date; pass a date such as DATE\\(2026,11,30\\) or AsOfDate';
