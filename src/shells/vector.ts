/**
 * One call for a whole column (SPEC §4): arguments that take "one value or a
 * range" are broadcast against each other, as a spreadsheet's array arithmetic
 * does. Equal shapes go cell by cell; a column against a row gives a grid.
 */
import type { Lang } from '../core/i18n';
import { QuotaError } from '../core/problems';

interface VectorArg {
  name: string;
  value: unknown;
}

/** The most cells one call returns: more would be slower than Sheets allows anyway. */
export const MAX_CELLS = 100_000;

function shapeOf(value: unknown): [number, number] {
  if (Array.isArray(value)) {
    const rows = value.length;
    const columns = Array.isArray(value[0]) ? value[0].length : 1;
    return [rows, columns];
  }
  return [1, 1];
}

function cellAt(value: unknown, row: number, column: number): unknown {
  if (!Array.isArray(value)) return value;
  const line = value.length === 1 ? value[0] : value[row];
  if (!Array.isArray(line)) return line;
  return line.length === 1 ? line[0] : line[column];
}

/**
 * Calls `fn` once per cell of the broadcast shape, with the arguments' cells in
 * the order `named` lists them (by name, for messages). A scalar (or 1×1 range)
 * for every argument gives a scalar result; otherwise a 2-D array.
 */
export function broadcast(
  named: Readonly<Record<string, unknown>>,
  lang: Lang,
  fn: (...cells: unknown[]) => unknown,
): unknown {
  const args: VectorArg[] = Object.entries(named).map(([name, value]) => ({ name, value }));
  let rows = 1;
  let columns = 1;
  let rowsFrom: VectorArg | undefined;
  let columnsFrom: VectorArg | undefined;
  for (const arg of args) {
    const [r, c] = shapeOf(arg.value);
    const clash = (r !== 1 && rows !== 1 && r !== rows) || (c !== 1 && columns !== 1 && c !== columns);
    if (clash) {
      const other = (r !== 1 && rows !== 1 && r !== rows ? rowsFrom : columnsFrom) ?? arg;
      const [or, oc] = shapeOf(other.value);
      throw new QuotaError(
        {
          key: 'shapeMismatch',
          params: { a: other.name, aRows: or, aColumns: oc, b: arg.name, bRows: r, bColumns: c },
        },
        lang,
      );
    }
    if (r !== 1) {
      rows = r;
      rowsFrom = arg;
    }
    if (c !== 1) {
      columns = c;
      columnsFrom = arg;
    }
  }
  if (rows * columns > MAX_CELLS) {
    const widest = rowsFrom ?? columnsFrom ?? args[0];
    throw new QuotaError(
      { key: 'tooLarge', params: { arg: widest?.name ?? '', cells: rows * columns, limit: MAX_CELLS } },
      lang,
    );
  }
  const scalar = args.every((arg) => {
    const [r, c] = shapeOf(arg.value);
    return r === 1 && c === 1;
  });
  if (scalar) return fn(...args.map((arg) => cellAt(arg.value, 0, 0)));
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < columns; c++) line.push(fn(...args.map((arg) => cellAt(arg.value, r, c))));
    out.push(line);
  }
  return out;
}
