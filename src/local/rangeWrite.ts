/**
 * What a range writes. Writes behave as in Sheets: a string is read like typed
 * input (`=…` becomes a formula, `12` a number, `2026-09-30` a date) unless the
 * cell's number format is plain text (`@`); a `Date` is stored as a date serial
 * in the spreadsheet's zone and the cell gets a date format (a number in a
 * date-formatted cell reads back as a `Date`, rangeRead.ts).
 */
import type { RawCellContent } from 'hyperformula';
import { type Area, checkShape, type GridSheet } from './grid';
import { isDateFormat } from './numberFormat';

/** Writes a script's values into the block, as `Range.setValues` does. */
export function writeValues(area: Area, values: unknown[][]): void {
  checkShape(area, values, 'rows or columns');
  const contents = values.map((line, r) =>
    line.map((value, c) => contentOf(area.sheet, value, area.row - 1 + r, area.col - 1 + c)),
  );
  writeContents(area, contents);
}

/** A value written by a script as what HyperFormula stores, as Sheets would store it. */
function contentOf(sheet: GridSheet, value: unknown, row: number, col: number): RawCellContent {
  if (value === null || value === undefined || value === '') return null;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const serial = sheet.spreadsheet.book.dateToSerial(value as Date);
    const format = sheet.numberFormats.get(row, col);
    if (format === undefined || !isDateFormat(format)) {
      sheet.numberFormats.set(row, col, Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
    }
    return serial;
  }
  if (typeof value === 'string') {
    // Plain-text cells keep the text as it is; otherwise it is read like typed input.
    return sheet.numberFormats.get(row, col) === '@' ? `'${value}` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Writes contents as HyperFormula takes them, from the block's top-left cell, keeping the column cache. */
export function writeContents(area: Area, contents: RawCellContent[][]): void {
  const book = area.sheet.spreadsheet.book;
  const hf = book.hf;
  const sheet = area.sheet.hfId;
  // Arrays from the bundle's realm are copied into this one, where HyperFormula checks them.
  const copied = Array.from(contents, (line) => Array.from(line));
  area.sheet.spreadsheet.registerNamesIn(copied);
  area.sheet.version++;
  book.change(() => hf.setCellContents({ sheet, col: area.col - 1, row: area.row - 1 }, copied));
  area.sheet.patchColumns(area.row - 1, area.col - 1, area.numRows, area.numCols);
}
