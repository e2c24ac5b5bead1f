/**
 * The catalogue of bad input (helpers/catalogue.ts), "Set up workbook" on
 * malformed workbooks: it may add headers only in empty header cells, and
 * every other cell of a sheet that was there stays as it was.
 */
import { expect } from 'vitest';
import { STRINGS } from '../../src/core/i18n';
import { APP } from '../../src/core/i18n/app';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import type { Case, Topic } from '../helpers/catalogue';
import { runtime } from '../helpers/runtime';
import { NOV18, type SheetSnapshot, sheetsOf, teamWorkbook } from '../helpers/team';
import { sheet } from '../helpers/workbook';

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
): Case {
  return {
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
  };
}

const ALREADY = /^The workbook is already set up; nothing was changed\.$/;
/** An empty spreadsheet with one sheet of the user's own. */
function own(name: string, grid: unknown[][]): AppsScriptRuntime {
  const rt = runtime({ now: NOV18 });
  const mine = rt.spreadsheet.insertSheet(name);
  mine.getRange(1, 1, grid.length, grid[0]?.length ?? 1).setValues(grid);
  return rt;
}

export const SET_UP_CASES: Case[] = [
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
  ),
  setUp(
    'sheet renamed or deleted',
    'the Activities sheet deleted',
    () => {
      const rt = teamWorkbook();
      rt.spreadsheet.deleteSheet(sheet(rt, 'Activities'));
      return rt;
    },
    /^Set up: created Activities\. Existing data was not touched\.$/,
  ),
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
  ),
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
  ),
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
  ),
  setUp(
    'Unicode names and languages',
    'a Korean log in an English spreadsheet',
    () =>
      own(APP.ko.sheets.activities, [
        [STRINGS.ko.headers.date, STRINGS.ko.headers.rep, STRINGS.ko.headers.activity, STRINGS.ko.headers.quantity],
        ['2026-11-02', '민수', '전화', 30],
      ]),
    /^Set up: created Team, Quotas, Settings, Status, and added the missing columns to 활동\. Existing data was not touched\.$/,
  ),
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
  ),
  setUp(
    'sheet renamed or deleted',
    'the Status sheet deleted',
    () => {
      const rt = teamWorkbook();
      rt.spreadsheet.deleteSheet(sheet(rt, 'Status'));
      return rt;
    },
    /^Set up: created Status\. Existing data was not touched\.$/,
  ),
];
