/**
 * `Range.createTextFinder` (Apps Script's TextFinder): Sheets searches its own
 * cells and hands back only the cells it found, so a script can find one entry
 * id in a log of any length without reading the log. The emulator searches the
 * displayed text as Sheets does: case-insensitive and part of a cell unless told
 * otherwise; row by row from the range's top-left cell.
 */
import { CELLS, type CellCount, SERVICE_NAME } from './counter';

/** The part of a range a finder needs. */
export interface Searchable {
  getRow(): number;
  getColumn(): number;
  /** The cells to search (0-based within the range): raw values, and the shown text of one that is not text. */
  searchable(): Cells;
  cellAt(row: number, column: number): unknown;
}

/** A block of cells as a finder reads them, without copying them. */
export interface Cells {
  rows: number;
  columns: number;
  raw(row: number, column: number): unknown;
  shown(row: number, column: number): string;
}

export class FakeTextFinder {
  readonly [SERVICE_NAME] = 'TextFinder';
  private entireCell = false;
  private caseSensitive = false;
  private next = 0;

  constructor(
    private readonly range: Searchable,
    private readonly text: string,
  ) {
    if (text === '') throw new Error('Exception: Invalid argument: text');
  }

  /**
   * The cells a call moves (src/local/cells.ts): only what Sheets hands back, one
   * cell per match (one for findNext, found or not). The search itself is Sheets'
   * own work, not cells moved to the script.
   */
  [CELLS](method: string): CellCount | undefined {
    if (method === 'findNext') return { read: 1, written: 0 };
    if (method === 'findAll') return { read: this.matches().length, written: 0 };
    return undefined;
  }

  matchEntireCell(on: boolean): this {
    this.entireCell = on;
    return this;
  }
  matchCase(on: boolean): this {
    this.caseSensitive = on;
    return this;
  }

  /** Every match, in order: what Sheets found, not what was read. */
  private matches(): [number, number][] {
    const fold = (text: string) => (this.caseSensitive ? text : text.toLowerCase());
    const wanted = fold(this.text);
    const found: [number, number][] = [];
    const cells = this.range.searchable();
    for (let r = 0; r < cells.rows; r++) {
      for (let c = 0; c < cells.columns; c++) {
        const cell = cells.raw(r, c);
        if (cell === null || cell === undefined || cell === '') continue;
        const text = fold(typeof cell === 'string' ? cell : cells.shown(r, c));
        if (this.entireCell ? text === wanted : text.includes(wanted)) found.push([r, c]);
      }
    }
    return found;
  }

  findNext(): unknown {
    const match = this.matches()[this.next];
    if (!match) return null;
    this.next++;
    return this.range.cellAt(this.range.getRow() + match[0], this.range.getColumn() + match[1]);
  }

  findAll(): unknown[] {
    return this.matches().map(([r, c]) => this.range.cellAt(this.range.getRow() + r, this.range.getColumn() + c));
  }
}
