/**
 * The board the add-on keeps, as the sidebar's server uses it (SPEC §5): what
 * an entry, an undo or opening the sidebar reads is bounded by the team and its
 * quotas, never by the log. The small tables and the board's block are read;
 * a fingerprint stored with the board (document property) says whether the
 * block is exactly what a full refresh would write; then one entry moves one
 * board row (to its new place, when the board is ordered by severity) and the
 * team block with it, and only the rows that changed (and its Quotas row's
 * colour) are written.
 */
import { boardCells } from '../core/board';
import { asRead, BOARD_WIDTH, bodyGrid } from '../core/boardBlock';
import { orderRows, teamKey, teamRows } from '../core/boardView';
import type { Day, DayClock } from '../core/day';
import type { SheetKind } from '../core/i18n/app';
import {
  applyEntry,
  type EntryDelta,
  fingerprint,
  type KeptContext,
  type KeptRow,
  quotaRowStatus,
  readKeptBoard,
} from '../core/keptBoard';
import { isOurFill, STATUS_COLORS, WHITE } from '../core/palette';
import { NO_QUOTAS, readQuotas } from '../core/quotas';
import { asOfDay, DEFAULT_SETTINGS } from '../core/settings';
import { readSettings } from '../core/settingsTable';
import { BOARD_NAME } from '../core/setup';
import { NO_TEAM, readTeam } from '../core/team';
import { refresh } from './board';
import { boardParts, rememberBoard, type SmallTables, storedBoard } from './boardMemory';
import { moveKeptSeries } from './burnUp';
import { findSheets, spreadsheetLang, today } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything an entry needs besides the log, read in a bounded number of cells. */
export interface Kept {
  sheets: Map<SheetKind, Sheet>;
  small: SmallTables;
  context: KeptContext;
  clock: DayClock;
  today: Day;
  timeZone: string;
  /** The board's block and rows, when the stored fingerprint says they are a full refresh's. */
  board?: { top: number; left: number; values: unknown[][]; rows: KeptRow[] };
}

/** Reads the small tables and the board's block, and whether the block may be moved on by one entry. */
export function readKept(spreadsheet: Spreadsheet): Kept {
  const sheets = findSheets(spreadsheet);
  const read = (kind: SheetKind) => sheets.get(kind)?.getDataRange().getValues();
  const logRows = sheets.get('activities')?.getLastRow() ?? 0;
  const small: SmallTables = { quotas: read('quotas'), team: read('team'), settings: read('settings'), logRows };
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { clock, day } = today(spreadsheet);
  let lang = spreadsheetLang(spreadsheet);
  const options = () => ({ clock, lang, strict: false });
  const tolerant = <T>(readIt: () => T, fallback: T): T => {
    try {
      return readIt();
    } catch (_) {
      return fallback;
    }
  };
  const settings = small.settings
    ? tolerant(() => readSettings(small.settings, options()).settings, DEFAULT_SETTINGS)
    : DEFAULT_SETTINGS;
  lang = settings.language ?? lang;
  const context: KeptContext = {
    quotas: small.quotas ? tolerant(() => readQuotas(small.quotas, options()), NO_QUOTAS) : NO_QUOTAS,
    team: small.team ? tolerant(() => readTeam(small.team, options()), NO_TEAM) : NO_TEAM,
    settings,
    lang,
    asOf: asOfDay(settings, day),
    today: day,
  };
  const kept: Kept = { sheets, small, context, clock, today: day, timeZone };
  const named = spreadsheet.getRangeByName(BOARD_NAME);
  const stored = storedBoard();
  if (!named || !stored || named.getNumColumns() !== BOARD_WIDTH) return kept;
  const values = named.getValues();
  if (fingerprint(boardParts(small, context.asOf, day, lang, timeZone, values)) !== stored) return kept;
  const rows = readKeptBoard(values, context);
  if (rows) kept.board = { top: named.getRow(), left: named.getColumn(), values, rows };
  return kept;
}

/** True when rows skipped are listed under the kept board (by their row numbers, which a deleted log row changes). */
export function listsProblems(board: NonNullable<Kept['board']>): boolean {
  const teams = new Set(board.rows.map(teamKey)).size;
  return board.values.length > 1 + board.rows.length + (teams > 0 ? teams + 2 : 0);
}

/**
 * Moves the kept board on by one entry (or undo): writes the board rows it
 * changes (the entry's row, the rows it moves past, its team row), recolours
 * its Quotas row when that row's worst status changed, and stores the new
 * fingerprint. Returns false when only a full refresh can say
 * (the caller then refreshes), true when the board is up to date. The caller
 * forgets the fingerprint before it changes the log ({@link changeLog}), so a
 * failure anywhere after that leaves a board the next action refreshes whole.
 */
export function moveBoard(kept: Kept, delta: EntryDelta): boolean {
  const board = kept.board;
  const status = kept.sheets.get('status');
  if (!board || !status) return false;
  const change = applyEntry(board.rows, delta, kept.context);
  if (change === 'refresh') return false;
  const parts = () =>
    boardParts(kept.small, kept.context.asOf, kept.today, kept.context.lang, kept.timeZone, board.values);
  if (change === 'none') {
    rememberBoard(parts());
    return true;
  }
  const { index, row } = change;
  const { context } = kept;
  const rows = orderRows(
    board.rows.map((r, i) => (i === index ? row : r)),
    context.settings.boardOrder,
  );
  const dateOf = (day: Day) => new Date(kept.clock.startOf(day));
  const teams = teamRows(rows, context.asOf, context.settings, context.today);
  const body = bodyGrid(rows, teams, context.lang, dateOf, (r) => {
    const cells = boardCells(r, context.lang, dateOf);
    cells[11] = r.lastCell;
    return cells;
  });
  // Only the rows that changed, in one span: the entry's row, the rows it moved past, and its team row.
  const read = asRead(body.values);
  const changed = read.flatMap((line, i) => (fingerprint([line]) === fingerprint([board.values[i + 1]]) ? [] : [i]));
  const first = changed[0];
  if (first !== undefined) {
    const count = (changed[changed.length - 1] as number) - first + 1;
    const range = status.getRange(board.top + 1 + first, board.left, count, BOARD_WIDTH);
    // Formats too: a figure's format follows its shown value (core/shown.ts: 12 or 12.50).
    range.setNumberFormats(body.formats.slice(first, first + count));
    range.setValues(body.values.slice(first, first + count));
    range.setBackgrounds(body.backgrounds.slice(first, first + count));
  }
  const worst = quotaRowStatus(rows, row.quota.row);
  if (worst !== quotaRowStatus(board.rows, row.quota.row)) recolourQuotaRow(kept, row.quota.row, worst);
  board.rows = rows;
  board.values = [board.values[0] ?? [], ...read, ...board.values.slice(read.length + 1)];
  moveKeptSeries(row, delta);
  rememberBoard(parts());
  return true;
}

/** One Quotas row's colour, only over cells with no fill or a status colour (never a user's own fill). */
function recolourQuotaRow(kept: Kept, quotaRow: number, status: KeptRow['progress']['status'] | undefined): void {
  const sheet = kept.sheets.get('quotas');
  const width = kept.small.quotas?.[0]?.length ?? 0;
  if (!sheet || width === 0) return;
  const range = sheet.getRange(quotaRow, 1, 1, width);
  const colour = status ? STATUS_COLORS[status] : WHITE;
  range.setBackgrounds(range.getBackgrounds().map((line) => line.map((cell) => (isOurFill(cell) ? colour : cell))));
}

/**
 * Changes the log, then brings the board up to date: moved on by `delta` when
 * the kept board allows, refreshed whole otherwise. The change stands even when
 * the board's update fails (it is then refreshed by the next action), so an
 * entry saved is never reported as not saved. Returns the state to reply with.
 */
export function changeLog(
  spreadsheet: Spreadsheet,
  kept: Kept,
  change: () => void,
  delta: EntryDelta | undefined,
): () => Kept {
  if (kept.board) rememberBoard(undefined);
  change();
  try {
    kept.small.logRows = kept.sheets.get('activities')?.getLastRow() ?? 0;
    if (delta && moveBoard(kept, delta)) return () => kept;
    refresh(spreadsheet);
  } catch (error) {
    console.error(error);
  }
  return () => readKept(spreadsheet);
}
