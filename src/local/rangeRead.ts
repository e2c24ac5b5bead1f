/**
 * What a range reads: its values as `getValues` returns them (`""` for empty, a
 * `Date` for a date cell), the text its cells show under their number formats,
 * and the cells a TextFinder searches.
 */
import type { DetailedCellError } from 'hyperformula';
import { type Area, blockOf, type GridSheet } from './grid';
import { isDateFormat, showNumber } from './numberFormat';
import type { Cells } from './textFinder';

/** The block's values, as `Range.getValues` returns them. */
export function readValues(area: Area): unknown[][] {
  const raw = area.sheet.spreadsheet.book.hf.getRangeValues(blockOf(area));
  return raw.map((line, r) =>
    line.map((value, c) => toAppsScript(area.sheet, value, area.row - 1 + r, area.col - 1 + c)),
  );
}

/** A HyperFormula value as `getValues` returns it: `""` for empty, `Date` for date cells. */
function toAppsScript(sheet: GridSheet, value: unknown, row: number, col: number): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'value' in value) return (value as DetailedCellError).value;
  if (typeof value === 'number') {
    const book = sheet.spreadsheet.book;
    const format = sheet.numberFormats.get(row, col);
    const typed = format === undefined ? book.hf.getCellValueDetailedType({ sheet: sheet.hfId, col, row }) : '';
    if ((format !== undefined && isDateFormat(format)) || String(typed).startsWith('NUMBER_DATE')) {
      return book.serialToDate(value);
    }
  }
  return value;
}

/** What the cells show: numbers and dates under their number formats. */
export function displayValues(area: Area): string[][] {
  const hf = area.sheet.spreadsheet.book.hf;
  const sheet = area.sheet.hfId;
  const raw = hf.getRangeValues(blockOf(area));
  return raw.map((line, r) =>
    line.map((value, c) => {
      if (value === null || value === undefined) return '';
      if (typeof value === 'object' && 'value' in value) return String((value as DetailedCellError).value);
      if (typeof value !== 'number') return String(value);
      const row = area.row - 1 + r;
      const col = area.col - 1 + c;
      const format = area.sheet.numberFormats.get(row, col);
      if (format !== undefined) return showNumber(value, format);
      const type = String(hf.getCellValueDetailedType({ sheet, col, row }));
      return showNumber(value, type.startsWith('NUMBER_DATE') ? 'yyyy-mm-dd' : undefined);
    }),
  );
}

/** The raw values a finder searches, and the shown text of one cell (for numbers, dates, errors). */
export function searchCells(area: Area): Cells {
  const hf = area.sheet.spreadsheet.book.hf;
  const sheet = area.sheet.hfId;
  const shown = (row: number, column: number) =>
    displayValues(cell(area, area.row + row, area.col + column))[0]?.[0] ?? '';
  const rows = area.numRows;
  const columns = area.numCols;
  if (columns === 1) {
    const values = area.sheet.columnValues(area.col - 1);
    const top = area.row - 1;
    return { rows, columns, raw: (row) => values[top + row] ?? null, shown };
  }
  const block = hf.getRangeValues({
    start: { sheet, col: area.col - 1, row: area.row - 1 },
    end: { sheet, col: area.col + columns - 2, row: area.row + rows - 2 },
  });
  return { rows, columns, raw: (row, column) => block[row]?.[column] ?? null, shown };
}

/** One cell (1-based) of the block's sheet. */
function cell(area: Area, row: number, col: number): Area {
  return { sheet: area.sheet, row, col, numRows: 1, numCols: 1, wholeColumns: false };
}
