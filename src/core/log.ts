/**
 * The activity log, read once into sums by rep, activity and day.
 */
import { displayCell, readDay, readNumber } from './cells';
import type { Day } from './day';
import { type DaySums, DaySumsBuilder } from './daySums';
import type { HeaderKey } from './i18n';
import { activityKeyOf, NameReader, repKeyOf } from './names';
import type { Problem } from './problems';
import { blankProblem, cellProblem, forEachRow, type ReadOptions } from './rows';
import { columnName, readTable, type TableSpec } from './table';

export const ACTIVITIES_SPEC: TableSpec = {
  name: 'activities',
  required: ['date', 'rep', 'activity', 'quantity'],
  optional: ['notes', 'loggedBy', 'loggedAt', 'entryId'],
  example: 'ActivityLog or Activities!A:H',
};

export interface ActivityLog {
  /** Quantity by rep key, then activity key, by day. */
  readonly sums: ReadonlyMap<string, ReadonlyMap<string, DaySums>>;
  /** Each rep key's name as most rows write it (see {@link NameReader.mostUsed}). */
  readonly repNames: ReadonlyMap<string, string>;
  /** Each activity key's name as most rows write it. */
  readonly activityNames: ReadonlyMap<string, string>;
  /**
   * `rep key + "\n" + activity key` of the pairs whose |Quantity| add up past
   * the largest number: no sum of theirs is given (see {@link sumFor}).
   */
  readonly tooLarge: ReadonlySet<string>;
  /** Rows read (not counting blank rows or rows with problems). */
  readonly entries: number;
  /** Rows skipped for a problem, with why (only when not strict). */
  readonly problems: readonly Problem[];
}

/** Reads the activity log in one pass. */
export function readActivityLog(values: unknown, options: ReadOptions): ActivityLog {
  const table = readTable(values, ACTIVITIES_SPEC, options.lang);
  const problems: Problem[] = [];
  const reps = new NameReader(repKeyOf);
  const activities = new NameReader(activityKeyOf);
  const days = new DaySumsBuilder(table.values.length);
  // The pair number of each (rep reading, activity reading), by their ids:
  // this loop runs once per log row, so a row costs array lookups, not map lookups.
  const pairs: (number | undefined)[][] = [];
  // Pair numbers by rep key and activity key: "Raj" and "raj " are two readings of one pair.
  const pairOfKeys = new Map<string, Map<string, number>>();
  const pairKeys: [string, string][] = [];
  const pairOf = (repKey: string, activityKey: string) => {
    const byKey = getOrAdd(pairOfKeys, repKey);
    let pair = byKey.get(activityKey);
    if (pair === undefined) {
      pair = days.addPair();
      byKey.set(activityKey, pair);
      pairKeys.push([repKey, activityKey]);
      weights.push(0);
    }
    return pair;
  };
  const column = (key: HeaderKey) => table.columns.get(key) as number;
  const [dateAt, repAt, activityAt, quantityAt] = (['date', 'rep', 'activity', 'quantity'] as const).map(column);
  let entries = 0;
  // Each pair's sum of |Quantity|: while it is finite, so is every sum of the pair's days.
  const weights: number[] = [];
  const tooLarge = new Set<string>();
  forEachRow(table, options, problems, (cells, row) => {
    const dateCell = cells[dateAt as number];
    const day = readDay(dateCell, options.clock);
    if (day === undefined) return cellProblem(table, row, 'date', dateCell, 'badDate', options);
    const rep = reps.read(cells[repAt as number]);
    if (!rep) return blankProblem(table, row, 'rep');
    const activity = activities.read(cells[activityAt as number]);
    if (!activity) return blankProblem(table, row, 'activity');
    const quantityCell = cells[quantityAt as number];
    const quantity = readNumber(quantityCell);
    if (Number.isNaN(quantity)) return cellProblem(table, row, 'quantity', quantityCell, 'badNumber', options);
    rep.rows++;
    activity.rows++;
    let byActivity = pairs[rep.id];
    if (!byActivity) {
      byActivity = [];
      pairs[rep.id] = byActivity;
    }
    let pair = byActivity[activity.id];
    if (pair === undefined) {
      pair = pairOf(rep.key, activity.key);
      byActivity[activity.id] = pair;
    }
    days.add(pair, day, quantity);
    const weight = (weights[pair] as number) + Math.abs(quantity);
    weights[pair] = weight;
    // Listed once, at the row that tips the pair over.
    if (weight === Number.POSITIVE_INFINITY && !tooLarge.has(`${rep.key}\n${activity.key}`)) {
      tooLarge.add(`${rep.key}\n${activity.key}`);
      const params = { rep: rep.name, activity: activity.name, table: table.spec.name, row };
      const value = displayCell(quantityCell);
      return { key: 'rowTooLarge', row, params: { ...params, column: columnName(table, 'quantity'), value } };
    }
    entries++;
    return undefined;
  });
  const sums = new Map<string, Map<string, DaySums>>();
  days.build().forEach((byDay, pair) => {
    const [repKey, activityKey] = pairKeys[pair] as [string, string];
    getOrAdd(sums, repKey).set(activityKey, byDay);
  });
  return { sums, repNames: reps.mostUsed(), activityNames: activities.mostUsed(), tooLarge, entries, problems };
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

/** True when a rep's quantities of an activity are too large to add up: no figure of theirs can be given. */
export function isTooLarge(log: ActivityLog, repKey: string, activityKey: string): boolean {
  return log.tooLarge.has(`${repKey}\n${activityKey}`);
}

/**
 * The sum of |Quantity| over a log's rows for one rep and one activity: the
 * figure whose overflow makes {@link isTooLarge}, so an entry can be refused
 * before it is written. (A row with a bad date counts too: that errs on the
 * side of refusing.)
 */
export function weightOf(
  values: readonly (readonly unknown[])[],
  at: ReadonlyMap<HeaderKey, number>,
  repKey: string,
  activityKey: string,
): number {
  const reps = new NameReader(repKeyOf);
  const activities = new NameReader(activityKeyOf);
  let weight = 0;
  for (const row of values.slice(1)) {
    if (reps.read(row[at.get('rep') as number])?.key !== repKey) continue;
    if (activities.read(row[at.get('activity') as number])?.key === activityKey) {
      weight += Math.abs(readNumber(row[at.get('quantity') as number])) || 0;
    }
  }
  return weight;
}

/** Sum for one rep and one activity over [start, end], inclusive. */
export function sumFor(log: ActivityLog, repKey: string, activityKey: string, start: Day, end: Day): number {
  // NaN for quantities too large to add up, so that whatever uses it refuses it (see engine.ts).
  if (log.tooLarge.size > 0 && isTooLarge(log, repKey, activityKey)) return Number.NaN;
  return log.sums.get(repKey)?.get(activityKey)?.sum(start, end) ?? 0;
}
