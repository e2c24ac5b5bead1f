/**
 * The sidebar's server functions (SPEC §5): `getSidebarState`, `logActivity`,
 * `undoLastEntry`. Each returns plain JSON (dates as ISO strings) and never a raw
 * exception: a failure is a message the form can show.
 */
import { isDate } from '../core/cells';
import { dayToIso } from '../core/day';
import { type FieldError, LIMITS, validateEntry } from '../core/entry';
import { fill, type HeaderKey, type Lang, langFromLocale } from '../core/i18n';
import { type FieldMessageKey, fieldMessage, SIDEBAR } from '../core/i18n/sidebar';
import { ACTIVITIES_SPEC, weightOf } from '../core/log';
import { columnRuns, entryRow, findEntry, loggedByUser, otherCells } from '../core/logEntry';
import { activityKeyOf, repKeyOf } from '../core/names';
import { QuotaError } from '../core/problems';
import { SHEET_COLUMNS } from '../core/setup';
import { type SidebarState, sidebarState } from '../core/sidebarState';
import { readTable, type TableSpec } from '../core/table';
import { refresh } from './board';
import { nowDate } from './clock';
import { columnLetter, ensureRows, readTables, type Tables, today } from './workbook';

/** How long a call waits for the document lock before saying "try again". */
export const LOCK_WAIT_MS = 10_000;

export interface ShownError {
  field: FieldError['field'];
  message: string;
}

export interface LogResult {
  ok: boolean;
  /** What to tell the user: "Logged 1 Calls for Raj.", or why nothing was saved. */
  message: string;
  errors: ShownError[];
  state?: SidebarState;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function userLang(): Lang {
  return langFromLocale(Session.getActiveUserLocale());
}

function userEmail(): string {
  return Session.getActiveUser().getEmail();
}

function stateOf(spreadsheet: Spreadsheet, tables: Tables, lang: Lang, rep?: string): SidebarState {
  const { clock, day } = today(spreadsheet);
  const ready = tables.sheets.has('activities') && tables.sheets.has('quotas');
  const result = ready ? refresh(spreadsheet, tables) : undefined;
  return sidebarState({
    refresh: result,
    activities: tables.values.activities,
    team: tables.values.team,
    user: userEmail(),
    rep,
    lang,
    clock,
    today: day,
    limits: { name: LIMITS.name, notes: LIMITS.notes, quantity: LIMITS.quantity },
  });
}

/** The form's first view: who is signed in, what they can log, how they are doing. */
export function getSidebarState(rep?: unknown): SidebarState {
  const spreadsheet = SpreadsheetApp.getActive();
  return stateOf(spreadsheet, readTables(spreadsheet), userLang(), typeof rep === 'string' ? rep : undefined);
}

/**
 * The reply once the sheet has its change: the change stands even when the
 * refreshed state cannot be had, so it is never reported as "nothing was saved".
 */
function saved(spreadsheet: Spreadsheet, tables: Tables, lang: Lang, message: string, rep?: string): LogResult {
  try {
    return { ok: true, message, errors: [], state: stateOf(spreadsheet, tables, lang, rep) };
  } catch (error) {
    console.error(error);
    return { ok: true, message, errors: [] };
  }
}

function failure(message: string, errors: ShownError[] = []): LogResult {
  return { ok: false, message, errors };
}

/** Nothing was done, for the reason `key` names. */
function refused(lang: Lang, key: FieldMessageKey): LogResult {
  return failure(fieldMessage(lang, key));
}

/** Every column of SPEC §2's log: an entry needs each (Entry ID to be saved once, Logged by to be undone). */
const ENTRY_TABLE: TableSpec = { ...ACTIVITIES_SPEC, required: SHEET_COLUMNS.activities, optional: [] };

/**
 * Column positions of the Activities sheet for a new entry, or why there is no
 * place for it (a column missing or twice; no header row at all), so that
 * nothing is written rather than a row without its quantity, date or id.
 */
function entryColumns(values: unknown[][], lang: Lang): ReadonlyMap<HeaderKey, number> | string {
  try {
    return readTable(values.slice(0, 1), ENTRY_TABLE, lang).columns;
  } catch (error) {
    if (error instanceof QuotaError && error.problem.key !== 'tableEmpty') return error.in(lang);
    return fieldMessage(lang, 'notSetUp');
  }
}

/**
 * Appends one row under the document lock and returns the refreshed state in
 * the same round trip. Every field is checked first: with any problem, nothing
 * is written. The same entry id twice appends once. Logged by, Logged at and
 * Entry ID are the server's, whatever the form sent.
 */
export function logActivity(input: unknown): LogResult {
  const lang = userLang();
  const spreadsheet = SpreadsheetApp.getActive();
  const { clock, day } = today(spreadsheet);
  const checked = validateEntry(input, day);
  if (checked.errors) {
    const labels = SIDEBAR[lang].labels;
    const errors = checked.errors.map((error) => ({
      field: error.field,
      message: fieldMessage(lang, error.key, {
        field: error.field === 'form' ? '' : labels[error.field],
        ...(error.params ?? {}),
      }),
    }));
    return failure(errors[0]?.message ?? '', errors);
  }
  const entry = checked.entry;
  return withDocumentLock(lang, () => {
    const tables = readTables(spreadsheet);
    const sheet = tables.sheets.get('activities');
    const values = tables.values.activities;
    if (!sheet || !values || values.length === 0) return refused(lang, 'notSetUp');
    const columns = entryColumns(values, lang);
    if (typeof columns === 'string') return failure(columns);
    const labels = SIDEBAR[lang].labels;
    if (findEntry(values, columns.get('entryId'), entry.id) > 0) {
      return saved(spreadsheet, tables, lang, labels.duplicate, entry.rep);
    }
    // An entry into a total too large to add up would never count (log.ts): refused, as a field's problem.
    const weight = weightOf(values, columns, repKeyOf(entry.rep), activityKeyOf(entry.activity)) + entry.quantity;
    if (!(weight < Number.POSITIVE_INFINITY)) {
      const params = { field: labels.quantity, rep: entry.rep, activity: entry.activity };
      const text = fieldMessage(lang, 'totalTooLarge', params);
      return failure(text, [{ field: 'quantity', message: text }]);
    }
    const row = entryRow(columns, values[0]?.length ?? 0, {
      date: new Date(clock.startOf(entry.day)),
      rep: entry.rep,
      activity: entry.activity,
      quantity: entry.quantity,
      notes: entry.notes,
      loggedBy: userEmail(),
      loggedAt: nowDate(),
      id: entry.id,
    });
    ensureRows(sheet, values.length + 1);
    const target = sheet.getRange(values.length + 1, 1, 1, row.values.length);
    target.setNumberFormats([row.formats]);
    target.setValues([row.values]);
    values.push(row.values);
    const message = fill(labels.logged, { quantity: entry.quantity, activity: entry.activity, rep: entry.rep });
    return saved(spreadsheet, tables, lang, message, entry.rep);
  });
}

/**
 * Runs `write` holding the document lock, so entries from many users are
 * neither lost nor doubled (SPEC §8): "try again" when the lock stays busy, and
 * any failure a plain message, never a raw exception. Outside a document there
 * is no document lock (Apps Script gives null), and nothing is written.
 */
function withDocumentLock(lang: Lang, write: () => LogResult): LogResult {
  const lock = LockService.getDocumentLock();
  if (!lock) return refused(lang, 'failed');
  if (!lock.tryLock(LOCK_WAIT_MS)) return refused(lang, 'tryAgain');
  try {
    return write();
  } catch (error) {
    console.error(error);
    return refused(lang, 'failed');
  } finally {
    lock.releaseLock();
  }
}

/**
 * Removes entry `id` (the one the sidebar offered Undo on), wherever it is now,
 * if the signed-in user logged it, and returns the new state. A row that also
 * holds a person's own cells (a memo beside the entry) keeps them: only the
 * log's cells are cleared, and the message says so. Anything else: a message,
 * and no change.
 */
export function undoLastEntry(id?: unknown): LogResult {
  const lang = userLang();
  const spreadsheet = SpreadsheetApp.getActive();
  if (typeof id !== 'string' || id.trim() === '') return refused(lang, 'nothingToUndo');
  return withDocumentLock(lang, () => {
    const tables = readTables(spreadsheet);
    const sheet = tables.sheets.get('activities');
    const values = tables.values.activities;
    if (!sheet || !values || values.length < 2) return refused(lang, 'undoGone');
    const columns = entryColumns(values, lang);
    if (typeof columns === 'string') return failure(columns);
    const index = findEntry(values, columns.get('entryId'), id.trim());
    if (index < 0) return refused(lang, 'undoGone');
    const removed = [...(values[index] ?? [])];
    const cell = (key: HeaderKey) => removed[columns.get(key) ?? -1];
    if (!loggedByUser(cell('loggedBy'), userEmail())) return refused(lang, 'undoNotYours');
    const logColumns = SHEET_COLUMNS.activities.map((key) => columns.get(key) ?? -1).filter((i) => i >= 0);
    const others = otherCells(removed, logColumns);
    if (others.length === 0) {
      sheet.deleteRow(index + 1);
      values.splice(index, 1);
    } else {
      for (const [first, count] of columnRuns(logColumns))
        sheet.getRange(index + 1, first + 1, 1, count).clearContent();
      for (const column of logColumns) (values[index] as unknown[])[column] = '';
    }
    const { clock } = today(spreadsheet);
    const date = cell('date');
    const params = {
      rep: String(cell('rep')),
      quantity: String(cell('quantity')),
      activity: String(cell('activity')),
      date: isDate(date) ? dayToIso(clock.dayOf(date.getTime())) : String(date),
      cells: others.map((column) => `${columnLetter(column + 1)}${index + 1}`).join(', '),
    };
    const labels = SIDEBAR[lang].labels;
    return saved(spreadsheet, tables, lang, fill(others.length ? labels.undoneKept : labels.undone, params));
  });
}

/** Menu: opens the sidebar. */
export function openSidebar(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR[lang].labels.title);
  SpreadsheetApp.getUi().showSidebar(html);
}
