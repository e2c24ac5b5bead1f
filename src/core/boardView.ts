/**
 * The board as a manager reads it (SPEC §2 Status): rows in the order Settings
 * asks for, a progress bar per row, and one team row per activity and period
 * with the count of reps per status. Pure: the refresh and the kept board both
 * build their cells from here, so they always agree.
 */
import type { Day } from './day';
import type { BoardRow } from './engine';
import { type Lang, PERIOD_KINDS, STRINGS, type StatusKey } from './i18n';
import { compareActivityKeys } from './names';
import { BAR_COLORS, BAR_GAP_COLOR } from './palette';
import type { Period } from './periods';
import type { Settings } from './settings';
import { type Progress, progressOf } from './status';

/**
 * Who needs attention first. At risk and Behind come first: their periods are
 * still running, so a word today can still save them. Missed comes next: that
 * period is over and nothing can change it, but it is a failure for the review,
 * so it stays above the reps who are doing well (On track, then Met).
 */
export const SEVERITY_ORDER: readonly StatusKey[] = ['atRisk', 'behind', 'missed', 'onTrack', 'met', 'noQuota'];

const byRep = (a: BoardRow, b: BoardRow) =>
  a.rep.localeCompare(b.rep) ||
  (a.repKey < b.repKey ? -1 : a.repKey > b.repKey ? 1 : 0) ||
  compareActivityKeys(a.activityKey, b.activityKey);

/** The rows in the board's order: by rep then activity, or by severity first (then rep, activity). */
export function orderRows<T extends BoardRow>(rows: readonly T[], order: Settings['boardOrder']): T[] {
  const rank = (row: BoardRow) => (order === 'severity' ? SEVERITY_ORDER.indexOf(row.progress.status) : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || byRep(a, b));
}

/** One activity and period summed over the reps on the board. */
export interface TeamRow {
  activity: string;
  activityKey: string;
  period: Period;
  progress: Progress;
  /** Reps per status, in {@link SEVERITY_ORDER}. */
  counts: [StatusKey, number][];
}

/** The team row a board row counts in: one per activity and period kind. */
export const teamKey = (row: BoardRow) => `${row.activityKey}\u0000${row.period.kind}`;

/**
 * The team rows of a board: per activity and period kind, Target and Done summed
 * over the board's rows and every other figure computed from those sums by the
 * same rules as a rep's (SPEC §3), with how many reps are in each status.
 */
export function teamRows(rows: readonly BoardRow[], asOf: Day, settings: Settings, today: Day): TeamRow[] {
  const groups = new Map<string, BoardRow[]>();
  for (const row of rows) {
    const key = teamKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const teams: TeamRow[] = [];
  for (const group of groups.values()) {
    const first = group[0] as BoardRow;
    let target = 0;
    let done = 0;
    for (const row of group) {
      target += row.progress.target;
      done += row.progress.done;
    }
    teams.push({
      activity: first.activity,
      activityKey: first.activityKey,
      period: first.period,
      progress: progressOf(target, done, first.period, asOf, settings, today),
      counts: SEVERITY_ORDER.map((status): [StatusKey, number] => [
        status,
        group.filter((row) => row.progress.status === status).length,
      ]).filter(([, count]) => count > 0),
    });
  }
  return teams.sort(
    (a, b) =>
      compareActivityKeys(a.activityKey, b.activityKey) ||
      PERIOD_KINDS.indexOf(a.period.kind) - PERIOD_KINDS.indexOf(b.period.kind),
  );
}

/** "2 Met · 1 On track": how many reps are in each status, always in words. */
export function countsText(counts: readonly [StatusKey, number][], lang: Lang): string {
  return counts.map(([status, count]) => `${count} ${STRINGS[lang].statuses[status]}`).join(' · ');
}

/** A share of the target in thousandths, never more than the whole. */
const thousandths = (part: number, target: number) =>
  target > 0 ? Math.max(0, Math.min(1000, Math.floor((part / target) * 1000))) : 1000;

/**
 * The progress bar of a row: Sheets' own `SPARKLINE` as a stacked bar on a scale
 * of 1 (the target): Done in the status colour, then what was expected by now
 * and is not done yet in grey. Shares are rounded down to thousandths, so the
 * bar is full only when the target is met. Written through `setValues`, the
 * formula takes English names and `,` between arguments whatever the locale;
 * its inline arrays take `,` between columns and `;` between rows.
 */
export function barFormula(progress: Progress): string {
  const done = thousandths(progress.done, progress.target);
  const due = progress.target > 0 ? thousandths(progress.expected, progress.target) : 0;
  const gap = Math.max(0, due - done);
  return `=SPARKLINE({${done / 1000},${gap / 1000}},{"charttype","bar";"max",1;"color1","${BAR_COLORS[progress.status]}";"color2","${BAR_GAP_COLOR}"})`;
}
