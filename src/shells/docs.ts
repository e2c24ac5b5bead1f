/**
 * The words of the generated wrappers' JSDoc: what Sheets shows in autocomplete
 * for each custom function, and what a reader of Code.js sees above each entry
 * point. Keyed by the names in the catalogue (functions.ts, entries.ts).
 *
 * build.mjs reads this module at build time and checks it against the
 * catalogue (a function, entry point or parameter without words, or words for
 * one that does not exist, fails the build). The bundle never imports it, so
 * Sheets does not load these words on every call.
 */

export interface ParamDoc {
  /** JSDoc type shown by Sheets, e.g. `A1:H` or `string`. */
  type: string;
  text: string;
}

export interface Doc {
  summary: string;
  /** Words for parameters this function names differently from {@link PARAMS}. */
  params?: Record<string, ParamDoc>;
  returns?: ParamDoc;
}

/** The custom functions' parameters, by name, shared by every function that takes them. */
export const PARAMS: Record<string, ParamDoc> = {
  activities: { type: 'A1:H', text: 'The activity log with its header row, e.g. ActivityLog or Activities!A:H.' },
  quotas: { type: 'A1:F', text: 'The quota table with its header row, e.g. QuotaTable or Quotas!A:F.' },
  rep: {
    type: 'string',
    text: 'A rep, "*" for the whole team, or a team name from the team range; or a range of them.',
  },
  activity: { type: 'string', text: 'An activity type such as "Calls", or a range of them.' },
  outcome: { type: 'string', text: 'The outcome activity, e.g. "Opportunities".' },
  date: {
    type: 'Date',
    text: 'The as-of day; its period is reported. Default today; pass AsOfDate to refresh daily.',
  },
  settings: {
    type: 'A1:C',
    text: 'Optional Settings range (week start, fiscal year, holidays, pacing), e.g. QuotaSettings.',
  },
  team: { type: 'A1:D', text: 'Optional Team range, needed for team names in rep, e.g. TeamTable.' },
  start: { type: 'Date', text: 'First day, inclusive.' },
  end: { type: 'Date', text: 'Last day, inclusive.' },
};

const number = (text: string): ParamDoc => ({ type: 'number', text });

export const FUNCTIONS: Record<string, Doc> = {
  ACTIVITY_TOTAL: {
    summary: 'Sum of Quantity for a rep (or team) and an activity between two dates, inclusive.',
    returns: number('The total, or an array of totals shaped like rep/activity.'),
  },
  QUOTA_TARGET: {
    summary: 'Target of the quota in force on a day for a rep (or team) and an activity.',
    returns: number('The target; blank when no quota is in force.'),
  },
  QUOTA_ATTAINMENT: {
    summary: 'Done ÷ Target for the period that contains the date (1 = quota met).',
    returns: number('Attainment as a fraction; format the cell as a percentage.'),
  },
  QUOTA_PACE: {
    summary: 'Done ÷ Expected-by-now for the period that contains the date (1 = exactly on pace).',
    returns: number('Pace as a fraction; blank while nothing is expected yet.'),
  },
  QUOTA_STATUS: {
    summary: 'Status of the quota: Met, On track, Behind, At risk, Missed or No quota.',
    returns: { type: 'string', text: 'The status label, in the spreadsheet language.' },
  },
  QUOTA_REMAINING: {
    summary: 'What is still to do to meet the quota this period: Target − Done, never below 0.',
    returns: number('The remaining amount.'),
  },
  QUOTA_FORECAST: {
    summary: 'Run-rate forecast: the total at period end if the pace so far continues.',
    returns: number('The forecast total for the period.'),
  },
  QUOTA_BOARD: {
    summary: 'The whole status board: one row per rep and quota in force, header row first.',
    returns: { type: 'Array', text: 'A table that spills down and right from the cell.' },
  },
  ACTIVITY_CONVERSION: {
    summary: 'Outcome ÷ efforts between two dates, e.g. opportunities per call, email and social contact.',
    returns: number('The conversion rate; blank when there was no effort.'),
  },
};

const EVENT = { e: { type: 'Object', text: 'The trigger event.' } };

/** Triggers, menu actions and the sidebar's server functions. */
export const ENTRY_POINTS: Record<string, Doc> = {
  onOpen: {
    summary: 'Adds the Activity Quota menu (simple trigger; calls no service before it runs).',
    params: EVENT,
  },
  onInstall: { summary: 'Runs onOpen when the add-on is installed, so the menu appears at once.', params: EVENT },
  onEdit: {
    summary: 'Refreshes the status board after an edit to Activities, Quotas, Team or Settings.',
    params: EVENT,
  },
  setUpWorkbook: {
    summary: 'Menu: creates the missing sheets, headers and named ranges; never overwrites data.',
  },
  insertSampleData: { summary: 'Menu: fills an empty workbook with a sample team, dated around today.' },
  refreshStatus: { summary: 'Menu: rebuilds the status board and colours its rows and the Quotas rows.' },
  compactLog: {
    summary:
      'Menu: rolls the entries before a cutoff day into one row per day, rep and activity, after copying them to an archive sheet.',
  },
  toggleDailyRefresh: { summary: 'Menu: turns the daily refresh (a time-driven trigger) on or off.' },
  openSidebar: { summary: 'Menu: opens the quick-entry sidebar.' },
  getSidebarState: {
    summary: 'Sidebar: the signed-in rep, activity types, quotas in force with progress, recent entries.',
    params: { rep: { type: 'string', text: 'Optional: the rep to show instead of the signed-in one.' } },
  },
  logActivity: {
    summary: 'Sidebar: appends one checked entry under the document lock; returns the refreshed state.',
    params: { entry: { type: 'Object', text: '{ id, date: "YYYY-MM-DD", rep, activity, quantity, notes }' } },
  },
  undoLastEntry: {
    summary:
      "Sidebar: removes the entry the sidebar offered Undo on, if the signed-in user logged it; keeps a person's cells beside it.",
    params: { id: { type: 'string', text: 'The Entry ID of the entry to remove.' } },
  },
  dailyRefresh: { summary: 'Time-driven trigger: moves AsOfDate to today and rebuilds the board.', params: EVENT },
};

/** The phone web app's top-level functions (src/shells/phone.ts), in dist/phone/Code.js. */
export const PHONE_ENTRY_POINTS: Record<string, Doc> = {
  doGet: {
    summary:
      "Web app: serves the phone page for the team's spreadsheet, or says why it cannot (no spreadsheet id deployed, or not shared with this user).",
    params: { e: { type: 'Object', text: 'The request event (unused).' } },
  },
  getSidebarState: {
    summary: "Phone page: the signed-in rep's quotas in force with progress, activity types and recent entries.",
    params: ENTRY_POINTS.getSidebarState?.params,
  },
  logActivity: {
    summary:
      "Phone page: appends one checked entry to the team's spreadsheet under the script lock (the same id twice appends once); returns the new state.",
    params: ENTRY_POINTS.logActivity?.params,
  },
  undoLastEntry: {
    summary: 'Phone page: removes the entry the page offered Undo on, if the signed-in user logged it.',
    params: ENTRY_POINTS.undoLastEntry?.params,
  },
};
