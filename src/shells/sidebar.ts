/**
 * The sidebar's server functions (SPEC §5): `getSidebarState`, `logActivity`,
 * `undoLastEntry`. Each returns plain JSON (dates as ISO strings) and never a raw
 * exception: a failure is a message the form can show.
 */
import { isDate } from '../core/cells';
import { dayToIso } from '../core/day';
import { type FieldError, LIMITS, validateEntry } from '../core/entry';
import { fill, type HeaderKey, headerKeyOf, type Lang, langFromLocale } from '../core/i18n';
import { fieldMessage, SIDEBAR } from '../core/i18n/sidebar';
import { ACTIVITIES_SPEC, weightOf } from '../core/log';
import { activityKeyOf, repKeyOf } from '../core/names';
import { QuotaError } from '../core/problems';
import { SHEET_COLUMNS } from '../core/setup';
import { type SidebarState, sidebarState } from '../core/sidebarState';
import { readTable, type TableSpec } from '../core/table';
import { nowDate } from './clock';
import { ensureRows, readTables, refresh, type Tables, today } from './workbook';

/** Sheets' number format for plain text. */
const TEXT = '@';

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

function failure(_lang: Lang, message: string, errors: ShownError[] = []): LogResult {
  return { ok: false, message, errors };
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

/** Column positions of the Activities sheet, by header key. */
function columnsOf(header: readonly unknown[]): Map<HeaderKey, number> {
  const columns = new Map<HeaderKey, number>();
  header.forEach((cell, index) => {
    const key = headerKeyOf(String(cell ?? ''));
    if (key && !columns.has(key)) columns.set(key, index);
  });
  return columns;
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
    return failure(lang, errors[0]?.message ?? '', errors);
  }
  const entry = checked.entry;
  return withDocumentLock(lang, () => {
    const tables = readTables(spreadsheet);
    const sheet = tables.sheets.get('activities');
    const values = tables.values.activities;
    if (!sheet || !values || values.length === 0) return failure(lang, fieldMessage(lang, 'notSetUp'));
    const columns = entryColumns(values, lang);
    if (typeof columns === 'string') return failure(lang, columns);
    const idColumn = columns.get('entryId');
    const labels = SIDEBAR[lang].labels;
    if (idColumn !== undefined && values.some((row, i) => i > 0 && String(row[idColumn]) === entry.id)) {
      return saved(spreadsheet, tables, lang, labels.duplicate, entry.rep);
    }
    // An entry into a total too large to add up would never count (log.ts): refused, as a field's problem.
    const weight = weightOf(values, columns, repKeyOf(entry.rep), activityKeyOf(entry.activity)) + entry.quantity;
    if (!(weight < Number.POSITIVE_INFINITY)) {
      const params = { field: labels.quantity, rep: entry.rep, activity: entry.activity };
      const text = fieldMessage(lang, 'totalTooLarge', params);
      return failure(lang, text, [{ field: 'quantity', message: text }]);
    }
    const row = rowFor(values[0] ?? [], columns, clock.startOf(entry.day), {
      rep: entry.rep,
      activity: entry.activity,
      quantity: entry.quantity,
      notes: entry.notes,
      loggedBy: userEmail(),
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
  if (!lock) return failure(lang, fieldMessage(lang, 'failed'));
  if (!lock.tryLock(LOCK_WAIT_MS)) return failure(lang, fieldMessage(lang, 'tryAgain'));
  try {
    return write();
  } catch (error) {
    console.error(error);
    return failure(lang, fieldMessage(lang, 'failed'));
  } finally {
    lock.releaseLock();
  }
}

/**
 * One Activities row laid out by the sheet's own header: the values, the number
 * formats that keep them what they are (user text as plain text, so `=…`, `+…`,
 * `-…`, `@…` never become formulas and `3/4` never a date, SPEC §8), and the row
 * as it will read back.
 */
function rowFor(
  header: readonly unknown[],
  columns: ReadonlyMap<HeaderKey, number>,
  dayStart: number,
  fields: { rep: string; activity: string; quantity: number; notes: string; loggedBy: string; id: string },
): { values: unknown[]; formats: string[] } {
  const width = Math.max(header.length, ...[...columns.values()].map((index) => index + 1), 1);
  const values: unknown[] = new Array(width).fill('');
  const formats: string[] = new Array(width).fill('General');
  const put = (key: HeaderKey, value: unknown, format: string) => {
    const index = columns.get(key);
    if (index === undefined) return;
    values[index] = value;
    formats[index] = format;
  };
  put('date', new Date(dayStart), 'yyyy-mm-dd');
  put('rep', fields.rep, TEXT);
  put('activity', fields.activity, TEXT);
  put('quantity', fields.quantity, '#,##0.##');
  put('notes', fields.notes, TEXT);
  put('loggedBy', fields.loggedBy, TEXT);
  put('loggedAt', nowDate(), 'yyyy-mm-dd hh:mm:ss');
  put('entryId', fields.id, TEXT);
  return { values, formats };
}

/** Removes the signed-in user's own latest entry (never anyone else's) and returns the new state. */
export function undoLastEntry(): LogResult {
  const lang = userLang();
  const spreadsheet = SpreadsheetApp.getActive();
  return withDocumentLock(lang, () => {
    const tables = readTables(spreadsheet);
    const sheet = tables.sheets.get('activities');
    const values = tables.values.activities;
    if (!sheet || !values || values.length < 2) return failure(lang, fieldMessage(lang, 'nothingToUndo'));
    const columns = columnsOf(values[0] ?? []);
    const byColumn = columns.get('loggedBy');
    const user = userEmail().toLowerCase();
    let target = -1;
    // No email (Apps Script may not reveal it): such a user owns no entry, least of all the ones typed by hand.
    if (byColumn !== undefined && user !== '') {
      for (let i = values.length - 1; i >= 1; i--) {
        if (String(values[i]?.[byColumn] ?? '').toLowerCase() === user) {
          target = i;
          break;
        }
      }
    }
    if (target < 0) return failure(lang, fieldMessage(lang, 'nothingToUndo'));
    const removed = values[target] ?? [];
    sheet.deleteRow(target + 1);
    values.splice(target, 1);
    const cell = (key: HeaderKey) => {
      const index = columns.get(key);
      return index === undefined ? '' : removed[index];
    };
    const { clock } = today(spreadsheet);
    const date = cell('date');
    const iso = isDate(date) ? dayToIso(clock.dayOf(date.getTime())) : String(date);
    const message = fill(SIDEBAR[lang].labels.undone, {
      quantity: String(cell('quantity')),
      activity: String(cell('activity')),
      date: iso,
    });
    return saved(spreadsheet, tables, lang, message);
  });
}

/** Menu: opens the sidebar. */
export function openSidebar(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR[lang].labels.title);
  SpreadsheetApp.getUi().showSidebar(html);
}
