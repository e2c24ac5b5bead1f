/**
 * Totals too large to compute (two quantities of 1e308 add up past the largest
 * number) are refused with a message, never shown as Infinity or NaN: in the
 * core, the custom functions, the board after a refresh and logActivity, and
 * the sheets are left as they were.
 */
import { describe, expect, it } from 'vitest';
import { DayClock } from '../src/core/day';
import { LANGUAGES, type Lang, message, STRINGS } from '../src/core/i18n';
import { fieldMessage, SIDEBAR } from '../src/core/i18n/sidebar';
import { readActivityLog } from '../src/core/log';
import { computeRefresh } from '../src/core/refresh';
import type { LogResult } from '../src/core/serverApi';
import { day } from './helpers/core';
import { runtime } from './helpers/runtime';
import { NOV18, RAJ, sheetSnapshot, skippedRows, teamWorkbook } from './helpers/team';
import { board, cellDate, sheet, snapshot } from './helpers/workbook';

const HEADER = ['Date', 'Rep', 'Activity', 'Quantity'];
const HUGE = 1e308;
/** Raj's calls add up past the largest number; his emails and Mia's calls do not. */
const LOG = [
  HEADER,
  ['2026-11-16', 'Raj', 'Calls', HUGE],
  ['2026-11-17', 'Raj', 'Calls', HUGE],
  ['2026-11-17', 'Raj', 'Emails', 5],
  ['2026-11-17', 'Mia', 'Calls', 3],
];
const QUOTAS = [
  ['Rep', 'Activity', 'Period', 'Target'],
  ['*', 'Calls', 'Week', 50],
  ['Raj', 'Emails', 'Week', 10],
];
const ROW_TOO_LARGE =
  'the activities range, row 3, column "Quantity": with 1e+308 the total of Calls for Raj is too large to compute; correct the quantity';

/** Every number in a grid, to check that none is Infinity or NaN. */
const numbers = (grid: unknown[][]) => grid.flat().filter((cell): cell is number => typeof cell === 'number');

describe('the core', () => {
  const options = { clock: new DayClock('Asia/Seoul'), lang: 'en' as Lang };

  it('lists the row that makes a total too large, once, and never sums it', () => {
    const log = readActivityLog([...LOG, ['2026-11-18', 'Raj', 'Calls', 1]], { ...options, strict: false });
    expect(log.problems).toEqual([
      {
        key: 'rowTooLarge',
        row: 3,
        params: expect.objectContaining({ rep: 'Raj', activity: 'Calls', row: 3, value: '1e+308' }),
      },
    ]);
    expect(message('en', 'rowTooLarge', log.problems[0]?.params ?? {})).toBe(ROW_TOO_LARGE);
    expect(() => readActivityLog(LOG, { ...options, strict: true })).toThrow(ROW_TOO_LARGE);
  });

  it('leaves the row out of the board and lists why; the other rows stand', () => {
    const result = computeRefresh({
      activities: LOG,
      quotas: QUOTAS,
      timeZone: 'Asia/Seoul',
      lang: 'en',
      today: day('2026-11-18'),
    });
    expect(result.board.map((row) => [row.rep, row.activityKey, row.progress.done])).toEqual([
      ['Mia', 'calls', 3],
      ['Raj', 'emails', 5],
    ]);
    expect(result.problems.map((p) => [p.sheet, p.row, p.text])).toEqual([['activities', 3, ROW_TOO_LARGE]]);
  });

  it('lists a board row whose figures overflow (a tiny target) under the board, at its Quotas row', () => {
    const result = computeRefresh({
      activities: [HEADER, ['2026-11-16', 'Raj', 'Calls', 1e300]],
      quotas: [QUOTAS[0] as unknown[], ['Raj', 'Calls', 'Week', 1e-10]],
      timeZone: 'Asia/Seoul',
      lang: 'en',
      today: day('2026-11-18'),
    });
    expect(result.board).toEqual([]);
    expect(result.problems.map((p) => [p.sheet, p.row, p.text])).toEqual([
      ['quotas', 2, 'the total of Calls for Raj is too large to compute; check the quantities and targets'],
    ]);
  });
});

describe('the custom functions', () => {
  const rt = runtime({ now: NOV18 });
  const TWO_REPS = [HEADER, ['2026-11-16', 'Raj', 'Calls', HUGE], ['2026-11-17', 'Mia', 'Calls', HUGE]];
  const call =
    (name: string, ...args: unknown[]) =>
    () =>
      rt.call(name, ...args);

  it('throw the row that makes a total too large, from every function that reads the log', () => {
    const cases: [string, unknown[]][] = [
      ['ACTIVITY_TOTAL', [LOG, 'Raj', 'Calls', '2026-11-01', '2026-11-30']],
      ['ACTIVITY_TOTAL', [LOG, 'Mia', 'Calls', '2026-11-01', '2026-11-30']],
      ['QUOTA_ATTAINMENT', [LOG, QUOTAS, 'Raj', 'Calls']],
      ['QUOTA_FORECAST', [LOG, QUOTAS, 'Raj', 'Calls']],
      ['QUOTA_BOARD', [LOG, QUOTAS]],
      ['ACTIVITY_CONVERSION', [LOG, 'Raj', 'Opportunities', '2026-11-01', '2026-11-30']],
    ];
    for (const [name, args] of cases) expect(call(name, ...args), name).toThrow(`${name}: ${ROW_TOO_LARGE}`);
  });

  it('throw when a team total, a ratio or a conversion is too large, never giving Infinity', () => {
    const tooLarge = (name: string, what: string) =>
      `${name}: the total of ${what} is too large to compute; check the quantities and targets`;
    const span = ['2026-11-01', '2026-11-30'];
    expect(call('ACTIVITY_TOTAL', TWO_REPS, '*', 'Calls', ...span)).toThrow(tooLarge('ACTIVITY_TOTAL', 'Calls for *'));
    const tiny = [QUOTAS[0], ['Raj', 'Calls', 'Week', 1e-10]];
    const one = [HEADER, ['2026-11-16', 'Raj', 'Calls', 1e300]];
    for (const name of ['QUOTA_ATTAINMENT', 'QUOTA_PACE', 'QUOTA_FORECAST', 'QUOTA_STATUS']) {
      expect(call(name, one, tiny, 'Raj', 'Calls'), name).toThrow(tooLarge(name, 'Calls for Raj'));
    }
    expect(call('QUOTA_BOARD', one, tiny)).toThrow(tooLarge('QUOTA_BOARD', 'Calls for Raj'));
    const efforts = [...TWO_REPS.slice(0, 2), ['2026-11-16', 'Raj', 'Emails', HUGE], ['2026-11-16', 'Raj', 'Opps', 1]];
    expect(call('ACTIVITY_CONVERSION', efforts, 'Raj', 'Opportunities', ...span)).toThrow(
      tooLarge('ACTIVITY_CONVERSION', 'Opportunities for Raj'),
    );
    const spread = [HEADER, ['2026-11-16', 'Raj', 'Calls', 1e-300], ['2026-11-16', 'Raj', 'Opps', 1e10]];
    expect(call('ACTIVITY_CONVERSION', spread, 'Raj', 'Opportunities', ...span)).toThrow(
      tooLarge('ACTIVITY_CONVERSION', 'Opportunities for Raj'),
    );
  });

  it.each(LANGUAGES)('say so in %s', (lang) => {
    const local = runtime({ now: NOV18, locale: `${lang}_XX` });
    const activity = STRINGS[lang].activities.calls;
    const team = [HEADER, ['2026-11-16', 'Raj', activity, HUGE], ['2026-11-17', 'Mia', activity, HUGE]];
    expect(() => local.call('ACTIVITY_TOTAL', team, '*', activity, '2026-11-01', '2026-11-30')).toThrow(
      `ACTIVITY_TOTAL: ${message(lang, 'totalTooLarge', { rep: '*', activity })}`,
    );
    const row = { table: 'activities', row: 3, column: 'Quantity', value: '1e+308', rep: 'Raj', activity: 'Calls' };
    expect(() => local.call('QUOTA_BOARD', LOG, QUOTAS)).toThrow(`QUOTA_BOARD: ${message(lang, 'rowTooLarge', row)}`);
  });
});

/** The team workbook with Raj's calls this week at 1e308 twice. */
function overflowing(options: Parameters<typeof teamWorkbook>[0] = {}) {
  const rt = teamWorkbook(options);
  sheet(rt, 'Activities')
    .getRange('A6:H7')
    .setValues([
      [cellDate(rt, '2026-11-16'), 'Raj', 'Calls', HUGE, '', RAJ, '', 'big-1'],
      [cellDate(rt, '2026-11-17'), 'Raj', 'Calls', HUGE, '', RAJ, '', 'big-2'],
    ]);
  return rt;
}

describe('the board after a refresh', () => {
  it('leaves out the row too large to compute, lists why under the board, and changes no log or quota cell', () => {
    const rt = overflowing();
    const before = snapshot(rt);
    rt.call('refreshStatus');
    const after = snapshot(rt);
    for (const name of ['Activities', 'Quotas', 'Team', 'Settings']) {
      expect(sheetSnapshot(after, name), name).toEqual(sheetSnapshot(before, name));
    }
    const rows = board(rt).slice(1);
    expect(rows.map((row) => [row[0], row[1], row[6]])).toEqual([
      ['Mia', 'Calls', 10],
      ['Raj', 'Emails', 50],
    ]);
    expect(numbers(rows).every(Number.isFinite)).toBe(true);
    expect(skippedRows(rt)).toEqual([
      expect.stringContaining('with 1e+308 the total of Calls for Raj is too large to compute; correct the quantity'),
    ]);
  });
});

describe('logActivity', () => {
  const ENTRY = { id: 'big-3', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '' };

  it.each(LANGUAGES)('refuses an entry into a total too large to compute, in %s, and writes nothing', (lang) => {
    const rt = overflowing({ userLocale: `${lang}_XX` });
    const before = snapshot(rt);
    const result = rt.call('logActivity', ENTRY) as LogResult;
    const text = fieldMessage(lang, 'totalTooLarge', {
      field: SIDEBAR[lang].labels.quantity,
      rep: 'Raj',
      activity: 'Calls',
    });
    expect(result).toEqual({ ok: false, message: text, errors: [{ field: 'quantity', message: text }] });
    expect(snapshot(rt)).toEqual(before);
  });

  it('still logs into other totals, written any way', () => {
    const rt = overflowing();
    const result = rt.call('logActivity', { ...ENTRY, rep: 'Mia', activity: 'Calls' }) as LogResult;
    expect(result.ok).toBe(true);
    const refused = rt.call('logActivity', { ...ENTRY, id: 'big-4', rep: 'RAJ\u200b', activity: 'calls' }) as LogResult;
    expect(refused.ok).toBe(false);
    expect(sheet(rt, 'Activities').getLastRow()).toBe(8);
  });
});
