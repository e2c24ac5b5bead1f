/**
 * The workbook as the add-on sees it: its language and today, which sheets are
 * its own, and the tables read from them in whole blocks. A sheet is ours only
 * through our named range on it or a header row holding a table's required
 * columns (SPEC §2), never through its name: a user's own "Status" or "Team"
 * tab is not ours, and nothing here writes to it.
 */
import { type Day, DayClock } from '../core/day';
import { type Lang, langFromLocale } from '../core/i18n';
import { SHEET_KINDS, type SheetKind } from '../core/i18n/app';
import { freeName, kindOfHeader, rangeNameOf } from '../core/setup';
import { now } from './clock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The spreadsheet's language: its locale's, English when not one of ours. */
export function spreadsheetLang(spreadsheet: Spreadsheet): Lang {
  return langFromLocale(spreadsheet.getSpreadsheetLocale());
}

export function today(spreadsheet: Spreadsheet): { clock: DayClock; day: Day } {
  const clock = new DayClock(spreadsheet.getSpreadsheetTimeZone());
  return { clock, day: clock.dayOf(now()) };
}

/** Row 1 of a sheet, as wide as the sheet's data. */
export function headerRow(sheet: Sheet): unknown[] {
  return sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
}

/**
 * Our sheets, by kind: through our named ranges, then (for a kind whose range is
 * gone) by a header row holding that table's required columns. Never by name.
 */
export function findSheets(spreadsheet: Spreadsheet): Map<SheetKind, Sheet> {
  const found = new Map<SheetKind, Sheet>();
  for (const kind of SHEET_KINDS) {
    const range = spreadsheet.getRangeByName(rangeNameOf(kind));
    if (range) found.set(kind, range.getSheet());
  }
  if (found.size < SHEET_KINDS.length) {
    const claimed = new Set([...found.values()].map((sheet) => sheet.getName()));
    for (const sheet of spreadsheet.getSheets()) {
      if (claimed.has(sheet.getName())) continue;
      const kind = kindOfHeader(headerRow(sheet));
      if (kind && !found.has(kind)) found.set(kind, sheet);
    }
  }
  return found;
}

/** Our sheets and their values, each read once in one block. */
export interface Tables {
  sheets: Map<SheetKind, Sheet>;
  values: Partial<Record<Exclude<SheetKind, 'status'>, unknown[][]>>;
}

export function readTables(spreadsheet: Spreadsheet): Tables {
  const sheets = findSheets(spreadsheet);
  const read = (kind: Exclude<SheetKind, 'status'>) => sheets.get(kind)?.getDataRange().getValues();
  return {
    sheets,
    values: { activities: read('activities'), quotas: read('quotas'), team: read('team'), settings: read('settings') },
  };
}

/**
 * Adds a sheet at the end, under `name` or the first free `name 2`, `name 3`…,
 * and puts the user back on the sheet they were on: `insertSheet` makes the new
 * sheet active (SPEC §9), which would move a user away from their work.
 */
export function insertSheetInPlace(spreadsheet: Spreadsheet, name: string): Sheet {
  const where = spreadsheet.getActiveSheet();
  const taken = new Set(spreadsheet.getSheets().map((sheet) => sheet.getName()));
  const sheet = spreadsheet.insertSheet(freeName(name, taken));
  if (where) spreadsheet.setActiveSheet(where);
  return sheet;
}

/**
 * Adds rows at the end of the grid so that row `last` exists: Sheets refuses a
 * range past `getMaxRows()` (a new sheet has 1,000 rows, SPEC §9).
 */
export function ensureRows(sheet: Sheet, last: number): void {
  const max = sheet.getMaxRows();
  if (last > max) sheet.insertRowsAfter(max, last - max);
}

/** Column letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/**
 * True when an edit in this sheet changes what the board shows: the sheet holds
 * one of our tables (through its named range, or its header when the range is
 * gone), not the board. Stops at the first match; an edit elsewhere only reads.
 */
export function editMatters(spreadsheet: Spreadsheet, sheet: Sheet): boolean {
  const name = sheet.getName();
  let missing = false;
  for (const kind of SHEET_KINDS) {
    if (kind === 'status') continue;
    const range = spreadsheet.getRangeByName(rangeNameOf(kind));
    if (!range) missing = true;
    else if (range.getSheet().getName() === name) return true;
  }
  if (!missing) return false;
  const kind = kindOfHeader(headerRow(sheet));
  return kind !== undefined && kind !== 'status';
}
