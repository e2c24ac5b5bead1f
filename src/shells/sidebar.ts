/**
 * The sidebar's server functions (SPEC §5): `getSidebarState`, `logActivity`
 * (and `undoLastEntry`, in undo.ts). Each returns plain JSON (dates as ISO
 * strings) and never a raw exception: a failure is a message the form can
 * show. What they read and write does not grow with the log: the small tables,
 * the board's block, the log's header and tail, and one found cell.
 */
import { validateEntry } from '../core/entry';
import { fill } from '../core/i18n';
import { fieldMessage, SIDEBAR } from '../core/i18n/sidebar';
import { applyEntry } from '../core/keptBoard';
import { weightOf } from '../core/log';
import { claimOf, claimRow, entryRow } from '../core/logEntry';
import { activityKeyOf, repKeyOf } from '../core/names';
import { showQuantity } from '../core/quantity';
import type { LogResult, ServerImpl } from '../core/serverApi';
import type { SidebarState } from '../core/sidebarState';
import { nowDate } from './clock';
import { hostMessage } from './host';
import { changeLog, readKept } from './kept';
import { entryColumns, entryRowOf, failure, saved, stateOf, underEntryLock, userEmail, userLang } from './replies';
import { undoLastEntry } from './undo';
import { today } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The form's first view: who is signed in, what they can log, how they are doing. It only reads.
 * `spreadsheet`: the add-on's active one, or the one a web app opened (SPEC §5b).
 */
export function getSidebarState(rep?: unknown, spreadsheet: Spreadsheet = SpreadsheetApp.getActive()): SidebarState {
  return stateOf(spreadsheet, readKept(spreadsheet), userLang(), typeof rep === 'string' ? rep : undefined);
}

/**
 * Appends one row under the document lock and returns the rep's new state in
 * the same round trip. Every field is checked first: with any problem, nothing
 * is written. The same entry id twice appends once (Sheets finds the id). The
 * board moves on by this one entry; only when that cannot be exact (a new board
 * row, a board computed for another day or edited by hand) is it refreshed
 * whole. Logged by, Logged at and Entry ID are the server's, whatever the form sent.
 * `spreadsheet`: as for {@link getSidebarState}.
 */
export function logActivity(input: unknown, spreadsheet: Spreadsheet = SpreadsheetApp.getActive()): LogResult {
  const lang = userLang();
  const { clock, day } = today(spreadsheet);
  const checked = validateEntry(input, day, lang);
  if (checked.errors) {
    const labels = SIDEBAR[lang].labels;
    const errors = checked.errors.map((error) => ({
      field: error.field,
      message: hostMessage(lang, error.key, {
        field: error.field === 'form' ? '' : labels[error.field],
        ...(error.params ?? {}),
      }),
    }));
    return failure(errors[0]?.message ?? '', errors);
  }
  const entry = checked.entry;
  return underEntryLock(lang, () => {
    const kept = readKept(spreadsheet);
    const sheet = kept.sheets.get('activities');
    const log = entryColumns(sheet, lang);
    if (typeof log === 'string' || !sheet) return failure(typeof log === 'string' ? log : '');
    const { columns } = log;
    const labels = SIDEBAR[lang].labels;
    if (entryRowOf(sheet, columns, entry.id) !== undefined) {
      return saved(spreadsheet, () => kept, lang, labels.duplicate, entry.rep);
    }
    const delta = { rep: entry.rep, activity: entry.activity, day: entry.day, quantity: entry.quantity };
    const whole = kept.board === undefined || applyEntry(kept.board.rows, delta, kept.context) === 'refresh';
    if (whole) {
      // An entry into a total too large to add up would never count (log.ts): refused, as a field's problem.
      const values = sheet.getDataRange().getValues();
      const weight = weightOf(values, columns, repKeyOf(entry.rep), activityKeyOf(entry.activity)) + entry.quantity;
      if (!(weight < Number.POSITIVE_INFINITY)) {
        const text = fieldMessage(lang, 'totalTooLarge', {
          field: labels.quantity,
          rep: entry.rep,
          activity: entry.activity,
        });
        return failure(text, [{ field: 'quantity', message: text }]);
      }
    }
    const row = entryRow(columns, log.width, {
      date: new Date(clock.startOf(entry.day)),
      rep: entry.rep,
      activity: entry.activity,
      quantity: entry.quantity,
      notes: entry.notes,
      loggedBy: userEmail(),
      loggedAt: nowDate(),
      id: entry.id,
    });
    const after = changeLog(
      spreadsheet,
      kept,
      () => {
        // Not "the row under the last one": the phone's web app appends under its own lock (SPEC §5b, §8).
        sheet.appendRow(claimRow(columns, entry.id));
        const claim = claimOf(entry.id);
        const idColumn = (columns.get('entryId') ?? 0) + 1;
        const holdsClaim = (row: number) => row > 1 && sheet.getRange(row, idColumn).getValue() === claim;
        // Where the claim landed: the last row, unless another project appended after it (then Sheets finds it).
        const last = sheet.getLastRow();
        const at = holdsClaim(last) ? last : entryRowOf(sheet, columns, claim);
        let written = false;
        try {
          if (at === undefined) throw new Error(claim);
          const target = sheet.getRange(at, 1, 1, row.values.length);
          target.setNumberFormats([row.formats]);
          target.setValues([row.values]);
          written = true;
        } finally {
          // A claim never stays in the log: after a failed write it goes; and when a row removed above it
          // meanwhile (an undo from the other project) moved it up, the entry went to the free row under it,
          // and the claim, one row up, goes. Failing to remove it does not undo a saved entry.
          try {
            const left = (written ? [Number(at) - 1] : [Number(at), Number(at) - 1]).find(holdsClaim);
            if (left !== undefined) sheet.deleteRow(left);
          } catch (error) {
            console.error(error);
          }
        }
      },
      whole ? undefined : delta,
    );
    const quantity = showQuantity(entry.quantity, lang);
    const message = fill(labels.logged, { quantity, activity: entry.activity, rep: entry.rep });
    return saved(spreadsheet, after, lang, message, entry.rep);
  });
}

/** The sidebar's three server functions, each on the spreadsheet `open` gives when it is called. */
export function sidebarServer(open: () => Spreadsheet): ServerImpl {
  return {
    getSidebarState: (rep) => getSidebarState(rep, open()),
    logActivity: (entry) => logActivity(entry, open()),
    undoLastEntry: (id) => undoLastEntry(id, open()),
  };
}

/** Menu: opens the sidebar. */
export function openSidebar(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR[lang].labels.title);
  SpreadsheetApp.getUi().showSidebar(html);
}
