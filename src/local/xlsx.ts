/**
 * The playground's workbook on disk, read: an `.xlsx` file (ExcelJS) into the
 * emulator's spreadsheet, so work survives a restart and a team's own export
 * can be tried. Read: values (dates as dates), formulas (a spilled one as an
 * array formula over its spill), number formats and drop-down lists (of empty
 * rows too), backgrounds, bold, frozen and hidden rows, named ranges. The
 * ExcelJS workbook is kept: writing it back (xlsxWrite.ts) changes only what
 * the emulator changed, so comments, merges, links, widths, filters,
 * protection and hidden sheets stay. What ExcelJS cannot write back is found
 * first (xlsxScan.ts) and listed to the user.
 *
 * Reading never changes the file; a file that is not a workbook, or is too big,
 * is refused with a message that says so.
 */
import ExcelJS from 'exceljs';
import type { RawCellContent } from 'hyperformula';
import { MS_PER_DAY, SERIAL_OF_EPOCH } from '../core/day';
import { isKnownTimeZone } from '../core/zoneOffset';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeDataValidation } from './validation';
import { emulatorRule } from './xlsxRules';
import { scanWorkbook, WorkbookFileError } from './xlsxScan';
import { ZipError } from './zip';

export { LIMITS, WorkbookFileError } from './xlsxScan';

/** Who the playground says wrote the file, and how it marks its settings in the workbook's description. */
export const PLAYGROUND = 'Activity Quota playground';
export const META_PREFIX = `${PLAYGROUND} `;

/** What the playground keeps besides the cells. */
export interface WorkbookMeta {
  timeZone: string;
  locale: string;
  /** Days the playground clock runs ahead of the real one ("Next day"). */
  dayOffset: number;
}

export interface ReadWorkbook {
  book: ExcelJS.Workbook;
  /** The playground wrote it last (its mark is in it, and no other program saved it since). */
  own: boolean;
  /** What the file holds that writing it back would lose, in words. */
  cannotKeep: string[];
  meta: Partial<WorkbookMeta> & { names?: Record<string, string> };
}

/** `#RRGGBB` → ExcelJS's `FFRRGGBB`, and back. */
export const toArgb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;
export const fromArgb = (argb: string | undefined) =>
  argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : undefined;

/** A cell's background as the emulator keeps it: a solid colour other than white. */
export function backgroundOf(cell: ExcelJS.Cell): string | undefined {
  const color = fromArgb((cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb);
  return color === '#ffffff' ? undefined : color;
}

/** Throws unless `zone` is a time zone Sheets and this machine know (`Asia/Seoul`). */
export function checkTimeZone(zone: string, where: string): void {
  if (!isKnownTimeZone(zone)) {
    throw new WorkbookFileError(
      `${where}: "${zone}" is not a time zone. Give one as Sheets names them, such as Europe/Copenhagen or Asia/Seoul. Nothing was changed.`,
    );
  }
}

function notAWorkbook(file: string, why: string): WorkbookFileError {
  return new WorkbookFileError(
    `${file} could not be opened as an .xlsx workbook (${why}). It was left exactly as it was; pass another file with --workbook, or a new name to start afresh.`,
  );
}

/** Reads a workbook file's bytes (first looking inside for what is too big or cannot be kept), or says plainly why it cannot. */
export async function readWorkbook(bytes: Buffer, file: string): Promise<ReadWorkbook> {
  let scan: Awaited<ReturnType<typeof scanWorkbook>>;
  try {
    scan = await scanWorkbook(bytes, file);
  } catch (error) {
    if (error instanceof ZipError) throw notAWorkbook(file, error.message);
    throw error;
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(
      bytes as unknown as ExcelJS.Buffer,
      { ignoreNodes: scan.skipValidations ? ['dataValidations'] : [] } as never,
    );
  } catch (error) {
    throw notAWorkbook(file, (error as Error).message);
  }
  if (book.worksheets.length === 0) {
    throw new WorkbookFileError(
      `${file} has no sheets. It was left exactly as it was; pass another file with --workbook.`,
    );
  }
  const kept = new Set((book.definedNames.model as { name: string }[]).map((entry) => entry.name));
  const lostNames = scan.names.filter((name) => !kept.has(name));
  const cannotKeep = [...scan.cannotKeep];
  if (lostNames.length)
    cannotKeep.push(`named ranges over whole rows or columns, or holding formulas (${lostNames.join(', ')})`);
  const description = book.description ?? '';
  let meta: ReadWorkbook['meta'] = {};
  if (description.startsWith(META_PREFIX)) {
    try {
      meta = JSON.parse(description.slice(META_PREFIX.length));
    } catch {
      meta = {};
    }
  }
  if (typeof meta !== 'object' || meta === null) meta = {};
  if (!Number.isInteger(meta.dayOffset)) delete meta.dayOffset;
  if (typeof meta.locale !== 'string') delete meta.locale;
  if (meta.timeZone !== undefined) checkTimeZone(String(meta.timeZone), `${file} (the time zone kept in it)`);
  const own = description.startsWith(META_PREFIX) && book.lastModifiedBy === PLAYGROUND;
  return { book, own, cannotKeep, meta };
}

/** What a cell of the file holds, as HyperFormula takes it; text always stays text. */
export function contentOf(cell: ExcelJS.Cell): RawCellContent {
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
 * Every cell ExcelJS holds (0-based row and column), empty ones with a style
 * included: the public `eachRow` skips rows with no value, and with them the
 * formats of empty rows.
 */
export function eachCell(
  worksheet: ExcelJS.Worksheet,
  visit: (cell: ExcelJS.Cell, row: number, col: number) => void,
): void {
  const rows = (worksheet as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  rows.forEach((line, row) => {
    const cells = (line as unknown as { _cells?: (ExcelJS.Cell | undefined)[] } | undefined)?._cells ?? [];
    cells.forEach((cell, col) => {
      if (cell) visit(cell, row, col);
    });
  });
}

/** True when a cell of the file carries something the emulator keeps: a value, a format, a colour, bold. */
function matters(cell: ExcelJS.Cell): boolean {
  return (
    (cell.type !== ExcelJS.ValueType.Null && cell.type !== ExcelJS.ValueType.Merge) ||
    (cell.numFmt !== undefined && cell.numFmt !== 'General') ||
    backgroundOf(cell) !== undefined ||
    cell.font?.bold === true
  );
}

/** `B12` → 0-based [11, 1]. */
export function cellIndex(address: string): [number, number] {
  const [, letters = '', digits = '0'] = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address) ?? [];
  let col = 0;
  for (const char of letters.toUpperCase()) col = col * 26 + char.charCodeAt(0) - 64;
  return [Number(digits) - 1, col - 1];
}

/** Reads one worksheet's cells, formats, colours, bold, frozen and hidden rows into a new sheet. */
function loadSheet(spreadsheet: FakeSpreadsheet, worksheet: ExcelJS.Worksheet): void {
  const sheet = spreadsheet.insertSheet(worksheet.name);
  const frozen = (worksheet.views ?? []).find((view) => view.state === 'frozen') as { ySplit?: number } | undefined;
  if (frozen?.ySplit) sheet.setFrozenRows(frozen.ySplit);
  let height = 0;
  let width = 0;
  eachCell(worksheet, (cell, row, col) => {
    if (!matters(cell)) return;
    height = Math.max(height, row + 1);
    width = Math.max(width, col + 1);
  });
  if (height === 0 || width === 0) return;
  const contents: RawCellContent[][] = Array.from({ length: height }, () => new Array(width).fill(null));
  const insideArrays: { top: number; left: number; bottom: number; right: number }[] = [];
  eachCell(worksheet, (cell, row, col) => {
    const model = cell.model as { shareType?: string; ref?: string };
    if (model.shareType === 'array' && model.ref) {
      const [from = '', to = from] = model.ref.split(':');
      const [top, left] = cellIndex(from);
      const [bottom, right] = cellIndex(to);
      insideArrays.push({ top, left, bottom, right });
    }
    if (row < height && col < width) (contents[row] as RawCellContent[])[col] = contentOf(cell);
    if (cell.numFmt && cell.numFmt !== 'General') sheet.numberFormats.set(row, col, cell.numFmt);
    const color = backgroundOf(cell);
    if (color) sheet.backgrounds.set(row, col, color);
    if (cell.font?.bold) sheet.fontWeights.set(row, col, 'bold');
  });
  // A spilled formula's other cells hold its last results; the formula fills them again.
  // Its area may reach past the last saved row (blank results at the end are not saved).
  for (const area of insideArrays) {
    for (let row = area.top; row <= Math.min(area.bottom, height - 1); row++) {
      const line = contents[row] as RawCellContent[];
      for (let col = area.left; col <= Math.min(area.right, width - 1); col++) {
        if (row !== area.top || col !== area.left) line[col] = null;
      }
    }
  }
  sheet.ensureSize(height, width).getRange(1, 1, height, width).setRawContents(contents);
  worksheet.eachRow((line, rowNumber) => {
    if (line.hidden && rowNumber <= sheet.getMaxRows()) sheet.hidden.set(rowNumber - 1, 0, true);
  });
}

/** A worksheet's data validations, address by address (ExcelJS's typings leave them out). */
export function rulesOf(worksheet: ExcelJS.Worksheet): { model: Record<string, ExcelJS.DataValidation> } {
  return (worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations;
}

/** Drop-down lists and other rules the emulator knows, inside each sheet's grid (after every sheet exists, for lists that point at one). */
function loadRules(spreadsheet: FakeSpreadsheet, book: ExcelJS.Workbook): void {
  const known = new Map<ExcelJS.DataValidation, FakeDataValidation | undefined>();
  for (const worksheet of book.worksheets) {
    const sheet = spreadsheet.getSheetByName(worksheet.name);
    const model = rulesOf(worksheet).model;
    if (!sheet) continue;
    for (const [address, rule] of Object.entries(model)) {
      if (!known.has(rule)) known.set(rule, emulatorRule(rule, spreadsheet));
      const [row, col] = cellIndex(address);
      const fake = known.get(rule);
      if (fake && row >= 0 && row < sheet.getMaxRows() && col >= 0 && col < sheet.getMaxColumns()) {
        sheet.validations.set(row, col, fake);
      }
    }
  }
}

/**
 * Reads a workbook into an empty spreadsheet: sheets, cells, formats, rules,
 * colours, frozen rows and named ranges, and the zone and locale the
 * playground kept in it.
 */
export function loadWorkbook(spreadsheet: FakeSpreadsheet, read: ReadWorkbook): void {
  const { book, meta } = read;
  if (meta.timeZone) spreadsheet.setSpreadsheetTimeZone(meta.timeZone);
  if (meta.locale) spreadsheet.setSpreadsheetLocale(meta.locale);
  for (const worksheet of book.worksheets) loadSheet(spreadsheet, worksheet);
  loadRules(spreadsheet, book);
  const names =
    meta.names ??
    Object.fromEntries(
      (book.definedNames.model as { name: string; ranges: string[] }[])
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
}
