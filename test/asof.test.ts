/**
 * The as-of moment (SPEC §3): the end of the as-of day, or the start of today
 * while the as-of day is today; and day quotas, which apply on working days only.
 */
import { describe, expect, it } from 'vitest';
import { dayToIso } from '../src/core/day';
import { computeBoard, evaluate, resolveSubject } from '../src/core/engine';
import { day, workbook } from './helpers/core';
import { type Grid, QUOTA_HEADER } from './helpers/fixtures';
import { asAppsScript, NOV18, runtime, sheetDate } from './helpers/runtime';

/** Wednesday 18 November 2026, 9 a.m. in Seoul. */
const NINE_AM = Date.parse('2026-11-18T00:00:00Z');

const quotas: Grid = [QUOTA_HEADER, ['Raj', 'Calls', 'Day', 10, null, null], ['Raj', 'Emails', 'Week', 50, null, null]];
const activities: Grid = [
  ['Date', 'Rep', 'Activity', 'Quantity'],
  ['2026-11-16', 'Raj', 'Emails', 20],
  ['2026-11-17', 'Raj', 'Calls', 4],
  ['2026-11-18', 'Raj', 'Calls', 2],
  ['2026-11-20', 'Raj', 'Calls', 12],
];

describe('the as-of moment, in the core', () => {
  const book = workbook({ activities, quotas });
  const progress = (activity: string, asOf: string, today: string) =>
    evaluate(book, resolveSubject('Raj', book), activity, day(asOf), day(today))?.progress;

  it('expects nothing of today yet while the as-of day is today, and all of a past as-of day', () => {
    const today = progress('emails', '2026-11-18', '2026-11-18');
    const past = progress('emails', '2026-11-18', '2026-11-19');
    expect([today?.done, past?.done]).toEqual([20, 20]);
    expect(today?.elapsed).toBeCloseTo(2 / 5);
    expect(past?.elapsed).toBeCloseTo(3 / 5);
    expect(today?.expected).toBeCloseTo(20);
    expect(past?.expected).toBeCloseTo(30);
  });

  it('does not call a day quota At risk or Missed on the morning of that day, and counts what is done', () => {
    const calls = progress('calls', '2026-11-18', '2026-11-18');
    expect(calls?.done).toBe(2);
    expect(calls?.elapsed).toBe(0);
    expect(calls?.complete).toBe(false);
    expect(calls?.status).toBe('onTrack');
    // The same day once it is over: under target, Missed.
    expect(progress('calls', '2026-11-18', '2026-11-19')?.status).toBe('missed');
  });

  it('gives Missed for yesterday under target', () => {
    const calls = progress('calls', '2026-11-17', '2026-11-18');
    expect([calls?.done, calls?.elapsed, calls?.complete, calls?.status]).toEqual([4, 1, true, 'missed']);
  });

  it('has no day quota on a Saturday or a holiday: no quota, no board row', () => {
    expect(progress('calls', '2026-11-21', '2026-11-23')).toBeUndefined();
    const board = computeBoard(book, day('2026-11-21'), day('2026-11-23'));
    expect(board.map((row) => row.activityKey)).toEqual(['emails']);
    const holiday = workbook({ activities, quotas }, { holidays: new Set([day('2026-11-19')]) });
    const subject = resolveSubject('Raj', holiday);
    expect(evaluate(holiday, subject, 'calls', day('2026-11-19'), day('2026-11-23'))).toBeUndefined();
    expect(computeBoard(holiday, day('2026-11-19'), day('2026-11-23')).map((row) => row.activityKey)).toEqual([
      'emails',
    ]);
    // With calendar-day pacing a day quota applies every day.
    const calendar = workbook({ activities, quotas }, { pacing: 'calendar' });
    expect(evaluate(calendar, subject, 'calls', day('2026-11-21'), day('2026-11-23'))?.progress.target).toBe(10);
  });

  it("gives a day quota's Last period on Monday as Friday's result", () => {
    const row = computeBoard(book, day('2026-11-23'), day('2026-11-23')).find((r) => r.activityKey === 'calls');
    expect(dayToIso(row?.last?.period.start ?? 0)).toBe('2026-11-20');
    expect([row?.last?.progress.done, row?.last?.progress.status]).toEqual([12, 'met']);
  });
});

describe('the as-of moment, in the functions', () => {
  const call = (now: number, name: string, ...args: unknown[]) => {
    const rt = runtime({ now });
    const date = sheetDate(rt);
    const log = asAppsScript(activities.map((row, i) => (i === 0 ? row : [date(row[0] as string), ...row.slice(1)])));
    const q = asAppsScript(quotas);
    return rt.call(name, log, q, ...args.map((a) => (typeof a === 'string' && /^\d{4}-/.test(a) ? date(a) : a)));
  };

  it('paces as of the start of today, and as of the end of a past day, on the same data', () => {
    const today = call(NINE_AM, 'QUOTA_FORECAST', 'Raj', 'Emails', '2026-11-18') as number;
    const later = call(Date.parse('2026-11-19T03:00:00Z'), 'QUOTA_FORECAST', 'Raj', 'Emails', '2026-11-18') as number;
    expect(today).toBeCloseTo(20 / (2 / 5));
    expect(later).toBeCloseTo(20 / (3 / 5));
  });

  it('keeps a day quota On track at 9 a.m. today, and gives Missed for yesterday under target', () => {
    expect(call(NINE_AM, 'QUOTA_STATUS', 'Raj', 'Calls', '2026-11-18')).toBe('On track');
    expect(call(NOV18, 'QUOTA_STATUS', 'Raj', 'Calls', '2026-11-18')).toBe('On track');
    expect(call(NINE_AM, 'QUOTA_STATUS', 'Raj', 'Calls', '2026-11-17')).toBe('Missed');
  });

  it('says No quota for a day quota on a Saturday, and leaves it off the board', () => {
    const now = Date.parse('2026-11-23T03:00:00Z');
    expect(call(now, 'QUOTA_STATUS', 'Raj', 'Calls', '2026-11-21')).toBe('No quota');
    const board = call(now, 'QUOTA_BOARD', '2026-11-21') as unknown[][];
    expect(board.slice(1).map((row) => row[1])).toEqual(['Emails']);
  });

  it("shows Friday's result as a day quota's Last period on Monday", () => {
    const board = call(Date.parse('2026-11-23T03:00:00Z'), 'QUOTA_BOARD', '2026-11-23') as unknown[][];
    const calls = board.find((row) => row[1] === 'Calls');
    expect(calls?.[11]).toBe('Met 12/10');
  });
});
