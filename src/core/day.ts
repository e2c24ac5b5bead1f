/**
 * Calendar days.
 *
 * The core never does arithmetic on instants. A cell's `Date` is an instant; it
 * becomes a {@link Day} (a whole calendar day, in the spreadsheet's time zone) at
 * the edge, and everything after that works on days. A Day is the number of days
 * since 1970-01-01, so days compare with `<` and key maps cheaply.
 *
 * Calendar arithmetic (weeks, months, quarters) is done by date-fns on a `Date`
 * whose own year, month and date fields are the day's: only those fields are
 * ever read back, so the process's time zone cannot shift a day.
 */
import { isExists } from 'date-fns';
import { zoneOffsetMinutes } from './zoneOffset';

export type Day = number;

export const MS_PER_DAY = 86_400_000;
const MS_PER_QUARTER_HOUR = 900_000;
/** Sheets' (and Excel's) serial number of 1970-01-01: serial 0 is 1899-12-30. */
export const SERIAL_OF_EPOCH = 25_569;

/** The day of a year, a month (1–12) and a day of month. Does not check them. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** The day of the week, Sunday = 0 … Saturday = 6, by arithmetic (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A Day as a `Date` whose calendar fields are that day: the form date-fns works on. */
export function dayToDate(day: Day): Date {
  const utc = new Date(day * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 12);
}

/** The Day of a date's own calendar fields (its year, month and date as it reads them). */
export function dayOfDateFields(date: Date): Day {
  return dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** `YYYY-MM-DD`. */
export function dayToIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const ISO_DAY = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/** Reads `YYYY-MM-DD`; undefined for anything else, including days that do not exist. */
export function dayFromIso(text: string): Day | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  if (!isExists(year, month - 1, dayOfMonth)) return undefined;
  return dayFromParts(year, month, dayOfMonth);
}

/** Slots of a clock's offset cache (2^12): a few years of midnights. */
const OFFSET_BITS = 12;
const OFFSET_SLOTS = 1 << OFFSET_BITS;

export { isKnownTimeZone } from './zoneOffset';

/**
 * Converts instants to days in one time zone. Offsets only ever change on a
 * quarter hour, so they are cached per quarter hour: a log of 100,000 rows dated
 * at midnight asks the time-zone database a handful of times. The cache is a
 * small direct-mapped table (two typed arrays), as this runs once per log row.
 */
export class DayClock {
  private readonly buckets = new Float64Array(OFFSET_SLOTS).fill(Number.NaN);
  private readonly offsets = new Float64Array(OFFSET_SLOTS);
  /** {@link startOf} by day: a board asks for the same few period starts and ends on every row. */
  private readonly starts = new Map<Day, number>();

  constructor(readonly timeZone: string) {}

  /** The calendar day, in this clock's zone, that contains the instant `ms`. */
  dayOf(ms: number): Day {
    const bucket = Math.floor(ms / MS_PER_QUARTER_HOUR);
    // Fibonacci hashing: midnights are 96 quarter hours apart and must not share slots.
    const slot = Math.imul(bucket, 0x9e3779b1) >>> (32 - OFFSET_BITS);
    let offset: number;
    if (this.buckets[slot] === bucket) {
      offset = this.offsets[slot] as number;
    } else {
      offset = zoneOffsetMinutes(this.timeZone, bucket * MS_PER_QUARTER_HOUR);
      this.buckets[slot] = bucket;
      this.offsets[slot] = offset;
    }
    return Math.floor((ms + offset * 60_000) / MS_PER_DAY);
  }

  /**
   * The first instant of `day` in this clock's zone (the instant Sheets gives a
   * date cell). Where midnight does not exist (a DST jump at 00:00), the first
   * instant that does.
   */
  startOf(day: Day): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      start = this.findStart(day);
      this.starts.set(day, start);
    }
    return start;
  }

  private findStart(day: Day): number {
    const midnightUtc = day * MS_PER_DAY;
    let instant = midnightUtc;
    for (let i = 0; i < 2; i++) instant = midnightUtc - zoneOffsetMinutes(this.timeZone, instant) * 60_000;
    while (this.dayOf(instant) < day) instant += MS_PER_QUARTER_HOUR;
    while (this.dayOf(instant - MS_PER_QUARTER_HOUR) === day) instant -= MS_PER_QUARTER_HOUR;
    return instant;
  }
}
