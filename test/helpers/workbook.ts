/** Helpers for tests of the workbook actions in the local runtime. */
import { TZDate } from '@date-fns/tz';
import { expect } from 'vitest';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import type { FakeSheet } from '../../src/local/sheet';

/** A sheet of the runtime's spreadsheet, failing the test when it is missing. */
export function sheet(rt: AppsScriptRuntime, name: string): FakeSheet {
  const found = rt.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet named ${name}; sheets: ${rt.spreadsheet.sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The Activities sheet's rows under its header. */
export function logRows(rt: AppsScriptRuntime): unknown[][] {
  return sheet(rt, 'Activities').getDataRange().getValues().slice(1);
}

/** A date cell value for an ISO day, in the spreadsheet's zone. */
export function cellDate(rt: AppsScriptRuntime, iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return rt.date(new TZDate(y, m - 1, d, rt.spreadsheet.timeZone).getTime());
}

/** Everything a user could see in the spreadsheet, to compare before and after an action. */
export function snapshot(rt: AppsScriptRuntime): unknown {
  return {
    sheets: rt.spreadsheet.sheets.map((s) => {
      const range = s.getRange(1, 1, Math.max(1, s.getLastRow() + 2), Math.max(1, s.getLastColumn() + 2));
      return {
        name: s.name,
        frozen: s.frozenRows,
        values: range.getValues().map((row) => row.map((v) => (v instanceof rt.Date ? v.getTime() : v))),
        formulas: range.getFormulas(),
        formats: range.getNumberFormats(),
        backgrounds: range.getBackgrounds(),
        validations: range.getDataValidations().map((row) => row.map((v) => (v ? [v.criteria, v.args.length] : null))),
      };
    }),
    named: [...rt.spreadsheet.namedRanges].map(([name, r]) => [name, r.sheet.name, r.getA1Notation()]),
  };
}

/** The Status board's rows (header first) until the first blank row. */
export function board(rt: AppsScriptRuntime, name = 'Status'): unknown[][] {
  const values = sheet(rt, name).getDataRange().getValues();
  const end = values.findIndex((row) => row.every((cell) => cell === ''));
  return end < 0 ? values : values.slice(0, end);
}

/** Calls that write to the spreadsheet or change its structure. */
export function writes(rt: AppsScriptRuntime): number {
  const snap = rt.calls.snapshot();
  return Object.entries(snap)
    .filter(([name]) => /\.(set|insert|delete|append|clear|remove)/.test(name))
    .reduce((sum, [, n]) => sum + n, 0);
}

export function expectSameCells(before: unknown, after: unknown): void {
  expect(after).toEqual(before);
}

/** Sets a Settings value by its key (as a script writes it: no onEdit, no refresh). */
export function setSetting(rt: AppsScriptRuntime, key: string, value: unknown): void {
  const settings = sheet(rt, 'Settings');
  const row = settings
    .getDataRange()
    .getValues()
    .findIndex((cells) => cells[0] === key);
  if (row < 0) throw new Error(`no ${key} row in Settings`);
  settings.getRange(row + 1, 2).setValue(value);
}
