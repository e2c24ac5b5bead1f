/**
 * The Status board as a block of cells (SPEC §2, §6): what the refresh writes,
 * and how much of it fits. The board owns only the block it wrote last time;
 * it may grow into empty cells, but a cell below or beside it that holds
 * anything it did not write stops it there, with a notice in its last row.
 */
import { BOARD_COLUMNS, boardCells, boardFormats, boardHeader } from './board';
import { isBlank } from './cells';
import type { Day } from './day';
import { APP, notice } from './i18n/app';
import { HEADER_BACKGROUND, STATUS_COLORS, WHITE } from './palette';
import type { RefreshResult } from './refresh';

export const BOARD_WIDTH = BOARD_COLUMNS.length;

/** A block of cells: values, backgrounds and number formats, row by row. */
export interface Grid {
  values: unknown[][];
  backgrounds: string[][];
  formats: string[][];
}

const row = <T>(value: T): T[] => BOARD_COLUMNS.map(() => value);

/** The board's header, its rows coloured by status, and the skipped rows listed under it. */
export function boardGrid(result: RefreshResult): Grid {
  const dateOf = (day: Day) => new Date(result.clock.startOf(day));
  const grid: Grid = { values: [boardHeader(result.lang)], backgrounds: [row(HEADER_BACKGROUND)], formats: [row('@')] };
  for (const line of result.board) {
    grid.values.push(boardCells(line, result.lang, dateOf));
    grid.backgrounds.push(row(STATUS_COLORS[line.progress.status]));
    grid.formats.push(boardFormats(line));
  }
  if (result.problems.length > 0) {
    const names = APP[result.lang].sheets;
    addNote(grid, '', WHITE);
    addNote(grid, notice(result.lang, 'problemsTitle'), HEADER_BACKGROUND);
    for (const problem of result.problems) {
      const text = notice(result.lang, 'problemRow', {
        sheet: names[problem.sheet],
        row: problem.row,
        message: problem.text,
      });
      addNote(grid, text, WHITE);
    }
  }
  return grid;
}

/** A row with text in its first cell only. */
function addNote(grid: Grid, text: string, background: string): void {
  grid.values.push([text, ...new Array(BOARD_WIDTH - 1).fill('')]);
  grid.backgrounds.push(row(background));
  grid.formats.push(row('@'));
}

/** A block of blank rows: what an owned row the board no longer needs becomes. */
export function blankRows(count: number): Grid {
  const grid: Grid = { values: [], backgrounds: [], formats: [] };
  for (let i = 0; i < count; i++) {
    grid.values.push(row(''));
    grid.backgrounds.push(row(WHITE));
    grid.formats.push(row('General'));
  }
  return grid;
}

export interface Fit {
  /** Rows of the board that may be written (from the block's top). */
  rows: number;
  /** The first cell in the way, 0-based within the block, when the board does not fit. */
  blocked?: { row: number; column: number };
}

/**
 * How many of `wanted` rows fit, given the block's owned rows and columns and
 * what its cells hold now (`values` and `formulas`, read over at least `wanted`
 * rows × {@link BOARD_WIDTH}): a cell outside the owned block that holds a value
 * or a formula is not ours, and the board stops above its row.
 */
export function fitBoard(
  wanted: number,
  owned: { rows: number; columns: number },
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): Fit {
  for (let r = 0; r < wanted; r++) {
    const from = r < owned.rows ? owned.columns : 0;
    for (let c = from; c < BOARD_WIDTH; c++) {
      if (!isBlank(values[r]?.[c]) || (formulas[r]?.[c] ?? '') !== '') {
        return { rows: r, blocked: { row: r, column: c } };
      }
    }
  }
  return { rows: wanted };
}

/**
 * The board cut to `rows` rows, its last row replaced by `note` (what stopped it),
 * when the whole board does not fit. Needs two rows: the header and the note.
 */
export function cutBoard(grid: Grid, rows: number, note: string): Grid {
  if (rows >= grid.values.length) return grid;
  const cut: Grid = {
    values: grid.values.slice(0, rows),
    backgrounds: grid.backgrounds.slice(0, rows),
    formats: grid.formats.slice(0, rows),
  };
  if (rows >= 2) {
    cut.values[rows - 1] = [note, ...new Array(BOARD_WIDTH - 1).fill('')];
    cut.backgrounds[rows - 1] = row(HEADER_BACKGROUND);
    cut.formats[rows - 1] = row('@');
  }
  return cut;
}
