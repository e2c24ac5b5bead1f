/**
 * Periods: the Day, Week, Month, Quarter or Year that contains a day, honouring
 * the week start and the fiscal year start.
 */
import { addMonths, endOfMonth, endOfWeek, startOfMonth, startOfWeek } from 'date-fns';
import { type Day, dayOfDateFields, dayToDate, weekdayOf } from './day';
import type { PeriodKind } from './i18n/types';
import type { Settings } from './settings';

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  start: Day;
  /** Last day, inclusive. */
  end: Day;
}

/** How many months into the fiscal year the month of `date` is (0–11). */
function fiscalMonthIndex(month0: number, fiscalYearStartMonth: number): number {
  return (month0 - (fiscalYearStartMonth - 1) + 12) % 12;
}

/** The period of `kind` that contains `day`. */
export function periodOf(day: Day, kind: PeriodKind, settings: Settings): Period {
  const date = dayToDate(day);
  switch (kind) {
    case 'day':
      return { kind, start: day, end: day };
    case 'week': {
      const options = { weekStartsOn: settings.weekStartsOn };
      return {
        kind,
        start: dayOfDateFields(startOfWeek(date, options)),
        end: dayOfDateFields(endOfWeek(date, options)),
      };
    }
    case 'month':
      return {
        kind,
        start: dayOfDateFields(startOfMonth(date)),
        end: dayOfDateFields(endOfMonth(date)),
      };
    case 'quarter':
    case 'year': {
      const index = fiscalMonthIndex(date.getMonth(), settings.fiscalYearStartMonth);
      const length = kind === 'quarter' ? 3 : 12;
      const first = addMonths(startOfMonth(date), -(index % length));
      const last = endOfMonth(addMonths(first, length - 1));
      return { kind, start: dayOfDateFields(first), end: dayOfDateFields(last) };
    }
  }
}

/** The period just before `period`, of the same kind: for a day with working-day pacing, the previous working day (SPEC §3). */
export function previousPeriod(period: Period, settings: Settings): Period {
  let day = period.start - 1;
  if (period.kind === 'day' && settings.pacing === 'working')
    for (let n = 0; n < 400 && !isWorkingDay(day, settings); n++) day--;
  return periodOf(day, period.kind, settings);
}

/** The fiscal year a day falls in, named by the calendar year in which it ends. */
export function fiscalYearOf(day: Day, settings: Settings): number {
  const year = periodOf(day, 'year', settings);
  return dayToDate(year.end).getFullYear();
}

/** True when `day` is a working day: Monday to Friday, not a holiday. */
export function isWorkingDay(day: Day, settings: Settings): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !settings.holidays.has(day);
}

/**
 * Days that count for pacing in [start, end], inclusive: working days, or all
 * calendar days, as the settings say. Zero when end is before start. Counted on
 * day numbers, without a `Date` per day: the board counts a period per row.
 */
export function countPacingDays(start: Day, end: Day, settings: Settings): number {
  if (end < start) return 0;
  if (settings.pacing === 'calendar') return end - start + 1;
  let count = 0;
  for (let day = start; day <= end; day++) if (isWorkingDay(day, settings)) count++;
  return count;
}

/**
 * The share of the period gone at the as-of moment (SPEC §3 "Elapsed"): the end
 * of `asOf`, or its start while `asOf` is `today`. A closed period has elapsed
 * 1, one not begun 0. A period with no working days at all (a week of holidays)
 * falls back to calendar days.
 */
export function elapsedShare(period: Period, asOf: Day, settings: Settings, today?: Day): number {
  const over = asOf === today ? asOf - 1 : asOf;
  if (over >= period.end) return 1;
  if (over < period.start) return 0;
  let total = countPacingDays(period.start, period.end, settings);
  let gone = countPacingDays(period.start, over, settings);
  if (total === 0) {
    const calendar: Settings = { ...settings, pacing: 'calendar' };
    total = countPacingDays(period.start, period.end, calendar);
    gone = countPacingDays(period.start, over, calendar);
  }
  return gone / total;
}
