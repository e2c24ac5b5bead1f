/**
 * Helpers for the hardening tests (bad input, faults, attacks): a set-up team workbook, fault
 * injection on service calls, the problems listed under the board, and
 * snapshots of one sheet.
 */
import type { ServiceCall } from '../../src/local/counter';
import { FakeRange } from '../../src/local/range';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import { FakeSheet } from '../../src/local/sheet';
import { FakeSpreadsheet } from '../../src/local/spreadsheet';
import { NOV18, runtime } from './runtime';
import { cellDate, sheet, snapshot } from './workbook';

export { NOV18 };
export const RAJ = 'raj@example.com';
export const MIA = 'mia@example.com';

/**
 * A workbook set up from the menu with a team of two, two quotas and four log
 * rows, refreshed once; Raj signed in.
 */
export function teamWorkbook(options: Partial<Parameters<typeof runtime>[0]> = {}): AppsScriptRuntime {
  const rt = runtime({ user: RAJ, ...options, now: options.now ?? NOV18 });
  rt.open();
  rt.call('setUpWorkbook');
  sheet(rt, 'Team')
    .getRange('A2:C3')
    .setValues([
      ['Raj', RAJ, 'East'],
      ['Mia', MIA, 'East'],
    ]);
  sheet(rt, 'Quotas')
    .getRange('A2:F3')
    .setValues([
      ['*', 'Calls', 'Week', 50, '', ''],
      ['Raj', 'Emails', 'Month', 100, '', ''],
    ]);
  sheet(rt, 'Activities')
    .getRange('A2:H5')
    .setValues([
      [cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 20, '', RAJ, '', 'seed-1'],
      [cellDate(rt, '2026-11-17'), 'Mia', 'Calls', 10, '', MIA, '', 'seed-2'],
      [cellDate(rt, '2026-11-18'), 'Raj', 'Calls', 5, '', RAJ, '', 'seed-3'],
      [cellDate(rt, '2026-11-02'), 'Raj', 'Emails', 50, '', RAJ, '', 'seed-4'],
    ]);
  rt.call('refreshStatus');
  return rt;
}

/** The sheet a service call works on, when it is a Range or Sheet call. */
export function sheetOf(call: ServiceCall): string | undefined {
  if (call.target instanceof FakeRange) return call.target.sheet.name;
  if (call.target instanceof FakeSheet) return call.target.name;
  if (call.target instanceof FakeSpreadsheet) return 'Spreadsheet';
  return call.name.slice(0, call.name.indexOf('.'));
}

/** True for a call that writes cells or formats (Range.set…, Sheet.delete…, …). */
export function isWrite(call: ServiceCall): boolean {
  return /\.(set|insert|delete|append|clear)/.test(call.name);
}

/**
 * Makes the `nth` service call that `matches` fail with Apps Script's kind of
 * error (the call then has no effect), once. Returns a function telling whether
 * it fired. The hook stays until {@link clearFaults}.
 */
export function failOn(rt: AppsScriptRuntime, matches: (call: ServiceCall) => boolean, nth = 1): () => boolean {
  let seen = 0;
  let fired = false;
  rt.calls.hook = (call) => {
    if (fired || !matches(call)) return;
    seen++;
    if (seen === nth) {
      fired = true;
      throw new Error('Service Spreadsheets failed while accessing document with id local-spreadsheet.');
    }
  };
  return () => fired;
}

export function clearFaults(rt: AppsScriptRuntime): void {
  rt.calls.hook = undefined;
}

/** The lines listed under "Rows skipped" on the Status board. */
export function skippedRows(rt: AppsScriptRuntime, name = 'Status'): string[] {
  const column = sheet(rt, name)
    .getDataRange()
    .getValues()
    .map((row) => String(row[0] ?? ''));
  const start = column.indexOf('Rows skipped');
  return start < 0 ? [] : column.slice(start + 1).filter((line) => line !== '');
}

export interface SheetSnapshot {
  name: string;
  frozen: number;
  values: unknown[][];
  formulas: string[][];
  formats: string[][];
  backgrounds: string[][];
  validations: unknown[][];
}

/** One sheet of {@link snapshot}, by name (undefined when there is no such sheet). */
export function sheetSnapshot(snap: unknown, name: string): SheetSnapshot | undefined {
  return (snap as { sheets: SheetSnapshot[] }).sheets.find((s) => s.name === name);
}

/** The snapshot of the whole workbook, typed. */
export function sheetsOf(rt: AppsScriptRuntime): SheetSnapshot[] {
  return (snapshot(rt) as { sheets: SheetSnapshot[] }).sheets;
}
