/**
 * A CSV log (a dialer's or CRM's export) read as the Activities sheet of a new
 * playground workbook. The header rules are SPEC §2's: columns are found by
 * header name, in any order and any of the six languages, and extra columns
 * are kept. The text may be UTF-8 (with or without a byte-order mark), UTF-16
 * or Windows-1252; fields are split by whichever of `,` `;` tab `|` the header
 * row uses (or the one Excel's `sep=;` first line names). Dates (2026-11-02,
 * 02.11.2026, 11/02/2026 …) become dates, with the order of day and month
 * taken from the column (a day past 12) or else the locale; quantities become
 * numbers (1.234,5 or 1,234.5); every other field stays text, exactly as
 * written.
 */

import { MS_PER_DAY, SERIAL_OF_EPOCH } from '../core/day';
import { type HeaderKey, headerKeyOf, langFromLocale, STRINGS } from '../core/i18n';
import { APP } from '../core/i18n/app';
import { zoneOffsetMinutes } from '../core/zoneOffset';
import type { FakeSpreadsheet } from './spreadsheet';
import { LIMITS, WorkbookFileError } from './xlsxScan';

/** The biggest CSV read (a 200,000-row log is some 20 MB). */
const MAX_BYTES = 256 * 1024 * 1024;
const NEEDED: readonly HeaderKey[] = ['date', 'rep', 'activity', 'quantity'];
const DATE_KEYS: ReadonlySet<HeaderKey | undefined> = new Set<HeaderKey | undefined>(['date', 'loggedAt']);
/** Languages that write a decimal comma. */
const DECIMAL_COMMA = new Set(['ru', 'da', 'pl']);

export interface CsvTable {
  /** The header row first. */
  rows: string[][];
  delimiter: string;
}

const count = (n: number) => n.toLocaleString('en-US');

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator the header row uses most, outside quotes. */
function delimiterOf(text: string): string {
  const line = text.slice(0, text.search(/\r|\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** RFC 4180 fields: quotes around a field, `""` for a quote inside, any line ending; blank lines left out. */
function parse(text: string, delimiter: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.some((cell) => cell !== '')) rows.push(row);
    row = [];
    if (rows.length > LIMITS.rows) {
      throw new WorkbookFileError(
        `${file} is too big for the playground: it has more than ${count(LIMITS.rows)} rows, and the playground opens at most ${count(LIMITS.rows)} per sheet. Nothing was written.`,
      );
    }
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      // A line break inside a field is a cell's line break: "\n", as Sheets keeps it.
      if (char === '\r' && text[i + 1] === '\n') continue;
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Reads a CSV log's bytes; throws a WorkbookFileError when it is too big or is not an activity log. */
export function readCsv(bytes: Buffer, file: string): CsvTable {
  if (bytes.length > MAX_BYTES) {
    throw new WorkbookFileError(`${file} is too big for the playground (more than 256 MB). Nothing was written.`);
  }
  let text = decode(bytes);
  // Excel's hint on the first line, `sep=;`, names the separator.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const delimiter = hint?.[1] ?? delimiterOf(text);
  const rows = parse(text, delimiter, file);
  const header = rows[0] ?? [];
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width > LIMITS.columns || width * rows.length > LIMITS.cells) {
    throw new WorkbookFileError(
      `${file} is too big for the playground: ${count(rows.length)} rows × ${count(width)} columns, and the playground opens at most ${count(LIMITS.columns)} columns and ${count(LIMITS.cells)} cells. Nothing was written.`,
    );
  }
  const keys = new Set(header.map((cell) => headerKeyOf(cell)));
  const missing = NEEDED.filter((key) => !keys.has(key));
  if (missing.length > 0) {
    const words = (lang: 'en' | 'da') =>
      missing
        .map((key) => STRINGS[lang].headers[key])
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1');
    throw new WorkbookFileError(
      `${file} cannot be read as an activity log: its first row has no ${words('en')} column. Columns are found by their header, in any order, in English, Malay, Russian, Danish, Polish or Korean (in Danish: ${words('da')}). Its first row is: ${header.join(' | ') || '(empty)'}. Nothing was written.`,
    );
  }
  return { rows, delimiter };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC =
  /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\.?(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AP]M)?)?$/i;

interface Moment {
  y: number;
  m: number;
  d: number;
  time: [number, number, number] | undefined;
  /** Minutes east of UTC the text named (`Z`, `+02:00`). */
  offset: number | undefined;
}

function momentOf(text: string, dayFirst: boolean): Moment | undefined {
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, h, mi, s, zone] = iso;
    const sign = zone?.startsWith('-') ? -1 : 1;
    const digits = zone && zone.toUpperCase() !== 'Z' ? zone.replace(/\D/g, '') : '';
    const offset = zone ? sign * (Number(digits.slice(0, 2) || 0) * 60 + Number(digits.slice(2) || 0)) : undefined;
    const time = h ? ([Number(h), Number(mi), Number(s ?? 0)] as [number, number, number]) : undefined;
    return { y: Number(y), m: Number(m), d: Number(d), time, offset };
  }
  const numeric = NUMERIC.exec(text);
  if (!numeric) return undefined;
  const [, a, b, year, h, mi, s, half] = numeric;
  const y = year?.length === 2 ? 2000 + Number(year) : Number(year);
  let hour = Number(h ?? 0);
  if (half) hour = (hour % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
  const time = h ? ([hour, Number(mi), Number(s ?? 0)] as [number, number, number]) : undefined;
  const [d, m] = dayFirst ? [Number(a), Number(b)] : [Number(b), Number(a)];
  return { y, m, d, time, offset: undefined };
}

/** A date (or date and time) as a serial of the spreadsheet's zone; undefined when the text is not one. */
function serialOf(text: string, dayFirst: boolean, zone: string): number | undefined {
  const moment = momentOf(text.trim(), dayFirst);
  if (!moment) return undefined;
  const { y, m, d, time = [0, 0, 0], offset } = moment;
  const [h, mi, s] = time;
  const ms = Date.UTC(y, m - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) {
    return undefined;
  }
  // A moment with an offset is that instant, read on the spreadsheet's wall clock.
  const wall =
    offset === undefined ? ms : ms - offset * 60_000 + zoneOffsetMinutes(zone, ms - offset * 60_000) * 60_000;
  return wall / MS_PER_DAY + SERIAL_OF_EPOCH;
}

/** Day before month unless the column shows otherwise (a first part past 12 means days come first). */
function dayFirstIn(values: readonly string[], locale: string): boolean {
  for (const value of values) {
    const numeric = NUMERIC.exec(value.trim());
    if (numeric && Number(numeric[1]) > 12) return true;
    if (numeric && Number(numeric[2]) > 12) return false;
  }
  return locale !== 'en_US';
}

/** A quantity as a number (`1.234,5`, `1,234.5`, `kr 250`, `$1,000`); undefined when it is not one. */
function numberOf(text: string, decimalComma: boolean): number | undefined {
  const match = /^[^\d+\-.,]{0,4}?\s*([+-]?[\d.,\s\u00a0\u202f']+?)\s*[^\d.,]{0,4}$/.exec(text.trim());
  if (!match) return undefined;
  let digits = (match[1] as string).replace(/[\s\u00a0\u202f']/g, '');
  digits = decimalComma ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits) ? Number(digits) : undefined;
}

/** Decimal comma unless the column shows otherwise (the last of '.' and ',' in a number with both is the decimal one). */
function decimalCommaIn(values: readonly string[], delimiter: string, locale: string): boolean {
  for (const value of values) {
    const dot = value.lastIndexOf('.');
    const comma = value.lastIndexOf(',');
    if (dot >= 0 && comma >= 0) return comma > dot;
  }
  if (delimiter === ';') return true;
  return DECIMAL_COMMA.has(langFromLocale(locale));
}

/** Writes the log as the first sheet of the (empty) spreadsheet, named as setup names it in the spreadsheet's language. */
export function importCsv(spreadsheet: FakeSpreadsheet, table: CsvTable): void {
  const [header = [], ...body] = table.rows;
  const width = Math.max(...table.rows.map((row) => row.length));
  const keys = Array.from({ length: width }, (_, col) => headerKeyOf(header[col] ?? ''));
  const locale = spreadsheet.locale;
  const column = (col: number) => body.map((row) => row[col] ?? '').filter((value) => value !== '');
  const dayFirst = keys.map((key, col) => DATE_KEYS.has(key) && dayFirstIn(column(col), locale));
  const quantity = keys.indexOf('quantity');
  const decimalComma = decimalCommaIn(column(quantity), table.delimiter, locale);
  const sheet = spreadsheet.insertSheet(APP[langFromLocale(locale)].sheets.activities);
  const contents = table.rows.map((row, r) =>
    Array.from({ length: width }, (_, col) => {
      const text = row[col] ?? '';
      if (text === '') return null;
      if (r > 0 && DATE_KEYS.has(keys[col])) {
        const serial = serialOf(text, dayFirst[col] === true, spreadsheet.timeZone);
        if (serial !== undefined) {
          sheet.numberFormats.set(r, col, Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
          return serial;
        }
      }
      if (r > 0 && col === quantity) {
        const number = numberOf(text, decimalComma);
        if (number !== undefined) return number;
      }
      return `'${text}`;
    }),
  );
  sheet.ensureSize(contents.length, width).getRange(1, 1, contents.length, width).setRawContents(contents);
  sheet.setFrozenRows(1);
}
