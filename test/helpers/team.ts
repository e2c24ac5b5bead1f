/**
 * A set-up team workbook (Raj and Mia, two quotas, a few entries) and what
 * tests do to it: entries as the sidebar sends them, fault injection on
 * service calls and counting what they read, the problems listed under the
 * board, and snapshots of one sheet.
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

/** The quotas of {@link teamWorkbook}: 50 Calls a week for everyone, 100 Emails a month for Raj. */
export const TEAM_QUOTAS: unknown[][] = [
  ['*', 'Calls', 'Week', 50, '', ''],
  ['Raj', 'Emails', 'Month', 100, '', ''],
];

/**
 * Sets `rt`'s workbook up from the menu, with Raj and Mia in team East and
 * `quotas` (rows of Rep, Activity, Period, Target, From, To) under the headers.
 */
export function setUpTeam(rt: AppsScriptRuntime, quotas: unknown[][] = TEAM_QUOTAS): void {
  rt.call('setUpWorkbook');
  sheet(rt, 'Team')
    .getRange('A2:C3')
    .setValues([
      ['Raj', RAJ, 'East'],
      ['Mia', MIA, 'East'],
    ]);
  sheet(rt, 'Quotas').getRange(2, 1, quotas.length, 6).setValues(quotas);
}

/**
 * A workbook set up from the menu with a team of two, two quotas and four log
 * rows, refreshed once; Raj signed in.
 */
export function teamWorkbook(options: Partial<Parameters<typeof runtime>[0]> = {}): AppsScriptRuntime {
  const rt = runtime({ user: RAJ, ...options, now: options.now ?? NOV18 });
  rt.open();
  setUpTeam(rt);
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

/**
 * A workbook set up from the menu with a team of two, two quotas and one log
 * row (Raj's 20 Calls on Monday 16 November), not refreshed; Raj signed in on
 * Wednesday 18 November.
 */
export function oneEntryWorkbook(): AppsScriptRuntime {
  const rt = runtime({ now: NOV18, user: RAJ });
  setUpTeam(rt);
  sheet(rt, 'Activities')
    .getRange('A2:H2')
    .setValues([[cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 20, '', RAJ, '', 'seed-1']]);
  return rt;
}

/**
 * Pastes `rows` more entries under the four of {@link teamWorkbook} (no
 * refresh): 1 each, by turns on 1 to 18 November and by Mia and Raj, all
 * logged by Raj, with ids bulk-0, bulk-1, …; `activity` names each one's activity.
 */
export function pasteEntries(
  rt: AppsScriptRuntime,
  rows: number,
  activity: (i: number) => string = () => 'Calls',
): void {
  const log = sheet(rt, 'Activities');
  log.insertRowsAfter(log.getMaxRows(), rows);
  const values = Array.from({ length: rows }, (_, i) => [
    cellDate(rt, `2026-11-${String(1 + (i % 18)).padStart(2, '0')}`),
    i % 2 ? 'Raj' : 'Mia',
    activity(i),
    1,
    '',
    RAJ,
    '',
    `bulk-${i}`,
  ]);
  log.getRange(6, 1, rows, 8).setValues(values);
}

/** An entry as the sidebar sends it: Raj's 2 Calls on Wednesday 18 November, with `extra` over it. */
export const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  date: '2026-11-18',
  rep: 'Raj',
  activity: 'Calls',
  quantity: 2,
  notes: '',
  ...extra,
});

/** Cells read from the sheet `name` by the service calls `read` names (getValues and its kin), while `action` runs. */
export function cellsReadFrom(
  rt: AppsScriptRuntime,
  name: string,
  action: () => void,
  read = /^Range\.get(Values|DisplayValues|Formulas)$/,
): number {
  let cells = 0;
  const previous = rt.calls.hook;
  rt.calls.hook = (call: ServiceCall) => {
    previous?.(call);
    if (call.target instanceof FakeRange && call.target.sheet.name === name && read.test(call.name)) {
      cells += call.target.getNumRows() * call.target.getNumColumns();
    }
  };
  try {
    action();
  } finally {
    rt.calls.hook = previous;
  }
  return cells;
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
