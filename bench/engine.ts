/**
 * The core against the floor: QUOTA_BOARD's work in the core (read the log and
 * the quotas as Sheets passes them, compute the board, lay out its cells) versus
 * a bare loop that only sums Quantity by rep and activity over the same rows.
 */
import { boardCells, boardHeader } from '../src/core/board';
import { DayClock, dayFromIso } from '../src/core/day';
import { computeBoard } from '../src/core/engine';
import { readActivityLog } from '../src/core/log';
import { readQuotas } from '../src/core/quotas';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { NO_TEAM } from '../src/core/team';
import { AS_OF, sheetDateOf, workload, ZONE } from './workload';

/** What the core does for `=QUOTA_BOARD(activities, quotas, date)`: the same steps as the custom function. */
export function coreBoard(activities: unknown[][], quotas: unknown[][], asOfIso = AS_OF): unknown[][] {
  const clock = new DayClock(ZONE);
  const options = { clock, lang: 'en' as const, strict: true };
  const book = {
    log: readActivityLog(activities, options),
    quotas: readQuotas(quotas, options),
    team: NO_TEAM,
    settings: DEFAULT_SETTINGS,
    lang: 'en' as const,
  };
  const asOf = dayFromIso(asOfIso) as number;
  const dateOf = (day: number) => new Date(clock.startOf(day));
  return [boardHeader('en'), ...computeBoard(book, asOf).map((row) => boardCells(row, 'en', dateOf))];
}

/** The floor: one pass, Quantity summed by rep then activity, nothing checked, nothing else computed. */
export function floorSums(activities: unknown[][]): Map<unknown, Map<unknown, number>> {
  const sums = new Map<unknown, Map<unknown, number>>();
  for (let i = 1; i < activities.length; i++) {
    const row = activities[i] as unknown[];
    let byActivity = sums.get(row[1]);
    if (!byActivity) {
      byActivity = new Map();
      sums.set(row[1], byActivity);
    }
    byActivity.set(row[2], (byActivity.get(row[2]) ?? 0) + (row[3] as number));
  }
  return sums;
}

/** The engine's input: the 2-D arrays Sheets passes (dates as `Date`, empty cells as `""`). */
export function engineInput(rows: number, quotas: number): { activities: unknown[][]; quotas: unknown[][] } {
  const load = workload(rows, quotas, sheetDateOf(Date));
  return { activities: load.activities, quotas: load.quotas };
}
