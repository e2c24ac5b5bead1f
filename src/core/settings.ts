/**
 * The knobs of SPEC §2's Settings sheet, with their defaults.
 */
import type { Day } from './day';
import type { Lang } from './i18n/types';

/** 0 = Sunday … 6 = Saturday, as date-fns counts. */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface Settings {
  /** First day of the week. Default Monday. */
  weekStartsOn: WeekStart;
  /** Month (1–12) in which the fiscal year starts. Default January. */
  fiscalYearStartMonth: number;
  /** Pace against working days (Mon–Fri minus holidays) or calendar days. */
  pacing: 'working' | 'calendar';
  /** Days that are not working days. */
  holidays: ReadonlySet<Day>;
  /** Below `threshold × Expected` a quota is At risk rather than Behind. */
  behindThreshold: number;
  /** Language for labels; undefined means the spreadsheet's locale decides. */
  language?: Lang;
  /** The Settings sheet's As-of date, when it has one. */
  asOfDate?: Day;
  /**
   * The as-of day follows today (default): the add-on keeps the As-of date cell at
   * today and every figure is as of today. False when a manager pins the date.
   */
  followToday: boolean;
  /** The Status board's rows: who needs attention first (default), or by rep. */
  boardOrder: 'severity' | 'rep';
}

/** The as-of day in force: today while the As-of date follows today, else the pinned date. */
export function asOfDay(settings: Settings, today: Day): Day {
  return settings.followToday ? today : (settings.asOfDate ?? today);
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  weekStartsOn: 1,
  fiscalYearStartMonth: 1,
  pacing: 'working',
  holidays: new Set<Day>(),
  behindThreshold: 0.75,
  followToday: true,
  boardOrder: 'severity',
});
