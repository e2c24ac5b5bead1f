/**
 * Reading single cell values as Apps Script hands them over: `""` for an empty
 * cell, numbers, strings, booleans and `Date`s (possibly from another realm).
 */
import { type Day, type DayClock, dayFromIso, dayToIso } from './day';

export type CellValue = unknown;

/** True for a `Date`, whichever realm made it. */
export function isDate(value: unknown): value is Date {
  // instanceof for this realm (Apps Script); the tag for dates made in another realm (the local runtime's vm).
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

/** True for an empty cell (`""`, null, undefined, or only spaces). */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** How a cell reads as text in a message (dates as `YYYY-MM-DD`). */
export function displayCell(value: unknown, clock?: DayClock): string {
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return 'Invalid date';
    return clock ? dayToIso(clock.dayOf(ms)) : value.toISOString();
  }
  const text = String(value ?? '');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Runs of white space, but not the invisible BOM (U+FEFF), which JavaScript counts as a space. */
export const SPACE_RUN = /[^\S\ufeff]+/g;

/** A cell as a trimmed name, or undefined when it is not text or a number. */
export function readName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.normalize('NFC').trim().replace(SPACE_RUN, ' ');
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A cell as a finite number: numbers, and text that is only a number ("12", " 3.5 "). NaN otherwise ("1e400" too). */
export function readNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
    const number = Number(value);
    return Number.isFinite(number) ? number : Number.NaN;
  }
  return Number.NaN;
}

/**
 * A cell as a calendar day: a `Date` (an instant, read in the clock's time zone)
 * or text `YYYY-MM-DD`. Undefined for anything else, including numbers: a bare
 * number in a date column is almost always a mistake worth a message.
 */
export function readDay(value: unknown, clock: DayClock): Day | undefined {
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : clock.dayOf(ms);
  }
  if (typeof value === 'string') return dayFromIso(value);
  return undefined;
}
