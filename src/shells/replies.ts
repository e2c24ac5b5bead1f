/**
 * What the sidebar's server functions share: who is asking, the document lock,
 * the log's columns and one entry found by id, and the reply with the rep's
 * state. Everything here reads a bounded number of cells, whatever the log's
 * length (SPEC §5): the small tables, the board's block, and the log's tail.
 */
import { orderRows } from '../core/boardView';
import type { Day } from '../core/day';
import type { BoardRow } from '../core/engine';
import { type HeaderKey, type Lang, langFromLocale } from '../core/i18n';
import type { FieldMessageKey } from '../core/i18n/sidebar';
import { entryColumnsOf } from '../core/logEntry';
import { computeRefresh } from '../core/refresh';
import type { LogResult, ShownError } from '../core/serverApi';
import { type SidebarState, sidebarState } from '../core/sidebarState';
import { burnUpReader } from './burnUp';
import { now } from './clock';
import { hostMessage, withDocumentLock } from './host';
import type { Kept } from './kept';
import { headerRow, readTables, spreadsheetLang } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The log rows read for the recent entries: the newest are at the bottom. */
const TAIL_ROWS = 500;

export function userLang(): Lang {
  return langFromLocale(Session.getActiveUserLocale());
}

export function userEmail(): string {
  return Session.getActiveUser().getEmail();
}

export function failure(message: string, errors: ShownError[] = []): LogResult {
  return { ok: false, message, errors };
}

/** Nothing was done, for the reason `key` names. */
export function refused(lang: Lang, key: FieldMessageKey): LogResult {
  return failure(hostMessage(lang, key));
}

/**
 * Runs `write` under the document lock (host.ts): "try again" when the lock
 * stays busy, and any failure a plain message, never a raw exception.
 */
export function underEntryLock(lang: Lang, write: () => LogResult): LogResult {
  return withDocumentLock(
    () => {
      try {
        return write();
      } catch (error) {
        console.error(error);
        return refused(lang, 'failed');
      }
    },
    () => refused(lang, 'tryAgain'),
    () => refused(lang, 'failed'),
  );
}

/** The log's columns for an entry and its header's width, or why there is no place for one (nothing is then written). */
export function entryColumns(
  sheet: Sheet | undefined,
  lang: Lang,
): { columns: ReadonlyMap<HeaderKey, number>; width: number } | string {
  const header = sheet ? headerRow(sheet) : undefined;
  const columns = entryColumnsOf(header, lang);
  return typeof columns === 'string' ? columns : { columns, width: header?.length ?? 0 };
}

/** The sheet row holding entry `id`, found by Sheets itself (one cell comes back, not the log). */
export function entryRowOf(sheet: Sheet, columns: ReadonlyMap<HeaderKey, number>, id: string): number | undefined {
  const column = columns.get('entryId');
  const last = sheet.getLastRow();
  if (column === undefined || last < 2 || id === '') return undefined;
  const finder = sheet
    .getRange(2, column + 1, last - 1, 1)
    .createTextFinder(id)
    .matchEntireCell(true)
    .matchCase(true);
  return finder.findNext()?.getRow();
}

/** The log's header and its last rows: where the newest entries are, whatever the log's length. */
function logTail(sheet: Sheet | undefined): unknown[][] | undefined {
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  if (last < 1) return undefined;
  const width = Math.max(1, sheet.getLastColumn());
  const first = Math.max(2, last - TAIL_ROWS + 1);
  const header = sheet.getRange(1, 1, 1, width).getValues();
  return last < 2 ? header : [...header, ...sheet.getRange(first, 1, last - first + 1, width).getValues()];
}

/** The board as a full refresh would compute it, without writing: when the kept one cannot be trusted. */
function computedBoard(spreadsheet: Spreadsheet, today: Day): BoardRow[] {
  const tables = readTables(spreadsheet);
  const input = { ...tables.values, timeZone: spreadsheet.getSpreadsheetTimeZone() };
  return computeRefresh({ ...input, lang: spreadsheetLang(spreadsheet), today }).board;
}

/** The rep's state for the sidebar: from the kept board when it holds, else computed (reading, never writing). */
export function stateOf(spreadsheet: Spreadsheet, kept: Kept, lang: Lang, rep?: string): SidebarState {
  const ready = kept.sheets.has('activities') && kept.sheets.has('quotas');
  // The sidebar lists a rep's quotas by activity, whatever order the board is in.
  const board = ready ? orderRows(kept.board?.rows ?? computedBoard(spreadsheet, kept.today), 'rep') : undefined;
  return sidebarState({
    board,
    activities: logTail(kept.sheets.get('activities')),
    team: kept.small.team,
    user: userEmail(),
    rep,
    lang,
    locale: spreadsheet.getSpreadsheetLocale(),
    clock: kept.clock,
    today: kept.today,
    now: now(),
    quotaActivities: kept.context.quotas.quotas.map((quota) => quota.activity),
    burnUp: burnUpReader(kept.context.asOf, kept.context.settings),
  });
}

/**
 * The reply once the sheet has its change: the change stands even when the
 * state cannot be had, so it is never reported as "nothing was saved".
 */
export function saved(
  spreadsheet: Spreadsheet,
  kept: () => Kept,
  lang: Lang,
  message: string,
  rep?: string,
): LogResult {
  try {
    return { ok: true, message, errors: [], state: stateOf(spreadsheet, kept(), lang, rep) };
  } catch (error) {
    console.error(error);
    return { ok: true, message, errors: [] };
  }
}
