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
import { insertSample, setUp } from './setup';
import { getSidebarState, logActivity, openSidebar, undoLastEntry } from './sidebar';
import { editMatters, readTables, spreadsheetLang } from './workbook';

/** An entry point; its words for Code.js are in docs.ts, read by build.mjs only. */
export interface EntrySpec {
  name: string;
  params: readonly string[];
  run(...args: unknown[]): unknown;
}

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

export const ENTRIES: readonly EntrySpec[] = [
  {
    name: 'onOpen',
    params: EVENT,
    run(e) {
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
    },
  },
  {
    name: 'onInstall',
    params: EVENT,
    run(e) {
      return ENTRIES[0]?.run(e);
    },
  },
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
  {
    name: 'setUpWorkbook',
    params: [],
    run() {
      menuAction((spreadsheet) => {
        const { created, completed } = setUp(spreadsheet);
        const lang = spreadsheetLang(spreadsheet);
        const params = { created: created.join(', '), sheets: completed.join(', ') };
        if (created.length > 0 && completed.length > 0) return notice(lang, 'setUpBoth', params);
        if (created.length > 0) return notice(lang, 'setUpCreated', params);
        if (completed.length > 0) return notice(lang, 'setUpCompleted', params);
        return notice(lang, 'setUpNothing');
      });
    },
  },
  {
    name: 'insertSampleData',
    params: [],
    run() {
      menuAction(insertSample);
    },
  },
  {
    name: 'refreshStatus',
    params: [],
    run() {
      menuAction((spreadsheet) => {
        const result = refresh(spreadsheet);
        const lines = [notice(result.lang, 'refreshed', { date: dayToIso(result.asOf), rows: result.board.length })];
        if (result.boardCut) lines.push(result.boardCut);
        const sheet = APP[result.lang].sheets.status;
        if (result.problems.length > 0) {
          lines.push(notice(result.lang, 'refreshProblems', { count: result.problems.length, sheet }));
        }
        return lines.join('\n');
      });
    },
  },
  {
    name: 'toggleDailyRefresh',
    params: [],
    run() {
      menuAction(toggleDaily);
    },
  },
  {
    name: 'compactLog',
    params: [],
    run() {
      menuAction(compactFromMenu);
    },
  },
  {
    name: 'openSidebar',
    params: [],
    run() {
      openSidebar();
    },
  },
  {
    name: 'getSidebarState',
    params: ['rep'],
    run(rep) {
      return getSidebarState(rep);
    },
  },
  {
    name: 'logActivity',
    params: ['entry'],
    run(entry) {
      return logActivity(entry);
    },
  },
  {
    name: 'undoLastEntry',
    params: ['id'],
    run(id) {
      return undoLastEntry(id);
    },
  },
  {
    name: 'dailyRefresh',
    params: EVENT,
    run() {
      runDaily();
    },
  },
];
