/**
 * Refresh (SPEC §6): the Status board and the Quotas colours. Reads each table
 * once, asks the core, and writes in whole blocks, all or nothing. The board
 * writes only inside the block it owns (its named range, SPEC §2) and grows
 * only into empty cells; the Quotas rows are recoloured only where they hold
 * no fill or one of the add-on's status colours, never a user's own fill.
 */
import {
  asRead,
  BAR,
  BOARD_WIDTH,
  blankRows,
  boardGrid,
  cutBoard,
  fitBoard,
  type Grid,
  narrowGrid,
} from '../core/boardBlock';
import { isBlank } from '../core/cells';
import { fill, LANGUAGES } from '../core/i18n';
import { APP, notice } from '../core/i18n/app';
import { BOARD_WORDS } from '../core/i18n/board';
import { isOurFill, STATUS_COLORS, WHITE } from '../core/palette';
import { computeRefresh, type RefreshResult } from '../core/refresh';
import { BOARD_NAME } from '../core/setup';
import { nameKey } from '../core/text';
import { keepAsOfAtToday } from './asOf';
import { boardParts, rememberBoard } from './boardMemory';
import { keepSeries } from './burnUp';
import {
  columnLetter,
  ensureRows,
  insertSheetInPlace,
  readTables,
  spreadsheetLang,
  type Tables,
  today,
} from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface Refreshed extends RefreshResult {
  /** What stopped the board (SPEC §2), when it did not fit (or could not widen): notices in the board's language. */
  boardCut?: string;
}

/**
 * Rebuilds the Status board and colours it and the Quotas rows by status.
 * Reads each table once (or takes them already read); computes everything; then
 * writes the board with one setValues, one setBackgrounds and one
 * setNumberFormats, and the Quotas colours with one setBackgrounds, all or
 * nothing (what those blocks held is read first, to put back on a failure).
 */
export function refresh(spreadsheet: Spreadsheet, tables: Tables = readTables(spreadsheet)): Refreshed {
  const day = today(spreadsheet).day;
  const result = computeRefresh({
    ...tables.values,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    lang: spreadsheetLang(spreadsheet),
    today: day,
  });
  if (result.followToday) keepAsOfAtToday(spreadsheet, tables, day);
  let status = tables.sheets.get('status');
  if (!status) {
    status = insertSheetInPlace(spreadsheet, APP[result.lang].sheets.status);
    status.setFrozenRows(1);
    tables.sheets.set('status', status);
  }
  const board = boardBlock(spreadsheet, status, result);
  const blocks = [...board.blocks];
  const quotas = tables.sheets.get('quotas');
  const quotaValues = tables.values.quotas;
  if (quotas && quotaValues && quotaValues.length > 1) blocks.push(quotaColours(quotas, quotaValues, result));
  board.before();
  try {
    writeAllOrNothing(blocks);
  } catch (error) {
    board.undo();
    throw error;
  }
  board.after();
  const { quotas: q, team, settings } = tables.values;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const logRows = tables.values.activities?.length ?? 0;
  const parts = boardParts(
    { quotas: q, team, settings, logRows },
    result.asOf,
    day,
    result.lang,
    timeZone,
    board.written,
  );
  try {
    rememberBoard(board.cut ? undefined : parts);
  } catch (error) {
    // Not remembered: the board is whole, and the next entry refreshes it whole rather than move it on.
    console.error(error);
  }
  try {
    keepSeries(result.log, result.board, result.asOf);
  } catch (error) {
    console.error(error);
  }
  return board.cut ? { ...result, boardCut: board.cut } : result;
}

/** A block of cells to write, and what it held before (to put back on a failure). */
interface Block {
  range: Range;
  formats?: string[][];
  values?: unknown[][];
  backgrounds: string[][];
  before: { formats?: string[][]; values?: unknown[][]; backgrounds?: string[][] };
}

function put(range: Range, cells: { formats?: string[][]; values?: unknown[][]; backgrounds?: string[][] }): void {
  if (cells.formats) range.setNumberFormats(cells.formats);
  if (cells.values) range.setValues(cells.values);
  if (cells.backgrounds) range.setBackgrounds(cells.backgrounds);
}

/**
 * Writes the blocks, each in whole-block calls. Apps Script has no transaction,
 * so what they hold is read first: when a call fails, the blocks written so far
 * are put back as they were and the error goes on. The user sees the old board
 * or the new one, never half of each (SPEC §8).
 */
function writeAllOrNothing(blocks: readonly Block[]): void {
  for (const { range, formats, values, before } of blocks) {
    if (formats && !before.formats) before.formats = range.getNumberFormats();
    if (values && !before.values) before.values = range.getValues();
    if (!before.backgrounds) before.backgrounds = range.getBackgrounds();
  }
  let started = 0;
  try {
    for (const block of blocks) {
      started++;
      put(block.range, block);
    }
  } catch (error) {
    for (let i = started - 1; i >= 0; i--) put((blocks[i] as Block).range, (blocks[i] as Block).before);
    throw error;
  }
}

/** Where the board's owned block is: its named range's top-left cell, rows and columns. */
interface Owned {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

function ownedBlock(spreadsheet: Spreadsheet, sheet: Sheet): Owned {
  const named = spreadsheet.getRangeByName(BOARD_NAME);
  if (named && named.getSheet().getName() === sheet.getName()) {
    return { row: named.getRow(), column: named.getColumn(), rows: named.getNumRows(), columns: named.getNumColumns() };
  }
  return { row: 1, column: 1, ...ownedBoardRows(sheet) };
}

/**
 * What a board without its named range owns: nothing on an empty sheet; on a
 * board an earlier version wrote (found by its header row), its rows down to
 * the first blank one, and its twelve columns, or thirteen when its header
 * already has the Progress column (an older board's next column is not ours).
 */
export function ownedBoardRows(sheet: Sheet): { rows: number; columns: number } {
  const last = sheet.getLastRow();
  if (last < 1) return { rows: 0, columns: BOARD_WIDTH };
  const values = sheet.getRange(1, 1, last, BOARD_WIDTH).getValues();
  let rows = 1;
  while (rows < values.length && (values[rows] ?? []).some((cell) => !isBlank(cell))) rows++;
  const progress = nameKey(String(values[0]?.[BAR] ?? ''));
  const ours = LANGUAGES.some((lang) => nameKey(BOARD_WORDS[lang].progress) === progress);
  return { rows, columns: ours ? BOARD_WIDTH : BAR };
}

/** Names the board's block, so that the next refresh knows what it owns. */
export function nameBoard(sheet: Sheet, rows: number, row = 1, column = 1, columns = BOARD_WIDTH): void {
  if (rows < 1) return;
  sheet.getParent().setNamedRange(BOARD_NAME, sheet.getRange(row, column, rows, columns));
}

/** The board's blocks to write, and its named range moved around the write. */
interface BoardWrite {
  blocks: Block[];
  cut?: string;
  /** The board's cells as `getValues` reads them once written: what its named range holds afterwards. */
  written: unknown[][];
  /** Before the write: a board that grows names its new cells first (they are empty), so a failed write leaves none unowned. */
  before(): void;
  /** After a failed write: the name put back. */
  undo(): void;
  /** After the write: a board that shrank gives back the rows it no longer uses. */
  after(): void;
}

/**
 * The board's block: the new board where it fits, and the owned rows it no
 * longer needs blanked; the named range follows what the board then owns. A
 * twelve-column board an older version wrote widens into the Progress column
 * only where that column is empty: while a cell beside it there holds the
 * user's data, it stays twelve columns wide, without bars, and says so. The
 * rows a board gives back are blanked in its own columns only.
 */
function boardBlock(spreadsheet: Spreadsheet, sheet: Sheet, result: RefreshResult): BoardWrite {
  const owned = ownedBlock(spreadsheet, sheet);
  let grid = boardGrid(result);
  const reach = Math.max(grid.values.length, owned.rows);
  ensureRows(sheet, owned.row + reach - 1);
  const range = sheet.getRange(owned.row, owned.column, reach, BOARD_WIDTH);
  const before = { values: range.getValues(), formulas: range.getFormulas() };
  // What a failed write puts back: a cell's formula where it held one (a bar), else its value.
  const held = before.values.map((line, r) => line.map((value, c) => before.formulas[r]?.[c] || value));
  const cellAt = (at: { row: number; column: number }) =>
    `${columnLetter(owned.column + at.column)}${owned.row + at.row}`;
  let width = BOARD_WIDTH;
  let fit = fitBoard(grid.values.length, owned, before.values, before.formulas);
  const notes: string[] = [];
  if (fit.blocked && owned.columns === BAR && fit.blocked.row < owned.rows) {
    const words = BOARD_WORDS[result.lang];
    notes.push(fill(words.barsBlocked, { cell: cellAt(fit.blocked), column: columnLetter(owned.column + BAR) }));
    width = BAR;
    grid = narrowGrid(grid, width);
    fit = fitBoard(grid.values.length, owned, before.values, before.formulas, width);
  }
  if (fit.blocked) {
    const params = { row: owned.row + fit.rows - 1, cell: cellAt(fit.blocked), rows: result.board.length };
    notes.push(notice(result.lang, 'boardCut', params));
    grid = cutBoard(grid, fit.rows, notes[notes.length - 1] as string);
  }
  const filled = grid.values.length;
  const height = Math.max(filled, owned.rows);
  const name =
    (rows: number, columns = width) =>
    () =>
      nameBoard(sheet, rows, owned.row, owned.column, columns);
  const nothing = () => undefined;
  const grows = filled > owned.rows || (owned.columns !== width && filled > 0);
  const write: BoardWrite = {
    blocks: [],
    cut: notes.length > 0 ? notes.join('\n') : undefined,
    written: asRead(grid.values),
    before: grows ? name(filled) : nothing,
    undo: grows && owned.rows > 0 ? name(owned.rows, owned.columns) : nothing,
    after: filled < height ? name(filled) : nothing,
  };
  if (height === 0) return write;
  const blank = narrowGrid(blankRows(height - filled), width);
  const part = (top: number, rows: number, columns: number, cells: Grid) => ({
    range:
      top === 0 && rows === reach && columns === BOARD_WIDTH
        ? range
        : sheet.getRange(owned.row + top, owned.column, rows, columns),
    ...narrowGrid(cells, columns),
    before: { values: held.slice(top, top + rows).map((line) => line.slice(0, columns)) },
  });
  const tail = Math.min(owned.columns, width);
  if (tail === width || filled === height) {
    const all = {
      values: [...grid.values, ...blank.values],
      backgrounds: [...grid.backgrounds, ...blank.backgrounds],
      formats: [...grid.formats, ...blank.formats],
    };
    write.blocks.push(part(0, height, width, all));
    return write;
  }
  if (filled > 0) write.blocks.push(part(0, filled, width, grid));
  write.blocks.push(part(filled, height - filled, tail, blank));
  return write;
}

/**
 * The Quotas rows' colours: each row's status colour (or white without one),
 * painted only over cells with no fill or a status colour, so a user's own
 * fills anywhere in the sheet stay as they are.
 */
function quotaColours(sheet: Sheet, values: unknown[][], result: RefreshResult): Block {
  const width = Math.max(1, values[0]?.length ?? 1);
  const range = sheet.getRange(2, 1, values.length - 1, width);
  const old = range.getBackgrounds();
  const backgrounds = old.map((cells, i) => {
    const status = result.quotaRows.get(i + 2);
    const colour = status ? STATUS_COLORS[status] : WHITE;
    return cells.map((cell) => (isOurFill(cell) ? colour : cell));
  });
  return { range, backgrounds, before: { backgrounds: old } };
}

/**
 * The daily refresh (SPEC §6): rebuilds the board, so "behind" and period
 * roll-over appear without an edit; a following As-of date moves to today on
 * the way, a pinned one stays.
 */
export function dailyRefreshOf(spreadsheet: Spreadsheet): Refreshed {
  return refresh(spreadsheet);
}
