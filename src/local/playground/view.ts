/** What the page shows of a sheet: values as the user sees them, formulas, colours, bars and error notes. */
import { columnLetters } from '../a1';
import type { FakeSheet } from '../sheet';
import { errorNotes } from './errors';
import type { GridCell, PlaygroundState } from './types';

/** Rows and columns the page shows of a sheet beyond its data, to type into. */
const MARGIN_ROWS = 20;
const MARGIN_COLUMNS = 3;
const MIN_COLUMNS = 12;
/** The most rows the page shows of one sheet; the rest stays in the file. */
const MAX_SHOWN_ROWS = 2_000;

/** The shown part of a sheet: values as the user sees them, formulas, colours. */
export function gridOf(sheet: FakeSheet): PlaygroundState['sheets'][number] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  // As far as the sheet's grid goes (Sheets has no cells past it).
  const rows = Math.min(MAX_SHOWN_ROWS, Math.max(lastRow, 1) + MARGIN_ROWS, sheet.getMaxRows());
  const columns = Math.min(Math.max(lastColumn + MARGIN_COLUMNS, MIN_COLUMNS), sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows, columns);
  const display = range.getDisplayValues();
  const formulas = range.getFormulas();
  const backgrounds = range.getBackgrounds();
  const weights = range.getFontWeights();
  const errors = errorNotes(sheet, rows, columns);
  const cells: GridCell[][] = display.map((line, r) =>
    line.map((text, c) => {
      const cell: GridCell = { text };
      const formula = formulas[r]?.[c];
      const background = backgrounds[r]?.[c];
      if (formula) cell.formula = formula;
      const bar = formula ? sheet.spreadsheet.book.drawing({ sheet: sheet.hfId, row: r, col: c }) : undefined;
      if (bar) cell.bar = bar;
      if (background && background !== '#ffffff') cell.background = background;
      if (weights[r]?.[c] === 'bold') cell.bold = true;
      const note = errors[r]?.[c];
      if (note) cell.note = note;
      return cell;
    }),
  );
  return {
    name: sheet.getName(),
    columns: Array.from({ length: columns }, (_, c) => columnLetters(c)),
    cells,
    frozenRows: sheet.getFrozenRows(),
    totalRows: lastRow,
  };
}
