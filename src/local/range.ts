/**
 * A range of the in-memory spreadsheet (sheet.ts): where it is, and what it
 * reads and writes; values go through rangeRead.ts and rangeWrite.ts, the side
 * tables (number formats, backgrounds, font weights, data validation) are the
 * sheet's.
 */
import type { RawCellContent } from 'hyperformula';
import { a1Notation } from './a1';
import { rangeCells } from './cells';
import { CELLS, type CellCount, SERVICE_NAME } from './counter';
import type { FormulaWorkbook } from './formulas';
import { checkShape, eachCell, type GridSheet } from './grid';
import { displayValues, readValues, searchCells } from './rangeRead';
import { writeContents, writeValues } from './rangeWrite';
import { type Cells, FakeTextFinder } from './textFinder';
import type { FakeDataValidation } from './validation';

/** What Apps Script's `Range.getBackground()` returns for a cell never coloured. */
export const WHITE = '#ffffff';

/**
 * The sheet a range is on, as the range and its callers use it: FakeSheet
 * (sheet.ts), which makes ranges, is one; this module names it by what it does
 * so as not to import it back.
 */
export interface RangeSheet extends GridSheet {
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getDataRange(): FakeRange;
}

export class FakeRange {
  readonly [SERVICE_NAME] = 'Range';

  constructor(
    readonly sheet: RangeSheet,
    readonly row: number,
    readonly col: number,
    private readonly rows: number,
    readonly numCols: number,
    /** `A:H`: the range runs to the sheet's last row, however many rows it gets. */
    readonly wholeColumns = false,
  ) {}

  /** The cells a call moves (src/local/cells.ts). */
  [CELLS](method: string): CellCount | undefined {
    return rangeCells(this, method);
  }

  get numRows(): number {
    return this.wholeColumns ? this.sheet.getMaxRows() - this.row + 1 : this.rows;
  }

  private get book(): FormulaWorkbook {
    return this.sheet.spreadsheet.book;
  }

  getSheet(): RangeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getA1Notation(): string {
    return a1Notation(this);
  }
  offset(rowOffset: number, columnOffset: number, numRows = this.numRows, numColumns = this.numCols): FakeRange {
    return this.sheet.getRange(this.row + rowOffset, this.col + columnOffset, numRows, numColumns);
  }
  activate(): this {
    return this;
  }

  getValues(): unknown[][] {
    return readValues(this);
  }

  getValue(): unknown {
    return this.getValues()[0]?.[0] ?? '';
  }

  /** A finder over this range's cells (SPEC §5: an entry found by id without reading the log). */
  createTextFinder(text: string): FakeTextFinder {
    return new FakeTextFinder(this, String(text));
  }

  /** The raw values a finder searches, and the shown text of one cell (for numbers, dates, errors). */
  searchable(): Cells {
    return searchCells(this);
  }

  /** One cell of this range's sheet (1-based), for a finder's results. */
  cellAt(row: number, column: number): FakeRange {
    return new FakeRange(this.sheet, row, column, 1, 1);
  }

  /** The top-left cell's shown text. */
  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }
  /** What the cells show: numbers and dates under their number formats. */
  getDisplayValues(): string[][] {
    return displayValues(this);
  }

  setValues(values: unknown[][]): this {
    writeValues(this, values);
    return this;
  }

  setValue(value: unknown): this {
    return this.setValues(eachCell(this, () => value));
  }

  /**
   * The emulator's own door, not Apps Script's: writes contents exactly as
   * HyperFormula takes them (`=…` a formula, `'…` a text), for workbooks read
   * from a file.
   */
  setRawContents(contents: RawCellContent[][]): this {
    checkShape(this, contents, 'rows or columns');
    writeContents(this, contents);
    return this;
  }

  getFormulas(): string[][] {
    const hf = this.book.hf;
    const sheet = this.sheet.hfId;
    return eachCell(this, (row, col) => hf.getCellFormula({ sheet, col, row }) ?? '');
  }
  getFormula(): string {
    return this.getFormulas()[0]?.[0] ?? '';
  }
  setFormulas(formulas: string[][]): this {
    checkShape(this, formulas, 'formulas');
    writeContents(
      this,
      formulas.map((line) => line.map((formula) => (formula === '' ? null : formula))),
    );
    return this;
  }
  setFormula(formula: string): this {
    return this.setFormulas(eachCell(this, () => formula));
  }

  getNumberFormats(): string[][] {
    return eachCell(this, (row, col) => this.sheet.numberFormats.get(row, col) ?? 'General');
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0]?.[0] ?? 'General';
  }
  setNumberFormat(format: string): this {
    eachCell(this, (row, col) => this.sheet.numberFormats.set(row, col, format));
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    checkShape(this, formats, 'number formats');
    eachCell(this, (row, col) =>
      this.sheet.numberFormats.set(row, col, formats[row - this.row + 1]?.[col - this.col + 1]),
    );
    return this;
  }

  getBackgrounds(): string[][] {
    return eachCell(this, (row, col) => this.sheet.backgrounds.get(row, col) ?? WHITE);
  }
  getBackground(): string {
    return this.getBackgrounds()[0]?.[0] ?? WHITE;
  }
  setBackground(color: string | null): this {
    eachCell(this, (row, col) => this.sheet.backgrounds.set(row, col, color ?? undefined));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    checkShape(this, colors, 'colors');
    eachCell(this, (row, col) =>
      this.sheet.backgrounds.set(row, col, colors[row - this.row + 1]?.[col - this.col + 1] ?? undefined),
    );
    return this;
  }

  getFontWeights(): string[][] {
    return eachCell(this, (row, col) => this.sheet.fontWeights.get(row, col) ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    eachCell(this, (row, col) => this.sheet.fontWeights.set(row, col, weight ?? undefined));
    return this;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return eachCell(this, (row, col) => this.sheet.validations.get(row, col) ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0]?.[0] ?? null;
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    eachCell(this, (row, col) => this.sheet.validations.set(row, col, rule ?? undefined));
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    checkShape(this, rules, 'data validations');
    eachCell(this, (row, col) =>
      this.sheet.validations.set(row, col, rules[row - this.row + 1]?.[col - this.col + 1] ?? undefined),
    );
    return this;
  }
  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  clearContent(): this {
    writeContents(
      this,
      eachCell(this, () => null),
    );
    return this;
  }
  clearFormat(): this {
    eachCell(this, (row, col) => {
      this.sheet.numberFormats.set(row, col, undefined);
      this.sheet.backgrounds.set(row, col, undefined);
      this.sheet.fontWeights.set(row, col, undefined);
    });
    return this;
  }
  clear(): this {
    this.clearContent();
    this.clearFormat();
    return this.clearDataValidations();
  }
}
