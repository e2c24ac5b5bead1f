/**
 * The activity log, read once into sums by rep, activity and day.
 */
import { readDay, readNumber } from './cells';
import type { Day } from './day';
import { activityKeyOf, nameReader, repKeyOf } from './names';
import type { Problem } from './problems';
import { blankProblem, cellProblem, forEachRow, type ReadOptions } from './rows';
import { cellOf, readTable, type TableSpec } from './table';

export const ACTIVITIES_SPEC: TableSpec = {
  name: 'activities',
  required: ['date', 'rep', 'activity', 'quantity'],
  optional: ['notes', 'loggedBy', 'loggedAt', 'entryId'],
  example: 'ActivityLog or Activities!A:H',
};

export interface ActivityLog {
  /** Sum of Quantity by rep key, then activity key, then day. */
  readonly sums: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<Day, number>>>;
  /** Each rep key's name as most rows write it (see {@link mostUsed}). */
  readonly repNames: ReadonlyMap<string, string>;
  /** Each activity key's name as most rows write it. */
  readonly activityNames: ReadonlyMap<string, string>;
  /** Rows read (not counting blank rows or rows with problems). */
  readonly entries: number;
  /** Rows skipped for a problem, with why (only when not strict). */
  readonly problems: readonly Problem[];
}

/** Reads the activity log in one pass. */
export function readActivityLog(values: unknown, options: ReadOptions): ActivityLog {
  const table = readTable(values, ACTIVITIES_SPEC, options.lang);
  const problems: Problem[] = [];
  const sums = new Map<string, Map<string, Map<Day, number>>>();
  const repNames = new Map<string, Map<string, number>>();
  const activityNames = new Map<string, Map<string, number>>();
  const repOf = nameReader(repKeyOf);
  const activityOf = nameReader(activityKeyOf);
  let entries = 0;
  forEachRow(table, options, problems, (cells, row) => {
    const dateCell = cellOf(table, cells, 'date');
    const day = readDay(dateCell, options.clock);
    if (day === undefined) return cellProblem(table, row, 'date', dateCell, 'badDate', options);
    const rep = repOf(cellOf(table, cells, 'rep'));
    if (!rep) return blankProblem(table, row, 'rep');
    const activity = activityOf(cellOf(table, cells, 'activity'));
    if (!activity) return blankProblem(table, row, 'activity');
    const quantityCell = cellOf(table, cells, 'quantity');
    const quantity = readNumber(quantityCell);
    if (Number.isNaN(quantity)) return cellProblem(table, row, 'quantity', quantityCell, 'badNumber', options);
    count(repNames, rep.key, rep.name);
    count(activityNames, activity.key, activity.name);
    const byDay = getOrAdd(getOrAdd(sums, rep.key), activity.key);
    byDay.set(day, (byDay.get(day) ?? 0) + quantity);
    entries++;
    return undefined;
  });
  return { sums, repNames: mostUsed(repNames), activityNames: mostUsed(activityNames), entries, problems };
}

function count(spellings: Map<string, Map<string, number>>, key: string, name: string): void {
  const byName = getOrAdd(spellings, key);
  byName.set(name, (byName.get(name) ?? 0) + 1);
}

/**
 * Each key's spelling that most rows use, ties going to the first in code-point
 * order: "Raj" on 40 rows and "RAJ" on 2 shows "Raj", whatever the rows' order.
 */
function mostUsed(spellings: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [key, byName] of spellings) {
    let best = '';
    let most = 0;
    for (const [name, n] of byName) {
      if (n > most || (n === most && name < best)) {
        best = name;
        most = n;
      }
    }
    names.set(key, best);
  }
  return names;
}

/** The map under `key`, added empty when missing. */
function getOrAdd<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

/** Sum for one rep and one activity over [start, end], inclusive. */
export function sumFor(log: ActivityLog, repKey: string, activityKey: string, start: Day, end: Day): number {
  const byDay = log.sums.get(repKey)?.get(activityKey);
  if (!byDay) return 0;
  let total = 0;
  if (end - start + 1 < byDay.size) {
    for (let day = start; day <= end; day++) total += byDay.get(day) ?? 0;
  } else {
    for (const [day, quantity] of byDay) if (day >= start && day <= end) total += quantity;
  }
  return total;
}
