/**
 * Clocks for the local runtime. A runtime is always given one: tests pin it
 * (`fixedClock`), the playground starts one at a chosen moment
 * (`clockStartingAt`), and only the playground's default reads the machine's
 * time (`systemClock`). An architecture test keeps every other file of src/,
 * test/ and bench/ from reading the wall clock.
 */

import { TZDate } from '@date-fns/tz';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The machine's own clock: the playground's default when no `--now` is given. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still at `ms` until it is set again. */
export class FixedClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

export function fixedClock(ms: number): FixedClock {
  return new FixedClock(ms);
}

/**
 * A clock that reads `start` now and runs forward at the machine's pace (from
 * its monotonic timer, which faketime and clock changes do not move).
 */
export function clockStartingAt(start: number, elapsed: () => number = () => performance.now()): Clock {
  const origin = elapsed();
  return { now: () => start + (elapsed() - origin) };
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a moment as a person writes it: `2026-11-20T09:00` (or `2026-11-20`,
 * midnight) is that wall-clock time in `zone`; a time with `Z` or an offset
 * (`2026-11-20T09:00+09:00`) is that instant wherever. Throws a message that
 * says what it accepts.
 */
export function parseMoment(text: string, zone: string): number {
  const local = LOCAL_TIME.exec(text.trim());
  if (local) {
    const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = local.slice(1).map((part) => Number(part ?? 0));
    const ms = new TZDate(y, mo - 1, d, h, mi, s, zone).getTime();
    const back = new TZDate(ms, zone);
    // A day that does not exist (2026-02-30) comes back as another one; a time in a DST gap moves on, as in Sheets.
    const sameDay = back.getFullYear() === y && back.getMonth() === mo - 1 && back.getDate() === d;
    if (Number.isFinite(ms) && sameDay && h <= 23 && mi <= 59 && s <= 59) return ms;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())) {
    const ms = Date.parse(text.trim());
    if (Number.isFinite(ms)) return ms;
  }
  throw new Error(
    `"${text}" is not a date and time: write it as 2026-11-20T09:00 (in the spreadsheet's time zone, ${zone}) or with an offset, 2026-11-20T09:00+09:00`,
  );
}
