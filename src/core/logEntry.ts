/**
 * The rules of one entry in the log (SPEC §5), for the sidebar's server and
 * its state alike: the log's columns an entry needs, its row laid out by the
 * sheet's own header, the id it is found by (the shells ask Sheets' own
 * TextFinder, wherever the row is now), who logged it, which entry is a
 * user's latest (the one Undo is offered on), and what Undo removes of it.
 */
import { isBlank, isDate, readDay, readName, readNumber } from './cells';
import { type Day, type DayClock, dayToIso } from './day';
import { DAY, MOMENT, TEXT } from './formats';
import type { HeaderKey, Lang } from './i18n';
import { fieldMessage } from './i18n/sidebar';
import { ACTIVITIES_SPEC } from './log';
import { QuotaError } from './problems';
import { SHEET_COLUMNS } from './setup';
import { readTable, type TableSpec } from './table';

export interface EntryFields {
  date: Date;
  rep: string;
  activity: string;
  quantity: number;
  notes: string;
  loggedBy: string;
  loggedAt: Date;
  id: string;
}

/** Every column of SPEC §2's log: an entry needs each (Entry ID to be saved once, Logged by to be undone). */
const ENTRY_TABLE: TableSpec = { ...ACTIVITIES_SPEC, required: SHEET_COLUMNS.activities, optional: [] };

/** The log's columns for an entry, read from its header row, or why there is no place for one (in `lang`). */
export function entryColumnsOf(
  header: readonly unknown[] | undefined,
  lang: Lang,
): ReadonlyMap<HeaderKey, number> | string {
  if (!header) return fieldMessage(lang, 'notSetUp');
  try {
    return readTable([[...header]], ENTRY_TABLE, lang).columns;
  } catch (error) {
    if (error instanceof QuotaError && error.problem.key !== 'tableEmpty') return error.in(lang);
    return fieldMessage(lang, 'notSetUp');
  }
}

/** The id an entry is found by, as the page sent it; undefined when there is none to look for. */
export function entryIdOf(value: unknown): string | undefined {
  const id = typeof value === 'string' ? value.trim() : '';
  return id === '' ? undefined : id;
}

const FORMATS: Readonly<Record<keyof EntryFields, [HeaderKey, string]>> = {
  date: ['date', DAY],
  rep: ['rep', TEXT],
  activity: ['activity', TEXT],
  quantity: ['quantity', '#,##0'],
  notes: ['notes', TEXT],
  loggedBy: ['loggedBy', TEXT],
  loggedAt: ['loggedAt', MOMENT],
  id: ['entryId', TEXT],
};

/**
 * One Activities row laid out by the sheet's header (`width` cells): the values,
 * and the number formats that keep them what they are (`=…`, `+…`, `-…`, `@…`
 * stay text, `3/4` never becomes a date).
 */
export function entryRow(
  columns: ReadonlyMap<HeaderKey, number>,
  width: number,
  fields: EntryFields,
): { values: unknown[]; formats: string[] } {
  const size = Math.max(width, ...[...columns.values()].map((index) => index + 1), 1);
  const values: unknown[] = new Array(size).fill('');
  const formats: string[] = new Array(size).fill('General');
  for (const [field, [key, format]] of Object.entries(FORMATS)) {
    const index = columns.get(key);
    if (index === undefined) continue;
    values[index] = fields[field as keyof EntryFields];
    // '#,##0.##' would show a whole number with a trailing point ("3."), as Sheets does.
    formats[index] = field === 'quantity' && !Number.isInteger(fields.quantity) ? '#,##0.##' : format;
  }
  return { values, formats };
}

/**
 * What stands in the Entry ID cell of a row claimed for entry `id` until the
 * entry is written there: text in any cell format (never a number, a date or
 * a formula), and never an entry id (those hold no space).
 */
export function claimOf(id: string): string {
  return `saving ${id}`;
}

/**
 * The row that claims an entry's place at the log's end: {@link claimOf} the
 * id, alone in its column. Sheets appends a row whole, whoever else is
 * appending (a second project on the file has its own lock), so the place is
 * the entry's own; the shells find it by the claim, then write the entry there.
 */
export function claimRow(columns: ReadonlyMap<HeaderKey, number>, id: string): string[] {
  const column = columns.get('entryId') ?? 0;
  const row: string[] = new Array(column + 1).fill('');
  row[column] = claimOf(id);
  return row;
}

/** True when `loggedBy` (a cell) names the signed-in user; a user without an email owns nothing. */
export function loggedByUser(loggedBy: unknown, user: string): boolean {
  const me = user.trim().toLowerCase();
  return (
    me !== '' &&
    String(loggedBy ?? '')
      .trim()
      .toLowerCase() === me
  );
}

/** A log row found while listing entries: when it was logged (epoch ms, -Infinity if unknown) and where. */
export interface Listed {
  mine: boolean;
  day: Day;
  at: number;
  index: number;
}

/** Newest first (SPEC §5): by date, then by when logged, then lower in the sheet. */
export function newestFirst(a: Listed, b: Listed): number {
  return b.day - a.day || b.at - a.at || b.index - a.index;
}

/** The user's own latest logged entry, the one Undo is offered on: by when logged, then lower in the sheet. */
export function latestOwn<T extends Listed>(listed: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const entry of listed) {
    if (entry.mine && (!latest || entry.at > latest.at || (entry.at === latest.at && entry.index > latest.index)))
      latest = entry;
  }
  return latest;
}

/** What Undo does to the row holding an entry, decided from that row alone. */
export interface Removal {
  /** The log's own columns (0-based), which Undo clears or deletes with the row. */
  logColumns: number[];
  /** Columns holding a person's own cells beside the entry: the row then stays. */
  others: number[];
  /** How the board moves back; undefined when only a refresh can say. */
  delta?: { rep: string; activity: string; day: Day; quantity: number };
  /** The entry as the message names it. */
  shown: { rep: string; quantity: string; activity: string; date: string };
}

/**
 * What removing the entry in `row` (laid out by `columns`) changes. The board
 * moves back by the entry unless a refresh must say: a row the reader could
 * not read, or a board that lists rows by number (`listsRows`), when the row
 * itself is deleted (a deleted row renumbers those below it).
 */
export function entryRemoval(
  row: readonly unknown[],
  columns: ReadonlyMap<HeaderKey, number>,
  clock: DayClock,
  listsRows: boolean,
): Removal {
  const cell = (key: HeaderKey) => row[columns.get(key) ?? -1];
  const logColumns = SHEET_COLUMNS.activities.map((key) => columns.get(key) ?? -1).filter((i) => i >= 0);
  const others = otherCells(row, logColumns);
  const day = readDay(cell('date'), clock);
  const quantity = readNumber(cell('quantity'));
  const rep = readName(cell('rep')) ?? '';
  const activity = readName(cell('activity')) ?? '';
  const readable = day !== undefined && Number.isFinite(quantity) && !isBlank(rep) && !isBlank(activity);
  const date = cell('date');
  return {
    logColumns,
    others,
    delta:
      day !== undefined && readable && !(listsRows && others.length === 0)
        ? { rep, activity, day, quantity: -quantity }
        : undefined,
    shown: {
      rep: String(cell('rep')),
      quantity: String(cell('quantity')),
      activity: String(cell('activity')),
      date: isDate(date) ? dayToIso(clock.dayOf(date.getTime())) : String(date),
    },
  };
}

/**
 * The columns (0-based) of a row that hold something outside the log's own
 * columns: a memo a person typed beside the entry. Undo then clears only the
 * log's cells and keeps the row, so nothing typed beside it is lost.
 */
export function otherCells(row: readonly unknown[], logColumns: readonly number[]): number[] {
  const ours = new Set(logColumns);
  const others: number[] = [];
  row.forEach((cell, index) => {
    if (!ours.has(index) && !isBlank(cell)) others.push(index);
  });
  return others;
}

/** Columns (0-based) as runs of adjacent columns `[first, count]`, to clear in few calls. */
export function columnRuns(logColumns: readonly number[]): [number, number][] {
  const sorted = [...new Set(logColumns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === index) last[1]++;
    else runs.push([index, 1]);
  }
  return runs;
}
