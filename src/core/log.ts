/**
 * The activity log, read once into sums by rep, activity and day.
 */
import { readDay, readNumber } from './cells';
import type { Day } from './day';
import type { HeaderKey } from './i18n';
import { activityKeyOf, nameReader, repKeyOf } from './names';
import type { Problem } from './problems';
import { blankProblem, cellProblem, forEachRow, type ReadOptions } from './rows';
import { readTable, type TableSpec } from './table';

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
  /** Rows read (not counting blank rows or rows with problems). */
  readonly entries: number;
  /** Rows skipped for a problem, with why (only when not strict). */
  readonly problems: readonly Problem[];
}

/** Reads the activity log in one pass. */
export function readActivityLog(values: unknown, options: ReadOptions): ActivityLog {
  const table = readTable(values, ACTIVITIES_SPEC, options.lang);
  const problems: Problem[] = [];
  const sums = new Map<string, Map<string, DaySums>>();
  const reps = nameReader(repKeyOf);
  const activities = nameReader(activityKeyOf);
  // The day sums of each (rep reading, activity reading) pair, by their ids:
  // this loop runs once per log row, so a row costs array lookups, not map lookups.
  const pairs: (DaySums | undefined)[][] = [];
  const column = (key: HeaderKey) => table.columns.get(key) as number;
  const [dateAt, repAt, activityAt, quantityAt] = (['date', 'rep', 'activity', 'quantity'] as const).map(column);
  let entries = 0;
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
    let byDay = byActivity[activity.id];
    if (!byDay) {
      const byKey = getOrAdd(sums, rep.key);
      byDay = byKey.get(activity.key) ?? new DaySums();
      byKey.set(activity.key, byDay);
      byActivity[activity.id] = byDay;
    }
    byDay.add(day, quantity);
    entries++;
    return undefined;
  });
  return { sums, repNames: reps.mostUsed(), activityNames: activities.mostUsed(), entries, problems };
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

/** Days a dense run of sums may span (about eleven years); days beyond it are kept one by one. */
const MAX_SPAN = 4_096;

/**
 * Quantities of one rep and one activity, by day: a dense array over the days
 * seen (adding a row is one array write, summing a period one short loop), and a
 * map for the odd day far from the rest, such as a mistyped year.
 */
export class DaySums {
  private first = 0;
  private values = new Float64Array(0);
  private readonly outliers = new Map<Day, number>();

  add(day: Day, quantity: number): void {
    const index = day - this.first;
    if (index >= 0 && index < this.values.length) {
      this.values[index] = (this.values[index] as number) + quantity;
    } else if (this.cover(day)) {
      const at = day - this.first;
      this.values[at] = (this.values[at] as number) + quantity;
    } else {
      this.outliers.set(day, (this.outliers.get(day) ?? 0) + quantity);
    }
  }

  /** Grows the dense run to take in `day` (with room to spare); false when it would get too long. */
  private cover(day: Day): boolean {
    const length = this.values.length;
    if (length === 0) {
      this.first = day - 256;
      this.values = new Float64Array(512);
      return true;
    }
    const first = Math.min(this.first, day - 62);
    const end = Math.max(this.first + length, day + 63);
    if (end - first > MAX_SPAN) return false;
    const size = Math.min(MAX_SPAN, Math.max(end - first, 2 * length));
    const values = new Float64Array(size);
    const start = day < this.first ? Math.max(first, this.first + length - size) : this.first;
    values.set(this.values, this.first - start);
    this.first = start;
    this.values = values;
    return true;
  }

  /** Sum over [start, end], inclusive. */
  sum(start: Day, end: Day): number {
    let total = 0;
    const from = Math.max(start, this.first) - this.first;
    const to = Math.min(end, this.first + this.values.length - 1) - this.first;
    for (let i = from; i <= to; i++) total += this.values[i] as number;
    for (const [day, quantity] of this.outliers) if (day >= start && day <= end) total += quantity;
    return total;
  }
}

/** Sum for one rep and one activity over [start, end], inclusive. */
export function sumFor(log: ActivityLog, repKey: string, activityKey: string, start: Day, end: Day): number {
  return log.sums.get(repKey)?.get(activityKey)?.sum(start, end) ?? 0;
}
