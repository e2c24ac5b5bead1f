/**
 * `undoLastEntry(id)` (SPEC §5): removes exactly the entry the sidebar offered
 * Undo on, wherever it is now (a sorted or filtered log, rows inserted above),
 * if the signed-in user logged it. Sheets finds the id; only that row is read.
 */
import { isBlank, isDate, readDay, readName, readNumber } from '../core/cells';
import { dayToIso } from '../core/day';
import { fill, type HeaderKey } from '../core/i18n';
import { SIDEBAR } from '../core/i18n/sidebar';
import { columnRuns, loggedByUser, otherCells } from '../core/logEntry';
import { SHEET_COLUMNS } from '../core/setup';
import { changeLog, listsProblems, readKept } from './kept';
import { entryColumns, entryRowOf, failure, refused, saved, userEmail, userLang, withDocumentLock } from './replies';
import type { LogResult } from './sidebar';
import { columnLetter } from './workbook';

/**
 * Removes entry `id` if the signed-in user logged it, and returns the new
 * state. A row that also holds a person's own cells (a memo beside the entry)
 * keeps them: only the log's cells are cleared, and the message says so.
 * Anything else: a message, and no change. `spreadsheet`: the add-on's
 * active one, or the one a web app opened (SPEC §5b).
 */
export function undoLastEntry(
  id?: unknown,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive(),
): LogResult {
  const lang = userLang();
  if (typeof id !== 'string' || id.trim() === '') return refused(lang, 'nothingToUndo');
  return withDocumentLock(lang, () => {
    const kept = readKept(spreadsheet);
    const sheet = kept.sheets.get('activities');
    if (!sheet) return refused(lang, 'undoGone');
    const log = entryColumns(sheet, lang);
    if (typeof log === 'string') return failure(log);
    const at = entryRowOf(sheet, log.columns, id.trim());
    if (at === undefined) return refused(lang, 'undoGone');
    const removed = sheet.getRange(at, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
    const cell = (key: HeaderKey) => removed[log.columns.get(key) ?? -1];
    if (!loggedByUser(cell('loggedBy'), userEmail())) return refused(lang, 'undoNotYours');
    const logColumns = SHEET_COLUMNS.activities.map((key) => log.columns.get(key) ?? -1).filter((i) => i >= 0);
    const others = otherCells(removed, logColumns);
    // The board moves back by the entry, unless a refresh must say: a row the reader could not read,
    // or rows listed under the board by number (a deleted row renumbers those below it).
    const day = readDay(cell('date'), kept.clock);
    const quantity = readNumber(cell('quantity'));
    const rep = readName(cell('rep')) ?? '';
    const activity = readName(cell('activity')) ?? '';
    const board = kept.board;
    const listed = board !== undefined && listsProblems(board);
    const readable = day !== undefined && Number.isFinite(quantity) && !isBlank(rep) && !isBlank(activity);
    const delta =
      day !== undefined && readable && !(listed && others.length === 0)
        ? { rep, activity, day, quantity: -quantity }
        : undefined;
    const after = changeLog(
      spreadsheet,
      kept,
      () => {
        if (others.length === 0) sheet.deleteRow(at);
        else
          for (const [first, count] of columnRuns(logColumns)) sheet.getRange(at, first + 1, 1, count).clearContent();
      },
      delta,
    );
    const date = cell('date');
    const params = {
      rep: String(cell('rep')),
      quantity: String(cell('quantity')),
      activity: String(cell('activity')),
      date: isDate(date) ? dayToIso(kept.clock.dayOf(date.getTime())) : String(date),
      cells: others.map((column) => `${columnLetter(column + 1)}${at}`).join(', '),
    };
    const labels = SIDEBAR[lang].labels;
    return saved(spreadsheet, after, lang, fill(others.length ? labels.undoneKept : labels.undone, params));
  });
}
