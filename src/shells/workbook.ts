/**
 * The workbook actions of SPEC §2 and §6: set up, sample data, refresh, the
 * edit trigger and the daily refresh. Each reads what it needs in whole blocks,
 * asks the core what to do, and writes in whole blocks: the number of service
 * calls never depends on the number of rows.
 */
import { BOARD_COLUMNS, BOARD_FORMATS, boardCells, boardHeader } from '../core/board';
import { type Day, DayClock, dayToIso } from '../core/day';
import {
  BUILTIN_ACTIVITIES,
  type HeaderKey,
  headerKeyOf,
  type Lang,
  langFromLocale,
  PERIOD_KINDS,
  STRINGS,
  settingKeyOf,
} from '../core/i18n';
import { APP, notice, SHEET_KINDS, type SheetKind, sheetKindOf } from '../core/i18n/app';
import { STATUS_COLORS } from '../core/palette';
import { computeRefresh, type RefreshResult } from '../core/refresh';
import { sampleData } from '../core/sample';
import { DEFAULT_SETTINGS } from '../core/settings';
import {
  AS_OF_NAME,
  defaultSettingsRows,
  planSetup,
  SHEET_COLUMNS,
  type SheetSnapshot,
  TABLE_NAMES,
} from '../core/setup';
import { now } from './clock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const WHITE = '#ffffff';
const HEADER_BACKGROUND = '#f1f3f4';

/** The spreadsheet's language: its locale's, English when not one of ours. */
export function spreadsheetLang(spreadsheet: Spreadsheet): Lang {
  return langFromLocale(spreadsheet.getSpreadsheetLocale());
}

export function today(spreadsheet: Spreadsheet): { clock: DayClock; day: Day } {
  const clock = new DayClock(spreadsheet.getSpreadsheetTimeZone());
  return { clock, day: clock.dayOf(now()) };
}

/** Our sheets, by kind: through their named ranges first, then by name in any language. */
export function findSheets(spreadsheet: Spreadsheet): Map<SheetKind, Sheet> {
  const found = new Map<SheetKind, Sheet>();
  for (const kind of SHEET_KINDS) {
    if (kind === 'status') continue;
    const range = spreadsheet.getRangeByName(TABLE_NAMES[kind]);
    if (range) found.set(kind, range.getSheet());
  }
  if (found.size < SHEET_KINDS.length) {
    for (const sheet of spreadsheet.getSheets()) {
      const kind = sheetKindOf(sheet.getName());
      if (kind && !found.has(kind)) found.set(kind, sheet);
    }
  }
  return found;
}

/** A sheet's whole data block, or undefined when the sheet is missing. */
function readSheet(sheet: Sheet | undefined): unknown[][] | undefined {
  return sheet ? sheet.getDataRange().getValues() : undefined;
}

// ---- Set up -----------------------------------------------------------------

/** What each column's cells should look like on a sheet setup creates. */
function columnFormat(key: HeaderKey): string | undefined {
  if (key === 'date' || key === 'from' || key === 'to' || key === 'startDate') return 'yyyy-mm-dd';
  if (key === 'loggedAt') return 'yyyy-mm-dd hh:mm:ss';
  if (key === 'quantity' || key === 'target') return '#,##0.##';
  if (key === 'rep' || key === 'activity' || key === 'notes' || key === 'entryId' || key === 'email') return '@';
  return undefined;
}

function validationFor(
  key: HeaderKey,
  kind: SheetKind,
  lang: Lang,
  teamSheet: string,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  if (key === 'activity' && (kind === 'activities' || kind === 'quotas')) {
    return builder
      .requireValueInList(
        BUILTIN_ACTIVITIES.map((a) => STRINGS[lang].activities[a]),
        true,
      )
      .build();
  }
  if (key === 'period' && kind === 'quotas') {
    return builder
      .requireValueInList(
        PERIOD_KINDS.map((p) => STRINGS[lang].periods[p]),
        true,
      )
      .setAllowInvalid(false)
      .build();
  }
  if (key === 'rep' && (kind === 'activities' || kind === 'quotas')) {
    const team = SpreadsheetApp.getActive().getSheetByName(teamSheet);
    return team ? builder.requireValueInRange(team.getRange('A2:A'), true).build() : undefined;
  }
  if (key === 'date' || key === 'from' || key === 'to' || key === 'startDate') return builder.requireDate().build();
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
    const width = Math.max(1, sheet.getLastColumn());
    return {
      name: sheet.getName(),
      header: sheet.getRange(1, 1, 1, width).getValues()[0] ?? [],
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
        sheet.getRange(rows.length + 1, 2).setNumberFormat('yyyy-mm-dd');
      }
    }
    if (kind !== 'status' && !named.has(TABLE_NAMES[kind])) {
      // Whole columns, so the named range grows with the table (SPEC §2: users add rows and columns).
      const width = Math.max(step.columns.length, SHEET_COLUMNS[kind].length);
      spreadsheet.setNamedRange(TABLE_NAMES[kind], sheet.getRange(`A:${columnLetter(width)}`));
    }
    if (kind === 'settings' && !named.has(AS_OF_NAME)) {
      const asOfRow = findSettingRow(sheet, 'asOfDate');
      if (asOfRow) spreadsheet.setNamedRange(AS_OF_NAME, sheet.getRange(asOfRow, 2));
    }
  }
  return { created, completed };
}

/** Column letters of a 1-based column: 1 → A, 27 → AA. */
function columnLetter(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** The row of a setting on the Settings sheet (1-based), by its key in any language. */
function findSettingRow(sheet: Sheet, key: 'asOfDate'): number | undefined {
  const keys = sheet.getRange(1, 1, Math.max(1, sheet.getLastRow()), 1).getValues();
  for (let i = 0; i < keys.length; i++) {
    if (settingKeyOf(String(keys[i]?.[0] ?? '')) === key) return i + 1;
  }
  return undefined;
}

// ---- Sample data ------------------------------------------------------------

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
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
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

// ---- Refresh ----------------------------------------------------------------

/** Our sheets and their values, each read once in one block. */
export interface Tables {
  sheets: Map<SheetKind, Sheet>;
  values: Partial<Record<Exclude<SheetKind, 'status'>, unknown[][]>>;
}

export function readTables(spreadsheet: Spreadsheet): Tables {
  const sheets = findSheets(spreadsheet);
  return {
    sheets,
    values: {
      activities: readSheet(sheets.get('activities')),
      quotas: readSheet(sheets.get('quotas')),
      team: readSheet(sheets.get('team')),
      settings: readSheet(sheets.get('settings')),
    },
  };
}

/**
 * Rebuilds the Status board and colours it and the Quotas rows by status.
 * Reads each table once (or takes them already read); computes everything; then
 * writes the board with one setValues, one setBackgrounds and one
 * setNumberFormats, and the Quotas colours with one setBackgrounds, all or
 * nothing (what those blocks held is read first, to put back on a failure).
 */
export function refresh(spreadsheet: Spreadsheet, tables: Tables = readTables(spreadsheet)): RefreshResult {
  const lang = spreadsheetLang(spreadsheet);
  const { day } = today(spreadsheet);
  const result = computeRefresh({
    ...tables.values,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    lang,
    today: day,
  });
  let status = tables.sheets.get('status');
  if (!status) {
    status = insertSheetInPlace(spreadsheet, APP[result.lang].sheets.status);
    status.setFrozenRows(1);
    tables.sheets.set('status', status);
  }
  const blocks = [boardBlock(status, result)];
  const quotas = tables.sheets.get('quotas');
  const quotaValues = tables.values.quotas;
  if (quotas && quotaValues && quotaValues.length > 1) blocks.push(quotaColours(quotas, quotaValues, result));
  writeAllOrNothing(blocks);
  return result;
}

/** A block of cells to write: number formats and values when given, and backgrounds. */
interface Block {
  range: Range;
  formats?: string[][];
  values?: unknown[][];
  backgrounds: string[][];
}

function put(block: Block): void {
  const { range } = block;
  if (block.formats) range.setNumberFormats(block.formats);
  if (block.values) range.setValues(block.values);
  range.setBackgrounds(block.backgrounds);
}

/**
 * Writes the blocks, each in whole-block calls. Apps Script has no transaction,
 * so what they hold is read first: when a call fails, the blocks written so far
 * are put back as they were and the error goes on. The user sees the old board
 * or the new one, never half of each (SPEC §8).
 */
function writeAllOrNothing(blocks: readonly Block[]): void {
  const old: Block[] = blocks.map(({ range, formats, values }) => ({
    range,
    formats: formats && range.getNumberFormats(),
    values: values && range.getValues(),
    backgrounds: range.getBackgrounds(),
  }));
  let started = 0;
  try {
    for (const block of blocks) {
      started++;
      put(block);
    }
  } catch (error) {
    for (let i = started - 1; i >= 0; i--) put(old[i] as Block);
    throw error;
  }
}

function boardBlock(sheet: Sheet, result: RefreshResult): Block {
  const width = BOARD_COLUMNS.length;
  const dateOf = (day: Day) => new Date(result.clock.startOf(day));
  const values: unknown[][] = [boardHeader(result.lang)];
  const colours: string[][] = [BOARD_COLUMNS.map(() => HEADER_BACKGROUND)];
  for (const row of result.board) {
    values.push(boardCells(row, result.lang, dateOf));
    colours.push(BOARD_COLUMNS.map(() => STATUS_COLORS[row.progress.status]));
  }
  const formats: string[][] = values.map((_, i) => (i === 0 ? BOARD_COLUMNS.map(() => '@') : [...BOARD_FORMATS]));
  if (result.problems.length > 0) {
    const names = APP[result.lang].sheets;
    const pad = (cells: unknown[]) => [...cells, ...new Array(width - cells.length).fill('')];
    values.push(pad([]), pad([notice(result.lang, 'problemsTitle')]));
    colours.push(
      BOARD_COLUMNS.map(() => WHITE),
      BOARD_COLUMNS.map(() => HEADER_BACKGROUND),
    );
    for (const problem of result.problems) {
      values.push(
        pad([
          notice(result.lang, 'problemRow', { sheet: names[problem.sheet], row: problem.row, message: problem.text }),
        ]),
      );
      colours.push(BOARD_COLUMNS.map(() => WHITE));
    }
    while (formats.length < values.length) formats.push(BOARD_COLUMNS.map(() => '@'));
  }
  // Rows the previous board used beyond the new one are blanked in the same calls.
  const height = Math.max(values.length, sheet.getLastRow());
  while (values.length < height) {
    values.push(BOARD_COLUMNS.map(() => ''));
    colours.push(BOARD_COLUMNS.map(() => WHITE));
    formats.push(BOARD_COLUMNS.map(() => 'General'));
  }
  ensureRows(sheet, height);
  return { range: sheet.getRange(1, 1, height, width), formats, values, backgrounds: colours };
}

/**
 * Adds a sheet at the end and puts the user back on the sheet they were on:
 * `insertSheet` makes the new sheet active (SPEC §9), which would move a user
 * away from their work in the middle of an edit.
 */
function insertSheetInPlace(spreadsheet: Spreadsheet, name: string): Sheet {
  const where = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(name);
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

function quotaColours(sheet: Sheet, values: unknown[][], result: RefreshResult): Block {
  const width = Math.max(1, values[0]?.length ?? 1);
  const colours: string[][] = [];
  for (let row = 2; row <= values.length; row++) {
    const status = result.quotaRows.get(row);
    colours.push(new Array(width).fill(status ? STATUS_COLORS[status] : WHITE));
  }
  return { range: sheet.getRange(2, 1, colours.length, width), backgrounds: colours };
}

// ---- Triggers -----------------------------------------------------------------

/** True when an edit in this sheet changes what the board shows. */
export function editMatters(spreadsheet: Spreadsheet, sheet: Sheet): boolean {
  const kind = sheetKindOf(sheet.getName());
  if (kind) return kind !== 'status';
  const name = sheet.getName();
  for (const [found, candidate] of findSheets(spreadsheet)) {
    if (found !== 'status' && candidate.getName() === name) return true;
  }
  return false;
}

/** Moves the As-of date to today (in the spreadsheet's zone) and refreshes. */
export function dailyRefreshOf(spreadsheet: Spreadsheet): RefreshResult {
  const asOf = spreadsheet.getRangeByName(AS_OF_NAME);
  if (asOf) {
    const { clock, day } = today(spreadsheet);
    asOf.setValue(new Date(clock.startOf(day)));
  }
  return refresh(spreadsheet);
}
