/**
 * What a counted call moves, in cells (src/local/counter.ts adds them up; tests
 * and `npm run bench` read `rt.calls.cells()`). The rules are strict and simple:
 *
 * - A Range read (`getValues`, `getDisplayValues`, `getFormulas`,
 *   `getNumberFormats`, `getBackgrounds`, `getFontWeights`,
 *   `getDataValidations`) reads every cell of the range, empty or not: rows ×
 *   columns (a whole-column `A:H` range runs to the grid's last row). The
 *   single-cell getters (`getValue`, `getFormula`…) read one cell.
 * - A Range write (`setValues`, `setFormulas`, `setNumberFormats`,
 *   `setBackgrounds`, `setDataValidations`, their single-value forms, which fill
 *   the whole range, `clearContent`, `clearFormat`, `clearDataValidations`,
 *   `clear`) writes every cell of the range.
 * - `Sheet.appendRow(values)` writes `values.length` cells.
 * - `Sheet.deleteRows(row, n)` (and `deleteRow`) writes the deleted rows and
 *   every row below them, which moves up: (used rows from `row` on) × used
 *   columns. `insertRowsAfter(after, n)` moves the used rows below `after`
 *   down: (used rows after it) × used columns. "Used" is the block the grid
 *   stores content in, as the sheet is just before the call. A log's cost must
 *   not grow with the log, and a row deleted near the top moves the whole log.
 * - `Sheet.clear()` / `clearContents()` write the used block.
 * - Everything else (`getDataRange`, `getLastRow`, `getMaxRows`, names,
 *   properties, locks…) moves no cells: it is a round trip, counted as a call.
 *
 * - A TextFinder (src/local/textFinder.ts) reads what it hands back: one cell
 *   per `findNext`, one per match of `findAll`; Sheets searches its own cells.
 */
import type { CellCount } from './counter';
import type { Area, GridSheet } from './grid';

const RANGE_READS = new Set([
  'getValues',
  'getDisplayValues',
  'getFormulas',
  'getNumberFormats',
  'getBackgrounds',
  'getFontWeights',
  'getDataValidations',
]);
const CELL_READS = new Set([
  'getValue',
  'getDisplayValue',
  'getFormula',
  'getNumberFormat',
  'getBackground',
  'getFontWeight',
  'getDataValidation',
]);
const RANGE_WRITES = new Set([
  'setValues',
  'setValue',
  'setFormulas',
  'setFormula',
  'setNumberFormats',
  'setNumberFormat',
  'setBackgrounds',
  'setBackground',
  'setFontWeight',
  'setDataValidations',
  'setDataValidation',
  'clearDataValidations',
  'clearContent',
  'clearFormat',
  'clear',
]);

/** The cells a call of `method` on `range` moves. */
export function rangeCells(range: Pick<Area, 'numRows' | 'numCols'>, method: string): CellCount | undefined {
  const size = range.numRows * range.numCols;
  if (RANGE_READS.has(method)) return { read: size, written: 0 };
  if (CELL_READS.has(method)) return { read: 1, written: 0 };
  if (RANGE_WRITES.has(method)) return { read: 0, written: size };
  return undefined;
}

/** The cells a call of `method` with `args` on `sheet` moves, measured before the call. */
export function sheetCells(
  sheet: Pick<GridSheet, 'hfId' | 'spreadsheet'>,
  method: string,
  args: readonly unknown[],
): CellCount | undefined {
  const used = () => sheet.spreadsheet.book.hf.getSheetDimensions(sheet.hfId);
  const written = (n: number) => ({ read: 0, written: Math.max(0, n) });
  switch (method) {
    case 'appendRow':
      return written(Array.isArray(args[0]) ? args[0].length : 0);
    case 'deleteRow':
    case 'deleteRows': {
      const { height, width } = used();
      return written((height - Number(args[0]) + 1) * width);
    }
    case 'insertRowsAfter': {
      const { height, width } = used();
      return written((height - Number(args[0])) * width);
    }
    case 'clear':
    case 'clearContents': {
      const { height, width } = used();
      return written(height * width);
    }
    default:
      return undefined;
  }
}
