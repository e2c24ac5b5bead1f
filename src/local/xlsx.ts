/**
 * The playground's workbook on disk: the emulator's spreadsheet saved to and
 * read from an `.xlsx` file with ExcelJS, so work survives a restart and opens
 * in any spreadsheet program. Kept: values (dates as dates), formulas with their
 * last results (a spilled formula as an array formula over its spill), number
 * formats, backgrounds, bold, frozen rows and named ranges. Not kept: data
 * validation (setup adds the dropdowns again), triggers, properties.
 *
 * Reading never changes the file; a file that is not a workbook is refused with
 * a message that says so. Saving writes a temporary file beside the target and
 * renames it over, so a crash never leaves half a workbook.
 */
import { renameSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DetailedCellError, type RawCellContent } from 'hyperformula';
import { columnLetters, type FakeSheet, type FakeSpreadsheet, parseA1 } from './spreadsheet';

const MS_PER_DAY = 86_400_000;
const SERIAL_OF_EPOCH = 25_569;
/** How this file marks the settings it keeps in the workbook's description. */
const META_PREFIX = 'Activity Quota playground ';

/** What the playground keeps besides the cells. */
export interface WorkbookMeta {
  timeZone: string;
  locale: string;
  /** Days the playground clock runs ahead of the real one ("Next day"). */
  dayOffset: number;
}

export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
}

/** `#RRGGBB` → ExcelJS's `FFRRGGBB`, and back. */
const toArgb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;
const fromArgb = (argb: string | undefined) =>
  argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : undefined;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Writes the spreadsheet to `path` (atomically). */
export async function saveWorkbook(spreadsheet: FakeSpreadsheet, path: string, meta: WorkbookMeta): Promise<void> {
  const book = spreadsheet.book;
  const hf = book.hf;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Activity Quota playground';
  const names = Object.fromEntries(
    [...spreadsheet.namedRanges].map(([name, range]) => [
      name,
      `${quoteSheet(range.sheet.name)}!${range.getA1Notation()}`,
    ]),
  );
  workbook.description = `${META_PREFIX}${JSON.stringify({ ...meta, names })}`;
  for (const sheet of spreadsheet.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: sheet.frozenRows > 0 ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
    });
    const id = sheet.hfId;
    const values = hf.getSheetValues(id);
    const formulas = hf.getSheetFormulas(id);
    const spills = new Map<string, { width: number; height: number }>();
    for (const [key, size] of book.spillSizes) {
      const [sheetId, col, row] = key.split(':').map(Number);
      if (sheetId === id) spills.set(`${row}:${col}`, size);
    }
    values.forEach((line, row) => {
      line.forEach((value, col) => {
        if (value === null || value === undefined) return;
        const cell = worksheet.getCell(row + 1, col + 1);
        const result = value instanceof DetailedCellError ? { error: value.value } : value;
        const formula = formulas[row]?.[col];
        if (formula) {
          const spill = spills.get(`${row}:${col}`);
          const ref =
            spill && (spill.width > 1 || spill.height > 1)
              ? `${columnLetters(col)}${row + 1}:${columnLetters(col + spill.width - 1)}${row + spill.height}`
              : undefined;
          cell.value = ref
            ? ({ formula: formula.slice(1), result, shareType: 'array', ref } as ExcelJS.CellFormulaValue)
            : ({ formula: formula.slice(1), result } as ExcelJS.CellFormulaValue);
        } else {
          cell.value = result as ExcelJS.CellValue;
        }
        const format = sheet.numberFormats.get(row, col) ?? dateFormatOf(sheet, row, col, value);
        if (format && format !== 'General') cell.numFmt = format;
      });
    });
    for (const [row, col, color] of sheet.backgrounds.entries()) {
      worksheet.getCell(row + 1, col + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: toArgb(color) },
      };
    }
    for (const [row, col, weight] of sheet.fontWeights.entries()) {
      if (weight === 'bold') worksheet.getCell(row + 1, col + 1).font = { bold: true };
    }
    for (const [row, col, format] of sheet.numberFormats.entries()) {
      if (values[row]?.[col] === null || values[row]?.[col] === undefined) {
        worksheet.getCell(row + 1, col + 1).numFmt = format;
      }
    }
  }
  for (const [name, range] of spreadsheet.namedRanges) {
    // Other programs get a bounded range; this file's own description keeps the whole columns.
    const end = `$${columnLetters(range.getLastColumn() - 1)}$${range.getLastRow()}`;
    const start = `$${columnLetters(range.getColumn() - 1)}$${range.getRow()}`;
    const location = range.getNumRows() === 1 && range.getNumColumns() === 1 ? start : `${start}:${end}`;
    workbook.definedNames.add(`${quoteSheet(range.sheet.name)}!${location}`, name);
  }
  const temporary = `${path}.saving-${process.pid}`;
  try {
    await workbook.xlsx.writeFile(temporary);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** A date typed without a format (HyperFormula recognised it) keeps a date format in the file. */
function dateFormatOf(sheet: FakeSheet, row: number, col: number, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  const type = String(sheet.spreadsheet.book.hf.getCellValueDetailedType({ sheet: sheet.hfId, col, row }));
  if (type === 'NUMBER_DATE') return 'yyyy-mm-dd';
  if (type === 'NUMBER_DATETIME') return 'yyyy-mm-dd hh:mm:ss';
  return undefined;
}

/** Reads an `.xlsx` file's workbook, or says plainly why it cannot. */
async function readFile(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const why = (error as { code?: string }).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new WorkbookFileError(
      `${path} could not be opened as an .xlsx workbook (${why}). It was left exactly as it was; pass another file with --workbook, or a new name to start afresh.`,
    );
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookFileError(
      `${path} has no sheets. It was left exactly as it was; pass another file with --workbook.`,
    );
  }
  return workbook;
}

/** What a cell of the file holds, as HyperFormula takes it; text always stays text. */
function contentOf(cell: ExcelJS.Cell): RawCellContent {
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
      return value as number | boolean;
    case ExcelJS.ValueType.Date:
      return (value as Date).getTime() / MS_PER_DAY + SERIAL_OF_EPOCH;
    case ExcelJS.ValueType.Formula:
      return `=${cell.formula}`;
    case ExcelJS.ValueType.Error:
      return `'${(value as ExcelJS.CellErrorValue).error}`;
    default:
      return `'${cell.text}`;
  }
}

/**
 * Reads `path` into an empty spreadsheet: sheets, cells, formats, colours,
 * frozen rows and named ranges. Returns what the playground kept in it, if the
 * file is one of its own.
 */
export async function loadWorkbook(spreadsheet: FakeSpreadsheet, path: string): Promise<Partial<WorkbookMeta>> {
  const workbook = await readFile(path);
  const description = workbook.description ?? '';
  const meta = description.startsWith(META_PREFIX)
    ? (JSON.parse(description.slice(META_PREFIX.length)) as Partial<WorkbookMeta> & { names?: Record<string, string> })
    : {};
  if (meta.timeZone) spreadsheet.setSpreadsheetTimeZone(meta.timeZone);
  if (meta.locale) spreadsheet.setSpreadsheetLocale(meta.locale);
  for (const worksheet of workbook.worksheets) {
    const sheet = spreadsheet.insertSheet(worksheet.name);
    const frozen = (worksheet.views ?? []).find((view) => view.state === 'frozen') as { ySplit?: number } | undefined;
    if (frozen?.ySplit) sheet.setFrozenRows(frozen.ySplit);
    const height = worksheet.rowCount;
    const width = worksheet.columnCount;
    if (height === 0 || width === 0) continue;
    const contents: RawCellContent[][] = Array.from({ length: height }, () => new Array(width).fill(null));
    const insideArrays: { top: number; left: number; bottom: number; right: number }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (line, rowNumber) => {
      line.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const row = rowNumber - 1;
        const col = colNumber - 1;
        const model = cell.model as { shareType?: string; ref?: string };
        if (model.shareType === 'array' && model.ref) {
          const area = parseA1(model.ref, height);
          insideArrays.push({
            top: area.row - 1,
            left: area.col - 1,
            bottom: area.row + area.numRows - 2,
            right: area.col + area.numCols - 2,
          });
        }
        (contents[row] as RawCellContent[])[col] = contentOf(cell);
        if (cell.numFmt && cell.numFmt !== 'General') sheet.numberFormats.set(row, col, cell.numFmt);
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        const color = fromArgb(fill?.fgColor?.argb);
        if (color && color !== '#ffffff') sheet.backgrounds.set(row, col, color);
        if (cell.font?.bold) sheet.fontWeights.set(row, col, 'bold');
      });
    });
    // A spilled formula's other cells hold its last results; the formula fills them again.
    for (const area of insideArrays) {
      for (let row = area.top; row <= area.bottom; row++) {
        for (let col = area.left; col <= area.right; col++) {
          if (row !== area.top || col !== area.left) (contents[row] as RawCellContent[])[col] = null;
        }
      }
    }
    sheet.ensureSize(height, width).getRange(1, 1, height, width).setRawContents(contents);
  }
  const names =
    meta.names ??
    Object.fromEntries(
      (workbook.definedNames.model as { name: string; ranges: string[] }[])
        .filter((entry) => entry.ranges.length === 1)
        .map((entry) => [entry.name, entry.ranges[0] as string]),
    );
  for (const [name, location] of Object.entries(names)) {
    try {
      spreadsheet.setNamedRange(name, spreadsheet.getRange(location.replace(/\$/g, '')));
    } catch {
      // A name pointing at a sheet that is gone is dropped, as Sheets shows #REF! for it.
    }
  }
  spreadsheet.registerNamesUsed();
  return { timeZone: meta.timeZone, locale: meta.locale, dayOffset: meta.dayOffset };
}
