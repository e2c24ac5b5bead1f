/**
 * The rules of one entry in the log (SPEC §5): its row laid out by the sheet's
 * own header, who logged it, and what Undo may remove of it (the shells find
 * an entry by its id with Sheets' own TextFinder, wherever it is now).
 */
import { isBlank } from './cells';
import type { HeaderKey } from './i18n';

/** Sheets' number format for plain text: user text never becomes a formula or a date (SPEC §8). */
const TEXT = '@';

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

const FORMATS: Readonly<Record<keyof EntryFields, [HeaderKey, string]>> = {
  date: ['date', 'yyyy-mm-dd'],
  rep: ['rep', TEXT],
  activity: ['activity', TEXT],
  quantity: ['quantity', '#,##0'],
  notes: ['notes', TEXT],
  loggedBy: ['loggedBy', TEXT],
  loggedAt: ['loggedAt', 'yyyy-mm-dd hh:mm:ss'],
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
