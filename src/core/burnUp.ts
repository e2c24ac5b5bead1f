/**
 * A quota's burn-up (the sidebar's chart, SPEC §5): Done step by step through
 * its period against the pace line. The log is read only by a full refresh,
 * which keeps each board row's Done per step; an entry or an undo then moves
 * one step, so opening the sidebar or logging never reads the log.
 *
 * A step is a day, or a week for a Year period (53 steps, not 365). A row's
 * series is `[start, end, q0, q1, …]`: its period's first and last day numbers,
 * then Done per step up to the as-of day. A rep's series are one JSON object by
 * activity key, in one document property.
 */
import { type Day, dayToIso } from './day';
import type { BoardRow } from './engine';
import { type ActivityLog, sumFor } from './log';
import { elapsedShare, type Period } from './periods';
import type { Settings } from './settings';

/** What the sidebar draws, without calendar logic of its own. */
export interface BurnUp {
  /** The first day (ISO) of each step of the whole period. */
  steps: string[];
  /** Expected, cumulative, at the end of each step (Target × Elapsed at the end of its last day, SPEC §3). */
  expected: number[];
  /** Done, cumulative, at the end of each step up to the one holding the as-of day. */
  done: number[];
  /** The as-of day (ISO): what Done and the quota's figures are as of. */
  asOf: string;
}

/** A rep's series by activity key. */
export type Series = Record<string, number[]>;

/** The document property of a rep's series: this prefix and the rep's key. */
export const SERIES_KEY = 'activityQuota.burnUp.';
/**
 * What the series may take of Apps Script's limits (9 kB a value, 500 kB a
 * store): a rep's value with its key at most 8,500 bytes, so that entries may
 * grow it until the next refresh; all reps 400,000, leaving room for the rest.
 */
export const VALUE_BYTES = 8_500;
export const STORE_BYTES = 400_000;

/** UTF-8 bytes of `text`, or more: a character past ASCII counts three. */
export const bytesOf = (text: string) => text.length + 2 * text.replace(/[\0-\x7f]/g, '').length;

const stepDays = (period: Period) => (period.kind === 'year' ? 7 : 1);

/** A board row's series, from the log's sums by day. */
export function seriesOf(log: ActivityLog, row: BoardRow, asOf: Day): number[] {
  const { start, end } = row.period;
  const n = stepDays(row.period);
  const series = [start, end];
  for (let day = start; day <= Math.min(asOf, end); day += n)
    series.push(sumFor(log, row.repKey, row.activityKey, day, Math.min(day + n - 1, asOf)));
  return series;
}

/**
 * Every board row's series, as one JSON text per rep's property, within
 * {@link VALUE_BYTES} and {@link STORE_BYTES}: a rep whose series would pass
 * them has none kept (and no chart).
 */
export function keptSeries(log: ActivityLog, board: readonly BoardRow[], asOf: Day): Record<string, string> {
  const reps: Record<string, Series> = {};
  // In one order whatever the board's (severity or rep), so the same series read the same.
  const rows = [...board].sort((a, b) => (a.activityKey < b.activityKey ? -1 : a.activityKey > b.activityKey ? 1 : 0));
  for (const row of rows) {
    const key = SERIES_KEY + row.repKey;
    reps[key] = { ...reps[key], [row.activityKey]: seriesOf(log, row, asOf) };
  }
  const kept: Record<string, string> = {};
  let total = 0;
  for (const key in reps) {
    const text = JSON.stringify(reps[key]);
    const size = bytesOf(key + text);
    if (size > VALUE_BYTES) continue;
    total += size;
    if (total <= STORE_BYTES) kept[key] = text;
  }
  return kept;
}

/** A rep's series as stored; none from anything else. */
export function parseSeries(text: string | null): Series {
  try {
    const series = JSON.parse(text || '{}');
    return typeof series === 'object' && series ? series : {};
  } catch {
    return {};
  }
}

/** Moves a row's series by `quantity` (negative for an undo) on `day`; false when it has none of its period. */
export function moveSeries(series: Series, row: BoardRow, day: Day, quantity: number): boolean {
  const { period } = row;
  const steps = series[row.activityKey];
  if (steps?.[0] !== period.start || steps[1] !== period.end) return false;
  const at = 2 + Math.floor((day - period.start) / stepDays(period));
  steps[at] = (steps[at] ?? 0) + quantity;
  return true;
}

/**
 * A row's chart as of `asOf` from its series; undefined unless the series is of
 * the row's period and adds up to the row's Done (never a wrong chart: a full
 * refresh makes it whole again).
 */
export function burnUpOf(
  row: BoardRow,
  steps: number[] | undefined,
  asOf: Day,
  settings: Settings,
): BurnUp | undefined {
  const { period, progress } = row;
  const n = stepDays(period);
  const chart: BurnUp = { steps: [], expected: [], done: [], asOf: dayToIso(asOf) };
  let done = 0;
  for (let day = period.start, i = 2; day <= period.end; day += n, i++) {
    chart.steps.push(dayToIso(day));
    chart.expected.push(progress.target * elapsedShare(period, Math.min(day + n - 1, period.end), settings));
    done += day <= asOf ? (steps?.[i] ?? 0) : 0;
    if (day <= asOf) chart.done.push(done);
  }
  const off = Math.abs(done - progress.done) > 1e-9 * Math.max(1, Math.abs(progress.done));
  const of = steps?.[0] === period.start && steps[1] === period.end && steps.length <= chart.done.length + 2;
  return of && !off ? chart : undefined;
}
