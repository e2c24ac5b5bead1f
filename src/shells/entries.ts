/**
 * Entry points: the simple triggers, the menu's actions and the daily trigger.
 * Described once here; build.mjs writes a top-level function for each.
 */
import { dayToIso } from '../core/day';
import { langFromLocale } from '../core/i18n';
import { APP, notice } from '../core/i18n/app';
import { runDaily, toggleDaily } from './daily';
import { getSidebarState, logActivity, openSidebar, undoLastEntry } from './sidebar';
import { editMatters, insertSample, refresh, setUp, spreadsheetLang } from './workbook';

export interface EntrySpec {
  name: string;
  description: string;
  params: readonly { name: string; type: string; description: string }[];
  run(...args: unknown[]): unknown;
}

const EVENT = [{ name: 'e', type: 'Object', description: 'The trigger event.' }] as const;

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
    description: 'Adds the Activity Quota menu (simple trigger; calls no service before it runs).',
    params: EVENT,
    run() {
      const menu = APP[menuLang()].menu;
      SpreadsheetApp.getUi()
        .createAddonMenu()
        .addItem(menu.openSidebar, 'openSidebar')
        .addSeparator()
        .addItem(menu.setUp, 'setUpWorkbook')
        .addItem(menu.sampleData, 'insertSampleData')
        .addItem(menu.refresh, 'refreshStatus')
        .addSeparator()
        .addItem(menu.dailyToggle, 'toggleDailyRefresh')
        .addToUi();
    },
  },
  {
    name: 'onInstall',
    description: 'Runs onOpen when the add-on is installed, so the menu appears at once.',
    params: EVENT,
    run(e) {
      return ENTRIES[0]?.run(e);
    },
  },
  {
    name: 'onEdit',
    description: 'Refreshes the status board after an edit to Activities, Quotas, Team or Settings.',
    params: EVENT,
    run(e) {
      const event = e as GoogleAppsScript.Events.SheetsOnEdit | undefined;
      if (!event?.range) return;
      const spreadsheet = event.source ?? active();
      if (!editMatters(spreadsheet, event.range.getSheet())) return;
      refresh(spreadsheet);
    },
  },
  {
    name: 'setUpWorkbook',
    description: 'Menu: creates the missing sheets, headers and named ranges; never overwrites data.',
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
    description: 'Menu: fills an empty workbook with a sample team, dated around today.',
    params: [],
    run() {
      menuAction(insertSample);
    },
  },
  {
    name: 'refreshStatus',
    description: 'Menu: rebuilds the status board and colours its rows and the Quotas rows.',
    params: [],
    run() {
      menuAction((spreadsheet) => {
        const result = refresh(spreadsheet);
        const text = notice(result.lang, 'refreshed', { date: dayToIso(result.asOf), rows: result.board.length });
        if (result.problems.length === 0) return text;
        const sheet = APP[result.lang].sheets.status;
        return `${text}\n${notice(result.lang, 'refreshProblems', { count: result.problems.length, sheet })}`;
      });
    },
  },
  {
    name: 'toggleDailyRefresh',
    description: 'Menu: turns the daily refresh (a time-driven trigger) on or off.',
    params: [],
    run() {
      menuAction(toggleDaily);
    },
  },
  {
    name: 'openSidebar',
    description: 'Menu: opens the quick-entry sidebar.',
    params: [],
    run() {
      openSidebar();
    },
  },
  {
    name: 'getSidebarState',
    description: 'Sidebar: the signed-in rep, activity types, quotas in force with progress, recent entries.',
    params: [{ name: 'rep', type: 'string', description: 'Optional: the rep to show instead of the signed-in one.' }],
    run(rep) {
      return getSidebarState(rep);
    },
  },
  {
    name: 'logActivity',
    description: 'Sidebar: appends one checked entry under the document lock; returns the refreshed state.',
    params: [
      { name: 'entry', type: 'Object', description: '{ id, date: "YYYY-MM-DD", rep, activity, quantity, notes }' },
    ],
    run(entry) {
      return logActivity(entry);
    },
  },
  {
    name: 'undoLastEntry',
    description: "Sidebar: removes the signed-in user's own latest entry, nobody else's.",
    params: [],
    run() {
      return undoLastEntry();
    },
  },
  {
    name: 'dailyRefresh',
    description: 'Time-driven trigger: moves AsOfDate to today and rebuilds the board.',
    params: EVENT,
    run() {
      runDaily();
    },
  },
];
