/**
 * The synthetic team the benchmarks (and their smoke test) run on: a log of any
 * size spread over the year before the as-of day, and one quota per rep and
 * activity. Deterministic, so every run measures the same workbook.
 */
import { TZDate } from '@date-fns/tz';

export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

/** The spreadsheet's zone (not the machine's), as in the tests. */
export const ZONE = 'Asia/Seoul';
/** The as-of day: a Wednesday, mid-week, mid-month, mid-quarter. */
export const AS_OF = '2026-11-18';
/** Activities and the period of their quota: the board mixes weeks, months and quarters. */
export const ACTIVITIES = [
  { name: 'Calls', period: 'Week' },
  { name: 'Emails', period: 'Week' },
  { name: 'Social contacts', period: 'Month' },
  { name: 'Meetings', period: 'Month' },
  { name: 'Demos', period: 'Quarter' },
] as const;

export const ACTIVITY_HEADER = ['Date', 'Rep', 'Activity', 'Quantity', 'Notes', 'Logged by', 'Logged at', 'Entry ID'];
export const QUOTA_HEADER = ['Rep', 'Activity', 'Period', 'Target', 'From', 'To'];

export interface Workload {
  reps: string[];
  activities: Grid;
  quotas: Grid;
}

/** `Rep 007`: names that sort as numbered. */
export function repNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Rep ${String(i + 1).padStart(3, '0')}`);
}

/** ISO day `offset` days before {@link AS_OF}. */
export function isoBefore(offset: number, asOf = AS_OF): string {
  return new Date(Date.parse(`${asOf}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
}

/** A date cell as Sheets passes it: midnight of the day in the spreadsheet's zone, in `realm`'s `Date`. */
export function sheetDateOf(realm: DateConstructor = Date): (iso: string) => Date {
  return (iso) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new realm(new TZDate(y, m - 1, d, ZONE).getTime());
  };
}

/**
 * `rows` log entries and one quota per rep × activity (`quotas` of them, so
 * `quotas / 5` reps). Dates cover the 365 days up to the as-of day, so the
 * current and the previous periods both have entries. `date` turns an ISO day
 * into the cell: a `Date` for the core and the runtime, ISO text for HyperFormula.
 */
export function workload(rows: number, quotas: number, date: (iso: string) => Cell = (iso) => iso): Workload {
  const repCount = Math.max(1, Math.round(quotas / ACTIVITIES.length));
  const reps = repNames(repCount);
  const days = new Map<number, Cell>();
  const dayCell = (offset: number) => {
    let cell = days.get(offset);
    if (cell === undefined) {
      cell = date(isoBefore(offset));
      days.set(offset, cell);
    }
    return cell;
  };
  const activities: Grid = [ACTIVITY_HEADER];
  let seed = 12_345;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  for (let i = 0; i < rows; i++) {
    const rep = reps[i % repCount] as string;
    const activity = ACTIVITIES[next() % ACTIVITIES.length]?.name as string;
    activities.push([dayCell(next() % 365), rep, activity, 1 + (next() % 5), '', '', '', `e-${i}`]);
  }
  const quotaRows: Grid = [QUOTA_HEADER];
  for (const rep of reps) {
    for (const { name, period } of ACTIVITIES) {
      const target = period === 'Week' ? 50 : period === 'Month' ? 120 : 300;
      quotaRows.push([rep, name, period, target, '', '']);
    }
  }
  return { reps, activities, quotas: quotaRows };
}

/** First day of the period (of the board's kinds) that contains `iso`, with Monday weeks and a January year. */
export function periodStart(period: string, iso = AS_OF): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  if (period === 'Week') {
    const weekday = (new Date(utc).getUTCDay() + 6) % 7;
    return new Date(utc - weekday * 86_400_000).toISOString().slice(0, 10);
  }
  if (period === 'Month') return `${y}-${String(m).padStart(2, '0')}-01`;
  if (period === 'Quarter') return `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
  return `${y}-01-01`;
}
