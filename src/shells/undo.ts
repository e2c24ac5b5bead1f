/**
 * `undoLastEntry(id)` (SPEC §5): removes exactly the entry the sidebar offered
 * Undo on, wherever it is now (a sorted or filtered log, rows inserted above),
 * if the signed-in user logged it. Sheets finds the id; only that row is read.
 */
import { fill } from '../core/i18n';
import { SIDEBAR } from '../core/i18n/sidebar';
import { columnRuns, entryIdOf, entryRemoval, loggedByUser } from '../core/logEntry';
import type { LogResult } from '../core/serverApi';
import { changeLog, listsProblems, readKept } from './kept';
import { entryColumns, entryRowOf, failure, refused, saved, underEntryLock, userEmail, userLang } from './replies';
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
  const wanted = entryIdOf(id);
  if (wanted === undefined) return refused(lang, 'nothingToUndo');
  return underEntryLock(lang, () => {
    const kept = readKept(spreadsheet);
    const sheet = kept.sheets.get('activities');
    if (!sheet) return refused(lang, 'undoGone');
    const log = entryColumns(sheet, lang);
    if (typeof log === 'string') return failure(log);
    const { columns } = log;
    const at = entryRowOf(sheet, columns, wanted);
    if (at === undefined) return refused(lang, 'undoGone');
    const row = sheet.getRange(at, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
    if (!loggedByUser(row[columns.get('loggedBy') ?? -1], userEmail())) return refused(lang, 'undoNotYours');
    const board = kept.board;
    const removal = entryRemoval(row, columns, kept.clock, board !== undefined && listsProblems(board));
    const { others, logColumns } = removal;
    const after = changeLog(
      spreadsheet,
      kept,
      () => {
        if (others.length === 0) sheet.deleteRow(at);
        else
          for (const [first, count] of columnRuns(logColumns)) sheet.getRange(at, first + 1, 1, count).clearContent();
      },
      removal.delta,
    );
    const cells = others.map((column) => `${columnLetter(column + 1)}${at}`).join(', ');
    const labels = SIDEBAR[lang].labels;
    return saved(
      spreadsheet,
      after,
      lang,
      fill(others.length ? labels.undoneKept : labels.undone, { ...removal.shown, cells }),
    );
  });
}
