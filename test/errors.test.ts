/**
 * Bad arguments: each gives an error that names the function, what is wrong and
 * how to fix it, and leaves its inputs as they were.
 */
import { describe, expect, it } from 'vitest';
import { fill, STRINGS } from '../src/core/i18n';
import { ACTIVITY_HEADER, QUOTA_HEADER, rajMonth } from './helpers/fixtures';
import { asAppsScript, NOV18, runtime, sheetDate } from './helpers/runtime';

const rt = runtime({ now: NOV18 });
const date = sheetDate(rt);
const f = rajMonth(date);
const LOG = asAppsScript(f.activities);
const QUOTAS = asAppsScript(f.quotas);
const TEAM = asAppsScript(f.team);
const SEP30 = date('2026-09-30');

const withRow = (grid: unknown[][], row: unknown[]) => [...grid.map((r) => [...r]), row];
const replaceCell = (grid: unknown[][], r: number, c: number, value: unknown) =>
  grid.map((row, i) => (i === r ? row.map((cell, j) => (j === c ? value : cell)) : [...row]));
const settings = (key: string, value: unknown) => [
  ['Key', 'Value'],
  [key, value],
];

type Case = [label: string, fn: string, args: unknown[], message: RegExp];

const CASES: Case[] = [
  [
    'activities without a Date column',
    'QUOTA_ATTAINMENT',
    [LOG.map((row) => row.slice(1)), QUOTAS, 'Raj', 'Calls', SEP30],
    /the activities range has no "Date" column \(found: Rep, Activity, Quantity.*\); add a "Date" header to its first row/,
  ],
  [
    'quotas without a Target column',
    'QUOTA_ATTAINMENT',
    [LOG, QUOTAS.map((row) => row.slice(0, 3)), 'Raj', 'Calls', SEP30],
    /the quotas range has no "Target" column \(found: Rep, Activity, Period\)/,
  ],
  [
    'text in Quantity',
    'ACTIVITY_TOTAL',
    [replaceCell(LOG, 3, 3, 'lots'), 'Raj', 'Calls', date('2026-09-01'), SEP30],
    /row 4, column "Quantity": "lots" is not a number; type a number/,
  ],
  [
    'a boolean in Quantity',
    'QUOTA_STATUS',
    [replaceCell(LOG, 2, 3, true), QUOTAS, 'Raj', 'Calls', SEP30],
    /row 3, column "Quantity": "true" is not a number/,
  ],
  [
    'an unknown period',
    'QUOTA_STATUS',
    [LOG, withRow(QUOTAS, ['Raj', 'Demos', 'Fortnight', 3, '', '']), 'Raj', 'Calls', SEP30],
    /row 7: "Fortnight" is not a period; use one of Day, Week, Month, Quarter, Year/,
  ],
  [
    'From after To',
    'QUOTA_TARGET',
    [withRow(QUOTAS, ['Raj', 'Demos', 'Week', 3, date('2026-10-01'), date('2026-09-01')]), 'Raj', 'Demos', SEP30],
    /row 7: "From" \(2026-10-01\) is after "To" \(2026-09-01\); swap the two dates/,
  ],
  [
    'a negative target',
    'QUOTA_TARGET',
    [withRow(QUOTAS, ['Raj', 'Demos', 'Week', -3, '', '']), 'Raj', 'Demos', SEP30],
    /row 7, column "Target": -3 is negative; type zero or more/,
  ],
  [
    'text in Target',
    'QUOTA_PACE',
    [LOG, replaceCell(QUOTAS, 1, 3, 'many'), 'Raj', 'Calls', SEP30],
    /row 2, column "Target": "many" is not a number/,
  ],
  [
    'a blank period',
    'QUOTA_PACE',
    [LOG, replaceCell(QUOTAS, 2, 2, ''), 'Raj', 'Calls', SEP30],
    /the quotas range, row 3: "Period" is blank; fill it in or delete the row/,
  ],
  [
    'a blank activity in a quota row',
    'QUOTA_REMAINING',
    [LOG, replaceCell(QUOTAS, 2, 1, ''), 'Raj', 'Calls', SEP30],
    /row 3: "Activity" is blank/,
  ],
  [
    'a date argument that is not a date',
    'QUOTA_ATTAINMENT',
    [LOG, QUOTAS, 'Raj', 'Calls', 'yesterday'],
    /date: "yesterday" is not a date; pass a date such as DATE\(2026,11,30\) or AsOfDate/,
  ],
  [
    'a date that does not exist',
    'QUOTA_FORECAST',
    [LOG, QUOTAS, 'Raj', 'Calls', '2026-02-30'],
    /date: "2026-02-30" is not a date/,
  ],
  ['a bare number as a date', 'QUOTA_FORECAST', [LOG, QUOTAS, 'Raj', 'Calls', 46000], /date: "46000" is not a date/],
  [
    'an invalid Date object',
    'QUOTA_STATUS',
    [LOG, QUOTAS, 'Raj', 'Calls', rt.date(Number.NaN)],
    /date: "Invalid date" is not a date/,
  ],
  ['a missing start date', 'ACTIVITY_TOTAL', [LOG, 'Raj', 'Calls', '', SEP30], /start: "" is not a date/],
  [
    'start after end',
    'ACTIVITY_TOTAL',
    [LOG, 'Raj', 'Calls', SEP30, date('2026-09-01')],
    /start \(2026-09-30\) is after end \(2026-09-01\); swap the two dates/,
  ],
  [
    'an empty range',
    'QUOTA_BOARD',
    [[['', '', '']], QUOTAS, SEP30],
    /the activities range is empty; pass it with its header row, for example ActivityLog or Activities!A:H/,
  ],
  [
    'a range given as text',
    'QUOTA_BOARD',
    ['Activities!A:H', QUOTAS, SEP30],
    /activities must be a range with its header row, for example ActivityLog or Activities!A:H/,
  ],
  [
    'a rep that is not a name',
    'QUOTA_STATUS',
    [LOG, QUOTAS, true, 'Calls', SEP30],
    /rep: "true" is not a name; pass text such as "Raj", "\*" for the whole team, or a team name/,
  ],
  [
    'rep and activity ranges of clashing shapes',
    'QUOTA_STATUS',
    [LOG, QUOTAS, [['Raj'], ['Mia'], ['Tom']], [['Calls'], ['Emails']], SEP30],
    /rep is 3×1 cells but activity is 2×1; pass ranges of the same shape, or one column and one row/,
  ],
  [
    'two Date columns',
    'ACTIVITY_TOTAL',
    [LOG.map((row) => [...row, row[0]]), 'Raj', 'Calls', date('2026-09-01'), SEP30],
    /the activities range has two "Date" columns \(Date, Date\); rename or remove one of them/,
  ],
  [
    'a log date that does not exist',
    'ACTIVITY_TOTAL',
    [replaceCell(LOG, 5, 0, '2026-02-30'), 'Raj', 'Calls', date('2026-09-01'), SEP30],
    /row 6, column "Date": "2026-02-30" is not a date; type a date such as 2026-11-30/,
  ],
  [
    'a bare number in the log Date column',
    'ACTIVITY_CONVERSION',
    [replaceCell(LOG, 1, 0, 46266), 'Raj', 'Opportunities', date('2026-09-01'), SEP30],
    /row 2, column "Date": "46266" is not a date/,
  ],
  [
    'a log row without a rep',
    'ACTIVITY_CONVERSION',
    [replaceCell(LOG, 4, 1, ''), 'Raj', 'Opportunities', date('2026-09-01'), SEP30],
    /row 5: "Rep" is blank/,
  ],
  [
    'a team whose quotas have different periods',
    'QUOTA_ATTAINMENT',
    [LOG, QUOTAS, 'East', 'Calls', SEP30, '', TEAM],
    /"East" covers reps whose Calls quotas have different periods \(Month, Week\); give them the same period/,
  ],
  [
    'an unknown week start',
    'QUOTA_BOARD',
    [LOG, QUOTAS, SEP30, settings('Week start', 'Funday')],
    /settings range, row 2: "Funday" is not a week start; use a weekday name such as Monday/,
  ],
  [
    'a fiscal year start of 13',
    'QUOTA_BOARD',
    [LOG, QUOTAS, SEP30, settings('Fiscal year start', 13)],
    /"13" is not a month; use a month name such as April, or a number from 1 to 12/,
  ],
  [
    'an unknown pacing basis',
    'QUOTA_BOARD',
    [LOG, QUOTAS, SEP30, settings('Pacing', 'sometimes')],
    /"sometimes" is not a pacing basis; use Working days, Calendar days/,
  ],
  [
    'a threshold above 1',
    'QUOTA_BOARD',
    [LOG, QUOTAS, SEP30, settings('Behind threshold', 1.5)],
    /"1.5" is not a threshold; use a number between 0 and 1/,
  ],
  [
    'an unknown language',
    'QUOTA_BOARD',
    [LOG, QUOTAS, SEP30, settings('Language', 'Klingon')],
    /"Klingon" is not a language; use one of en \(English\), ms/,
  ],
  [
    'a holiday that is not a date',
    'QUOTA_PACE',
    [LOG, QUOTAS, 'Raj', 'Calls', SEP30, settings('Holidays', 'Christmas')],
    /settings range, row 2, column "Holidays": "Christmas" is not a date/,
  ],
];

describe('bad arguments', () => {
  it('has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('%s: %s says what is wrong and how to fix it', (_label, fn, args, pattern) => {
    const before = JSON.stringify(args);
    let thrown: unknown;
    try {
      rt.call(fn, ...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, 'it should throw').toBeDefined();
    const text = (thrown as Error).message;
    expect(text.startsWith(`${fn}: `), text).toBe(true);
    expect(text).toMatch(pattern);
    expect(JSON.stringify(args)).toBe(before);
  });

  it('says it in the spreadsheet language', () => {
    const pl = runtime({ locale: 'pl_PL', now: NOV18 });
    let text = '';
    try {
      pl.call('QUOTA_ATTAINMENT', asAppsScript([ACTIVITY_HEADER]), [QUOTA_HEADER], 'Raj', 'Calls', 'wczoraj');
    } catch (error) {
      text = (error as Error).message;
    }
    expect(text).toBe(`QUOTA_ATTAINMENT: ${fill(STRINGS.pl.messages.argNotDate, { arg: 'date', value: 'wczoraj' })}`);
    expect(text).not.toContain('is not a date');
  });

  it('refuses a spreadsheet time zone it does not know', () => {
    const bad = runtime({ timeZone: 'Mars/Olympus_Mons', now: NOV18 });
    expect(() => bad.call('QUOTA_TARGET', QUOTAS, 'Raj', 'Calls')).toThrow(
      /QUOTA_TARGET: the spreadsheet time zone "Mars\/Olympus_Mons" is not known; choose one in File > Settings/,
    );
  });
});
