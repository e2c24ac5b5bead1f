/**
 * The As-of date cell (SPEC §2, §6). While it follows today (the default), the
 * add-on keeps it at today: each refresh moves it when the day has changed. A
 * manager who types a date into it pins it there (the "follows today" box is
 * unticked); ticking the box again makes it follow today from the next refresh.
 */
import type { Day } from '../core/day';
import { noLike, yesNoOf } from '../core/i18n';
import { asOfPosition, settingPosition } from '../core/setup';
import { type Tables, today } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The Settings cell the add-on keeps at today: the value cell of the As-of date
 * row of our Settings sheet, unless it holds a formula (someone's own). A user's
 * own `AsOfDate` elsewhere is never written (SPEC §2).
 */
function asOfCell(tables: Tables): Range | undefined {
  const sheet = tables.sheets.get('settings');
  const position = asOfPosition(tables.values.settings ?? []);
  if (!sheet || !position) return undefined;
  const cell = sheet.getRange(position.row, position.column);
  return cell.getFormula() === '' ? cell : undefined;
}

/**
 * Moves a following As-of date to today: one write when the day has changed
 * since it was last moved, none otherwise. The tables as read are patched too,
 * so that what the board remembers matches the sheet.
 */
export function keepAsOfAtToday(spreadsheet: Spreadsheet, tables: Tables, day: Day): void {
  const cell = asOfCell(tables);
  if (!cell) return;
  const { clock } = today(spreadsheet);
  const row = tables.values.settings?.[cell.getRow() - 1];
  const held = row?.[cell.getColumn() - 1];
  // Only a date (or nothing) is moved: anything else is a user's, reported as a problem and left to fix.
  if (!(held instanceof Date || held === '' || held === undefined)) return;
  if (held instanceof Date && clock.dayOf(held.getTime()) === day) return;
  const value = new Date(clock.startOf(day));
  cell.setValue(value);
  if (row) row[cell.getColumn() - 1] = value;
}

/**
 * After a user's edit: when it wrote the As-of date cell while that follows
 * today, the date is pinned (the "follows today" value becomes false, in the
 * kind the cell held: a checkbox's FALSE or the word for No), so that the date
 * the manager typed is the one every figure uses.
 */
export function pinIfAsOfEdited(tables: Tables, edited: Range): void {
  const sheet = tables.sheets.get('settings');
  const values = tables.values.settings;
  if (!sheet || !values || edited.getSheet().getName() !== sheet.getName()) return;
  const asOf = asOfPosition(values);
  const follow = settingPosition(values, 'followToday');
  if (!asOf || !follow) return;
  const inside = (position: { row: number; column: number }) =>
    position.row >= edited.getRow() &&
    position.row <= edited.getLastRow() &&
    position.column >= edited.getColumn() &&
    position.column <= edited.getLastColumn();
  if (!inside(asOf) || inside(follow)) return;
  const row = values[follow.row - 1];
  const held = row?.[follow.column - 1];
  const follows = typeof held === 'boolean' ? held : typeof held === 'string' ? yesNoOf(held) : undefined;
  if (follows !== true || !row) return;
  const no = typeof held === 'boolean' ? false : noLike(held as string);
  sheet.getRange(follow.row, follow.column).setValue(no);
  row[follow.column - 1] = no;
}
