/**
 * Issue 7, the catalogue of bad input: one table of cases across the custom
 * functions, logActivity/undoLastEntry, set-up and refresh on malformed sheets.
 * Every case checks what the user is told (a message that names the function
 * or field and says how to fix it) and that nothing the user wrote changed
 * (SPEC §8). It prints how many cases it tried, by kind and by topic.
 *
 * What "nothing changed" means, by kind:
 * - custom function: the whole workbook snapshot is identical after the call,
 *   and so are the arguments;
 * - logActivity, undoLastEntry: the whole workbook snapshot is identical;
 * - set-up: every cell of the sheets that were there keeps its value, formula,
 *   format and colour, except that empty cells of a header row may receive the
 *   headers it lacks (README "Set up workbook"); a set-up workbook is left
 *   identical;
 * - refresh: the board is rewritten, and every other sheet keeps its values,
 *   formulas, formats, dropdowns and colours, except that Quotas data rows may
 *   be recoloured with a status colour (README "Refresh status"); each problem
 *   is listed by sheet and row under the board.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fill, PERIOD_KINDS, STRINGS } from '../src/core/i18n';
import { APP } from '../src/core/i18n/app';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import { STATUS_COLORS } from '../src/core/palette';
import type { AppsScriptRuntime } from '../src/local/runtime';
import type { LogResult } from '../src/shells/sidebar';
import { type Grid, rajMonth, STATUS_HEADER } from './helpers/fixtures';
import { MIA, NOV18, RAJ, type SheetSnapshot, sheetsOf, skippedRows, teamWorkbook } from './helpers/hardening';
import { asAppsScript, runtime } from './helpers/runtime';
import { board, cellDate, sheet, snapshot } from './helpers/workbook';

type Kind = 'custom function' | 'logActivity' | 'undoLastEntry' | 'set-up' | 'refresh';
type Topic =
  | 'wrong type'
  | 'out-of-range number'
  | 'impossible date'
  | 'huge string'
  | 'missing, duplicated or renamed column'
  | 'merged or blank header cells'
  | 'overlapping quotas, From after To'
  | 'unknown rep or activity'
  | 'Unicode names and languages'
  | 'sheet renamed or deleted';

interface Case {
  kind: Kind;
  topic: Topic;
  label: string;
  run(): void;
}

const CASES: Case[] = [];
const tried = new Map<string, number>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole message, exactly. */
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

// ---- Custom functions ---------------------------------------------------------

/** Raj's September (SPEC §1) typed into a workbook set up from the menu; "today" is 30 September. */
function raj(locale = 'en_US'): AppsScriptRuntime {
  const rt = runtime({ now: Date.parse('2026-09-30T03:00:00Z'), locale });
  rt.call('setUpWorkbook');
  const f = rajMonth((iso) => cellDate(rt, iso));
  const write = (name: string, grid: Grid) => {
    const target = rt.spreadsheet.getRangeByName(name)?.getSheet();
    if (!target) throw new Error(`no ${name}`);
    const rows = asAppsScript(grid.slice(1));
    target.getRange(2, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  };
  write('ActivityLog', f.activities);
  write('QuotaTable', f.quotas);
  write('TeamTable', f.team);
  return rt;
}

const workbooks = new Map<string, AppsScriptRuntime>();
function workbookIn(locale: string): AppsScriptRuntime {
  let rt = workbooks.get(locale);
  if (!rt) {
    rt = raj(locale);
    workbooks.set(locale, rt);
  }
  return rt;
}

/** The ranges a manager passes, as Sheets passes them: fresh 2-D arrays of the sheets' values. */
interface Tables {
  log: unknown[][];
  quotas: unknown[][];
  team: unknown[][];
  d: (iso: string) => Date;
}
function tables(rt: AppsScriptRuntime): Tables {
  const read = (name: string) => rt.spreadsheet.getRangeByName(name)?.getSheet().getDataRange().getValues() ?? [];
  return {
    log: read('ActivityLog'),
    quotas: read('QuotaTable'),
    team: read('TeamTable'),
    d: (iso) => cellDate(rt, iso),
  };
}

const set = (grid: unknown[][], row: number, column: number, value: unknown) =>
  grid.map((line, r) => (r === row ? line.map((cell, c) => (c === column ? value : cell)) : [...line]));
const plus = (grid: unknown[][], row: unknown[]) => [...grid.map((line) => [...line]), row];
const settings = (key: string, value: unknown) => [
  ['Key', 'Value'],
  [key, value],
];
// Columns of the log (Date, Rep, Activity, Quantity, …) and of the quotas (Rep, Activity, Period, Target, From, To).
const DATE = 0;
const QUANTITY = 3;
const PERIOD = 2;
const TARGET = 3;
const FROM = 4;

function fn(
  topic: Topic,
  label: string,
  name: string,
  args: (t: Tables) => unknown[],
  pattern: RegExp,
  options: { locale?: string; returns?: boolean } = {},
): void {
  CASES.push({
    kind: 'custom function',
    topic,
    label: `${name}: ${label}`,
    run() {
      const rt = workbookIn(options.locale ?? 'en_US');
      const given = args(tables(rt));
      const argsBefore = JSON.stringify(given);
      const before = snapshot(rt);
      let said: string;
      let threw = false;
      try {
        said = String(rt.call(name, ...given));
      } catch (error) {
        threw = true;
        said = (error as Error).message;
      }
      expect(threw, said).toBe(!options.returns);
      if (threw) expect(said.startsWith(`${name}: `), said).toBe(true);
      expect(said).toMatch(pattern);
      expect(snapshot(rt)).toEqual(before);
      expect(JSON.stringify(given)).toBe(argsBefore);
    },
  });
}

const SEP1 = (t: Tables) => t.d('2026-09-01');
const SEP30 = (t: Tables) => t.d('2026-09-30');
const NOT_A_DATE = 'is not a date; pass a date such as DATE\\(2026,11,30\\) or AsOfDate';

// Wrong types.
fn(
  'wrong type',
  'activities is a number',
  'QUOTA_BOARD',
  (t) => [5, t.quotas, SEP30(t)],
  /activities must be a range with its header row, for example ActivityLog or Activities!A:H$/,
);
fn(
  'wrong type',
  'quotas is text',
  'QUOTA_TARGET',
  (t) => ['QuotaTable', 'Raj', 'Calls', SEP30(t)],
  /quotas must be a range with its header row, for example QuotaTable or Quotas!A:F$/,
);
fn(
  'wrong type',
  'rep is TRUE',
  'QUOTA_PACE',
  (t) => [t.log, t.quotas, true, 'Calls', SEP30(t)],
  /rep: "true" is not a name; pass text such as "Raj", "\*" for the whole team, or a team name$/,
);
fn(
  'wrong type',
  'activity is FALSE',
  'QUOTA_REMAINING',
  (t) => [t.log, t.quotas, 'Raj', false, SEP30(t)],
  /activity: "false" is not a name; pass text/,
);
fn(
  'wrong type',
  'date is TRUE',
  'QUOTA_ATTAINMENT',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', true],
  new RegExp(`date: "true" ${NOT_A_DATE}$`),
);
fn(
  'wrong type',
  'settings is text',
  'QUOTA_BOARD',
  (t) => [t.log, t.quotas, SEP30(t), 'Monday'],
  /settings must be a range with its header row, for example QuotaSettings or Settings!A:C$/,
);
fn(
  'wrong type',
  'team is a number',
  'ACTIVITY_TOTAL',
  (t) => [t.log, 'East', 'Calls', SEP1(t), SEP30(t), 3],
  /team must be a range with its header row, for example TeamTable or Team!A:D$/,
);
fn(
  'wrong type',
  'a data row of activities is a number, not a row',
  'QUOTA_BOARD',
  (t) => [[...t.log.slice(0, 2), 7, ...t.log.slice(2)], t.quotas, SEP30(t)],
  /activities must be a range with its header row, for example ActivityLog or Activities!A:H$/,
);
fn(
  'wrong type',
  'a data row of quotas is text, not a row',
  'QUOTA_TARGET',
  (t) => [[...t.quotas, 'Raj'], 'Raj', 'Calls', SEP30(t)],
  /quotas must be a range with its header row, for example QuotaTable or Quotas!A:F$/,
);
fn(
  'wrong type',
  'a bad date above a data row that is not a row: the range is refused first',
  'QUOTA_BOARD',
  (t) => [[t.log[0], ['soon', 'Raj', 'Calls', 1], ...t.log.slice(1), 7], t.quotas, SEP30(t)],
  /activities must be a range with its header row, for example ActivityLog or Activities!A:H$/,
);
fn(
  'wrong type',
  'a TRUE in Quantity',
  'ACTIVITY_TOTAL',
  (t) => [set(t.log, 3, QUANTITY, true), 'Raj', 'Calls', SEP1(t), SEP30(t)],
  /the activities range, row 4, column "Quantity": "true" is not a number; type a number such as 25$/,
);
fn(
  'wrong type',
  'a date in Target',
  'QUOTA_TARGET',
  (t) => [set(t.quotas, 1, TARGET, SEP1(t)), '*', 'Calls', SEP30(t)],
  /the quotas range, row 2, column "Target": "2026-09-01" is not a number; type a number such as 25$/,
);
fn(
  'wrong type',
  'a number in Period',
  'QUOTA_STATUS',
  (t) => [t.log, set(t.quotas, 1, PERIOD, 7), 'Raj', 'Calls', SEP30(t)],
  /the quotas range, row 2: "7" is not a period; use one of Day, Week, Month, Quarter, Year$/,
);
fn(
  'wrong type',
  'a bare number as end date',
  'ACTIVITY_CONVERSION',
  (t) => [t.log, 'Raj', 'Opportunities', SEP1(t), 1e9],
  new RegExp(`end: "1000000000" ${NOT_A_DATE}$`),
);
fn(
  'wrong type',
  'an invalid Date as start',
  'ACTIVITY_TOTAL',
  (t) => [t.log, 'Raj', 'Calls', new (t.d('2026-09-01').constructor as DateConstructor)(Number.NaN), SEP30(t)],
  new RegExp(`start: "Invalid date" ${NOT_A_DATE}$`),
);

// Out-of-range numbers.
fn(
  'out-of-range number',
  'a negative Target',
  'QUOTA_TARGET',
  (t) => [set(t.quotas, 1, TARGET, -3), '*', 'Calls', SEP30(t)],
  /the quotas range, row 2, column "Target": -3 is negative; type zero or more$/,
);
fn(
  'out-of-range number',
  'a threshold below 0',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', SEP30(t), settings('Behind threshold', -0.1)],
  /the settings range, row 2: "-0.1" is not a threshold; use a number between 0 and 1, such as 0.75$/,
);
fn(
  'out-of-range number',
  'a fiscal year starting in month 0',
  'QUOTA_BOARD',
  (t) => [t.log, t.quotas, SEP30(t), settings('Fiscal year start', 0)],
  /"0" is not a month; use a month name such as April, or a number from 1 to 12$/,
);
fn(
  'out-of-range number',
  'a fiscal year starting in month 2.5',
  'QUOTA_BOARD',
  (t) => [t.log, t.quotas, SEP30(t), settings('Fiscal year start', 2.5)],
  /"2.5" is not a month; use a month name such as April/,
);
fn(
  'out-of-range number',
  'a week starting on day 8',
  'QUOTA_PACE',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', SEP30(t), settings('Week start', 8)],
  /the settings range, row 2: "8" is not a week start; use a weekday name such as Monday$/,
);
fn(
  'out-of-range number',
  'a rep range of 400 × 300 cells',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, Array.from({ length: 400 }, () => new Array(300).fill('Raj')), 'Calls', SEP30(t)],
  /rep would give 120000 cells, more than the 100000 a sheet can show; pass a smaller range$/,
);
fn(
  'out-of-range number',
  'an unknown pacing basis',
  'QUOTA_FORECAST',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', SEP30(t), settings('Pacing', 'hourly')],
  /"hourly" is not a pacing basis; use Working days, Calendar days$/,
);

fn(
  'out-of-range number',
  '"1e400" in Quantity (beyond any number)',
  'ACTIVITY_TOTAL',
  (t) => [set(t.log, 3, QUANTITY, '1e400'), 'Raj', 'Calls', SEP1(t), SEP30(t)],
  /the activities range, row 4, column "Quantity": "1e400" is not a number; type a number such as 25$/,
);

// Impossible dates.
fn(
  'impossible date',
  '29 February 2026 as date',
  'QUOTA_FORECAST',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', '2026-02-29'],
  new RegExp(`date: "2026-02-29" ${NOT_A_DATE}$`),
);
fn(
  'impossible date',
  'month 13 in the log',
  'ACTIVITY_TOTAL',
  (t) => [set(t.log, 4, DATE, '2026-13-01'), 'Raj', 'Calls', SEP1(t), SEP30(t)],
  /the activities range, row 5, column "Date": "2026-13-01" is not a date; type a date such as 2026-11-30$/,
);
fn(
  'impossible date',
  '31 April as From',
  'QUOTA_TARGET',
  (t) => [set(t.quotas, 1, FROM, '2026-04-31'), '*', 'Calls', SEP30(t)],
  /the quotas range, row 2, column "From": "2026-04-31" is not a date; type a date such as 2026-11-30$/,
);
fn(
  'impossible date',
  '30 February as a holiday',
  'QUOTA_PACE',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', SEP30(t), settings('Holidays', '2026-02-30')],
  /the settings range, row 2, column "Holidays": "2026-02-30" is not a date/,
);
fn(
  'impossible date',
  '31 June as the As-of date',
  'QUOTA_BOARD',
  (t) => [t.log, t.quotas, '', settings('As-of date', '2026-06-31')],
  /the settings range, row 2, column "As-of date": "2026-06-31" is not a date/,
);
fn(
  'impossible date',
  '"soon" as a Start date',
  'QUOTA_BOARD',
  (t) => [t.log, t.quotas, SEP30(t), '', set(t.team, 1, 3, 'soon')],
  /the team range, row 2, column "Start date": "soon" is not a date; type a date such as 2026-11-30$/,
);
fn(
  'impossible date',
  'start after end',
  'ACTIVITY_CONVERSION',
  (t) => [t.log, 'Raj', 'Opportunities', SEP30(t), SEP1(t)],
  /start \(2026-09-30\) is after end \(2026-09-01\); swap the two dates$/,
);

// Huge strings: the message quotes a short start of them, never all of it.
fn(
  'huge string',
  'a 10,000-character date',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', 'x'.repeat(10_000)],
  new RegExp(`^QUOTA_STATUS: date: "x{57}\\.\\.\\." ${NOT_A_DATE}$`),
);
fn(
  'huge string',
  'a 5,000-character Quantity',
  'QUOTA_ATTAINMENT',
  (t) => [set(t.log, 2, QUANTITY, 'lots '.repeat(1000)), t.quotas, 'Raj', 'Calls', SEP30(t)],
  /^QUOTA_ATTAINMENT: the activities range, row 3, column "Quantity": "(lots ){11}lo\.\.\." is not a number; type a number such as 25$/,
);
fn(
  'huge string',
  'a 100,000-character Period',
  'QUOTA_TARGET',
  (t) => [plus(t.quotas, ['Raj', 'Demos', 'P'.repeat(100_000), 3, '', '']), 'Raj', 'Demos', SEP30(t)],
  /^QUOTA_TARGET: the quotas range, row 7: "P{57}\.\.\." is not a period; use one of Day, Week, Month, Quarter, Year$/,
);
fn(
  'huge string',
  'a 10,000-character header',
  'QUOTA_TARGET',
  (t) => [set(t.quotas, 0, TARGET, 'T'.repeat(10_000)), '*', 'Calls', SEP30(t)],
  /^QUOTA_TARGET: the quotas range has no "Target" column \(found: Rep, Activity, Period, T{57}\.\.\., From, To\); add a "Target" header to its first row$/,
);
fn(
  'huge string',
  'a 50,000-character rep (no quota)',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'R'.repeat(50_000), 'Demos', SEP30(t)],
  /^No quota$/,
  { returns: true },
);

// Missing, duplicated or renamed columns.
fn(
  'missing, duplicated or renamed column',
  'no Rep column',
  'QUOTA_TARGET',
  (t) => [t.quotas.map((row) => row.slice(1)), 'Raj', 'Calls', SEP30(t)],
  /the quotas range has no "Rep" column \(found: Activity, Period, Target, From, To\); add a "Rep" header to its first row$/,
);
fn(
  'missing, duplicated or renamed column',
  'Target and Quota (the same column twice)',
  'QUOTA_ATTAINMENT',
  (t) => [t.log, t.quotas.map((row, i) => [...row, i === 0 ? 'Quota' : row[TARGET]]), 'Raj', 'Calls', SEP30(t)],
  /the quotas range has two "Target" columns \(Target, Quota\); rename or remove one of them$/,
);
fn(
  'missing, duplicated or renamed column',
  'Quantity renamed "How many"',
  'ACTIVITY_TOTAL',
  (t) => [set(t.log, 0, QUANTITY, 'How many'), 'Raj', 'Calls', SEP1(t), SEP30(t)],
  /the activities range has no "Quantity" column \(found: Date, Rep, Activity, How many, Notes, Logged by, Logged at, Entry ID\); add a "Quantity" header to its first row$/,
);
fn(
  'missing, duplicated or renamed column',
  'a team range without a Rep column',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'East', 'Emails', SEP30(t), '', set(t.team, 0, 0, 'Person')],
  /the team range has no "Rep" column \(found: Person, Email, Team, Start date\); add a "Rep" header/,
);
fn(
  'missing, duplicated or renamed column',
  'a settings range without a Key column',
  'QUOTA_BOARD',
  (t) => [
    t.log,
    t.quotas,
    SEP30(t),
    [
      ['Setting name', 'Value'],
      ['Week start', 'Monday'],
    ],
  ],
  /the settings range has no "Key" column \(found: Setting name, Value\); add a "Key" header to its first row$/,
);
fn(
  'missing, duplicated or renamed column',
  'two Date columns',
  'QUOTA_BOARD',
  (t) => [t.log.map((row) => [...row, row[DATE]]), t.quotas, SEP30(t)],
  /the activities range has two "Date" columns \(Date, Date\); rename or remove one of them$/,
);

// Merged or blank header cells: a merged header reads as its first cell, the others blank.
fn(
  'merged or blank header cells',
  'Activity merged over Period',
  'QUOTA_STATUS',
  (t) => [t.log, set(t.quotas, 0, PERIOD, ''), 'Raj', 'Calls', SEP30(t)],
  /the quotas range has no "Period" column \(found: Rep, Activity, Target, From, To\); add a "Period" header to its first row$/,
);
fn(
  'merged or blank header cells',
  'a blank header row',
  'QUOTA_BOARD',
  (t) => [t.log.map((row, i) => (i === 0 ? row.map(() => '') : row)), t.quotas, SEP30(t)],
  /the activities range is empty; pass it with its header row, for example ActivityLog or Activities!A:H$/,
);
fn(
  'merged or blank header cells',
  'a header row of spaces',
  'QUOTA_TARGET',
  (t) => [t.quotas.map((row, i) => (i === 0 ? row.map(() => '   ') : row)), 'Raj', 'Calls', SEP30(t)],
  /the quotas range is empty; pass it with its header row, for example QuotaTable or Quotas!A:F$/,
);
fn(
  'merged or blank header cells',
  'the range starts below the header',
  'QUOTA_ATTAINMENT',
  (t) => [t.log.slice(1), t.quotas, 'Raj', 'Calls', SEP30(t)],
  /the activities range has no "Date" column \(found: .*\); add a "Date" header to its first row$/,
);

// Overlapping quotas, From after To.
fn(
  'overlapping quotas, From after To',
  'From after To',
  'QUOTA_TARGET',
  (t) => [plus(t.quotas, ['Raj', 'Demos', 'Week', 3, t.d('2026-10-01'), t.d('2026-09-01')]), 'Raj', 'Demos', SEP30(t)],
  /the quotas range, row 7: "From" \(2026-10-01\) is after "To" \(2026-09-01\); swap the two dates$/,
);
fn(
  'overlapping quotas, From after To',
  'a team whose Calls quotas have different periods',
  'QUOTA_ATTAINMENT',
  (t) => [t.log, t.quotas, 'East', 'Calls', SEP30(t), '', t.team],
  /"East" covers reps whose Calls quotas have different periods \(Month, Week\); give them the same period, or ask for each rep$/,
);
fn(
  'overlapping quotas, From after To',
  'everyone ("*") with different periods',
  'QUOTA_PACE',
  (t) => [t.log, t.quotas, '*', 'Calls', SEP30(t)],
  /"\*" covers reps whose Calls quotas have different periods \(Month, Week\); give them the same period/,
);

// Unknown reps and activities: not errors, but said plainly.
fn(
  'unknown rep or activity',
  'a rep nobody has heard of',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'Nobody', 'Emails', SEP30(t), '', t.team],
  /^No quota$/,
  { returns: true },
);
fn(
  'unknown rep or activity',
  'an activity nobody logs',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'Raj', 'Teleportation', SEP30(t)],
  /^No quota$/,
  { returns: true },
);
fn(
  'unknown rep or activity',
  'a team name without the team range',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'West', 'Demos', SEP30(t)],
  /^No quota$/,
  { returns: true },
);

// Unicode names, and messages in the spreadsheet's language.
fn(
  'Unicode names and languages',
  'Korean spreadsheet, no Target column',
  'QUOTA_ATTAINMENT',
  (t) => [t.log, t.quotas.map((row) => row.slice(0, 3)), 'Raj', 'Calls', SEP30(t)],
  exactly(
    `QUOTA_ATTAINMENT: ${fill(STRINGS.ko.messages.missingColumn, { table: 'quotas', column: STRINGS.ko.headers.target, found: [STRINGS.ko.headers.rep, STRINGS.ko.headers.activity, STRINGS.ko.headers.period].join(', ') })}`,
  ),
  { locale: 'ko_KR' },
);
fn(
  'Unicode names and languages',
  'Russian spreadsheet, "вчера" as date',
  'QUOTA_STATUS',
  (t) => [t.log, t.quotas, 'Raj', 'Calls', 'вчера'],
  exactly(`QUOTA_STATUS: ${fill(STRINGS.ru.messages.argNotDate, { arg: 'date', value: 'вчера' })}`),
  { locale: 'ru_RU' },
);
fn(
  'Unicode names and languages',
  'Polish spreadsheet, an unknown period',
  'QUOTA_TARGET',
  (t) => [plus(t.quotas, ['Łucja', 'Demos', 'Dwutygodniowo', 3, '', '']), 'Łucja', 'Demos', SEP30(t)],
  exactly(
    `QUOTA_TARGET: ${fill(STRINGS.pl.messages.badPeriod, { table: 'quotas', row: 7, value: 'Dwutygodniowo', periods: PERIOD_KINDS.map((p) => STRINGS.pl.periods[p]).join(', ') })}`,
  ),
  { locale: 'pl_PL' },
);
fn(
  'Unicode names and languages',
  'a Korean rep with "많이" as Target',
  'QUOTA_TARGET',
  (t) => [plus(t.quotas, ['민수', 'Calls', 'Week', '많이', '', '']), '민수', 'Calls', SEP30(t)],
  /the quotas range, row 7, column "Target": "많이" is not a number; type a number such as 25$/,
);
fn(
  'Unicode names and languages',
  'a Cyrillic team with mixed periods',
  'QUOTA_REMAINING',
  (t) => [
    t.log,
    t.quotas,
    'Отдел продаж',
    'Calls',
    SEP30(t),
    '',
    t.team.map((row, i) => (i === 0 ? row : [row[0], row[1], 'Отдел продаж', row[3]])),
  ],
  /"Отдел продаж" covers reps whose Calls quotas have different periods \(Month, Week\)/,
);
fn(
  'Unicode names and languages',
  'Polish headers, a blank Cel',
  'QUOTA_TARGET',
  (t) => [
    [
      [STRINGS.pl.headers.rep, STRINGS.pl.headers.activity, STRINGS.pl.headers.period, STRINGS.pl.headers.target],
      ['Łucja', 'Połączenia', 'Tydzień', ''],
    ],
    'Łucja',
    'Calls',
    SEP30(t),
  ],
  /the quotas range, row 2: "Cel" is blank; fill it in or delete the row$/,
);

// A sheet someone renamed or deleted, typed as text instead of a range.
fn(
  'sheet renamed or deleted',
  'a renamed sheet typed as text',
  'QUOTA_BOARD',
  (t) => ['Log 2026!A:H', t.quotas, SEP30(t)],
  /activities must be a range with its header row, for example ActivityLog or Activities!A:H$/,
);
fn(
  'sheet renamed or deleted',
  'an empty range where a sheet was',
  'ACTIVITY_TOTAL',
  (t) => [[['']], 'Raj', 'Calls', SEP1(t), SEP30(t)],
  /the activities range is empty; pass it with its header row/,
);

// ---- logActivity and undoLastEntry ----------------------------------------------

const ENTRY = { id: 'cat-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '' };

function log(
  topic: Topic,
  label: string,
  input: unknown,
  field: 'rep' | 'activity' | 'quantity' | 'date' | 'notes' | 'form' | undefined,
  pattern: RegExp,
  options: { arrange?: (rt: AppsScriptRuntime) => void; userLocale?: string } = {},
): void {
  CASES.push({
    kind: 'logActivity',
    topic,
    label,
    run() {
      const rt = teamWorkbook(options.userLocale ? { userLocale: options.userLocale } : {});
      options.arrange?.(rt);
      const before = snapshot(rt);
      const result = rt.call('logActivity', input) as LogResult;
      expect(result.ok).toBe(false);
      if (field === undefined) {
        expect(result.errors).toEqual([]);
        expect(result.message).toMatch(pattern);
      } else {
        const error = result.errors.find((e) => e.field === field);
        expect(error?.message, JSON.stringify(result.errors)).toMatch(pattern);
        expect(result.message).toBe(result.errors[0]?.message);
      }
      expect(snapshot(rt)).toEqual(before);
    },
  });
}

const entry = (patch: Record<string, unknown>) => ({ ...ENTRY, ...patch });
const NOT_SET_UP = /^This spreadsheet is not set up yet: choose "Set up workbook" in the add-on menu first\.$/;

log(
  'wrong type',
  'quantity "three"',
  entry({ quantity: 'three' }),
  'quantity',
  /^Quantity must be a number, such as 3\.$/,
);
// English writes decimals with a point: "1,5" is not grouping, so it is refused and the message shows how.
log(
  'wrong type',
  'quantity "1,5" in English',
  entry({ quantity: '1,5' }),
  'quantity',
  /^Quantity: write decimals with a point, such as 1\.5\.$/,
);
log(
  'Unicode names and languages',
  'Danish user, quantity "1.5"',
  entry({ quantity: '1.5' }),
  'quantity',
  exactly(fill(SIDEBAR.da.fields.badDecimal, { field: SIDEBAR.da.labels.quantity })),
  { userLocale: 'da' },
);
log(
  'wrong type',
  'quantity NaN',
  entry({ quantity: Number.NaN }),
  'quantity',
  /^Quantity must be a number, such as 3\.$/,
);
log(
  'wrong type',
  'an activity that is an object',
  entry({ activity: { name: 'Calls' } }),
  'activity',
  /^Activity must be text\.$/,
);
log('wrong type', 'quantity true', entry({ quantity: true }), 'quantity', /^Quantity must be a number, such as 3\.$/);
log('wrong type', 'notes that are an array', entry({ notes: ['a', 'b'] }), 'notes', /^Notes must be text\.$/);
log('wrong type', 'not an entry at all', null, 'rep', /^Fill in Rep\.$/);
log(
  'wrong type',
  'a date given as a number',
  entry({ date: 20261118 }),
  'date',
  /^Date must be a real date, such as 2026-11-30\.$/,
);
log(
  'wrong type',
  'a date in another format',
  entry({ date: '18/11/2026' }),
  'date',
  /^Date must be a real date, such as 2026-11-30\.$/,
);
log(
  'wrong type',
  'an entry id with spaces',
  entry({ id: 'a b' }),
  'form',
  /^The form sent no entry id; reload the sidebar and try again\.$/,
);
log(
  'wrong type',
  'no entry id',
  entry({ id: '' }),
  'form',
  /^The form sent no entry id; reload the sidebar and try again\.$/,
);
log('out-of-range number', 'quantity 0', entry({ quantity: 0 }), 'quantity', /^Quantity must be more than 0\.$/);
log('out-of-range number', 'quantity −3', entry({ quantity: -3 }), 'quantity', /^Quantity must be more than 0\.$/);
log(
  'out-of-range number',
  'quantity 10¹⁰',
  entry({ quantity: 1e10 }),
  'quantity',
  /^Quantity is too large; the most is 1000000000\.$/,
);
log(
  'out-of-range number',
  'quantity Infinity',
  entry({ quantity: Number.POSITIVE_INFINITY }),
  'quantity',
  /^Quantity must be a number, such as 3\.$/,
);
log(
  'impossible date',
  '29 February 2026',
  entry({ date: '2026-02-29' }),
  'date',
  /^Date must be a real date, such as 2026-11-30\.$/,
);
log(
  'impossible date',
  'month 13',
  entry({ date: '2026-13-01' }),
  'date',
  /^Date must be a real date, such as 2026-11-30\.$/,
);
log(
  'impossible date',
  'tomorrow',
  entry({ date: '2026-11-19' }),
  'date',
  /^Date is in the future; log what has been done\.$/,
);
log(
  'huge string',
  'a 101-character rep',
  entry({ rep: 'R'.repeat(101) }),
  'rep',
  /^Rep is too long: 101 characters, the most is 100\.$/,
);
log(
  'huge string',
  'a 100,000-character activity',
  entry({ activity: 'A'.repeat(100_000) }),
  'activity',
  /^Activity is too long: 100000 characters, the most is 100\.$/,
);
log(
  'huge string',
  'a 1,000,000-character note',
  entry({ notes: 'n'.repeat(1_000_000) }),
  'notes',
  /^Notes is too long: 1000000 characters, the most is 1000\.$/,
);
log('huge string', 'a rep of spaces', entry({ rep: ' \t  ' }), 'rep', /^Fill in Rep\.$/);
log(
  'Unicode names and languages',
  'Korean user, quantity "abc"',
  entry({ quantity: 'abc' }),
  'quantity',
  exactly(fill(SIDEBAR.ko.fields.notANumber, { field: SIDEBAR.ko.labels.quantity })),
  { userLocale: 'ko' },
);
log(
  'Unicode names and languages',
  'Polish user, 30 February',
  entry({ date: '2026-02-30' }),
  'date',
  exactly(fill(SIDEBAR.pl.fields.badDate, { field: SIDEBAR.pl.labels.date })),
  { userLocale: 'pl' },
);
log(
  'Unicode names and languages',
  'Russian user, a 101-letter Cyrillic rep',
  entry({ rep: 'Ж'.repeat(101) }),
  'rep',
  exactly(fill(SIDEBAR.ru.fields.tooLong, { field: SIDEBAR.ru.labels.rep, length: 101, max: 100 })),
  { userLocale: 'ru' },
);
/** Nothing left that says the log is ours: renamed, its named range and its header gone (SPEC §2). */
function loseTheLog(rt: AppsScriptRuntime): void {
  sheet(rt, 'Activities').setName('Log 2026');
  rt.spreadsheet.removeNamedRange('ActivityLog');
  sheet(rt, 'Log 2026').getRange('A1:H1').clearContent();
}
log('sheet renamed or deleted', 'the Activities sheet deleted', entry({}), undefined, NOT_SET_UP, {
  arrange: (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Activities')),
});
log(
  'sheet renamed or deleted',
  'Activities renamed, its named range and its header row removed',
  entry({}),
  undefined,
  NOT_SET_UP,
  { arrange: loseTheLog },
);
log(
  'missing, duplicated or renamed column',
  'Quantity renamed "How many"',
  entry({}),
  undefined,
  /^the activities range has no "Quantity" column \(found: Date, Rep, Activity, How many, Notes, Logged by, Logged at, Entry ID\); add a "Quantity" header to its first row$/,
  { arrange: (rt) => sheet(rt, 'Activities').getRange('D1').setValue('How many') },
);
log(
  'missing, duplicated or renamed column',
  'no Entry ID column',
  entry({}),
  undefined,
  /^the activities range has no "Entry ID" column \(found: .*Logged at\); add a "Entry ID" header to its first row$/,
  { arrange: (rt) => sheet(rt, 'Activities').getRange('H1').setValue('') },
);
log(
  'missing, duplicated or renamed column',
  'Rep and Salesperson (the same column twice)',
  entry({}),
  undefined,
  /^the activities range has two "Rep" columns \(Rep, Salesperson\); rename or remove one of them$/,
  { arrange: (rt) => sheet(rt, 'Activities').getRange('I1').setValue('Salesperson') },
);
log('merged or blank header cells', 'a blank header row', entry({}), undefined, NOT_SET_UP, {
  arrange: (rt) =>
    sheet(rt, 'Activities')
      .getRange('A1:H1')
      .setValues([new Array(8).fill('')]),
});
log(
  'merged or blank header cells',
  'Date merged over Rep',
  entry({}),
  undefined,
  /^the activities range has no "Rep" column \(found: Date, Activity, Quantity, Notes, Logged by, Logged at, Entry ID\)/,
  { arrange: (rt) => sheet(rt, 'Activities').getRange('B1').setValue('') },
);

function undo(
  topic: Topic,
  label: string,
  user: string,
  pattern: RegExp,
  options: { arrange?: (rt: AppsScriptRuntime) => void; userLocale?: string; id?: unknown } = {},
): void {
  CASES.push({
    kind: 'undoLastEntry',
    topic,
    label,
    run() {
      const rt = teamWorkbook(options.userLocale ? { userLocale: options.userLocale } : {});
      options.arrange?.(rt);
      const before = snapshot(rt);
      const id = 'id' in options ? options.id : 'seed-1';
      const result = rt.as(user, () => rt.call('undoLastEntry', id)) as LogResult;
      expect(result.ok).toBe(false);
      expect(result.errors).toEqual([]);
      expect(result.message).toMatch(pattern);
      expect(snapshot(rt)).toEqual(before);
    },
  });
}

const NOTHING = /^You have no entry to undo\.$/;
const NOT_YOURS = /^Only the person who logged that entry can undo it; nothing was removed\.$/;
const GONE = /^That entry is no longer in the log; nothing was removed\.$/;
undo('unknown rep or activity', 'a user who did not log the entry', 'tom@example.com', NOT_YOURS);
undo('wrong type', 'no entry id', RAJ, NOTHING, { id: undefined });
undo('wrong type', 'an entry id that is not text', RAJ, NOTHING, { id: { id: 'seed-1' } });
undo('unknown rep or activity', 'an entry id no longer in the log', RAJ, GONE, { id: 'seed-999' });
undo('wrong type', 'a user with no email', '', NOT_YOURS, {
  arrange: (rt) =>
    sheet(rt, 'Activities')
      .getRange('A6:D6')
      .setValues([[cellDate(rt, '2026-11-18'), 'Tom', 'Calls', 3]]),
});
undo('unknown rep or activity', 'only others’ entries', RAJ, NOT_YOURS, {
  arrange: (rt) =>
    sheet(rt, 'Activities')
      .getRange('F2:F5')
      .setValues([[MIA], [MIA], [MIA], [MIA]]),
});
undo('missing, duplicated or renamed column', 'no Logged by column', RAJ, /has no "Logged by" column/, {
  arrange: (rt) => sheet(rt, 'Activities').getRange('F1').setValue(''),
});
undo('sheet renamed or deleted', 'the Activities sheet deleted', RAJ, GONE, {
  arrange: (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Activities')),
});
undo(
  'Unicode names and languages',
  'Korean user with no entry',
  'tom@example.com',
  exactly(SIDEBAR.ko.fields.undoNotYours),
  { userLocale: 'ko' },
);

// ---- Set up on malformed workbooks ------------------------------------------------

/**
 * Set-up may add headers only in empty header cells; every other cell of a
 * sheet that was there stays as it was.
 */
function expectUserCellsKept(before: SheetSnapshot[], after: SheetSnapshot[]): void {
  for (const old of before) {
    const now = after.find((s) => s.name === old.name);
    expect(now, `sheet ${old.name} is still there`).toBeDefined();
    if (!now) continue;
    for (const [r, line] of old.values.entries()) {
      for (const [c, value] of line.entries()) {
        const where = `${old.name} R${r + 1}C${c + 1}`;
        if (r > 0 || value !== '') expect(now.values[r]?.[c], where).toEqual(value);
        else expect(typeof now.values[r]?.[c], where).toBe('string');
        expect(now.formulas[r]?.[c], where).toBe(old.formulas[r]?.[c]);
        expect(now.formats[r]?.[c], where).toBe(old.formats[r]?.[c]);
        expect(now.backgrounds[r]?.[c], where).toBe(old.backgrounds[r]?.[c]);
      }
    }
  }
}

function setUp(
  topic: Topic,
  label: string,
  arrange: () => AppsScriptRuntime,
  pattern: RegExp,
  options: { identical?: boolean } = {},
): void {
  CASES.push({
    kind: 'set-up',
    topic,
    label,
    run() {
      const rt = arrange();
      const before = sheetsOf(rt);
      rt.call('setUpWorkbook');
      expect(rt.ui.alerts.at(-1)?.prompt).toMatch(pattern);
      const after = sheetsOf(rt);
      if (options.identical) expect(after).toEqual(before);
      else expectUserCellsKept(before, after);
    },
  });
}

const ALREADY = /^The workbook is already set up; nothing was changed\.$/;
/** An empty spreadsheet with one sheet of the user's own. */
function own(name: string, grid: unknown[][]): AppsScriptRuntime {
  const rt = runtime({ now: NOV18 });
  const mine = rt.spreadsheet.insertSheet(name);
  mine.getRange(1, 1, grid.length, grid[0]?.length ?? 1).setValues(grid);
  return rt;
}

setUp(
  'sheet renamed or deleted',
  'Activities renamed "Log 2026"',
  () => {
    const rt = teamWorkbook();
    sheet(rt, 'Activities').setName('Log 2026');
    return rt;
  },
  ALREADY,
  { identical: true },
);
setUp(
  'sheet renamed or deleted',
  'the Activities sheet deleted',
  () => {
    const rt = teamWorkbook();
    rt.spreadsheet.deleteSheet(sheet(rt, 'Activities'));
    return rt;
  },
  /^Set up: created Activities\. Existing data was not touched\.$/,
);
setUp(
  'missing, duplicated or renamed column',
  'two Date columns in Activities',
  () => {
    const rt = teamWorkbook();
    sheet(rt, 'Activities').getRange('I1').setValue('date');
    return rt;
  },
  ALREADY,
  { identical: true },
);
setUp(
  'missing, duplicated or renamed column',
  'a sheet of the user’s own called "Quotas"',
  () =>
    own('Quotas', [
      ['Region', 'Score'],
      ['North', 12],
      ['South', 7],
    ]),
  // Only its name is ours: the add-on's own Quotas sheet gets a free name (SPEC §2).
  /^Set up: created Team, Activities, Quotas 2, Settings, Status\. Existing data was not touched\.$/,
);
setUp(
  'merged or blank header cells',
  'a log whose Rep header was merged into Date',
  () =>
    own('Activities', [
      ['Date', '', 'Activity', 'Quantity'],
      ['2026-11-02', 'Raj', 'Calls', 30],
    ]),
  // Without a Rep header it is not a log the add-on can own: its own log gets a free name.
  /^Set up: created Team, Activities 2, Quotas, Settings, Status\. Existing data was not touched\.$/,
);
setUp(
  'Unicode names and languages',
  'a Korean log in an English spreadsheet',
  () =>
    own(APP.ko.sheets.activities, [
      [STRINGS.ko.headers.date, STRINGS.ko.headers.rep, STRINGS.ko.headers.activity, STRINGS.ko.headers.quantity],
      ['2026-11-02', '민수', '전화', 30],
    ]),
  /^Set up: created Team, Quotas, Settings, Status, and added the missing columns to 활동\. Existing data was not touched\.$/,
);
setUp(
  'Unicode names and languages',
  'a Russian team sheet and a Polish quota sheet',
  () => {
    const rt = own(APP.ru.sheets.team, [
      [STRINGS.ru.headers.rep, STRINGS.ru.headers.email],
      ['Иван', 'ivan@example.com'],
    ]);
    rt.spreadsheet
      .insertSheet(APP.pl.sheets.quotas)
      .getRange('A1:D2')
      .setValues([
        [STRINGS.pl.headers.rep, STRINGS.pl.headers.activity, STRINGS.pl.headers.period, STRINGS.pl.headers.target],
        ['Łucja', 'Połączenia', 'Tydzień', 'dużo'],
      ]);
    return rt;
  },
  /^Set up: created Activities, Settings, Status, and added the missing columns to Команда, Limity\. Existing data was not touched\.$/,
);
setUp(
  'sheet renamed or deleted',
  'the Status sheet deleted',
  () => {
    const rt = teamWorkbook();
    rt.spreadsheet.deleteSheet(sheet(rt, 'Status'));
    return rt;
  },
  /^Set up: created Status\. Existing data was not touched\.$/,
);

// ---- Refresh on malformed sheets ------------------------------------------------

const COLOURS = new Set([...Object.values(STATUS_COLORS), '#ffffff']);

function refresh(topic: Topic, label: string, arrange: (rt: AppsScriptRuntime) => void, problem: RegExp): void {
  CASES.push({
    kind: 'refresh',
    topic,
    label,
    run() {
      const rt = teamWorkbook();
      arrange(rt);
      const before = sheetsOf(rt).filter((s) => s.name !== 'Status');
      expect(() => rt.call('refreshStatus')).not.toThrow();
      const alert = rt.ui.alerts.at(-1)?.prompt ?? '';
      expect(alert).toMatch(
        /^Status refreshed as of 2026-11-18: \d+ rows\.\n1 rows were skipped; see the list under the board on the Status sheet\.$/,
      );
      // The problem, listed by sheet and row under the board; the board itself still has its header.
      expect(skippedRows(rt)).toHaveLength(1);
      expect(skippedRows(rt)[0]).toMatch(problem);
      expect(board(rt)[0]).toEqual(STATUS_HEADER);
      // The user's sheets: all as they were, but for the status colours of the Quotas rows.
      const after = sheetsOf(rt).filter((s) => s.name !== 'Status');
      expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
      for (const old of before) {
        const now = after.find((s) => s.name === old.name) as SheetSnapshot;
        const { backgrounds: oldColours, ...oldRest } = old;
        const { backgrounds: newColours, ...newRest } = now;
        expect(newRest, old.name).toEqual(oldRest);
        if (old.name !== 'Quotas') expect(newColours, old.name).toEqual(oldColours);
        else {
          expect(newColours[0]).toEqual(oldColours[0]);
          for (const colour of newColours.slice(1).flat()) expect(COLOURS).toContain(colour);
        }
      }
    },
  });
}

const putLog = (cells: unknown[]) => (rt: AppsScriptRuntime) =>
  sheet(rt, 'Activities').getRange(6, 1, 1, cells.length).setValues([cells]);
const putQuota = (cells: unknown[]) => (rt: AppsScriptRuntime) =>
  sheet(rt, 'Quotas').getRange(4, 1, 1, cells.length).setValues([cells]);
const putSetting = (a1: string, value: unknown) => (rt: AppsScriptRuntime) =>
  sheet(rt, 'Settings').getRange(a1).setValue(value);
const day18 = (rt: AppsScriptRuntime) => cellDate(rt, '2026-11-18');

refresh(
  'wrong type',
  'text in Quantity',
  (rt) => putLog([day18(rt), 'Raj', 'Calls', 'lots'])(rt),
  /^Activities row 6: the activities range, row 6, column "Quantity": "lots" is not a number; type a number such as 25$/,
);
refresh(
  'wrong type',
  'a formula error in Quantity',
  (rt) => putLog([day18(rt), 'Raj', 'Calls', '=1/0'])(rt),
  /^Activities row 6: the activities range, row 6, column "Quantity": "#DIV\/0!" is not a number/,
);
refresh(
  'wrong type',
  'a blank Rep in the log',
  (rt) => putLog([day18(rt), '', 'Calls', 2])(rt),
  /^Activities row 6: the activities range, row 6: "Rep" is blank; fill it in or delete the row$/,
);
refresh(
  'wrong type',
  'text in Target',
  putQuota(['Mia', 'Demos', 'Week', 'many']),
  /^Quotas row 4: the quotas range, row 4, column "Target": "many" is not a number; type a number such as 25$/,
);
refresh(
  'wrong type',
  'an unknown period',
  putQuota(['Mia', 'Demos', 'Fortnight', 3]),
  /^Quotas row 4: the quotas range, row 4: "Fortnight" is not a period; use one of Day, Week, Month, Quarter, Year$/,
);
refresh(
  'out-of-range number',
  'a negative Target',
  putQuota(['Mia', 'Demos', 'Week', -5]),
  /^Quotas row 4: the quotas range, row 4, column "Target": -5 is negative; type zero or more$/,
);
refresh(
  'out-of-range number',
  'a threshold of 7',
  putSetting('B5', 7),
  /^Settings row 5: the settings range, row 5: "7" is not a threshold; use a number between 0 and 1, such as 0.75$/,
);
refresh(
  'out-of-range number',
  'a week starting on "Funday"',
  putSetting('B2', 'Funday'),
  /^Settings row 2: the settings range, row 2: "Funday" is not a week start; use a weekday name such as Monday$/,
);
refresh(
  'impossible date',
  '30 February in the log',
  putLog(['2026-02-30', 'Raj', 'Calls', 1]),
  /^Activities row 6: the activities range, row 6, column "Date": "2026-02-30" is not a date; type a date such as 2026-11-30$/,
);
refresh(
  'impossible date',
  '31 April as From',
  putQuota(['Mia', 'Demos', 'Week', 5, '2026-04-31']),
  /^Quotas row 4: the quotas range, row 4, column "From": "2026-04-31" is not a date; type a date such as 2026-11-30$/,
);
refresh(
  'impossible date',
  '30 February as the As-of date',
  putSetting('B8', '2026-02-30'),
  /^Settings row 8: the settings range, row 8, column "As-of date": "2026-02-30" is not a date/,
);
refresh(
  'impossible date',
  '"soon" as a Start date',
  (rt) => sheet(rt, 'Team').getRange('D2').setValue('soon'),
  /^Team row 2: the team range, row 2, column "Start date": "soon" is not a date; type a date such as 2026-11-30$/,
);
const HUGE = 'lots of calls '.repeat(1500);
refresh(
  'huge string',
  'a 21,000-character Quantity',
  (rt) => putLog([day18(rt), 'Raj', 'Calls', HUGE])(rt),
  exactly(
    `Activities row 6: the activities range, row 6, column "Quantity": "${HUGE.slice(0, 57)}..." is not a number; type a number such as 25`,
  ),
);
refresh(
  'out-of-range number',
  'a Target of 1e400, typed into a plain-text cell',
  (rt) => {
    sheet(rt, 'Quotas').getRange('D4').setNumberFormat('@');
    putQuota(['Mia', 'Demos', 'Week', '1e400'])(rt);
  },
  /^Quotas row 4: the quotas range, row 4, column "Target": "1e400" is not a number; type a number such as 25$/,
);
refresh(
  'overlapping quotas, From after To',
  'From after To',
  (rt) => putQuota(['Mia', 'Demos', 'Week', 5, cellDate(rt, '2026-12-01'), cellDate(rt, '2026-11-01')])(rt),
  /^Quotas row 4: the quotas range, row 4: "From" \(2026-12-01\) is after "To" \(2026-11-01\); swap the two dates$/,
);
refresh(
  'overlapping quotas, From after To',
  'the same quota twice',
  putQuota(['*', 'calls', 'Week', 60]),
  /^Quotas row 4: the quotas range, row 4: the same rep, activity and dates as row 2; the lower row wins, so delete one of them$/,
);
refresh(
  'missing, duplicated or renamed column',
  'Quantity renamed "How many"',
  (rt) => sheet(rt, 'Activities').getRange('D1').setValue('How many'),
  /^Activities row 1: the activities range has no "Quantity" column \(found: Date, Rep, Activity, How many, Notes, Logged by, Logged at, Entry ID\); add a "Quantity" header to its first row$/,
);
refresh(
  'missing, duplicated or renamed column',
  'two Date columns',
  (rt) => sheet(rt, 'Activities').getRange('I1').setValue('date'),
  /^Activities row 1: the activities range has two "Date" columns \(Date, date\); rename or remove one of them$/,
);
refresh(
  'merged or blank header cells',
  'Activity merged over Period in Quotas',
  (rt) =>
    sheet(rt, 'Quotas')
      .getRange('B1:C1')
      .setValues([['Activity', '']]),
  /^Quotas row 1: the quotas range has no "Period" column \(found: Rep, Activity, Target, From, To\); add a "Period" header to its first row$/,
);
refresh(
  'merged or blank header cells',
  'a blank Team header row',
  (rt) =>
    sheet(rt, 'Team')
      .getRange('A1:D1')
      .setValues([['', '', '', '']]),
  /^Team row 1: the team range is empty; pass it with its header row, for example TeamTable or Team!A:D$/,
);
refresh(
  'Unicode names and languages',
  'a Korean rep with a blank Period',
  putQuota(['김민수', 'Calls', '', 5]),
  /^Quotas row 4: the quotas range, row 4: "Period" is blank; fill it in or delete the row$/,
);
refresh(
  'Unicode names and languages',
  'a Cyrillic Target "много"',
  putQuota(['Иван', 'Calls', 'Week', 'много']),
  /^Quotas row 4: the quotas range, row 4, column "Target": "много" is not a number/,
);
refresh(
  'Unicode names and languages',
  'a Polish rep with period "Dwutygodniowo"',
  putQuota(['Łucja', 'Calls', 'Dwutygodniowo', 5]),
  /^Quotas row 4: the quotas range, row 4: "Dwutygodniowo" is not a period; use one of Day, Week, Month, Quarter, Year$/,
);
refresh(
  'Unicode names and languages',
  'language "Klingon"',
  putSetting('B7', 'Klingon'),
  /^Settings row 7: the settings range, row 7: "Klingon" is not a language; use one of en \(English\), ms/,
);
refresh(
  'sheet renamed or deleted',
  'the Quotas sheet deleted',
  (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Quotas')),
  /^Quotas row 1: There is no Quotas sheet yet: choose "Set up workbook" first\.$/,
);
refresh(
  'sheet renamed or deleted',
  'the Activities sheet deleted',
  (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Activities')),
  /^Activities row 1: There is no Activities sheet yet: choose "Set up workbook" first\.$/,
);
refresh(
  'sheet renamed or deleted',
  'Activities renamed, its named range and its header row removed',
  loseTheLog,
  /^Activities row 1: There is no Activities sheet yet: choose "Set up workbook" first\.$/,
);

// ---- Running the catalogue ---------------------------------------------------------

describe('the catalogue of bad input', () => {
  it.each(CASES.map((c) => [`${c.kind} · ${c.topic} · ${c.label}`, c] as const))('%s', (_name, c) => {
    c.run();
    tried.set(c.kind, (tried.get(c.kind) ?? 0) + 1);
    tried.set(`topic:${c.topic}`, (tried.get(`topic:${c.topic}`) ?? 0) + 1);
  });

  it('has at least 60 cases, covering every kind and every topic', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    const topics = new Set(CASES.map((c) => c.topic));
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect([...kinds].sort()).toEqual(['custom function', 'logActivity', 'refresh', 'set-up', 'undoLastEntry']);
    expect(topics.size).toBe(10);
    expect(new Set(CASES.map((c) => `${c.kind} · ${c.label}`)).size).toBe(CASES.length);
  });

  afterAll(() => {
    const line = ([name, n]: [string, number]) => `  ${name.padEnd(40)} ${String(n).padStart(3)}`;
    const kinds = [...tried].filter(([key]) => !key.startsWith('topic:'));
    const topics = [...tried]
      .filter(([key]) => key.startsWith('topic:'))
      .map(([key, n]): [string, number] => [key.slice(6), n]);
    const total = kinds.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      [
        `catalogue: ${total} of ${CASES.length} cases tried`,
        'by kind:',
        ...kinds.map(line),
        'by topic:',
        ...topics.map(line),
      ].join('\n'),
    );
  });
});
