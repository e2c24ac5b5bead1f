/**
 * Compact log (SPEC §6): the entries dated before a cutoff day rolled up into
 * one row per day × rep × activity, Quantity the sum, without changing any
 * figure of any function or board. Pure: the shell archives the rows named
 * here, then writes the new block.
 *
 * Why every figure stays exactly the same: the log is read into sums by day
 * (log.ts), each day's sum added up in row order from 0. A roll-up's Quantity
 * is that same sum, added in that same order, and it stands where the group's
 * first row stood, so every day (and so every period) sums to the same number,
 * and reps and activities appear in the same order. A rep or activity is shown
 * as most rows spell it: roll-ups use that spelling, and the new log is read
 * again to check that each name and its order stay; a rep or activity whose
 * name would change is left as it is.
 *
 * What stays as it is: rows dated on or after the cutoff; rows the reader
 * cannot read; a day × rep × activity of one row (already compact); and every
 * row of a day × rep × activity where one row holds something beside the
 * entry (a memo in another column), or whose total is too large to add up.
 */
import { isBlank, readDay, readNumber } from './cells';
import { type Day, type DayClock, dayToIso } from './day';
import type { HeaderKey, Lang } from './i18n';
import { notice } from './i18n/app';
import { ACTIVITIES_SPEC, readActivityLog } from './log';
import { otherCells } from './logEntry';
import { activityKeyOf, NameReader, repKeyOf } from './names';
import { periodOf, previousPeriod } from './periods';
import type { Settings } from './settings';
import { isBlankRow, readIndexes, readTable } from './table';

/** The Entry ID of a roll-up starts with this, and ends with how many entries it holds. */
export const ROLLUP_ID = 'rollup-';

export interface Compaction {
  /** The new data rows, kept and rolled up, in the log's order. */
  rows: unknown[][];
  /** For each new row, the index in `values` of the row it is, or (a roll-up) of its group's first row. */
  from: number[];
  /** Indexes in `values` of the rows rolled up, in order: what the archive gets. */
  rolled: number[];
  /** Roll-up rows in `rows`. */
  rollups: number;
  /** Rows dated before the cutoff that stay as they are (see above), not counting days of one row. */
  kept: number;
}

/** The default cutoff: the first day of the previous (fiscal) quarter. */
export function defaultCutoff(today: Day, settings: Settings): Day {
  return previousPeriod(periodOf(today, 'quarter', settings), settings).start;
}

/** One day × rep × activity: its rows, and `ok` false when one must stay as it is (and so must all). */
interface Group {
  rows: number[];
  day: Day;
  rep: string;
  act: string;
  ok: boolean;
  /** Quantity added up in row order from 0, as the log reader adds it. */
  sum: number;
}

/**
 * Plans the compaction of a log read whole (header first, any width): which
 * rows are rolled up, and the new rows. `loggedAt` is the roll-ups' Logged at.
 * Throws, as the log reader does, when the values are not an activity log.
 */
export function compactLog(
  values: unknown[][],
  cutoff: Day,
  clock: DayClock,
  lang: Lang,
  loggedAt: unknown,
): Compaction {
  const options = { clock, lang, strict: false };
  const table = readTable(values, ACTIVITIES_SPEC, lang);
  const log = readActivityLog(values, options);
  const at = (key: HeaderKey) => table.columns.get(key) as number;
  const ours = readIndexes(table);
  const reps = new NameReader(repKeyOf);
  const acts = new NameReader(activityKeyOf);
  const groups = new Map<string, Group>();
  const groupOf: Group[] = [];
  let unread = 0;
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    if (isBlankRow(ours, row)) continue;
    const day = readDay(row[at('date')], clock) ?? cutoff;
    const rep = reps.read(row[at('rep')]);
    const act = acts.read(row[at('activity')]);
    if (day >= cutoff) continue;
    if (!rep || !act || Number.isNaN(readNumber(row[at('quantity')]))) {
      unread++;
      continue;
    }
    const pair = `${rep.key}\n${act.key}`;
    const group = groups.get(day + pair) ?? { rows: [], day, rep: rep.key, act: act.key, ok: true, sum: 0 };
    groups.set(day + pair, group);
    group.rows.push(i);
    group.sum += readNumber(row[at('quantity')]);
    // A sum a cell would round (0.3 - 0.1) would not be the same sum, nor would a total too large to add up.
    group.ok &&= !log.tooLarge.has(pair) && Number(group.sum.toPrecision(10)) === group.sum;
    if (otherCells(row, ours).length > 0) group.ok = false;
    groupOf[i] = group;
  }

  // A roll-up: the group's first row, with the group's sum.
  const rollup = ({ rows, day, rep, act, sum }: Group): unknown[] => {
    const row = [...(values[rows[0] as number] as unknown[])];
    let entries = 0;
    for (const i of rows) {
      const id = String((values[i] as unknown[])[at('entryId')] ?? '');
      entries += (id.startsWith(ROLLUP_ID) && Number(/-(\d+)$/.exec(id)?.[1])) || 1;
    }
    // FNV-1a: the same day, rep and activity always get the same Entry ID.
    let hash = 0x811c9dc5;
    for (const c of `${rep}\n${act}`) hash = Math.imul(hash ^ (c.codePointAt(0) as number), 0x01000193) >>> 0;
    const cells: [HeaderKey, unknown][] = [
      ['rep', log.repNames.get(rep)],
      ['activity', log.activityNames.get(act)],
      ['quantity', sum],
      ['notes', notice(lang, 'rolledUp', { count: entries })],
      ['loggedBy', 'Activity Quota'],
      ['loggedAt', loggedAt],
      ['entryId', `${ROLLUP_ID}${dayToIso(day)}-${hash.toString(36)}-${entries}`],
    ];
    for (const [key, value] of cells) if (table.columns.has(key)) row[at(key)] = value;
    return row;
  };

  const plan = (skip: ReadonlySet<string>): Compaction => {
    const result: Compaction = { rows: [], from: [], rolled: [], rollups: 0, kept: unread };
    for (let i = 1; i < values.length; i++) {
      const group = groupOf[i];
      const many = group && group.rows.length > 1;
      if (many && group.ok && !skip.has('*') && !skip.has(`r${group.rep}`) && !skip.has(`a${group.act}`)) {
        result.rolled.push(i);
        if (group.rows[0] !== i) continue;
        result.rows.push(rollup(group));
        result.rollups++;
      } else {
        if (many) result.kept++;
        result.rows.push(values[i] as unknown[]);
      }
      result.from.push(i);
    }
    return result;
  };

  // Each round leaves out the reps and activities whose name, or place in the order, would change.
  const skip = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const result = plan(skip);
    if (result.rolled.length === 0) return result;
    const after = readActivityLog([values[0] as unknown[], ...result.rows], options);
    const changed = [
      ...changes(log.repNames, after.repNames, 'r'),
      ...changes(log.activityNames, after.activityNames, 'a'),
    ];
    if (changed.length === 0) return result;
    for (const key of changed) skip.add(key);
  }
  return plan(new Set(['*']));
}

/** Keys (tagged) whose name or place differs between two name maps of the same keys. */
function changes(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, tag: string): string[] {
  const order = [...b.keys()];
  return [...a].filter(([key, name], i) => order[i] !== key || b.get(key) !== name).map(([key]) => tag + key);
}

/**
 * Cells as `setValues` must get them to stay what they are: text in a cell
 * not formatted as plain text gets Sheets' leading apostrophe, so `12`,
 * `2026-01-05` or `=A1` kept as text (typed `'12`) stays text when moved.
 */
export function asWritten(rows: readonly (readonly unknown[])[], formats: readonly (readonly string[])[]): unknown[][] {
  return rows.map((row, r) =>
    row.map((cell, c) => (typeof cell === 'string' && !isBlank(cell) && formats[r]?.[c] !== '@' ? `'${cell}` : cell)),
  );
}
