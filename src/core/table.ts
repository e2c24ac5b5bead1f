/**
 * The header-aware table reader: finds columns by header name (any case, any of
 * the six languages, any order), skips blank rows, and refuses a range that is
 * not a table with a message that says how to fix it.
 */
import { displayCell, isBlank } from './cells';
import { type HeaderKey, headerKeyOf, type Lang, STRINGS } from './i18n';
import { QuotaError } from './problems';

export interface TableSpec {
  /** The range's name in messages: the function's parameter name, e.g. `quotas`. */
  name: string;
  /** Columns that must be there. */
  required: readonly HeaderKey[];
  /** Columns read when they are there. */
  optional?: readonly HeaderKey[];
  /** How to pass it, shown when it is missing or empty, e.g. `QuotaTable or Quotas!A:F`. */
  example: string;
}

export interface Table {
  spec: TableSpec;
  /** Column index of each header found. */
  columns: ReadonlyMap<HeaderKey, number>;
  /** The header row as the user wrote it. */
  header: readonly string[];
  /**
   * The range as passed, header first: `values[i]` is row `i + 1`, and the data
   * rows, blank ones included, are `values[1]` onwards. Not copied: a log can
   * be 100,000 rows.
   */
  values: readonly (readonly unknown[])[];
}

/** True when a value is a 2-D array, as Apps Script passes a range. */
export function isRange(value: unknown): value is unknown[][] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!Array.isArray(value[i])) return false;
  return true;
}

function notRange(spec: TableSpec, lang: Lang): QuotaError {
  return new QuotaError({ key: 'tableNotRange', params: { table: spec.name, example: spec.example } }, lang);
}

/**
 * Reads a range passed with its header row. Throws a {@link QuotaError} when it
 * is not usable. Only the header row is checked here; {@link dataRow} checks
 * each data row as it is read, in the same pass (a log can be 100,000 rows).
 */
export function readTable(values: unknown, spec: TableSpec, lang: Lang): Table {
  if (!Array.isArray(values) || (values.length > 0 && !Array.isArray(values[0]))) throw notRange(spec, lang);
  const headerRow = (values[0] ?? []) as unknown[];
  const header = headerRow.map((cell) => (isBlank(cell) ? '' : String(cell).trim()));
  if (header.every((text) => text === '')) {
    throw new QuotaError({ key: 'tableEmpty', params: { table: spec.name, example: spec.example } }, lang);
  }
  const wanted = new Set<HeaderKey>([...spec.required, ...(spec.optional ?? [])]);
  const columns = new Map<HeaderKey, number>();
  header.forEach((text, index) => {
    const key = text === '' ? undefined : headerKeyOf(text);
    if (key === undefined || !wanted.has(key)) return;
    const earlier = columns.get(key);
    if (earlier !== undefined) {
      throw new QuotaError(
        {
          key: 'duplicateColumn',
          params: {
            table: spec.name,
            column: STRINGS[lang].headers[key],
            columns: `${displayCell(header[earlier])}, ${displayCell(text)}`,
          },
        },
        lang,
      );
    }
    columns.set(key, index);
  });
  for (const key of spec.required) {
    if (!columns.has(key)) {
      throw new QuotaError(
        {
          key: 'missingColumn',
          params: {
            table: spec.name,
            column: STRINGS[lang].headers[key],
            found: header
              .filter((text) => text !== '')
              .map((text) => displayCell(text))
              .join(', '),
          },
        },
        lang,
      );
    }
  }
  return { spec, columns, header, values: values as unknown[][] };
}

/** Data row `index` (1 = the first under the header); throws, as {@link readTable} would, when it is not a row. */
export function dataRow(table: Table, index: number, lang: Lang): readonly unknown[] {
  const row = table.values[index];
  if (!Array.isArray(row)) throw notRange(table.spec, lang);
  return row;
}

/** Throws, as {@link readTable} would, when any data row is not a row: a range that is not a table is told first. */
export function checkRows(table: Table, lang: Lang): void {
  for (let index = 1; index < table.values.length; index++) dataRow(table, index, lang);
}

/** The cell of `key` in `row`, or `""` when the table has no such column. */
export function cellOf(table: Table, row: readonly unknown[], key: HeaderKey): unknown {
  const index = table.columns.get(key);
  return index === undefined ? '' : (row[index] ?? '');
}

/** True when every column the table reads (at `indexes`, see {@link readIndexes}) is blank in `row`. */
export function isBlankRow(indexes: readonly number[], row: readonly unknown[]): boolean {
  for (let i = 0; i < indexes.length; i++) if (!isBlank(row[indexes[i] as number])) return false;
  return true;
}

/** The positions of the columns a table reads, for {@link isBlankRow}. */
export function readIndexes(table: Table): number[] {
  return [...table.columns.values()];
}

/** The column's header as the user wrote it, for messages. */
export function columnName(table: Table, key: HeaderKey): string {
  const index = table.columns.get(key);
  return index === undefined ? key : (table.header[index] ?? key);
}
