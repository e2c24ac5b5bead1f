/**
 * SPEC §3's figures for one quota over one period, as of one day.
 */
import type { Day } from './day';
import type { StatusKey } from './i18n/types';
import { elapsedShare, type Period } from './periods';
import type { Settings } from './settings';

export interface Progress {
  target: number;
  done: number;
  /** Share of the period gone, 0–1. */
  elapsed: number;
  /** Target × Elapsed. */
  expected: number;
  /** Done ÷ Target; undefined when the target is 0. */
  attainment: number | undefined;
  /** Done ÷ Expected; undefined while nothing is expected yet. */
  pace: number | undefined;
  /** Done ÷ Elapsed: the run-rate total at period end; undefined before the period starts. */
  forecast: number | undefined;
  /** max(0, Target − Done). */
  remaining: number;
  /** True when the period is over: the as-of day is its last day (or later) and is not today. */
  complete: boolean;
  status: StatusKey;
}

/**
 * The status of a quota (SPEC §3): Met, then Missed once the period is complete,
 * then On track, Behind (at least `threshold` × Expected) or At risk.
 */
export function statusOf(
  done: number,
  target: number,
  expected: number,
  complete: boolean,
  threshold: number,
): StatusKey {
  // Compared as shown (core/shown.ts): float noise never decides a status.
  const d = snap(done);
  if (d >= snap(target)) return 'met';
  if (complete) return 'missed';
  if (d >= snap(expected)) return 'onTrack';
  if (d >= snap(threshold * expected)) return 'behind';
  return 'atRisk';
}

/** `x` snapped to 12 significant digits: 30.000000000000004 is 30, 0.1 + 0.2 is 0.3. */
export function snap(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/**
 * Every figure of a quota of `target` with `done` in `period`, as of the as-of
 * moment: the end of `asOf`, or its start while `asOf` is `today` (SPEC §3).
 */
export function progressOf(
  target: number,
  done: number,
  period: Period,
  asOf: Day,
  settings: Settings,
  today: Day,
): Progress {
  const elapsed = elapsedShare(period, asOf, settings, today);
  const expected = target * elapsed;
  const complete = (asOf === today ? asOf - 1 : asOf) >= period.end;
  return {
    target,
    done,
    elapsed,
    expected,
    attainment: target > 0 ? done / target : undefined,
    pace: expected > 0 ? done / expected : undefined,
    forecast: elapsed > 0 ? done / elapsed : undefined,
    remaining: Math.max(0, target - done),
    complete,
    status: statusOf(done, target, expected, complete, settings.behindThreshold),
  };
}
