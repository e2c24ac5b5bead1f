/**
 * The Status board as a block of cells (SPEC §2, §6): what the refresh writes,
 * and how much of it fits. The board owns only the block it wrote last time;
 * it may grow into empty cells, but a cell below or beside it that holds
 * anything it did not write stops it there, with a notice in its last row.
 *
 * The block: the header, one row per rep and quota (with a progress bar in its
 * last column), then after a blank row the team block (its own header, one row
 * per activity and period), then the rows skipped, if any.
 */
import { BOARD_COLUMNS, boardCells, boardHeader, figureCells, figureFormats } from './board';
import { barFormula, countsText, type TeamRow } from './boardView';
import { isBlank } from './cells';
import type { Day } from './day';
import type { BoardRow } from './engine';
import { TEXT } from './formats';
import { type Lang, STRINGS } from './i18n';
import { APP, notice } from './i18n/app';
import { BOARD_WORDS } from './i18n/board';
import { HEADER_BACKGROUND, STATUS_COLORS, WHITE } from './palette';
import type { RefreshResult } from './refresh';
import type { Progress } from './status';

/** The Progress column: after the twelve columns of SPEC §2, which keep their places. */
export const BAR = BOARD_COLUMNS.length;
export const BOARD_WIDTH = BAR + 1;

/** A block of cells: values, backgrounds and number formats, row by row. */
export interface Grid {
  values: unknown[][];
  backgrounds: string[][];
  formats: string[][];
}

const row = <T>(value: T): T[] => new Array<T>(BOARD_WIDTH).fill(value);
/** A row's formats: its figures' (core/shown.ts), and General for the bar (plain text would keep its formula as text). */
const formatsOf = (progress: Progress) => [...figureFormats(progress), 'General'];

function push(grid: Grid, values: unknown[], background: string, formats: string[]): void {
  grid.values.push(values);
  grid.backgrounds.push(row(background));
  grid.formats.push(formats);
}

/** The board's header row in `lang`: SPEC §2's twelve columns, then Progress. */
export function fullHeader(lang: Lang): string[] {
  return [...boardHeader(lang), BOARD_WORDS[lang].progress];
}

/**
 * The rows under the header: each board row (its twelve cells from `cellsOf`,
 * then its bar), coloured by status; then a blank row and the team block.
 */
export function bodyGrid<T extends BoardRow>(
  rows: readonly T[],
  teams: readonly TeamRow[],
  lang: Lang,
  dateOf: (day: Day) => unknown,
  cellsOf: (row: T) => unknown[],
): Grid {
  const grid: Grid = { values: [], backgrounds: [], formats: [] };
  for (const line of rows) {
    push(
      grid,
      [...cellsOf(line), barFormula(line.progress)],
      STATUS_COLORS[line.progress.status],
      formatsOf(line.progress),
    );
  }
  if (teams.length === 0) return grid;
  const s = STRINGS[lang];
  const words = BOARD_WORDS[lang];
  addNote(grid, '', WHITE);
  const header = fullHeader(lang);
  header[0] = s.headers.team;
  header[BAR - 1] = words.byStatus;
  push(grid, header, HEADER_BACKGROUND, row(TEXT));
  for (const team of teams) {
    const p = team.progress;
    push(
      grid,
      [
        words.allReps,
        team.activity,
        s.periods[team.period.kind],
        dateOf(team.period.start),
        dateOf(team.period.end),
        ...figureCells(p),
        s.statuses[p.status],
        countsText(team.counts, lang),
        barFormula(p),
      ],
      STATUS_COLORS[p.status],
      formatsOf(p),
    );
  }
  return grid;
}

/** The board's cells as `getValues` reads them back: a bar's cell reads as empty, as in Sheets. */
export function asRead(values: readonly (readonly unknown[])[]): unknown[][] {
  return values.map((line) =>
    line.map((cell, c) => (c === BAR && typeof cell === 'string' && cell.startsWith('=') ? '' : cell)),
  );
}

/** The board's header, its rows coloured by status, the team block, and the skipped rows listed under it. */
export function boardGrid(result: RefreshResult): Grid {
  const dateOf = (day: Day) => new Date(result.clock.startOf(day));
  const grid: Grid = { values: [fullHeader(result.lang)], backgrounds: [row(HEADER_BACKGROUND)], formats: [row(TEXT)] };
  const body = bodyGrid(result.board, result.teams, result.lang, dateOf, (line) =>
    boardCells(line, result.lang, dateOf),
  );
  grid.values.push(...body.values);
  grid.backgrounds.push(...body.backgrounds);
  grid.formats.push(...body.formats);
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
  grid.formats.push(row(TEXT));
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
 * rows × `width`): a cell outside the owned block that holds a value or a
 * formula is not ours, and the board stops above its row.
 */
export function fitBoard(
  wanted: number,
  owned: { rows: number; columns: number },
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  width = BOARD_WIDTH,
): Fit {
  for (let r = 0; r < wanted; r++) {
    const from = r < owned.rows ? owned.columns : 0;
    for (let c = from; c < width; c++) {
      if (!isBlank(values[r]?.[c]) || (formulas[r]?.[c] ?? '') !== '') {
        return { rows: r, blocked: { row: r, column: c } };
      }
    }
  }
  return { rows: wanted };
}

/** The grid's first `width` columns: an older board that cannot widen is written without its bars. */
export function narrowGrid(grid: Grid, width: number): Grid {
  const cut = <T>(lines: T[][]) => lines.map((line) => line.slice(0, width));
  return { values: cut(grid.values), backgrounds: cut(grid.backgrounds), formats: cut(grid.formats) };
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
    const width = grid.values[0]?.length ?? BOARD_WIDTH;
    cut.values[rows - 1] = [note, ...new Array(width - 1).fill('')];
    cut.backgrounds[rows - 1] = new Array(width).fill(HEADER_BACKGROUND);
    cut.formats[rows - 1] = new Array(width).fill(TEXT);
  }
  return cut;
}
