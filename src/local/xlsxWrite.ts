/**
 * The playground's workbook on disk, written: the emulator's spreadsheet into
 * the ExcelJS workbook the file was read into (or a new one), changing only
 * what differs, so what the emulator does not model (comments, merges, links,
 * widths, filters, protection, hidden sheets, fonts, borders) stays as the file
 * had it. Written: values, formulas with their last results (a spilled one as
 * an array formula over its spill; one whose result is blank too), number
 * formats and drop-down lists (of empty rows too), backgrounds, bold, frozen
 * and hidden rows, named ranges, and the playground's own settings.
 */
import ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import { columnLetters } from './a1';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeDataValidation } from './validation';
import {
  backgroundOf,
  cellIndex,
  contentOf,
  eachCell,
  META_PREFIX,
  PLAYGROUND,
  rulesOf,
  toArgb,
  type WorkbookMeta,
} from './xlsx';
import { emulatorRule, excelRule } from './xlsxRules';

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const isEmpty = (value: unknown) => value === null || value === undefined;

/** A date typed without a format (HyperFormula recognised it) keeps a date format in the file. */
function dateFormatOf(sheet: FakeSheet, row: number, col: number, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  const type = String(sheet.spreadsheet.book.hf.getCellValueDetailedType({ sheet: sheet.hfId, col, row }));
  if (type === 'NUMBER_DATE') return 'yyyy-mm-dd';
  if (type === 'NUMBER_DATETIME') return 'yyyy-mm-dd hh:mm:ss';
  return undefined;
}

/** An emulator value as ExcelJS writes it. */
function excelValue(value: unknown): ExcelJS.CellValue {
  return value instanceof DetailedCellError
    ? { error: value.value as ExcelJS.ErrorValue }
    : (value as ExcelJS.CellValue);
}

/** True when the file's value (or cached result) already says what the emulator holds. */
function sameValue(file: unknown, value: unknown): boolean {
  if (value instanceof DetailedCellError) return (file as { error?: string } | undefined)?.error === value.value;
  if (typeof value === 'number' && typeof file === 'number') return Math.abs(file - value) < 1e-9;
  return file === value || (isEmpty(file) && (isEmpty(value) || value === ''));
}

/** A file cell's value as the emulator read it (text as shown); a formula is never equal to a plain value. */
function plainValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) return FORMULA;
  const content = contentOf(cell);
  return typeof content === 'string' ? content.slice(1) : content;
}
const FORMULA = Symbol('formula');

/** Breaks the merge a cell is part of (the emulator wrote into one of its hidden cells). */
function unmerge(worksheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const merges = (worksheet as unknown as { _merges: Record<string, { range: string }> })._merges;
  const merge = merges[cell.master.address];
  if (merge) worksheet.unMergeCells(merge.range);
}

/** Values and formulas: the file's cells the emulator emptied are cleared, the ones it changed are written. */
function syncValues(sheet: FakeSheet, worksheet: ExcelJS.Worksheet, style: (row: number, col: number) => void): void {
  const book = sheet.spreadsheet.book;
  const values = book.hf.getSheetValues(sheet.hfId);
  const formulas = book.hf.getSheetFormulas(sheet.hfId);
  eachCell(worksheet, (cell, row, col) => {
    if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) return;
    if (isEmpty(values[row]?.[col]) && !formulas[row]?.[col]) cell.value = null;
  });
  // HyperFormula leaves out the empty cells at the end of each row, a formula's blank result too: walk both.
  for (let row = 0; row < Math.max(values.length, formulas.length); row++) {
    const width = Math.max(values[row]?.length ?? 0, formulas[row]?.length ?? 0);
    for (let col = 0; col < width; col++) {
      const value = values[row]?.[col];
      const formula = formulas[row]?.[col];
      if (isEmpty(value) && !formula) continue;
      style(row, col);
      let cell = worksheet.findCell(row + 1, col + 1);
      if (cell?.type === ExcelJS.ValueType.Merge) unmerge(worksheet, cell);
      if (!formula) {
        if (!cell || !sameValue(plainValue(cell), value)) worksheet.getCell(row + 1, col + 1).value = excelValue(value);
        continue;
      }
      const size = book.spillSizes.get(`${sheet.hfId}:${col}:${row}`);
      const ref =
        size && (size.width > 1 || size.height > 1)
          ? `${columnLetters(col)}${row + 1}:${columnLetters(col + size.width - 1)}${row + size.height}`
          : undefined;
      const text = formula.slice(1);
      const result = excelValue(value);
      if (
        cell?.type === ExcelJS.ValueType.Formula &&
        cell.formula === text &&
        (cell.model as { ref?: string }).ref === ref
      ) {
        // The same formula: its result is brought up to date, unless the emulator cannot compute it.
        if (value instanceof DetailedCellError || sameValue(cell.result, value)) continue;
      }
      cell = worksheet.getCell(row + 1, col + 1);
      cell.value = (
        ref ? { formula: text, result, shareType: 'array', ref } : { formula: text, result }
      ) as ExcelJS.CellFormulaValue;
    }
  }
}

/** Number formats, backgrounds and bold where the emulator and the file differ; a new style object each time (ExcelJS shares them). */
function styler(sheet: FakeSheet, worksheet: ExcelJS.Worksheet): (row: number, col: number) => void {
  const seen = new Set<number>();
  const hf = sheet.spreadsheet.book.hf;
  return (row, col) => {
    const key = row * 20_000 + col;
    if (seen.has(key)) return;
    seen.add(key);
    const value = hf.getCellValue({ sheet: sheet.hfId, row, col });
    const format = sheet.numberFormats.get(row, col) ?? dateFormatOf(sheet, row, col, value);
    const background = sheet.backgrounds.get(row, col);
    const bold = sheet.fontWeights.get(row, col) === 'bold';
    const cell = worksheet.findCell(row + 1, col + 1);
    const fileFormat = cell?.numFmt ?? 'General';
    const sameFormat = (format ?? 'General') === fileFormat;
    const sameBackground = background === (cell ? backgroundOf(cell) : undefined);
    const sameBold = bold === (cell?.font?.bold === true);
    if (sameFormat && sameBackground && sameBold) return;
    const target = cell ?? worksheet.getCell(row + 1, col + 1);
    const next: Partial<ExcelJS.Style> = { ...target.style };
    if (!sameFormat) next.numFmt = format as string;
    if (!sameBackground) {
      next.fill = background
        ? { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(background) } }
        : (undefined as unknown as ExcelJS.Fill);
    }
    if (!sameBold) next.font = { ...target.font, bold };
    target.style = next;
  };
}

/** Drop-down lists: the emulator's where it has them, the file's own where the emulator has no such kind or never saw the cell. */
function syncRules(sheet: FakeSheet, worksheet: ExcelJS.Worksheet): void {
  const holder = rulesOf(worksheet);
  const next: Record<string, ExcelJS.DataValidation> = {};
  const known = new Map<ExcelJS.DataValidation, boolean>();
  for (const [address, rule] of Object.entries(holder.model)) {
    if (!known.has(rule)) known.set(rule, emulatorRule(rule, sheet.spreadsheet) !== undefined);
    const [row, col] = cellIndex(address);
    if (!known.get(rule) || row >= sheet.getMaxRows() || col >= sheet.getMaxColumns()) next[address] = rule;
  }
  const written = new Map<FakeDataValidation, ExcelJS.DataValidation | undefined>();
  for (const [row, col, rule] of sheet.validations.entries()) {
    if (!written.has(rule)) written.set(rule, excelRule(rule));
    const excel = written.get(rule);
    if (excel) next[`${columnLetters(col)}${row + 1}`] = excel;
  }
  holder.model = next;
}

function syncSheet(sheet: FakeSheet, worksheet: ExcelJS.Worksheet): void {
  const frozen = (worksheet.views ?? []).find((view) => view.state === 'frozen') as { ySplit?: number } | undefined;
  if ((frozen?.ySplit ?? 0) !== sheet.frozenRows) {
    worksheet.views = sheet.frozenRows > 0 ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [];
  }
  const style = styler(sheet, worksheet);
  syncValues(sheet, worksheet, style);
  for (const attributes of [sheet.numberFormats, sheet.backgrounds, sheet.fontWeights]) {
    for (const [row, col] of attributes.entries()) style(row, col);
  }
  eachCell(worksheet, (_cell, row, col) => style(row, col));
  for (const [row] of sheet.hidden.entries()) worksheet.getRow(row + 1).hidden = true;
  worksheet.eachRow((line, rowNumber) => {
    if (line.hidden && !sheet.isRowHiddenByUser(rowNumber)) line.hidden = false;
  });
  syncRules(sheet, worksheet);
}

/**
 * Brings `book` up to the emulator's spreadsheet: its sheets (in the
 * emulator's order; a sheet the emulator no longer has is removed), cells,
 * styles, rules, named ranges and the playground's settings.
 */
export function syncBook(spreadsheet: FakeSpreadsheet, book: ExcelJS.Workbook, meta: WorkbookMeta): void {
  const wanted = new Set(spreadsheet.sheets.map((sheet) => sheet.name));
  for (const worksheet of [...book.worksheets]) if (!wanted.has(worksheet.name)) book.removeWorksheet(worksheet.id);
  spreadsheet.sheets.forEach((sheet, index) => {
    const worksheet = book.getWorksheet(sheet.name) ?? book.addWorksheet(sheet.name);
    (worksheet as unknown as { orderNo: number }).orderNo = index;
    syncSheet(sheet, worksheet);
  });
  const names = Object.fromEntries(
    [...spreadsheet.namedRanges].map(([name, range]) => [
      name,
      `${quoteSheet(range.sheet.name)}!${range.getA1Notation()}`,
    ]),
  );
  // Other programs get a bounded range; the description keeps whole columns for the next start.
  const bounded = [...spreadsheet.namedRanges].map(([name, range]) => {
    const start = `$${columnLetters(range.getColumn() - 1)}$${range.getRow()}`;
    const end = `$${columnLetters(range.getLastColumn() - 1)}$${range.getLastRow()}`;
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    return { name, ranges: [`${quoteSheet(range.sheet.name)}!${single ? start : `${start}:${end}`}`] };
  });
  const others = (book.definedNames.model as { name: string; ranges: string[] }[]).filter(
    (entry) => !spreadsheet.namedRanges.has(entry.name),
  );
  book.definedNames.model = [...others, ...bounded];
  book.description = `${META_PREFIX}${JSON.stringify({ ...meta, names })}`;
  book.lastModifiedBy = PLAYGROUND;
  if (!book.creator) book.creator = PLAYGROUND;
}

/** The workbook as the bytes of an `.xlsx` file. */
export async function workbookBytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
