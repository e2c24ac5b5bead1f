/**
 * Entry points: the simple triggers, the menu's actions and the daily trigger.
 * Listed once here; build.mjs writes a top-level function for each, with its
 * words from docs.ts.
 */
import { dayToIso } from '../core/day';
import { langFromLocale } from '../core/i18n';
import { APP, notice } from '../core/i18n/app';
import { pinIfAsOfEdited } from './asOf';
import { refresh } from './board';
import { compactFromMenu } from './compact';
import { catchUpOnOpen, runDaily, toggleDaily } from './daily';
import { type EntrySpec, serverEntries } from './entrySpec';
import { insertSample, setUp } from './setup';
import { openSidebar, sidebarServer } from './sidebar';
import { editMatters, readTables, spreadsheetLang } from './workbook';

const EVENT = ['e'];

/** The menu's language: the spreadsheet's, or (before the add-on may read it) the user's. */
function menuLang(): ReturnType<typeof langFromLocale> {
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    if (spreadsheet) return spreadsheetLang(spreadsheet);
  } catch (_) {
    // AuthMode.NONE: the spreadsheet is not readable yet.
  }
  return langFromLocale(Session.getActiveUserLocale());
}

function active(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActive();
}

/** An error's message, whatever realm or kind threw it. */
export function errorMessage(error: unknown): string {
  const text = (error as { message?: unknown } | undefined)?.message;
  return typeof text === 'string' ? text : String(error);
}

/** A menu item's entry point: its action, run by {@link menuAction}. */
function menuEntry(
  name: string,
  action: (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) => string | undefined,
) {
  return { name, params: [], run: () => menuAction(action) };
}

/** Runs a menu action; a failure becomes a plain message, never a raw exception. */
function menuAction(action: (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) => string | undefined): void {
  const spreadsheet = active();
  const lang = spreadsheetLang(spreadsheet);
  let text: string | undefined;
  try {
    text = action(spreadsheet);
  } catch (error) {
    text = notice(lang, 'failed', { message: errorMessage(error) });
  }
  if (text) SpreadsheetApp.getUi().alert(text);
}

/** The add-on's menu, and at the first open of a day (where the add-on may read the file) the board's catch-up. */
function onOpen(e?: unknown): void {
  const menu = APP[menuLang()].menu;
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(menu.openSidebar, 'openSidebar')
    .addSeparator()
    .addItem(menu.setUp, 'setUpWorkbook')
    .addItem(menu.sampleData, 'insertSampleData')
    .addItem(menu.refresh, 'refreshStatus')
    .addItem(menu.compact, 'compactLog')
    .addSeparator()
    .addItem(menu.dailyToggle, 'toggleDailyRefresh')
    .addToUi();
  const mode = (e as { authMode?: unknown } | undefined)?.authMode;
  if (mode !== undefined && mode !== ScriptApp.AuthMode.NONE) catchUpOnOpen();
}

export const ENTRIES: readonly EntrySpec[] = [
  { name: 'onOpen', params: EVENT, run: onOpen },
  /** Installing from the Marketplace runs onInstall, not onOpen: the same menu, at once. */
  { name: 'onInstall', params: EVENT, run: onOpen },
  {
    name: 'onEdit',
    params: EVENT,
    run(e) {
      const event = e as GoogleAppsScript.Events.SheetsOnEdit | undefined;
      if (!event?.range) return;
      const spreadsheet = event.source ?? active();
      if (!editMatters(spreadsheet, event.range.getSheet())) return;
      const tables = readTables(spreadsheet);
      pinIfAsOfEdited(tables, event.range);
      refresh(spreadsheet, tables);
    },
  },
  menuEntry('setUpWorkbook', (spreadsheet) => {
    const { created, completed } = setUp(spreadsheet);
    const lang = spreadsheetLang(spreadsheet);
    const params = { created: created.join(', '), sheets: completed.join(', ') };
    if (created.length > 0 && completed.length > 0) return notice(lang, 'setUpBoth', params);
    if (created.length > 0) return notice(lang, 'setUpCreated', params);
    if (completed.length > 0) return notice(lang, 'setUpCompleted', params);
    return notice(lang, 'setUpNothing');
  }),
  menuEntry('insertSampleData', insertSample),
  menuEntry('refreshStatus', (spreadsheet) => {
    const result = refresh(spreadsheet);
    const lines = [notice(result.lang, 'refreshed', { date: dayToIso(result.asOf), rows: result.board.length })];
    if (result.boardCut) lines.push(result.boardCut);
    const sheet = APP[result.lang].sheets.status;
    if (result.problems.length > 0) {
      lines.push(notice(result.lang, 'refreshProblems', { count: result.problems.length, sheet }));
    }
    return lines.join('\n');
  }),
  menuEntry('toggleDailyRefresh', toggleDaily),
  menuEntry('compactLog', compactFromMenu),
  {
    name: 'openSidebar',
    params: [],
    run() {
      openSidebar();
    },
  },
  ...serverEntries(sidebarServer(active)),
  {
    name: 'dailyRefresh',
    params: EVENT,
    run() {
      runDaily();
    },
  },
];
