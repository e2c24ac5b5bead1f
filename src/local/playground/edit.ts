/**
 * What one edit from the playground's page may touch: one cell of an existing
 * sheet, inside that sheet's grid, with no more text than Sheets takes in a
 * cell. Anything else is refused with a message before the workbook is touched.
 */
import { columnIndex, columnLetters } from '../a1';
import type { FakeSpreadsheet } from '../spreadsheet';

/** Sheets' own limit on the text of one cell. */
export const MAX_CELL_TEXT = 50_000;

export interface Edit {
  sheet: string;
  a1: string;
  value: string;
}

/** The edit the page asks for, checked; throws a message for the user when it may not be made. */
export function checkEdit(spreadsheet: FakeSpreadsheet, body: Record<string, unknown>): Edit {
  const { sheet: name, a1, value } = body;
  if (typeof name !== 'string' || typeof a1 !== 'string' || typeof value !== 'string') {
    throw new Error('An edit names a sheet, a cell and the text typed into it.');
  }
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`There is no sheet named "${name.slice(0, 100)}".`);
  const cell = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(a1.trim().toUpperCase());
  if (!cell) throw new Error(`Type into one cell at a time: "${a1.slice(0, 40)}" is not one cell (like B2).`);
  const column = columnIndex(cell[1] as string) + 1;
  const row = Number(cell[2]);
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  if (row > rows || column > columns) {
    throw new Error(
      `${cell[0]} is outside the sheet ${name}, which has ${rows.toLocaleString('en-US')} rows and ${columns} columns (A1:${columnLetters(columns - 1)}${rows}).`,
    );
  }
  if (value.length > MAX_CELL_TEXT) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_TEXT} characters in a single cell.`);
  }
  return { sheet: name, a1: cell[0], value };
}
