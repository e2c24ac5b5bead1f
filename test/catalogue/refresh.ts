/**
 * The catalogue of bad input (helpers/catalogue.ts), "Refresh status" on
 * malformed sheets: the board is rewritten, each problem is listed by sheet
 * and row under it, and the user's sheets keep all but the Quotas row colours.
 */
import { expect } from 'vitest';
import { STATUS_COLORS } from '../../src/core/palette';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import { type Case, exactly, loseTheLog, type Topic } from '../helpers/catalogue';
import { STATUS_HEADER } from '../helpers/fixtures';
import { type SheetSnapshot, sheetsOf, skippedRows, teamWorkbook } from '../helpers/team';
import { board, cellDate, sheet } from '../helpers/workbook';

const COLOURS = new Set([...Object.values(STATUS_COLORS), '#ffffff']);

function refresh(topic: Topic, label: string, arrange: (rt: AppsScriptRuntime) => void, problem: RegExp): Case {
  return {
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
  };
}

const putLog = (cells: unknown[]) => (rt: AppsScriptRuntime) =>
  sheet(rt, 'Activities').getRange(6, 1, 1, cells.length).setValues([cells]);
const putQuota = (cells: unknown[]) => (rt: AppsScriptRuntime) =>
  sheet(rt, 'Quotas').getRange(4, 1, 1, cells.length).setValues([cells]);
const putSetting = (a1: string, value: unknown) => (rt: AppsScriptRuntime) =>
  sheet(rt, 'Settings').getRange(a1).setValue(value);
const day18 = (rt: AppsScriptRuntime) => cellDate(rt, '2026-11-18');
const HUGE = 'lots of calls '.repeat(1500);

export const REFRESH_CASES: Case[] = [
  refresh(
    'wrong type',
    'text in Quantity',
    (rt) => putLog([day18(rt), 'Raj', 'Calls', 'lots'])(rt),
    /^Activities row 6: the activities range, row 6, column "Quantity": "lots" is not a number; type a number such as 25$/,
  ),
  refresh(
    'wrong type',
    'a formula error in Quantity',
    (rt) => putLog([day18(rt), 'Raj', 'Calls', '=1/0'])(rt),
    /^Activities row 6: the activities range, row 6, column "Quantity": "#DIV\/0!" is not a number/,
  ),
  refresh(
    'wrong type',
    'a blank Rep in the log',
    (rt) => putLog([day18(rt), '', 'Calls', 2])(rt),
    /^Activities row 6: the activities range, row 6: "Rep" is blank; fill it in or delete the row$/,
  ),
  refresh(
    'wrong type',
    'text in Target',
    putQuota(['Mia', 'Demos', 'Week', 'many']),
    /^Quotas row 4: the quotas range, row 4, column "Target": "many" is not a number; type a number such as 25$/,
  ),
  refresh(
    'wrong type',
    'an unknown period',
    putQuota(['Mia', 'Demos', 'Fortnight', 3]),
    /^Quotas row 4: the quotas range, row 4: "Fortnight" is not a period; use one of Day, Week, Month, Quarter, Year$/,
  ),
  refresh(
    'out-of-range number',
    'a negative Target',
    putQuota(['Mia', 'Demos', 'Week', -5]),
    /^Quotas row 4: the quotas range, row 4, column "Target": -5 is negative; type zero or more$/,
  ),
  refresh(
    'out-of-range number',
    'a threshold of 7',
    putSetting('B5', 7),
    /^Settings row 5: the settings range, row 5: "7" is not a threshold; use a number between 0 and 1, such as 0.75$/,
  ),
  refresh(
    'out-of-range number',
    'a week starting on "Funday"',
    putSetting('B2', 'Funday'),
    /^Settings row 2: the settings range, row 2: "Funday" is not a week start; use a weekday name such as Monday$/,
  ),
  refresh(
    'impossible date',
    '30 February in the log',
    putLog(['2026-02-30', 'Raj', 'Calls', 1]),
    /^Activities row 6: the activities range, row 6, column "Date": "2026-02-30" is not a date; type a date such as 2026-11-30$/,
  ),
  refresh(
    'impossible date',
    '31 April as From',
    putQuota(['Mia', 'Demos', 'Week', 5, '2026-04-31']),
    /^Quotas row 4: the quotas range, row 4, column "From": "2026-04-31" is not a date; type a date such as 2026-11-30$/,
  ),
  refresh(
    'impossible date',
    '30 February as the As-of date',
    putSetting('B8', '2026-02-30'),
    /^Settings row 8: the settings range, row 8, column "As-of date": "2026-02-30" is not a date/,
  ),
  refresh(
    'impossible date',
    '"soon" as a Start date',
    (rt) => sheet(rt, 'Team').getRange('D2').setValue('soon'),
    /^Team row 2: the team range, row 2, column "Start date": "soon" is not a date; type a date such as 2026-11-30$/,
  ),
  refresh(
    'huge string',
    'a 21,000-character Quantity',
    (rt) => putLog([day18(rt), 'Raj', 'Calls', HUGE])(rt),
    exactly(
      `Activities row 6: the activities range, row 6, column "Quantity": "${HUGE.slice(0, 57)}..." is not a number; type a number such as 25`,
    ),
  ),
  refresh(
    'out-of-range number',
    'a Target of 1e400, typed into a plain-text cell',
    (rt) => {
      sheet(rt, 'Quotas').getRange('D4').setNumberFormat('@');
      putQuota(['Mia', 'Demos', 'Week', '1e400'])(rt);
    },
    /^Quotas row 4: the quotas range, row 4, column "Target": "1e400" is not a number; type a number such as 25$/,
  ),
  refresh(
    'overlapping quotas, From after To',
    'From after To',
    (rt) => putQuota(['Mia', 'Demos', 'Week', 5, cellDate(rt, '2026-12-01'), cellDate(rt, '2026-11-01')])(rt),
    /^Quotas row 4: the quotas range, row 4: "From" \(2026-12-01\) is after "To" \(2026-11-01\); swap the two dates$/,
  ),
  refresh(
    'overlapping quotas, From after To',
    'the same quota twice',
    putQuota(['*', 'calls', 'Week', 60]),
    /^Quotas row 4: the quotas range, row 4: the same rep, activity and dates as row 2; the lower row wins, so delete one of them$/,
  ),
  refresh(
    'missing, duplicated or renamed column',
    'Quantity renamed "How many"',
    (rt) => sheet(rt, 'Activities').getRange('D1').setValue('How many'),
    /^Activities row 1: the activities range has no "Quantity" column \(found: Date, Rep, Activity, How many, Notes, Logged by, Logged at, Entry ID\); add a "Quantity" header to its first row$/,
  ),
  refresh(
    'missing, duplicated or renamed column',
    'two Date columns',
    (rt) => sheet(rt, 'Activities').getRange('I1').setValue('date'),
    /^Activities row 1: the activities range has two "Date" columns \(Date, date\); rename or remove one of them$/,
  ),
  refresh(
    'merged or blank header cells',
    'Activity merged over Period in Quotas',
    (rt) =>
      sheet(rt, 'Quotas')
        .getRange('B1:C1')
        .setValues([['Activity', '']]),
    /^Quotas row 1: the quotas range has no "Period" column \(found: Rep, Activity, Target, From, To\); add a "Period" header to its first row$/,
  ),
  refresh(
    'merged or blank header cells',
    'a blank Team header row',
    (rt) =>
      sheet(rt, 'Team')
        .getRange('A1:D1')
        .setValues([['', '', '', '']]),
    /^Team row 1: the team range is empty; pass it with its header row, for example TeamTable or Team!A:D$/,
  ),
  refresh(
    'Unicode names and languages',
    'a Korean rep with a blank Period',
    putQuota(['김민수', 'Calls', '', 5]),
    /^Quotas row 4: the quotas range, row 4: "Period" is blank; fill it in or delete the row$/,
  ),
  refresh(
    'Unicode names and languages',
    'a Cyrillic Target "много"',
    putQuota(['Иван', 'Calls', 'Week', 'много']),
    /^Quotas row 4: the quotas range, row 4, column "Target": "много" is not a number/,
  ),
  refresh(
    'Unicode names and languages',
    'a Polish rep with period "Dwutygodniowo"',
    putQuota(['Łucja', 'Calls', 'Dwutygodniowo', 5]),
    /^Quotas row 4: the quotas range, row 4: "Dwutygodniowo" is not a period; use one of Day, Week, Month, Quarter, Year$/,
  ),
  refresh(
    'Unicode names and languages',
    'language "Klingon"',
    putSetting('B7', 'Klingon'),
    /^Settings row 7: the settings range, row 7: "Klingon" is not a language; use one of en \(English\), ms/,
  ),
  refresh(
    'sheet renamed or deleted',
    'the Quotas sheet deleted',
    (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Quotas')),
    /^Quotas row 1: There is no Quotas sheet yet: choose "Set up workbook" first\.$/,
  ),
  refresh(
    'sheet renamed or deleted',
    'the Activities sheet deleted',
    (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Activities')),
    /^Activities row 1: There is no Activities sheet yet: choose "Set up workbook" first\.$/,
  ),
  refresh(
    'sheet renamed or deleted',
    'Activities renamed, its named range and its header row removed',
    loseTheLog,
    /^Activities row 1: There is no Activities sheet yet: choose "Set up workbook" first\.$/,
  ),
];
