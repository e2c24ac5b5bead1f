import type { AppStrings } from './types';

export const en = {
  sheets: { activities: 'Activities', quotas: 'Quotas', team: 'Team', settings: 'Settings', status: 'Status' },
  archive: 'Archive',
  menu: {
    openSidebar: 'Log activity',
    setUp: 'Set up workbook',
    sampleData: 'Insert sample data',
    refresh: 'Refresh status',
    dailyToggle: 'Turn daily refresh on/off',
    compact: 'Compact log…',
  },
  notices: {
    compactAsk:
      "Roll up the entries dated before which day (YYYY-MM-DD)? Leave it blank for {date}, the start of the previous quarter. Each day's entries of one rep and activity become one row with their sum; the original rows are first copied to an archive sheet.",
    compactBadDate: '"{value}" is not a day before today: type one as YYYY-MM-DD. Nothing was changed.',
    compacted: '{entries} entries rolled into {rows} rows; originals in {sheet}.',
    compactNothing:
      'Nothing to compact: no day before {date} has more than one entry for the same rep and activity. Nothing was changed.',
    compactKept:
      '{count} rows before {date} stay as they are: they hold something beside the entry, or cannot be read.',
    rolledUp: '{count} entries rolled up',
    archiveTitle: 'Rows rolled up by Compact log, copied here as they were.',
    busy: 'Someone else is saving right now. Nothing was changed; try again in a moment.',
    setUpBoth: 'Set up: created {created}, and added the missing columns to {sheets}. Existing data was not touched.',
    setUpCompleted: 'Set up: added the missing columns to {sheets}. Existing data was not touched.',
    setUpCreated: 'Set up: created {created}. Existing data was not touched.',
    setUpNothing: 'The workbook is already set up; nothing was changed.',
    sampleInserted: 'Sample data added: {reps} reps, {rows} activity rows and {quotas} quotas, dated around {today}.',
    sampleNotEmpty:
      'Sample data goes into an empty workbook only: the {sheet} sheet already has data, so nothing was added.',
    refreshed: 'Status refreshed as of {date}: {rows} rows.',
    refreshProblems: '{count} rows were skipped; see the list under the board on the {sheet} sheet.',
    problemsTitle: 'Rows skipped',
    problemRow: '{sheet} row {row}: {message}',
    boardCut:
      'Board cut at row {row}: {cell} holds data Activity Quota did not write, and it is left as it is. Move it to see all {rows} rows.',
    duplicateQuota:
      'the quotas range, row {row}: the same rep, activity and dates as row {other}; the lower row wins, so delete one of them',
    missingSheet: 'There is no {sheet} sheet yet: choose "{setUp}" first.',
    dailyOn: 'Daily refresh is on: every morning the as-of date moves to today and the status board is rebuilt.',
    dailyOff: 'Daily refresh is off.',
    dailyOffOther: 'Daily refresh is off. {owner} had turned it on; that trigger stops by itself at its next run.',
    dailyOffSomeone:
      'Daily refresh is off. Another user had turned it on; that trigger stops by itself at its next run.',
    failed: 'That did not work: {message}. It is safe to try again.',
  },
} as const satisfies AppStrings;
