/**
 * "Set up workbook" and "Insert sample data" (SPEC §2): the shell that carries
 * out the core's plan (core/setup.ts). It creates what is missing under free
 * names, adopts only sheets that are the add-on's own, and writes only empty
 * header cells of an adopted sheet, never a cell a user wrote.
 */

import { dayToIso } from '../core/day';
import { DAY, MOMENT, TEXT } from '../core/formats';
import { BUILTIN_ACTIVITIES, type HeaderKey, headerKeyOf, type Lang, PERIOD_KINDS, STRINGS } from '../core/i18n';
import { APP, notice, type SheetKind } from '../core/i18n/app';
import { HEADER_BACKGROUND } from '../core/palette';
import { sampleData } from '../core/sample';
import { DEFAULT_SETTINGS } from '../core/settings';
import {
  AS_OF_NAME,
  asOfPosition,
  BOARD_NAME,
  defaultSettingsRows,
  planSetup,
  SHEET_COLUMNS,
  type SheetSnapshot,
  TABLE_NAMES,
} from '../core/setup';
import { nameBoard, ownedBoardRows, refresh } from './board';
import { columnLetter, findSheets, headerRow, insertSheetInPlace, spreadsheetLang, today } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What each column's cells should look like on a sheet setup creates. */
const DATE_KEYS: ReadonlySet<HeaderKey> = new Set(['date', 'from', 'to', 'startDate']);

function columnFormat(key: HeaderKey): string | undefined {
  if (DATE_KEYS.has(key)) return DAY;
  if (key === 'loggedAt') return MOMENT;
  // Quantity and Target keep Sheets' automatic format: '#,##0.##' would show 5 as "5.".
  if (key === 'rep' || key === 'activity' || key === 'notes' || key === 'entryId' || key === 'email') return TEXT;
  return undefined;
}

function validationFor(
  key: HeaderKey,
  kind: SheetKind,
  lang: Lang,
  teamSheet: string,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  const words = STRINGS[lang];
  if (key === 'activity' && kind !== 'team') {
    return builder
      .requireValueInList(
        BUILTIN_ACTIVITIES.map((a) => words.activities[a]),
        true,
      )
      .build();
  }
  if (key === 'period') {
    return builder
      .requireValueInList(
        PERIOD_KINDS.map((p) => words.periods[p]),
        true,
      )
      .setAllowInvalid(false)
      .build();
  }
  if (key === 'rep' && kind !== 'team') {
    const team = SpreadsheetApp.getActive().getSheetByName(teamSheet);
    return team ? builder.requireValueInRange(team.getRange('A2:A'), true).build() : undefined;
  }
  if (DATE_KEYS.has(key)) return builder.requireDate().build();
  // Quantity stays free: a negative quantity is a correction.
  if (key === 'target') return builder.requireNumberGreaterThanOrEqualTo(0).build();
  return undefined;
}

/** Formats, dropdowns and frozen header of a sheet setup has just created. */
function dressNewSheet(
  sheet: Sheet,
  kind: SheetKind,
  columns: readonly HeaderKey[],
  lang: Lang,
  teamSheet: string,
): void {
  const width = columns.length;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1 || kind === 'status' || kind === 'settings') return;
  const body = sheet.getRange(2, 1, rows, width);
  const formats = columns.map((key) => columnFormat(key) ?? 'General');
  body.setNumberFormats(Array.from({ length: rows }, () => formats));
  const rules = columns.map((key) => validationFor(key, kind, lang, teamSheet) ?? null);
  if (rules.some((rule) => rule !== null)) body.setDataValidations(Array.from({ length: rows }, () => rules));
}

/** The Settings rows' own cells: a date format, a checkbox, a dropdown. */
function dressSettings(sheet: Sheet, rows: readonly (readonly unknown[])[], lang: Lang): void {
  const words = STRINGS[lang];
  const row = (key: string) => rows.findIndex(([name]) => name === key) + 2;
  sheet.getRange(row(words.settings.asOfDate), 2).setNumberFormat(DAY);
  sheet
    .getRange(row(words.settings.followToday), 2)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  const orders = [words.order.severity, words.order.rep];
  sheet
    .getRange(row(words.settings.boardOrder), 2)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(orders, true).build());
}

/**
 * Creates what is missing (SPEC §2) and adopts what is there. Never changes a
 * cell a user wrote; running it twice changes nothing. Returns the names of the
 * sheets it created, and of the sheets it adopted and gave missing headers.
 */
export function setUp(spreadsheet: Spreadsheet): { created: string[]; completed: string[] } {
  const lang = spreadsheetLang(spreadsheet);
  const named = new Map<string, string>();
  for (const range of spreadsheet.getNamedRanges()) named.set(range.getName(), range.getRange().getSheet().getName());
  const sheets = spreadsheet.getSheets();
  const snapshots: SheetSnapshot[] = sheets.map((sheet) => {
    return {
      name: sheet.getName(),
      header: headerRow(sheet),
      namedRanges: [...named].filter(([, sheetName]) => sheetName === sheet.getName()).map(([name]) => name),
    };
  });
  const plan = planSetup(snapshots, lang);
  const teamSheet = plan.find((step) => step.kind === 'team')?.sheet ?? APP[lang].sheets.team;
  const created: string[] = [];
  const completed: string[] = [];
  const { clock, day } = today(spreadsheet);
  // Create in SPEC order so that dropdowns can point at the Team sheet.
  const order: SheetKind[] = ['team', 'activities', 'quotas', 'settings', 'status'];
  for (const kind of order) {
    const step = plan.find((s) => s.kind === kind);
    if (!step) continue;
    const sheet = step.created ? insertSheetInPlace(spreadsheet, step.sheet) : spreadsheet.getSheetByName(step.sheet);
    if (!sheet) continue;
    if (step.headers.length > 0) {
      sheet.getRange(1, step.firstColumn, 1, step.headers.length).setValues([step.headers]);
      if (!step.created) completed.push(step.sheet);
    }
    if (step.created) {
      created.push(step.sheet);
      dressNewSheet(sheet, kind, step.columns, lang, teamSheet);
      if (kind === 'settings') {
        const rows = defaultSettingsRows(lang, day).map(([key, value]) => [
          key,
          typeof value === 'number' && key === STRINGS[lang].settings.asOfDate ? new Date(clock.startOf(value)) : value,
        ]);
        sheet.getRange(2, 1, rows.length, 2).setValues(rows);
        dressSettings(sheet, rows, lang);
      }
    }
    if (kind === 'status' && !named.has(BOARD_NAME)) {
      const owned = ownedBoardRows(sheet);
      nameBoard(sheet, owned.rows, 1, 1, owned.columns);
    }
    if (kind !== 'status' && !named.has(TABLE_NAMES[kind])) {
      // Whole columns, so the named range grows with the table (SPEC §2: users add rows and columns).
      const width = Math.max(step.columns.length, SHEET_COLUMNS[kind].length);
      spreadsheet.setNamedRange(TABLE_NAMES[kind], sheet.getRange(`A:${columnLetter(width)}`));
    }
    if (kind === 'settings' && !named.has(AS_OF_NAME)) {
      const asOf = asOfPosition(sheet.getDataRange().getValues());
      if (asOf) spreadsheet.setNamedRange(AS_OF_NAME, sheet.getRange(asOf.row, asOf.column));
    }
  }
  return { created, completed };
}

/** Rows laid out by a sheet's own header (columns in any order and language). */
export function byHeader(
  header: readonly unknown[],
  keys: readonly HeaderKey[],
  rows: readonly unknown[][],
): unknown[][] {
  const positions = header.map((cell) => headerKeyOf(String(cell ?? '')));
  return rows.map((row) => positions.map((key) => (key ? (row[keys.indexOf(key)] ?? '') : '')));
}

/** Fills an empty workbook with the sample team. Returns the notice to show. */
export function insertSample(spreadsheet: Spreadsheet): string {
  setUp(spreadsheet);
  const lang = spreadsheetLang(spreadsheet);
  const sheets = findSheets(spreadsheet);
  for (const kind of ['activities', 'quotas', 'team'] as const) {
    const sheet = sheets.get(kind);
    if (sheet && sheet.getLastRow() > 1) return notice(lang, 'sampleNotEmpty', { sheet: sheet.getName() });
  }
  const { clock, day } = today(spreadsheet);
  const data = sampleData(day, DEFAULT_SETTINGS, lang);
  const toDate = (value: unknown, key: HeaderKey) =>
    key === 'date' && typeof value === 'number' ? new Date(clock.startOf(value)) : value;
  const write = (kind: 'activities' | 'quotas' | 'team', rows: unknown[][]) => {
    const sheet = sheets.get(kind);
    if (!sheet || rows.length === 0) return;
    const keys = SHEET_COLUMNS[kind];
    const header = headerRow(sheet);
    const typed = rows.map((row) => row.map((value, i) => toDate(value, keys[i] as HeaderKey)));
    const laidOut = byHeader(header, keys, typed);
    sheet.getRange(2, 1, laidOut.length, header.length).setValues(laidOut);
  };
  write('team', data.team);
  write('quotas', data.quotas);
  write('activities', data.activities);
  const result = refresh(spreadsheet);
  return notice(result.lang, 'sampleInserted', {
    reps: data.team.length,
    rows: data.activities.length,
    quotas: data.quotas.length,
    today: dayToIso(day),
  });
}
