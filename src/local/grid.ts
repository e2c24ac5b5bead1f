/**
 * A block of cells on a sheet, as the emulator's ranges work on it: the shapes
 * the spreadsheet's classes see of each other (FakeSpreadsheet, FakeSheet,
 * FakeRange are each one), so that the modules that read and write cells
 * (rangeRead.ts, rangeWrite.ts), count them (cells.ts) or name them (a1.ts)
 * need none of those classes.
 */
import type { SimpleCellRange } from 'hyperformula';
import type { CellAttributes } from './cellAttributes';
import type { FormulaWorkbook } from './formulas';
import type { FakeDataValidation } from './validation';

/** What a sheet's cells need of their spreadsheet: its formula engine, and its named ranges. */
export interface GridBook {
  readonly book: FormulaWorkbook;
  /** Registers the named ranges that formulas about to be written name. */
  registerNamesIn(contents: readonly (readonly unknown[])[]): void;
}

/** A sheet as its ranges use it: HyperFormula's sheet, the side tables beside it, the column cache. */
export interface GridSheet {
  readonly name: string;
  readonly hfId: number;
  readonly spreadsheet: GridBook;
  readonly numberFormats: CellAttributes<string>;
  readonly backgrounds: CellAttributes<string>;
  readonly fontWeights: CellAttributes<string>;
  readonly validations: CellAttributes<FakeDataValidation>;
  /** Counts changes to the sheet's cells or rows. */
  version: number;
  getName(): string;
  getMaxRows(): number;
  /** A column's raw values (0-based). */
  columnValues(col: number): unknown[];
  /** After a write of a block (0-based): cached columns take its new values. */
  patchColumns(row: number, col: number, rows: number, cols: number): void;
}

/** A block of cells: 1-based top-left row and column, and its size. */
export interface Area {
  readonly sheet: GridSheet;
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
  /** `A:H`: the block runs to the sheet's last row. */
  readonly wholeColumns: boolean;
}

/** The block as HyperFormula addresses it (0-based). */
export function blockOf(area: Area): SimpleCellRange {
  const sheet = area.sheet.hfId;
  return {
    start: { sheet, col: area.col - 1, row: area.row - 1 },
    end: { sheet, col: area.col + area.numCols - 2, row: area.row + area.numRows - 2 },
  };
}

/** `fn` of every cell of the block (0-based row and column), row by row. */
export function eachCell<T>(area: Area, fn: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < area.numRows; r++) {
    const line: T[] = [];
    for (let c = 0; c < area.numCols; c++) line.push(fn(area.row - 1 + r, area.col - 1 + c));
    out.push(line);
  }
  return out;
}

/** Throws Sheets' message unless `values` has the block's rows and columns. */
export function checkShape(area: Area, values: readonly (readonly unknown[])[], what: string): void {
  if (values.length !== area.numRows || values.some((line) => line.length !== area.numCols)) {
    const width = values[0]?.length ?? 0;
    throw new Error(
      `The number of ${what} in the data does not match the range. The data has ${values.length} rows and ${width} columns but the range has ${area.numRows} rows and ${area.numCols} columns.`,
    );
  }
}
