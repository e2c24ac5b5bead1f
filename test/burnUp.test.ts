/**
 * The burn-up series of a quota (src/core/burnUp.ts): Done per step of the
 * period, kept from a refresh's log and moved by entries, and the chart the
 * sidebar draws from it (Done and Expected, cumulative, per step).
 */
import { describe, expect, it } from 'vitest';
import {
  burnUpOf,
  bytesOf,
  keptSeries,
  moveSeries,
  parseSeries,
  SERIES_KEY,
  type Series,
  STORE_BYTES,
  seriesOf,
  VALUE_BYTES,
} from '../src/core/burnUp';
import { dayToIso } from '../src/core/day';
import { type BoardRow, computeBoard, type Workbook } from '../src/core/engine';
import type { Settings } from '../src/core/settings';
import { day, workbook } from './helpers/core';
import { type Grid, QUOTA_HEADER } from './helpers/fixtures';

const LOG_HEADER = ['Date', 'Rep', 'Activity', 'Quantity'];

/** The board of `book` as of `asOf` (today being `today`), and one row of it. */
function boardOf(book: Workbook, asOf: string, today = asOf): BoardRow[] {
  return computeBoard(book, day(asOf), day(today));
}
function rowOf(board: BoardRow[], rep: string, activity: string): BoardRow {
  const row = board.find((r) => r.rep === rep && r.activityKey === activity);
  if (!row) throw new Error(`no board row for ${rep} ${activity}`);
  return row;
}

/** Raj's Calls, 100 a month, in November 2026 (Sunday 1st … Monday 30th: 21 working days). */
const monthBook = (settings: Partial<Settings> = {}) =>
  workbook(
    {
      quotas: [QUOTA_HEADER, ['Raj', 'Calls', 'Month', 100, null, null]],
      activities: [
        LOG_HEADER,
        ['2026-11-02', 'Raj', 'Calls', 5],
        ['2026-11-02', 'Raj', 'Calls', 3],
        ['2026-11-05', 'Raj', 'Calls', 10],
        ['2026-11-18', 'Raj', 'Calls', 2],
        // Before the period and after the as-of day: in no step.
        ['2026-10-30', 'Raj', 'Calls', 40],
        ['2026-11-20', 'Raj', 'Calls', 7],
      ],
    },
    settings,
  );

describe('a burn-up series from the log', () => {
  it('gives a month quota Done per day, cumulative, up to the as-of day, and the pace over the whole month', () => {
    const book = monthBook();
    const row = rowOf(boardOf(book, '2026-11-18'), 'Raj', 'calls');
    const series = seriesOf(book.log, row, day('2026-11-18'));
    // Period first and last day, then Done on 1, 2, … 18 November.
    expect(series.slice(0, 2)).toEqual([day('2026-11-01'), day('2026-11-30')]);
    expect(series.slice(2)).toEqual([0, 8, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    const chart = burnUpOf(row, series, day('2026-11-18'), book.settings);
    expect(chart?.steps).toHaveLength(30);
    expect([chart?.steps[0], chart?.steps[29]]).toEqual(['2026-11-01', '2026-11-30']);
    expect(chart?.done).toEqual([0, 8, 8, 8, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 20]);
    expect(chart?.done.at(-1)).toBe(row.progress.done);
    // Sunday the 1st expects nothing; each working day a 21st of the target; the month's end all of it.
    expect(chart?.expected[0]).toBe(0);
    expect(chart?.expected[1]).toBeCloseTo(100 / 21);
    // 2–6, 9–13, 16–17 November: 12 working days over by the end of the 17th.
    expect(chart?.expected[16]).toBeCloseTo((100 * 12) / 21);
    expect(chart?.expected[29]).toBe(100);
    // The quota's Expected while the 18th is today is the pace line at the end of the 17th.
    expect(row.progress.expected).toBeCloseTo(chart?.expected[16] ?? Number.NaN);
  });

  it('gives a Year quota Done by week (53 steps), not by day', () => {
    const book = workbook({
      quotas: [QUOTA_HEADER, ['Raj', 'Demos', 'Year', 52, null, null]],
      activities: [
        LOG_HEADER,
        ['2026-01-01', 'Raj', 'Demos', 1],
        ['2026-01-07', 'Raj', 'Demos', 1],
        ['2026-01-08', 'Raj', 'Demos', 2],
        ['2026-03-15', 'Raj', 'Demos', 4],
        ['2026-11-18', 'Raj', 'Demos', 3],
      ],
    });
    const row = rowOf(boardOf(book, '2026-11-18'), 'Raj', 'demos');
    const series = seriesOf(book.log, row, day('2026-11-18'));
    const chart = burnUpOf(row, series, day('2026-11-18'), book.settings);
    expect(chart?.steps).toHaveLength(53);
    expect(chart?.steps.slice(0, 3)).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
    expect(chart?.steps[52]).toBe('2026-12-31');
    // The 18th of November is day 321 of the year: in week 45 (counted from 0).
    expect(chart?.done).toHaveLength(46);
    expect(chart?.done.slice(0, 3)).toEqual([2, 4, 4]);
    // 15 March is day 73: week 10.
    expect([chart?.done[9], chart?.done[10]]).toEqual([4, 8]);
    expect(chart?.done.at(-1)).toBe(11);
    expect(chart?.expected.at(-1)).toBe(52);
    // The pace grows every week (each has working days) and never goes back.
    for (let i = 1; i < 53; i++) expect(chart?.expected[i]).toBeGreaterThan(chart?.expected[i - 1] ?? 0);
  });

  it('keeps the pace line flat over a holiday and a weekend with working-day pacing, and not with calendar days', () => {
    const quotas: Grid = [QUOTA_HEADER, ['Raj', 'Calls', 'Week', 40, null, null]];
    const activities: Grid = [LOG_HEADER, ['2026-11-16', 'Raj', 'Calls', 12]];
    const holiday = workbook({ quotas, activities }, { holidays: new Set([day('2026-11-18')]) });
    const row = rowOf(boardOf(holiday, '2026-11-20'), 'Raj', 'calls');
    const chart = burnUpOf(row, seriesOf(holiday.log, row, day('2026-11-20')), day('2026-11-20'), holiday.settings);
    // Monday 16 … Sunday 22 November; Wednesday the 18th a holiday: four working days of 10.
    expect(chart?.steps).toEqual(['16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-11-${d}`));
    expect(chart?.expected).toEqual([10, 20, 20, 30, 40, 40, 40]);
    expect(chart?.done).toEqual([12, 12, 12, 12, 12]);
    const calendar = workbook({ quotas, activities }, { pacing: 'calendar', holidays: new Set([day('2026-11-18')]) });
    const calendarRow = rowOf(boardOf(calendar, '2026-11-20'), 'Raj', 'calls');
    const series = seriesOf(calendar.log, calendarRow, day('2026-11-20'));
    const steady = burnUpOf(calendarRow, series, day('2026-11-20'), calendar.settings);
    expect(steady?.expected.map((e) => Math.round(e * 7))).toEqual([40, 80, 120, 160, 200, 240, 280]);
  });
});

describe('moving a kept series', () => {
  const book = monthBook();
  const asOf = day('2026-11-18');
  const row = rowOf(boardOf(book, '2026-11-18'), 'Raj', 'calls');
  /** The row as the kept board moves it: Done changed by `quantity`. */
  const moved = (quantity: number): BoardRow => ({
    ...row,
    progress: { ...row.progress, done: row.progress.done + quantity },
  });

  it('moves the step of the entry by its quantity, and an undo moves it back', () => {
    const series: Series = { calls: seriesOf(book.log, row, asOf) };
    expect(moveSeries(series, row, day('2026-11-05'), 4.5)).toBe(true);
    const chart = burnUpOf(moved(4.5), series.calls, asOf, book.settings);
    expect(chart?.done.slice(0, 6)).toEqual([0, 8, 8, 8, 22.5, 22.5]);
    expect(chart?.done.at(-1)).toBe(24.5);
    // An entry on the as-of day moves the last step; its undo takes it away again.
    expect(moveSeries(series, row, asOf, 3)).toBe(true);
    expect(burnUpOf(moved(7.5), series.calls, asOf, book.settings)?.done.at(-1)).toBe(27.5);
    expect(moveSeries(series, row, asOf, -3)).toBe(true);
    expect(moveSeries(series, row, day('2026-11-05'), -4.5)).toBe(true);
    expect(series.calls).toEqual(seriesOf(book.log, row, asOf));
  });

  it('moves a step no entry had yet, past the last one kept', () => {
    const early = rowOf(boardOf(book, '2026-11-02', '2026-11-18'), 'Raj', 'calls');
    const series: Series = { calls: seriesOf(book.log, early, day('2026-11-02')) };
    expect(series.calls).toEqual([day('2026-11-01'), day('2026-11-30'), 0, 8]);
    expect(moveSeries(series, row, day('2026-11-12'), 6)).toBe(true);
    const fourteen = { ...row, progress: { ...row.progress, done: 14 } };
    expect(burnUpOf(fourteen, series.calls, asOf, book.settings)?.done).toEqual([
      0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 14, 14, 14, 14, 14, 14, 14,
    ]);
  });

  it('shows no chart that disagrees with Done, is of another period or runs past the as-of day', () => {
    const series = seriesOf(book.log, row, asOf);
    expect(burnUpOf(moved(1), series, asOf, book.settings)).toBeUndefined();
    expect(burnUpOf(row, undefined, asOf, book.settings)).toBeUndefined();
    const october = rowOf(boardOf(book, '2026-10-30'), 'Raj', 'calls');
    const old = seriesOf(book.log, october, day('2026-10-30'));
    expect(burnUpOf({ ...row, progress: { ...row.progress, done: 40 } }, old, asOf, book.settings)).toBeUndefined();
    expect(moveSeries({ calls: old }, row, asOf, 1)).toBe(false);
    // A step after the as-of day (the board never moves one: such an entry is not Done yet).
    expect(burnUpOf(row, series, asOf, book.settings)).toBeDefined();
    expect(burnUpOf(row, [...series, 1], asOf, book.settings)).toBeUndefined();
  });

  it('reads a stored value back, and anything else as no series', () => {
    expect(parseSeries(JSON.stringify({ calls: [1, 2, 3] }))).toEqual({ calls: [1, 2, 3] });
    for (const text of [null, '', '{', 'null', '42', '"text"']) expect(parseSeries(text)).toEqual({});
  });
});

describe('the series kept in document properties', () => {
  const isoOf = (n: number) => dayToIso(day('2026-01-01') + n);
  /** A year of entries every day of 2026, for `reps` reps, on the given quotas. */
  function yearBook(reps: string[], quotas: [string, string, number][]): Workbook {
    const activities: Grid = [LOG_HEADER];
    for (let n = 0; n < 365; n++)
      for (const rep of reps)
        for (const [activity] of quotas) activities.push([isoOf(n), rep, activity, 12.25 + (n % 9)]);
    return workbook({
      activities,
      quotas: [
        QUOTA_HEADER,
        ...quotas.map(([activity, period, target]) => ['*', activity, period, target, null, null]),
      ],
    });
  }
  const SEVERAL: [string, string, number][] = [
    ['Calls', 'Quarter', 3000],
    ['Emails', 'Quarter', 3000],
    ['Social contacts', 'Quarter', 900],
    ['Meetings', 'Month', 60],
    ['Demos', 'Year', 400],
    ['Statements of work', 'Week', 5],
    ['Opportunities', 'Day', 2],
    ['전화 상담', 'Quarter', 1000],
  ];

  it('keeps a rep with eight quotas and a year of daily entries in one value under 9 kB', () => {
    const rep = 'Bartholomew Featherstonehaugh-Wojciechowska';
    const book = yearBook([rep], SEVERAL);
    // The last day of the year: three quarters of 92 days and a year of 53 weeks, each step with entries.
    const board = boardOf(book, '2026-12-31');
    expect(board).toHaveLength(8);
    const kept = keptSeries(book.log, board, day('2026-12-31'));
    const [key, text] = Object.entries(kept)[0] ?? ['', ''];
    expect(Object.keys(kept)).toHaveLength(1);
    expect(key).toBe(SERIES_KEY + board[0]?.repKey);
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(text);
    console.log(`a rep's series, 8 quotas, a year of daily entries: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(VALUE_BYTES);
    expect(bytesOf(key + text)).toBeGreaterThanOrEqual(bytes);
    // And every chart it gives is whole.
    const series = parseSeries(text);
    for (const row of board) {
      const chart = burnUpOf(row, series[row.activityKey], day('2026-12-31'), book.settings);
      expect(chart?.done.at(-1), row.activity).toBeCloseTo(row.progress.done, 9);
      expect(chart?.done).toHaveLength(chart?.steps.filter((start) => start <= '2026-12-31').length ?? -1);
    }
  });

  it('leaves out a rep whose series would pass a value, and stops before the store is full', () => {
    const many: [string, string, number][] = Array.from({ length: 40 }, (_, i) => [`Custom ${i}`, 'Quarter', 100]);
    const book = yearBook(['Raj', 'Mia'], many.slice(0, 30));
    const board = boardOf(book, '2026-12-31');
    expect(keptSeries(book.log, board, day('2026-12-31'))).toEqual({});
    const light = yearBook(['Raj', 'Mia'], SEVERAL.slice(0, 1));
    const kept = keptSeries(light.log, boardOf(light, '2026-12-31'), day('2026-12-31'));
    expect(Object.keys(kept).sort()).toEqual([`${SERIES_KEY}mia`, `${SERIES_KEY}raj`]);
    // 300 reps, 4 quotas each: only as many as fit in the store's share.
    const reps = Array.from({ length: 300 }, (_, i) => `Rep ${i}`);
    const team = yearBook(reps, SEVERAL.slice(0, 4));
    const all = keptSeries(team.log, boardOf(team, '2026-12-31'), day('2026-12-31'));
    const total = Object.entries(all).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    expect(Object.keys(all).length).toBeGreaterThan(50);
    expect(Object.keys(all).length).toBeLessThan(300);
    expect(total).toBeLessThanOrEqual(STORE_BYTES);
  }, 60_000);
});
