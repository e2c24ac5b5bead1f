/**
 * A sheet of the in-memory spreadsheet (spreadsheet.ts): its grid's size, the
 * side tables HyperFormula does not keep (number formats, backgrounds, font
 * weights, data validation, hidden rows), row inserts and deletes, and the
 * column cache a TextFinder searches.
 */
import { parseA1 } from './a1';
import { CellAttributes } from './cellAttributes';
import { sheetCells } from './cells';
import { CELLS, type CellCount, SERVICE_NAME } from './counter';
import type { GridBook } from './grid';
import { FakeRange } from './range';
import type { FakeDataValidation } from './validation';

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

/** What a sheet needs of its spreadsheet (FakeSpreadsheet, spreadsheet.ts, is one). */
export interface SheetParent extends GridBook {
  readonly sheets: readonly FakeSheet[];
  getSheetByName(name: string): FakeSheet | null;
  setActiveSheet(sheet: FakeSheet): FakeSheet;
  /** `Sheet!A1:B2` (or a named range's name). */
  getRange(a1: string): FakeRange;
}

export class FakeSheet {
  readonly [SERVICE_NAME] = 'Sheet';
  frozenRows = 0;
  frozenColumns = 0;
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  readonly numberFormats = new CellAttributes<string>();
  readonly backgrounds = new CellAttributes<string>();
  readonly fontWeights = new CellAttributes<string>();
  readonly validations = new CellAttributes<FakeDataValidation>();
  /** Rows hidden by the user or a filter (column 0 marks the row): they keep their values and move with inserts and deletes. */
  readonly hidden = new CellAttributes<true>();

  constructor(
    readonly spreadsheet: SheetParent,
    public name: string,
  ) {}

  /** The cells a call moves (src/local/cells.ts). */
  [CELLS](method: string, args: readonly unknown[]): CellCount | undefined {
    return sheetCells(this, method, args);
  }

  get hfId(): number {
    const id = this.spreadsheet.book.hf.getSheetId(this.name);
    if (id === undefined) throw new Error(`Sheet ${this.name} has been deleted`);
    return id;
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    if (name !== this.name && this.spreadsheet.getSheetByName(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const book = this.spreadsheet.book;
    book.change(() => book.hf.renameSheet(this.hfId, name));
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.hfId;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): SheetParent {
    return this.spreadsheet;
  }

  /** Height and width of the block that holds content, 0 when empty. */
  private used(): { height: number; width: number } {
    const { height, width } = this.spreadsheet.book.hf.getSheetDimensions(this.hfId);
    return { height, width };
  }

  getLastRow(): number {
    const { height, width } = this.used();
    // HyperFormula counts cleared cells at the end; look for the last row with content, from the bottom.
    for (let row = height - 1; row >= 0; row--) {
      for (let col = 0; col < width; col++) if (this.holds(row, col)) return row + 1;
    }
    return 0;
  }

  /** True when a cell (0-based) has content: a value, or a formula's non-blank result. */
  private holds(row: number, col: number): boolean {
    const value = this.spreadsheet.book.hf.getCellValue({ sheet: this.hfId, row, col });
    return value !== null && value !== undefined && value !== '';
  }

  getLastColumn(): number {
    const { height, width } = this.used();
    // From the right: the last column is usually found in the header row at once.
    for (let col = width - 1; col >= 0; col--) {
      for (let row = 0; row < height; row++) if (this.holds(row, col)) return col + 1;
    }
    return 0;
  }

  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }

  /**
   * A range inside the sheet's grid: as in Sheets, one reaching past
   * `getMaxRows()` or `getMaxColumns()` throws (rows are added with
   * `insertRowsAfter` or `appendRow`, not by writing past the end).
   */
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const { row, col, numRows: h, numCols: w, wholeColumns } = parseA1(rowOrA1, this.getMaxRows());
      this.checkInside(row, col, h, w);
      return new FakeRange(this, row, col, h, w, wholeColumns);
    }
    if (column === undefined) throw new Error('getRange needs a column');
    this.checkInside(rowOrA1, column, numRows, numColumns);
    return new FakeRange(this, rowOrA1, column, numRows, numColumns);
  }

  private checkInside(row: number, column: number, numRows: number, numColumns: number): void {
    const inside =
      row >= 1 &&
      column >= 1 &&
      numRows >= 1 &&
      numColumns >= 1 &&
      row + numRows - 1 <= this.maxRows &&
      column + numColumns - 1 <= this.maxColumns;
    if (!inside) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }

  /** The emulator's own door, not Apps Script's: makes the grid at least this big (a file read in, a fixture). */
  ensureSize(rows: number, columns: number): this {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
    return this;
  }

  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  /** Writes a row under the last one with content, adding a row (and columns) to the grid when it is full. */
  appendRow(values: unknown[]): this {
    const row = this.getLastRow() + 1;
    this.ensureSize(row, values.length);
    new FakeRange(this, row, 1, 1, Math.max(1, values.length)).setValues([values]);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    const book = this.spreadsheet.book;
    this.version++;
    book.change(() => book.hf.addRows(this.hfId, [afterPosition, howMany]));
    for (const attributes of [this.numberFormats, this.backgrounds, this.fontWeights, this.validations, this.hidden]) {
      attributes.insertRows(afterPosition, howMany);
    }
    this.maxRows += howMany;
    return this;
  }

  deleteRow(row: number): this {
    return this.deleteRows(row, 1);
  }

  deleteRows(row: number, howMany: number): this {
    const book = this.spreadsheet.book;
    this.version++;
    book.change(() => book.hf.removeRows(this.hfId, [row - 1, howMany]));
    for (const attributes of [this.numberFormats, this.backgrounds, this.fontWeights, this.validations, this.hidden]) {
      attributes.deleteRows(row - 1, howMany);
    }
    this.maxRows = Math.max(1, this.maxRows - howMany);
    return this;
  }

  /** One column's values, kept between writes: what a TextFinder searches, as Sheets searches its own cells. */
  private readonly columnCache = new Map<number, { version: number; values: unknown[] }>();
  /** Counts changes to this sheet's cells or rows: a cached column is good while it has not moved. */
  version = 0;

  /**
   * A column's raw values (0-based), from a cache that writes through ranges
   * keep up to date; any other change to the sheet (rows inserted or deleted,
   * cleared) makes it read again. A column holding formulas is not cached (its
   * values change when anything they depend on does).
   */
  columnValues(col: number): unknown[] {
    const book = this.spreadsheet.book;
    const cached = this.columnCache.get(col);
    if (cached && cached.version === this.version) return cached.values;
    const { height } = this.used();
    if (height === 0) return [];
    const range = { start: { sheet: this.hfId, col, row: 0 }, end: { sheet: this.hfId, col, row: height - 1 } };
    const values = book.hf.getRangeValues(range).map((line) => line[0]);
    const formulas = book.hf.getRangeFormulas(range).some((line) => line[0] !== undefined);
    if (formulas) this.columnCache.delete(col);
    else this.columnCache.set(col, { version: this.version, values });
    return values;
  }

  /** After a write of a block (0-based) through a range: cached columns take its new values. */
  patchColumns(row: number, col: number, rows: number, cols: number): void {
    const book = this.spreadsheet.book;
    for (const [column, cached] of this.columnCache) {
      if (cached.version !== this.version - 1) {
        this.columnCache.delete(column);
        continue;
      }
      if (column >= col && column < col + cols) {
        const range = {
          start: { sheet: this.hfId, col: column, row },
          end: { sheet: this.hfId, col: column, row: row + rows - 1 },
        };
        if (book.hf.getRangeFormulas(range).some((line) => line[0] !== undefined)) {
          this.columnCache.delete(column);
          continue;
        }
        book.hf.getRangeValues(range).forEach((line, r) => {
          cached.values[row + r] = line[0];
        });
      }
      cached.version = this.version;
    }
  }

  /** Hides rows, as a user or a filter does; their cells stay readable and writable. */
  hideRows(rowIndex: number, numRows = 1): void {
    this.checkInside(rowIndex, 1, numRows, 1);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hidden.set(r - 1, 0, true);
  }
  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hidden.set(r - 1, 0, undefined);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hidden.get(rowPosition - 1, 0) === true;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(_column: number, _width: number): this {
    return this;
  }
  autoResizeColumns(_start: number, _count: number): this {
    return this;
  }
  setTabColor(_color: string | null): this {
    return this;
  }
  activate(): this {
    this.spreadsheet.setActiveSheet(this);
    return this;
  }

  clear(): this {
    return this.clearContents();
  }
  clearContents(): this {
    const { height, width } = this.used();
    if (height > 0 && width > 0) new FakeRange(this, 1, 1, height, width).clearContent();
    return this;
  }
}
