/**
 * A look inside an `.xlsx` before ExcelJS reads it (src/local/zip.ts): how far
 * each sheet's cells reach, so that a sheet too big for the playground is
 * refused with a message instead of running out of memory, and what the file
 * holds that the playground cannot write back (ExcelJS drops it), so the user
 * is told at start, before anything is written.
 *
 * Limits: the playground keeps every cell in memory twice (the emulator's and
 * the file's), so it stops well below Sheets' 10 million cells.
 */
import { columnLetters } from './a1';
import { type ZipEntry, ZipError, zipEntries, zipStream, zipText } from './zip';

export const LIMITS = {
  /** Rows of one sheet (a log of 200,000 entries is the most the add-on is measured with). */
  rows: 200_000,
  /** Columns of one sheet: Sheets' own limit (ZZZ). */
  columns: 18_278,
  /** Cells of the whole workbook, counted as each sheet's rows × columns. */
  cells: 2_000_000,
  /** Cells with drop-down lists or other validation: ExcelJS keeps one entry per cell (a whole column is 1,048,576). */
  validationCells: 1_000_000,
  /** Bytes of one part of the file once inflated. */
  partBytes: 512 * 1024 * 1024,
} as const;

/** A workbook file the playground will not open or write; the message says why and what to do. */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
}

export interface SheetScan {
  name: string;
  /** The last row and column holding a cell (1-based; 0 for an empty sheet). */
  rows: number;
  columns: number;
}

export interface WorkbookScan {
  sheets: SheetScan[];
  /** What the file holds that the playground's writes leave out, in words, with counts. */
  cannotKeep: string[];
  /** Drop-down lists cover more cells than the playground holds: they are not read. */
  skipValidations: boolean;
  /** The workbook's defined names (Excel's own `_xlnm.` ones left out). */
  names: string[];
}

const count = (n: number) => n.toLocaleString('en-US');

/** Parts whose presence means something ExcelJS does not write back. */
const LOST_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\/chart[^/]*\.xml$/, 'charts'],
  [/^xl\/pivotTables\/[^/]+\.xml$/, 'pivot tables'],
  [/^xl\/threadedComments\/[^/]+\.xml$/, 'threaded comments (each stays as a plain note, without its replies)'],
  [/^xl\/externalLinks\/[^/]+\.xml$/, 'links to other workbooks'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/(slicers|timelines)\/[^/]+\.xml$/, 'slicers and timelines'],
  [/^xl\/(ctrlProps|activeX|embeddings)\/[^/]+$/, 'form controls and embedded objects'],
  [/^xl\/(connections|queryTables\/[^/]+)\.xml$/, 'data connections and queries'],
  [/^xl\/richData\/[^/]+\.xml$/, 'pictures in cells and linked data types'],
  [/^docProps\/custom\.xml$/, 'custom document properties'],
];

/** Elements of a sheet (or workbook) ExcelJS leaves out when it writes. */
const LOST_ELEMENTS: readonly [RegExp, string][] = [
  [/<x14:dataValidation\b/g, 'drop-down lists in the Excel 2010 form (those pointing at another sheet)'],
  [/<x14:sparklineGroup\b/g, 'sparklines'],
  [/<(?:\w+:)?customSheetView\b/g, 'custom views'],
  [/<(?:\w+:)?scenario\b/g, 'scenarios'],
  [/<(?:\w+:)?protectedRange\b/g, 'protected ranges'],
  [/<(?:\w+:)?workbookProtection\b/g, 'workbook protection (of the sheet structure)'],
];
const SHAPE = /<xdr:(sp|cxnSp)\b/g;

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => XML_ENTITIES[name] ?? '');
}
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1] as string) : undefined;
}

/** `B12` → [12, 2]; a column-less or row-less reference gives 0 for the part it lacks. */
function cellOf(ref: string): [number, number] {
  const match = /^\$?([A-Z]*)\$?(\d*)$/i.exec(ref) ?? [];
  let col = 0;
  for (const char of (match[1] ?? '').toUpperCase()) col = col * 26 + char.charCodeAt(0) - 64;
  return [Number(match[2] || 0), col];
}

/** The number of cells an `sqref` / `ref` list covers (`A1:B2 D4`), whole columns counting every row. */
function areaOf(sqref: string): number {
  let total = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    const [from = '', to = from] = part.split(':');
    const [r1, c1] = cellOf(from);
    const [r2, c2] = cellOf(to);
    const rows = r1 && r2 ? Math.abs(r2 - r1) + 1 : 1_048_576;
    const cols = c1 && c2 ? Math.abs(c2 - c1) + 1 : 16_384;
    total += rows * cols;
  }
  return total;
}

interface SheetPart {
  name: string;
  rows: number;
  columns: number;
  farthest: { row: number; col: number };
  validationArea: number;
  mergeArea: number;
  found: Map<string, number>;
}

/** Streams one sheet's XML, following cells (`<c r="…">`, or without `r`, the next one) and counting what matters. */
async function scanSheet(bytes: Buffer, entry: ZipEntry, name: string): Promise<SheetPart> {
  const part: SheetPart = {
    name,
    rows: 0,
    columns: 0,
    farthest: { row: 0, col: 0 },
    validationArea: 0,
    mergeArea: 0,
    found: new Map(),
  };
  let row = 0;
  let col = 0;
  let rest = '';
  const tags = /<(?:\w+:)?(row|c|dataValidation|mergeCell)\b([^>]*)>/g;
  await zipStream(bytes, entry, LIMITS.partBytes, (chunk) => {
    const text = rest + chunk.toString('latin1');
    const cut = text.lastIndexOf('<');
    const whole = cut > 0 ? text.slice(0, cut) : text;
    rest = cut > 0 ? text.slice(cut) : '';
    for (const [pattern, what] of LOST_ELEMENTS) {
      const n = whole.match(pattern)?.length ?? 0;
      if (n) part.found.set(what, (part.found.get(what) ?? 0) + n);
    }
    for (const match of whole.matchAll(tags)) {
      const [, tag, attributes = ''] = match;
      const ref = attribute(attributes, 'r') ?? attribute(attributes, 'sqref') ?? attribute(attributes, 'ref');
      if (tag === 'row') {
        row = ref ? Number(ref) : row + 1;
        col = 0;
      } else if (tag === 'c') {
        const [r, c] = ref ? cellOf(ref) : [row, col + 1];
        row = r || row;
        col = c || col + 1;
        if (row > part.rows) part.rows = row;
        if (col > part.columns) part.columns = col;
        if (row * 100_000 + col > part.farthest.row * 100_000 + part.farthest.col) part.farthest = { row, col };
      } else if (ref && tag === 'dataValidation') {
        part.validationArea += areaOf(ref);
      } else if (ref) {
        part.mergeArea += areaOf(ref);
      }
    }
  });
  return part;
}

function refuse(file: string, why: string): never {
  throw new WorkbookFileError(`${file} is too big for the playground: ${why}. It was left exactly as it was.`);
}

/** Throws a WorkbookFileError naming the sheet and cell when the workbook passes a limit. */
function checkLimits(file: string, sheets: readonly SheetPart[]): void {
  let cells = 0;
  for (const sheet of sheets) {
    const far = `${columnLetters(sheet.farthest.col - 1)}${sheet.farthest.row}`;
    if (sheet.rows > LIMITS.rows) {
      refuse(
        file,
        `sheet "${sheet.name}" has cells down to row ${count(sheet.rows)} (as far as ${far}), and the playground opens at most ${count(LIMITS.rows)} rows per sheet`,
      );
    }
    if (sheet.columns > LIMITS.columns) {
      refuse(
        file,
        `sheet "${sheet.name}" has cells out to column ${count(sheet.columns)} (as far as ${far}), and the playground opens at most ${count(LIMITS.columns)} columns per sheet`,
      );
    }
    if (sheet.mergeArea > LIMITS.cells) {
      refuse(file, `sheet "${sheet.name}" merges ${count(sheet.mergeArea)} cells`);
    }
    cells += sheet.rows * sheet.columns;
  }
  if (cells > LIMITS.cells) {
    refuse(
      file,
      `its sheets span ${count(cells)} cells (rows × columns of each sheet's data), and the playground opens at most ${count(LIMITS.cells)}; Sheets itself stops at 10,000,000`,
    );
  }
}

/** The sheets in the workbook's order, each with the path of its part. */
async function sheetParts(bytes: Buffer, entries: ZipEntry[]): Promise<{ name: string; path: string }[]> {
  const find = (name: string) => entries.find((entry) => entry.name === name);
  const book = find('xl/workbook.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new ZipError('it is a ZIP archive but not a workbook (no xl/workbook.xml)');
  const targets = new Map<string, string>();
  for (const [tag] of (await zipText(bytes, rels, LIMITS.partBytes)).matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attribute(tag, 'Target') ?? '';
    targets.set(attribute(tag, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const [tag] of (await zipText(bytes, book, LIMITS.partBytes)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\s(?:\w+:)?id="([^"]*)"/.exec(tag)?.[1] ?? '';
    sheets.push({ name: attribute(tag, 'name') ?? '', path: targets.get(id) ?? '' });
  }
  return sheets;
}

/**
 * Scans the file's bytes; throws a ZipError when it is not a workbook, a
 * WorkbookFileError when it passes a limit.
 */
export async function scanWorkbook(bytes: Buffer, file: string): Promise<WorkbookScan> {
  const entries = zipEntries(bytes);
  const found = new Map<string, number>();
  const add = (what: string, n = 1) => found.set(what, (found.get(what) ?? 0) + n);
  const scanned: SheetPart[] = [];
  const names: string[] = [];
  for (const sheet of await sheetParts(bytes, entries)) {
    const entry = entries.find((candidate) => candidate.name === sheet.path);
    if (entry) scanned.push(await scanSheet(bytes, entry, sheet.name));
  }
  checkLimits(file, scanned);
  for (const sheet of scanned) for (const [what, n] of sheet.found) add(what, n);
  for (const entry of entries) {
    for (const [pattern, what] of LOST_PARTS) if (pattern.test(entry.name)) add(what);
    if (/^xl\/drawings\/drawing[^/]*\.xml$/.test(entry.name)) {
      const shapes = (await zipText(bytes, entry, LIMITS.partBytes)).match(SHAPE)?.length ?? 0;
      if (shapes) add('shapes and text boxes', shapes);
    }
    if (entry.name === 'xl/workbook.xml') {
      const text = await zipText(bytes, entry, LIMITS.partBytes);
      for (const [pattern, what] of LOST_ELEMENTS) add(what, text.match(pattern)?.length ?? 0);
      for (const [tag] of text.matchAll(/<(?:\w+:)?definedName\b[^>]*>/g)) names.push(attribute(tag, 'name') ?? '');
    }
  }
  const skipValidations = scanned.reduce((sum, sheet) => sum + sheet.validationArea, 0) > LIMITS.validationCells;
  if (skipValidations) add('drop-down lists over whole columns (more cells than the playground holds)');
  return {
    sheets: scanned.map(({ name, rows, columns }) => ({ name, rows, columns })),
    cannotKeep: [...found].filter(([, n]) => n > 0).map(([what, n]) => `${what} (${count(n)})`),
    skipValidations,
    names: names.filter((name) => name && !name.startsWith('_xlnm.')),
  };
}
