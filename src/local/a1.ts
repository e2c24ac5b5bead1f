/** A1 notation: column letters, ranges such as `A1:H50` or `A:H`, and a range as a named expression reads it. */
import type { Area } from './grid';

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let text = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** The 0-based column of column letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 notation (A1, A1:H50, A:H) → 1-based row/column, size; whole columns take `maxRows`. */
export function parseA1(
  a1: string,
  maxRows: number,
): { row: number; col: number; numRows: number; numCols: number; wholeColumns: boolean } {
  const match = /^\$?([A-Z]+)\$?(\d*)(?::\$?([A-Z]+)\$?(\d*))?$/i.exec(a1.trim());
  if (!match) throw new Error(`Range not found: ${a1}`);
  const [, c1 = 'A', r1, c2, r2] = match;
  const col = columnIndex(c1) + 1;
  const row = r1 ? Number(r1) : 1;
  const endCol = c2 ? columnIndex(c2) + 1 : col;
  const endRow = c2 ? (r2 ? Number(r2) : maxRows) : r1 ? row : maxRows;
  const wholeColumns = !r1 && (c2 === undefined || !r2);
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1, wholeColumns };
}

/** `'Sheet name'!$A$1:$H$50`: a range as HyperFormula reads it in a named expression. */
export function absoluteA1(range: Area): string {
  const sheet = `'${range.sheet.name.replace(/'/g, "''")}'`;
  if (range.wholeColumns)
    return `${sheet}!$${columnLetters(range.col - 1)}:$${columnLetters(range.col + range.numCols - 2)}`;
  const a = `$${columnLetters(range.col - 1)}$${range.row}`;
  const b = `$${columnLetters(range.col + range.numCols - 2)}$${range.row + range.numRows - 1}`;
  return `${sheet}!${a}:${b}`;
}

/** `A1`, `A1:H50` or, for whole columns, `A:H`: what `Range.getA1Notation()` returns. */
export function a1Notation(range: Area): string {
  const lastColumn = range.col + range.numCols - 1;
  if (range.wholeColumns) return `${columnLetters(range.col - 1)}:${columnLetters(lastColumn - 1)}`;
  const start = `${columnLetters(range.col - 1)}${range.row}`;
  if (range.numRows === 1 && range.numCols === 1) return start;
  return `${start}:${columnLetters(lastColumn - 1)}${range.row + range.numRows - 1}`;
}
