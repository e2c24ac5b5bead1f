/**
 * The board the add-on already keeps (SPEC §5, §6): an entry or an undo brings
 * the Status board up to date without reading the log. The block a refresh
 * wrote is read back (it is bounded by reps × quotas, not by the log), each
 * row's Done is moved by the entry's quantity, and its figures are computed as
 * a refresh computes them. Whenever that could differ from a full refresh (a
 * new board row, a spelling that may change, the previous period's result, a
 * board edited by hand or computed for another day) the answer is "refresh".
 */
import { isBlank, isDate, readName } from './cells';
import type { Day } from './day';
import type { BoardRow } from './engine';
import type { Lang } from './i18n';
import { activityKeyOf, repKeyOf } from './names';
import { worseStatus } from './palette';
import { periodOf, previousPeriod } from './periods';
import { type QuotaBook, quotaInForce } from './quotas';
import type { Settings } from './settings';
import { progressOf } from './status';
import type { TeamBook } from './team';

/** A board row read back, with the "Last period" cell as it was written. */
export interface KeptRow extends BoardRow {
  lastCell: unknown;
}

/** What a kept board needs besides its cells: the small tables, as read now. */
export interface KeptContext {
  quotas: QuotaBook;
  team: TeamBook;
  settings: Settings;
  lang: Lang;
  asOf: Day;
  /** Today in the spreadsheet's zone: while it is the as-of day, nothing of it is expected yet. */
  today: Day;
}

/**
 * The board rows of a block a refresh wrote (header first, rows until the first
 * blank one), Done from the block and every other figure recomputed. Undefined
 * when a row does not read back as a board row.
 */
export function readKeptBoard(values: readonly (readonly unknown[])[], context: KeptContext): KeptRow[] | undefined {
  const rows: KeptRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    if (isBlank(cells[0])) break;
    const rep = readName(cells[0]) ?? '';
    const activity = String(cells[1] ?? '');
    const repKey = repKeyOf(rep);
    const activityKey = activityKeyOf(activity);
    const quota = quotaInForce(context.quotas, repKey, activityKey, context.asOf, context.settings);
    const done = cells[6];
    if (!quota || typeof done !== 'number' || !Number.isFinite(done)) return undefined;
    const period = periodOf(context.asOf, quota.kind, context.settings);
    const progress = progressOf(quota.target, done, period, context.asOf, context.settings, context.today);
    rows.push({ rep, repKey, activity, activityKey, quota, period, progress, lastCell: cells[11] });
  }
  return rows;
}

/** One entry added (a positive quantity) or taken away (negative), as the log's reader would read it. */
export interface EntryDelta {
  rep: string;
  activity: string;
  day: Day;
  quantity: number;
}

/** The board row an entry changes and its new figures; nothing to change; or a full refresh needed. */
export type Change = { index: number; row: KeptRow } | 'none' | 'refresh';

/** What `delta` does to the kept board (never reading the log): see {@link Change}. */
export function applyEntry(rows: readonly KeptRow[], delta: EntryDelta, context: KeptContext): Change {
  const repKey = repKeyOf(delta.rep);
  const activityKey = activityKeyOf(delta.activity);
  const index = rows.findIndex((row) => row.repKey === repKey && row.activityKey === activityKey);
  const row = rows[index];
  if (context.team.members.length === 0) {
    // Without a Team table the log decides who is on the board: a rep's first entry can add rows
    // for every activity with a quota, and an undo can take away their last one.
    if (delta.quantity < 0) return 'refresh';
    const onBoard = rows.some((r) => r.repKey === repKey);
    const anyQuota = [...context.quotas.byActivity.keys()].some((key) =>
      quotaInForce(context.quotas, repKey, key, context.asOf, context.settings),
    );
    if (!onBoard && anyQuota) return 'refresh';
  }
  if (!row) {
    // A quota in force for a rep the board does not show yet: a refresh would add the row.
    const quota = quotaInForce(context.quotas, repKey, activityKey, context.asOf, context.settings);
    const member = context.team.members.find((m) => m.repKey === repKey);
    const known = context.team.members.length === 0 || member !== undefined || context.quotas.namedReps.has(repKey);
    const started = member?.startDate === undefined || member.startDate <= context.asOf;
    return quota && known && started ? 'refresh' : 'none';
  }
  // Without a Team table, the board spells a rep as most log rows do: another spelling may change it.
  if (context.team.members.length === 0 && readName(delta.rep) !== row.rep) return 'refresh';
  if (delta.day > context.asOf) return 'none';
  if (delta.day < row.period.start) {
    const last = previousPeriod(row.period, context.settings);
    const shown = !isBlank(row.lastCell);
    return shown && delta.day >= last.start ? 'refresh' : 'none';
  }
  const done = row.progress.done + delta.quantity;
  if (!Number.isFinite(done)) return 'refresh';
  const progress = progressOf(row.quota.target, done, row.period, context.asOf, context.settings, context.today);
  return { index, row: { ...row, progress } };
}

/** The worst status of the board rows of one Quotas row: its colour. */
export function quotaRowStatus(rows: readonly KeptRow[], quotaRow: number): KeptRow['progress']['status'] | undefined {
  let worst: KeptRow['progress']['status'] | undefined;
  for (const row of rows) {
    if (row.quota.row === quotaRow) worst = worst ? worseStatus(worst, row.progress.status) : row.progress.status;
  }
  return worst;
}

/**
 * A short fingerprint of everything a board is computed from besides the log,
 * and of the board's own cells: when it matches the one stored with the board,
 * the board is exactly what a full refresh of the log would give. Numbers count
 * to 9 significant digits, so a figure read back the way a spreadsheet rounds
 * it (0.33333333333) still matches the one written (0.3333333333333333).
 */
export function fingerprint(parts: readonly unknown[]): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      add('[');
      for (const item of value) walk(item);
      add(']');
    } else if (isDate(value)) add(`d${value.getTime()}|`);
    else if (typeof value === 'number') add(`n${Number(value.toPrecision(9))}|`);
    else add(`s${String(value ?? '')}|`);
  };
  for (const part of parts) walk(part);
  return (hash >>> 0).toString(36);
}
