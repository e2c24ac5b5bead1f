/**
 * The Quotas table, and the quota in force on a day (SPEC §3): rows whose
 * From ≤ day ≤ To (blank = open), a rep's own row before the `*` row, and
 * among equals the latest From (then the lowest row) wins.
 */
import { displayCell, isBlank, readDay, readName, readNumber } from './cells';
import { type Day, dayToIso } from './day';
import { PERIOD_KINDS, type PeriodKind, periodKindOf, STRINGS } from './i18n';
import { activityKeyOf, EVERYONE, memo, repKeyOf } from './names';
import { isWorkingDay } from './periods';
import type { Problem } from './problems';
import { blankProblem, cellProblem, forEachRow, type ReadOptions } from './rows';
import type { Settings } from './settings';
import { cellOf, columnName, readTable, type TableSpec } from './table';

export const QUOTAS_SPEC: TableSpec = {
  name: 'quotas',
  required: ['rep', 'activity', 'period', 'target'],
  optional: ['from', 'to'],
  example: 'QuotaTable or Quotas!A:F',
};

export interface Quota {
  /** Row in the range (header = 1). */
  row: number;
  /** As written; `*` for everyone. */
  rep: string;
  /** `*` for everyone. */
  repKey: string;
  activity: string;
  activityKey: string;
  kind: PeriodKind;
  target: number;
  from?: Day;
  to?: Day;
}

export interface QuotaBook {
  readonly quotas: readonly Quota[];
  /** Rows by activity key. */
  readonly byActivity: ReadonlyMap<string, readonly Quota[]>;
  /** Reps named on their own rows (not `*`), by key, as written. */
  readonly namedReps: ReadonlyMap<string, string>;
  readonly problems: readonly Problem[];
}

/** Reads the quota table; rows with problems are skipped (or thrown, when strict). */
export function readQuotas(values: unknown, options: ReadOptions): QuotaBook {
  const table = readTable(values, QUOTAS_SPEC, options.lang);
  const problems: Problem[] = [];
  const quotas: Quota[] = [];
  const repKey = memo(repKeyOf);
  const activityKey = memo(activityKeyOf);
  const periodNames = PERIOD_KINDS.map((kind) => STRINGS[options.lang].periods[kind]).join(', ');
  forEachRow(table, options, problems, (cells, row) => {
    const rep = readName(cellOf(table, cells, 'rep')) || EVERYONE;
    const activity = readName(cellOf(table, cells, 'activity'));
    const activityId = activity ? activityKey(activity) : '';
    if (!activity || activityId === '') return blankProblem(table, row, 'activity');
    const periodCell = cellOf(table, cells, 'period');
    if (isBlank(periodCell)) return blankProblem(table, row, 'period');
    const kind = typeof periodCell === 'string' ? periodKindOf(periodCell) : undefined;
    if (!kind) {
      return {
        key: 'badPeriod',
        row,
        params: { table: table.spec.name, row, value: displayCell(periodCell), periods: periodNames },
      };
    }
    const targetCell = cellOf(table, cells, 'target');
    const target = readNumber(targetCell);
    if (Number.isNaN(target)) return cellProblem(table, row, 'target', targetCell, 'badNumber', options);
    if (target < 0) return cellProblem(table, row, 'target', targetCell, 'negativeNumber', options);
    const bounds: { from?: Day; to?: Day } = {};
    for (const key of ['from', 'to'] as const) {
      const cell = cellOf(table, cells, key);
      if (isBlank(cell)) continue;
      const day = readDay(cell, options.clock);
      if (day === undefined) return cellProblem(table, row, key, cell, 'badDate', options);
      bounds[key] = day;
    }
    if (bounds.from !== undefined && bounds.to !== undefined && bounds.from > bounds.to) {
      return {
        key: 'fromAfterTo',
        row,
        params: {
          table: table.spec.name,
          row,
          from: columnName(table, 'from'),
          to: columnName(table, 'to'),
          fromValue: dayToIso(bounds.from),
          toValue: dayToIso(bounds.to),
        },
      };
    }
    quotas.push({
      row,
      rep,
      // Blank, `*` or only invisible characters: everyone.
      repKey: repKey(rep) || EVERYONE,
      activity,
      activityKey: activityId,
      kind,
      target,
      ...bounds,
    });
    return undefined;
  });
  const byActivity = new Map<string, Quota[]>();
  const namedReps = new Map<string, string>();
  for (const quota of quotas) {
    const list = byActivity.get(quota.activityKey);
    if (list) list.push(quota);
    else byActivity.set(quota.activityKey, [quota]);
    if (quota.repKey !== EVERYONE && !namedReps.has(quota.repKey)) namedReps.set(quota.repKey, quota.rep);
  }
  return { quotas, byActivity, namedReps, problems };
}

function inForce(quota: Quota, day: Day): boolean {
  return (quota.from === undefined || quota.from <= day) && (quota.to === undefined || day <= quota.to);
}

/** True when `a` beats `b` for the same rep: the later From, then the later row. */
function beats(a: Quota, b: Quota): boolean {
  const fa = a.from ?? Number.NEGATIVE_INFINITY;
  const fb = b.from ?? Number.NEGATIVE_INFINITY;
  return fa !== fb ? fa > fb : a.row > b.row;
}

/**
 * The quota in force on `day` for a rep and an activity, if any. A day quota
 * with working-day pacing is in force on working days only (SPEC §3).
 */
export function quotaInForce(
  book: QuotaBook,
  repKey: string,
  activityKey: string,
  day: Day,
  settings: Settings,
): Quota | undefined {
  let own: Quota | undefined;
  let everyone: Quota | undefined;
  const offDay = settings.pacing === 'working' && !isWorkingDay(day, settings);
  for (const quota of book.byActivity.get(activityKey) ?? []) {
    if (!inForce(quota, day) || (offDay && quota.kind === 'day')) continue;
    if (quota.repKey === repKey) {
      if (!own || beats(quota, own)) own = quota;
    } else if (quota.repKey === EVERYONE) {
      if (!everyone || beats(quota, everyone)) everyone = quota;
    }
  }
  return own ?? everyone;
}

/** No quotas at all (a Quotas table that cannot be read). */
export const NO_QUOTAS: QuotaBook = { quotas: [], byActivity: new Map(), namedReps: new Map(), problems: [] };
