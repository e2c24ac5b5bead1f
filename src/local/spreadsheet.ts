/**
 * An in-memory spreadsheet: the part of SpreadsheetApp's object model the add-on
 * uses, with HyperFormula holding the cells (so formulas, our custom functions
 * included, really compute) and side tables for what HyperFormula does not keep:
 * number formats, backgrounds, font weights, data validation, frozen rows.
 *
 * Writes behave as in Sheets: a string is read like typed input (`=…` becomes a
 * formula, `12` a number, `2026-09-30` a date) unless the cell's number format is
 * plain text (`@`); a `Date` is stored as a date serial in the spreadsheet's zone
 * and the cell gets a date format; a number in a date-formatted cell reads back as
 * a `Date`.
 */
import type { DetailedCellError, RawCellContent } from 'hyperformula';
import { rangeCells, sheetCells } from './cells';
import { CELLS, type CellCount, SERVICE_NAME, unwrap } from './counter';
import type { FormulaWorkbook } from './formulas';
import { showNumber } from './numberFormat';
import { type Cells, FakeTextFinder } from './textFinder';

export interface SpreadsheetOptions {
  name?: string;
  id?: string;
  timeZone?: string;
  locale?: string;
}

/** What Apps Script's `Range.getBackground()` returns for a cell never coloured. */
export const WHITE = '#ffffff';
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const DATE_FORMAT = /[dy]/i;

/** True for a number format that shows a date (`yyyy-mm-dd`, `d mmm`…), not for text or numbers. */
export function isDateFormat(format: string): boolean {
  return format !== '@' && DATE_FORMAT.test(format);
}

/** A data validation rule, as the builder of SpreadsheetApp makes it. */
export class FakeDataValidation {
  readonly [SERVICE_NAME] = 'DataValidation';
  constructor(
    readonly criteria: string,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.args];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const builder = new FakeDataValidationBuilder();
    builder.criteria = this.criteria;
    builder.args = [...this.args];
    builder.allowInvalid = this.allowInvalid;
    builder.helpText = this.helpText;
    return builder;
  }
}

export class FakeDataValidationBuilder {
  readonly [SERVICE_NAME] = 'DataValidationBuilder';
  criteria = 'ANY';
  args: unknown[] = [];
  allowInvalid = true;
  helpText = '';
  private set(criteria: string, args: unknown[]): this {
    this.criteria = criteria;
    this.args = args;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.set('VALUE_IN_LIST', [values, showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  /** A tick box: the cell holds TRUE (ticked) or FALSE. */
  requireCheckbox(): this {
    return this.set('CHECKBOX', []);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberBetween(low: number, high: number): this {
    return this.set('NUMBER_BETWEEN', [low, high]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}

/** Per-cell attributes, stored row by row so that deleting rows can splice them. */
class CellAttributes<T> {
  private rows: (Map<number, T> | undefined)[] = [];
  get(row: number, col: number): T | undefined {
    return this.rows[row]?.get(col);
  }
  set(row: number, col: number, value: T | undefined): void {
    let line = this.rows[row];
    if (value === undefined) {
      line?.delete(col);
      return;
    }
    if (!line) {
      line = new Map();
      this.rows[row] = line;
    }
    line.set(col, value);
  }
  deleteRows(row: number, count: number): void {
    this.rows.splice(row, count);
  }
  /** Every cell that has a value: 0-based row and column. */
  *entries(): Generator<[number, number, T]> {
    for (const [row, line] of this.rows.entries()) {
      if (line) for (const [col, value] of line) yield [row, col, value];
    }
  }
  insertRows(row: number, count: number): void {
    this.rows.splice(row, 0, ...new Array<undefined>(count));
  }
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let text = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function columnIndex(letters: string): number {
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
function absoluteA1(range: FakeRange): string {
  const sheet = `'${range.sheet.name.replace(/'/g, "''")}'`;
  if (range.wholeColumns)
    return `${sheet}!$${columnLetters(range.col - 1)}:$${columnLetters(range.col + range.numCols - 2)}`;
  const a = `$${columnLetters(range.col - 1)}$${range.row}`;
  const b = `$${columnLetters(range.col + range.numCols - 2)}$${range.row + range.numRows - 1}`;
  return `${sheet}!${a}:${b}`;
}

export class FakeSpreadsheet {
  readonly [SERVICE_NAME] = 'Spreadsheet';
  name: string;
  readonly id: string;
  timeZone: string;
  locale: string;
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, FakeRange>();
  /** Toasts shown to the user, newest last. */
  readonly toasts: { message: string; title: string }[] = [];
  /** Who may open the file by id (`openById`): everyone when unset; else only these emails (case ignored). */
  sharedWith: ReadonlySet<string> | undefined;
  private workbook: FormulaWorkbook | undefined;
  private activeSheet: FakeSheet | undefined;

  constructor(options: SpreadsheetOptions = {}) {
    this.name = options.name ?? 'Activity Quota';
    this.id = options.id ?? 'local-spreadsheet';
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    this.locale = options.locale ?? 'en_US';
  }

  /** Connects the formula engine (done by the runtime once the bundle is loaded). */
  attach(workbook: FormulaWorkbook): void {
    this.workbook = workbook;
  }

  get book(): FormulaWorkbook {
    if (!this.workbook) throw new Error('the spreadsheet has no formula engine attached');
    return this.workbook;
  }

  getId(): string {
    return this.id;
  }
  /** True when `user` may open this file (the emulator's own check, not a service call). */
  canOpen(user: string): boolean {
    return this.sharedWith === undefined || this.sharedWith.has(user.trim().toLowerCase());
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(zone: string): void {
    this.timeZone = zone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  getActiveSheet(): FakeSheet | null {
    return this.activeSheet ?? this.sheets[0] ?? null;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = unwrap(sheet);
    return sheet;
  }

  insertSheet(name?: string, index?: number): FakeSheet {
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    this.book.change(() => this.book.hf.addSheet(sheetName));
    const sheet = new FakeSheet(this, sheetName);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    // As in Sheets, the new sheet becomes the active one: the user is moved to it (SPEC §9).
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    const index = this.sheets.indexOf(unwrap(sheet));
    if (index < 0) throw new Error('Sheet not found');
    const [removed] = this.sheets.splice(index, 1);
    if (!removed) return;
    this.book.change(() => this.book.hf.removeSheet(removed.hfId));
    for (const [name, range] of this.namedRanges) if (range.sheet === removed) this.namedRanges.delete(name);
  }

  /** `Sheet!A1:B2` (or a named range's name). */
  getRange(a1: string): FakeRange {
    const bang = a1.lastIndexOf('!');
    if (bang < 0) {
      const named = this.getRangeByName(a1);
      if (named) return named;
      const active = this.getActiveSheet();
      if (!active) throw new Error(`Range not found: ${a1}`);
      return active.getRange(a1);
    }
    const sheetName = a1.slice(0, bang).replace(/^'(.*)'$/, '$1');
    const sheet = this.getSheetByName(sheetName);
    if (!sheet) throw new Error(`Range not found: ${a1}`);
    return sheet.getRange(a1.slice(bang + 1));
  }

  getRangeByName(name: string): FakeRange | null {
    return this.namedRanges.get(name) ?? null;
  }

  setNamedRange(name: string, range: FakeRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new Error(`Invalid named range name: ${name}`);
    this.namedRanges.set(name, unwrap(range));
    if (this.book.hf.getNamedExpression(name)) this.registerName(name);
  }

  removeNamedRange(name: string): void {
    this.namedRanges.delete(name);
    this.book.change(() => {
      if (this.book.hf.getNamedExpression(name)) this.book.hf.removeNamedExpression(name);
    });
  }

  /**
   * Gives HyperFormula a named range as a named expression. Done only once a
   * formula names it (see {@link registerNamesIn}): HyperFormula recomputes a
   * named whole-column range on every write into it (seconds at 100,000 rows),
   * which Sheets does not; so a name nobody's formula uses costs nothing.
   */
  private registerName(name: string): void {
    const range = this.namedRanges.get(name);
    if (!range) return;
    const expression = `=${absoluteA1(range)}`;
    this.book.change(() => {
      if (this.book.hf.isItPossibleToAddNamedExpression(name, expression)) {
        this.book.hf.addNamedExpression(name, expression);
      } else {
        this.book.hf.changeNamedExpression(name, expression);
      }
    });
  }

  /** Registers the named ranges that the formulas already in the workbook name (after loading a file). */
  registerNamesUsed(): void {
    for (const sheet of this.sheets) this.registerNamesIn(this.book.hf.getSheetFormulas(sheet.hfId));
  }

  /** Registers the named ranges that formulas about to be written name (case-insensitive, as Sheets reads names). */
  registerNamesIn(contents: readonly (readonly unknown[])[]): void {
    if (this.namedRanges.size === 0) return;
    for (const line of contents) {
      for (const cell of line) {
        if (typeof cell !== 'string' || !cell.startsWith('=')) continue;
        for (const name of this.namedRanges.keys()) {
          if (this.book.hf.getNamedExpression(name)) continue;
          const word = new RegExp(`(^|[^A-Za-z0-9_.!])${name.replace(/\./g, '\\.')}($|[^A-Za-z0-9_.(!])`, 'i');
          if (word.test(cell)) this.registerName(name);
        }
      }
    }
  }

  getNamedRanges(): FakeNamedRange[] {
    return [...this.namedRanges].map(([name, range]) => new FakeNamedRange(this, name, range));
  }

  toast(message: string, title = '', _seconds?: number): void {
    this.toasts.push({ message: String(message), title: String(title) });
  }
}

export class FakeNamedRange {
  readonly [SERVICE_NAME] = 'NamedRange';
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly name: string,
    private readonly range: FakeRange,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): FakeRange {
    return this.range;
  }
  remove(): void {
    this.spreadsheet.removeNamedRange(this.name);
  }
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
    readonly spreadsheet: FakeSpreadsheet,
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
  getParent(): FakeSpreadsheet {
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

export class FakeRange {
  readonly [SERVICE_NAME] = 'Range';

  constructor(
    readonly sheet: FakeSheet,
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

  getSheet(): FakeSheet {
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
    if (this.wholeColumns) return `${columnLetters(this.col - 1)}:${columnLetters(this.getLastColumn() - 1)}`;
    const start = `${columnLetters(this.col - 1)}${this.row}`;
    if (this.numRows === 1 && this.numCols === 1) return start;
    return `${start}:${columnLetters(this.getLastColumn() - 1)}${this.getLastRow()}`;
  }
  offset(rowOffset: number, columnOffset: number, numRows = this.numRows, numColumns = this.numCols): FakeRange {
    return this.sheet.getRange(this.row + rowOffset, this.col + columnOffset, numRows, numColumns);
  }
  activate(): this {
    return this;
  }

  private each<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numCols; c++) line.push(fn(this.row - 1 + r, this.col - 1 + c));
      out.push(line);
    }
    return out;
  }

  private checkShape(values: unknown[][], what: string): void {
    if (values.length !== this.numRows || values.some((line) => line.length !== this.numCols)) {
      const width = values[0]?.length ?? 0;
      throw new Error(
        `The number of ${what} in the data does not match the range. The data has ${values.length} rows and ${width} columns but the range has ${this.numRows} rows and ${this.numCols} columns.`,
      );
    }
  }

  getValues(): unknown[][] {
    const hf = this.book.hf;
    const sheet = this.sheet.hfId;
    const raw = hf.getRangeValues({
      start: { sheet, col: this.col - 1, row: this.row - 1 },
      end: { sheet, col: this.col + this.numCols - 2, row: this.row + this.numRows - 2 },
    });
    return raw.map((line, r) => line.map((value, c) => this.toAppsScript(value, this.row - 1 + r, this.col - 1 + c)));
  }

  /** A HyperFormula value as `getValues` returns it: `""` for empty, `Date` for date cells. */
  private toAppsScript(value: unknown, row: number, col: number): unknown {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && value !== null && 'value' in value) return (value as DetailedCellError).value;
    if (typeof value === 'number') {
      const format = this.sheet.numberFormats.get(row, col);
      const typed =
        format === undefined ? this.book.hf.getCellValueDetailedType({ sheet: this.sheet.hfId, col, row }) : '';
      if ((format !== undefined && isDateFormat(format)) || String(typed).startsWith('NUMBER_DATE')) {
        return this.book.serialToDate(value);
      }
    }
    return value;
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
    const hf = this.book.hf;
    const sheet = this.sheet.hfId;
    const shown = (row: number, column: number) =>
      new FakeRange(this.sheet, this.row + row, this.col + column, 1, 1).getDisplayValues()[0]?.[0] ?? '';
    const rows = this.numRows;
    const columns = this.numCols;
    if (columns === 1) {
      const values = this.sheet.columnValues(this.col - 1);
      const top = this.row - 1;
      return { rows, columns, raw: (row) => values[top + row] ?? null, shown };
    }
    const block = hf.getRangeValues({
      start: { sheet, col: this.col - 1, row: this.row - 1 },
      end: { sheet, col: this.col + columns - 2, row: this.row + rows - 2 },
    });
    return { rows, columns, raw: (row, column) => block[row]?.[column] ?? null, shown };
  }

  /** One cell of this range's sheet (1-based), for a finder's results. */
  cellAt(row: number, column: number): FakeRange {
    return new FakeRange(this.sheet, row, column, 1, 1);
  }

  /** What the cells show: numbers and dates under their number formats. */
  /** The top-left cell's shown text. */
  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }
  getDisplayValues(): string[][] {
    const hf = this.book.hf;
    const sheet = this.sheet.hfId;
    const raw = hf.getRangeValues({
      start: { sheet, col: this.col - 1, row: this.row - 1 },
      end: { sheet, col: this.col + this.numCols - 2, row: this.row + this.numRows - 2 },
    });
    return raw.map((line, r) =>
      line.map((value, c) => {
        if (value === null || value === undefined) return '';
        if (typeof value === 'object' && 'value' in value) return String((value as DetailedCellError).value);
        if (typeof value !== 'number') return String(value);
        const row = this.row - 1 + r;
        const col = this.col - 1 + c;
        const format = this.sheet.numberFormats.get(row, col);
        if (format !== undefined) return showNumber(value, format);
        const type = String(hf.getCellValueDetailedType({ sheet, col, row }));
        return showNumber(value, type.startsWith('NUMBER_DATE') ? 'yyyy-mm-dd' : undefined);
      }),
    );
  }

  setValues(values: unknown[][]): this {
    this.checkShape(values, 'rows or columns');
    const contents = values.map((line, r) =>
      line.map((value, c) => this.toContent(value, this.row - 1 + r, this.col - 1 + c)),
    );
    this.write(contents);
    return this;
  }

  setValue(value: unknown): this {
    return this.setValues(this.each(() => value));
  }

  /** A value written by a script as what HyperFormula stores, as Sheets would store it. */
  private toContent(value: unknown, row: number, col: number): RawCellContent {
    if (value === null || value === undefined || value === '') return null;
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const serial = this.book.dateToSerial(value as Date);
      const format = this.sheet.numberFormats.get(row, col);
      if (format === undefined || !isDateFormat(format)) {
        this.sheet.numberFormats.set(row, col, Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
      }
      return serial;
    }
    if (typeof value === 'string') {
      // Plain-text cells keep the text as it is; otherwise it is read like typed input.
      return this.sheet.numberFormats.get(row, col) === '@' ? `'${value}` : value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    return String(value);
  }

  /**
   * The emulator's own door, not Apps Script's: writes contents exactly as
   * HyperFormula takes them (`=…` a formula, `'…` a text), for workbooks read
   * from a file.
   */
  setRawContents(contents: RawCellContent[][]): this {
    this.checkShape(contents, 'rows or columns');
    this.write(contents);
    return this;
  }

  private write(contents: RawCellContent[][]): void {
    const hf = this.book.hf;
    const sheet = this.sheet.hfId;
    // Arrays from the bundle's realm are copied into this one, where HyperFormula checks them.
    const copied = Array.from(contents, (line) => Array.from(line));
    this.sheet.spreadsheet.registerNamesIn(copied);
    this.sheet.version++;
    this.book.change(() => hf.setCellContents({ sheet, col: this.col - 1, row: this.row - 1 }, copied));
    this.sheet.patchColumns(this.row - 1, this.col - 1, this.numRows, this.numCols);
  }

  getFormulas(): string[][] {
    const hf = this.book.hf;
    const sheet = this.sheet.hfId;
    return this.each((row, col) => hf.getCellFormula({ sheet, col, row }) ?? '');
  }
  getFormula(): string {
    return this.getFormulas()[0]?.[0] ?? '';
  }
  setFormulas(formulas: string[][]): this {
    this.checkShape(formulas, 'formulas');
    this.write(formulas.map((line) => line.map((formula) => (formula === '' ? null : formula))));
    return this;
  }
  setFormula(formula: string): this {
    return this.setFormulas(this.each(() => formula));
  }

  getNumberFormats(): string[][] {
    return this.each((row, col) => this.sheet.numberFormats.get(row, col) ?? 'General');
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0]?.[0] ?? 'General';
  }
  setNumberFormat(format: string): this {
    this.each((row, col) => this.sheet.numberFormats.set(row, col, format));
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.checkShape(formats, 'number formats');
    this.each((row, col) => this.sheet.numberFormats.set(row, col, formats[row - this.row + 1]?.[col - this.col + 1]));
    return this;
  }

  getBackgrounds(): string[][] {
    return this.each((row, col) => this.sheet.backgrounds.get(row, col) ?? WHITE);
  }
  getBackground(): string {
    return this.getBackgrounds()[0]?.[0] ?? WHITE;
  }
  setBackground(color: string | null): this {
    this.each((row, col) => this.sheet.backgrounds.set(row, col, color ?? undefined));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.checkShape(colors, 'colors');
    this.each((row, col) =>
      this.sheet.backgrounds.set(row, col, colors[row - this.row + 1]?.[col - this.col + 1] ?? undefined),
    );
    return this;
  }

  getFontWeights(): string[][] {
    return this.each((row, col) => this.sheet.fontWeights.get(row, col) ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    this.each((row, col) => this.sheet.fontWeights.set(row, col, weight ?? undefined));
    return this;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.each((row, col) => this.sheet.validations.get(row, col) ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0]?.[0] ?? null;
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this.each((row, col) => this.sheet.validations.set(row, col, rule ?? undefined));
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.checkShape(rules, 'data validations');
    this.each((row, col) =>
      this.sheet.validations.set(row, col, rules[row - this.row + 1]?.[col - this.col + 1] ?? undefined),
    );
    return this;
  }
  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  clearContent(): this {
    this.write(this.each(() => null));
    return this;
  }
  clearFormat(): this {
    this.each((row, col) => {
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
