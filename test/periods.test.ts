import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayToIso } from '../src/core/day';
import { PERIOD_KINDS } from '../src/core/i18n';
import {
  countPacingDays,
  elapsedShare,
  fiscalYearOf,
  isWorkingDay,
  periodOf,
  previousPeriod,
} from '../src/core/periods';
import { DEFAULT_SETTINGS, type Settings, type WeekStart } from '../src/core/settings';
import { day } from './helpers/core';

const iso = (p: { start: number; end: number }) => [dayToIso(p.start), dayToIso(p.end)];

describe('periods', () => {
  it('finds the week with Monday as the default week start, and honours another week start', () => {
    expect(iso(periodOf(day('2026-11-25'), 'week', DEFAULT_SETTINGS))).toEqual(['2026-11-23', '2026-11-29']);
    const sunday: Settings = { ...DEFAULT_SETTINGS, weekStartsOn: 0 };
    expect(iso(periodOf(day('2026-11-25'), 'week', sunday))).toEqual(['2026-11-22', '2026-11-28']);
    const saturday: Settings = { ...DEFAULT_SETTINGS, weekStartsOn: 6 };
    expect(iso(periodOf(day('2026-11-28'), 'week', saturday))).toEqual(['2026-11-28', '2026-12-04']);
  });

  it('finds months, including February in a leap year', () => {
    expect(iso(periodOf(day('2028-02-10'), 'month', DEFAULT_SETTINGS))).toEqual(['2028-02-01', '2028-02-29']);
    expect(iso(periodOf(day('2026-02-10'), 'month', DEFAULT_SETTINGS))).toEqual(['2026-02-01', '2026-02-28']);
  });

  it('follows a fiscal year starting in April for quarters and years', () => {
    const april: Settings = { ...DEFAULT_SETTINGS, fiscalYearStartMonth: 4 };
    expect(iso(periodOf(day('2026-04-01'), 'quarter', april))).toEqual(['2026-04-01', '2026-06-30']);
    expect(iso(periodOf(day('2026-12-31'), 'quarter', april))).toEqual(['2026-10-01', '2026-12-31']);
    expect(iso(periodOf(day('2027-02-15'), 'quarter', april))).toEqual(['2027-01-01', '2027-03-31']);
    expect(iso(periodOf(day('2027-03-31'), 'year', april))).toEqual(['2026-04-01', '2027-03-31']);
    expect(iso(periodOf(day('2026-03-31'), 'year', april))).toEqual(['2025-04-01', '2026-03-31']);
    expect(fiscalYearOf(day('2026-05-01'), april)).toBe(2027);
    // Calendar quarters by default.
    expect(iso(periodOf(day('2026-05-20'), 'quarter', DEFAULT_SETTINGS))).toEqual(['2026-04-01', '2026-06-30']);
  });

  it('steps back to the previous period of the same kind', () => {
    const april: Settings = { ...DEFAULT_SETTINGS, fiscalYearStartMonth: 4 };
    const q = periodOf(day('2026-04-10'), 'quarter', april);
    expect(iso(previousPeriod(q, april))).toEqual(['2026-01-01', '2026-03-31']);
    const w = periodOf(day('2027-01-01'), 'week', DEFAULT_SETTINGS);
    expect(iso(previousPeriod(w, DEFAULT_SETTINGS))).toEqual(['2026-12-21', '2026-12-27']);
  });

  it('counts working days Monday to Friday minus holidays, or calendar days', () => {
    expect(countPacingDays(day('2026-09-01'), day('2026-09-30'), DEFAULT_SETTINGS)).toBe(22);
    const holidays: Settings = { ...DEFAULT_SETTINGS, holidays: new Set([day('2026-09-07'), day('2026-09-12')]) };
    // The 12th is a Saturday: a holiday on a weekend changes nothing.
    expect(countPacingDays(day('2026-09-01'), day('2026-09-30'), holidays)).toBe(21);
    const calendar: Settings = { ...DEFAULT_SETTINGS, pacing: 'calendar' };
    expect(countPacingDays(day('2026-09-01'), day('2026-09-30'), calendar)).toBe(30);
    expect(countPacingDays(day('2026-09-30'), day('2026-09-01'), calendar)).toBe(0);
  });

  it('measures elapsed as working days gone including the as-of day, 1 once the period is over', () => {
    const month = periodOf(day('2026-09-15'), 'month', DEFAULT_SETTINGS);
    expect(elapsedShare(month, day('2026-09-15'), DEFAULT_SETTINGS)).toBeCloseTo(11 / 22);
    // A weekend adds nothing: Saturday the 19th has the same share as Friday the 18th.
    expect(elapsedShare(month, day('2026-09-19'), DEFAULT_SETTINGS)).toBe(
      elapsedShare(month, day('2026-09-18'), DEFAULT_SETTINGS),
    );
    expect(elapsedShare(month, day('2026-09-30'), DEFAULT_SETTINGS)).toBe(1);
    expect(elapsedShare(month, day('2026-08-31'), DEFAULT_SETTINGS)).toBe(0);
    const holiday: Settings = { ...DEFAULT_SETTINGS, holidays: new Set([day('2026-09-15')]) };
    expect(elapsedShare(month, day('2026-09-15'), holiday)).toBeCloseTo(10 / 21);
    const calendar: Settings = { ...DEFAULT_SETTINGS, pacing: 'calendar' };
    expect(elapsedShare(month, day('2026-09-15'), calendar)).toBeCloseTo(15 / 30);
  });

  it('falls back to calendar days for a period with no working day at all', () => {
    const week = periodOf(day('2026-12-23'), 'week', DEFAULT_SETTINGS);
    const allOff: Settings = {
      ...DEFAULT_SETTINGS,
      holidays: new Set(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25'].map(day)),
    };
    expect(elapsedShare(week, day('2026-12-23'), allOff)).toBeCloseTo(3 / 7);
  });
});

describe('periods, property tests', () => {
  const settingsArb = fc.record({
    weekStartsOn: fc.integer({ min: 0, max: 6 }).map((n) => n as WeekStart),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  });
  const dayArb = fc.integer({ min: day('1990-01-01'), max: day('2099-12-31') });

  it('every day belongs to exactly one period of each kind, and that period contains it', () => {
    fc.assert(
      fc.property(dayArb, settingsArb, (d, s) => {
        const settings: Settings = { ...DEFAULT_SETTINGS, ...s };
        for (const kind of PERIOD_KINDS) {
          const p = periodOf(d, kind, settings);
          expect(p.start).toBeLessThanOrEqual(d);
          expect(d).toBeLessThanOrEqual(p.end);
          // Every day of the period maps back to the same period.
          expect(periodOf(p.start, kind, settings)).toEqual(p);
          expect(periodOf(p.end, kind, settings)).toEqual(p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('periods tile the calendar: each starts the day after the previous one ends', () => {
    fc.assert(
      fc.property(dayArb, settingsArb, (d, s) => {
        const settings: Settings = { ...DEFAULT_SETTINGS, ...s };
        for (const kind of PERIOD_KINDS) {
          const p = periodOf(d, kind, settings);
          const next = periodOf(p.end + 1, kind, settings);
          expect(next.start).toBe(p.end + 1);
          // SPEC §3: the period before a day with working-day pacing is the previous working day.
          const skips = kind === 'day' && settings.pacing === 'working' && !isWorkingDay(p.start, settings);
          if (skips) expect(previousPeriod(next, settings).start).toBeLessThan(p.start);
          else expect(previousPeriod(next, settings)).toEqual(p);
          const length = p.end - p.start + 1;
          const bounds = { day: [1, 1], week: [7, 7], month: [28, 31], quarter: [89, 92], year: [365, 366] }[kind];
          expect(length).toBeGreaterThanOrEqual(bounds[0] as number);
          expect(length).toBeLessThanOrEqual(bounds[1] as number);
        }
      }),
      { numRuns: 300 },
    );
  });
});
