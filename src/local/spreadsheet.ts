/**
 * An in-memory spreadsheet: the part of SpreadsheetApp's object model the add-on
 * uses, with HyperFormula holding the cells (so formulas, our custom functions
 * included, really compute) and side tables for what HyperFormula does not keep:
 * number formats, backgrounds, font weights, data validation, frozen rows.
 * Its sheets are sheet.ts, their ranges range.ts.
 */
import { absoluteA1 } from './a1';
import { SERVICE_NAME, unwrap } from './counter';
import type { FormulaWorkbook } from './formulas';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';

export interface SpreadsheetOptions {
  name?: string;
  id?: string;
  timeZone?: string;
  locale?: string;
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
