/**
 * Sheets' `SPARKLINE` in the emulator: a HyperFormula function whose cell value
 * is empty (Sheets' `getValues` reads a sparkline's cell as ""), and whose
 * drawing (segments and colours) the playground paints into the cell.
 *
 * Only `{"charttype","bar"}` is drawn, with the options Google documents for bar
 * charts (support.google.com/docs/answer/3093289): max, color1, color2, empty,
 * nan, rtl. It is stricter than Sheets, never kinder: an option Sheets would
 * ignore (an unknown name, one of another chart type, a name twice, a value of
 * the wrong kind) gives #ERROR!; data that is not one row or column of numbers
 * 0 or more gives #N/A, unless "empty" or "nan" says what to do with a blank or
 * a text cell. Colours are hex (`#rgb`, `#rrggbb`). Arguments are written as
 * Apps Script writes formulas whatever the locale: `,` between arguments, and
 * in an inline array `,` between columns and `;` between rows.
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  type SimpleCellAddress,
  SimpleRangeValue,
} from 'hyperformula';

/** A bar sparkline as drawn: segments left to right (right to left with rtl), as shares of the cell's width. */
export interface BarDrawing {
  kind: 'bar';
  rtl: boolean;
  segments: { share: number; color: string }[];
}

/** Colours the emulator uses when color1 or color2 is not given. */
export const DEFAULT_BAR_COLORS = ['#4285f4', '#a1c2fa'] as const;

const CHART_TYPES = ['line', 'bar', 'column', 'winloss'];
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

type Ast = { args: unknown[] };
type State = { formulaAddress: SimpleCellAddress };

/** The drawing of the SPARKLINE evaluated last: {@link drawingOf} reads it. */
let last: BarDrawing | undefined;

function fail(message: string, type = ErrorType.ERROR): CellError {
  return new CellError(type, `SPARKLINE: ${message}`);
}

function cells(value: unknown): unknown[][] {
  return value instanceof SimpleRangeValue ? value.data : [[value]];
}

function scalar(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') {
    return (value as { val: number }).val;
  }
  return value;
}

/** The bar options, checked: a message for the first one Sheets would not take as it is. */
function barOptions(value: unknown): Map<string, unknown> | CellError {
  const rows = value === undefined ? [] : cells(value);
  const options = new Map<string, unknown>();
  for (const row of rows) {
    if (row.length !== 2) return fail('options are pairs: two columns, {"name",value; …}');
    const [name, raw] = [row[0], scalar(row[1])];
    if (typeof name !== 'string') return fail('an option name is not text');
    if (options.has(name)) return fail(`option "${name}" is given twice`);
    const ok =
      name === 'charttype'
        ? typeof raw === 'string' && CHART_TYPES.includes(raw)
        : name === 'max'
          ? typeof raw === 'number' && raw > 0 && Number.isFinite(raw)
          : name === 'color1' || name === 'color2'
            ? typeof raw === 'string' && HEX.test(raw)
            : name === 'empty'
              ? raw === 'zero' || raw === 'ignore'
              : name === 'nan'
                ? raw === 'convert' || raw === 'ignore'
                : name === 'rtl'
                  ? typeof raw === 'boolean'
                  : undefined;
    if (ok === undefined) return fail(`"${name}" is not an option of bar charts`);
    if (!ok) return fail(`"${name}" cannot be ${JSON.stringify(raw)}`);
    options.set(name, raw);
  }
  const type = options.get('charttype') ?? 'line';
  if (type !== 'bar') return fail(`charttype "${type}" is not emulated: only "bar" is`);
  return options;
}

/** The values a bar plots: one row or one column of numbers 0 or more. */
function barValues(value: unknown, options: Map<string, unknown>): number[] | CellError {
  const rows = cells(value);
  if (rows.length > 1 && rows.some((row) => row.length > 1))
    return fail('a bar plots one row or one column', ErrorType.NA);
  const values: number[] = [];
  for (const item of rows.flat()) {
    const cell = scalar(item);
    if (cell instanceof CellError) return cell;
    if (cell === EmptyValue || cell === null || cell === undefined) {
      const empty = options.get('empty');
      if (!empty) return fail('a data cell is empty: say {"empty","zero"} or {"empty","ignore"}', ErrorType.NA);
      if (empty === 'zero') values.push(0);
    } else if (typeof cell !== 'number') {
      const nan = options.get('nan');
      const number = Number(cell);
      if (nan === 'ignore') continue;
      if (nan !== 'convert' || String(cell).trim() === '' || !Number.isFinite(number)) {
        return fail(`${JSON.stringify(cell)} is not a number`, ErrorType.NA);
      }
      values.push(number);
    } else {
      values.push(cell);
    }
  }
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return fail('a bar plots numbers 0 or more', ErrorType.NA);
  return values;
}

/** A bar's segments: each value's share of max (default: their sum), cut off at the cell's end. */
export function barDrawing(values: readonly number[], options: Map<string, unknown>): BarDrawing {
  const total = values.reduce((a, b) => a + b, 0);
  const scale = (options.get('max') as number | undefined) ?? total;
  const colors = [options.get('color1') ?? DEFAULT_BAR_COLORS[0], options.get('color2') ?? DEFAULT_BAR_COLORS[1]];
  const segments: BarDrawing['segments'] = [];
  let used = 0;
  values.forEach((value, i) => {
    const share = scale > 0 ? Math.min(value / scale, 1 - used) : 0;
    used += Math.max(0, share);
    segments.push({ share: Math.max(0, share), color: String(colors[i % 2]) });
  });
  return { kind: 'bar', rtl: options.get('rtl') === true, segments };
}

class SparklinePlugin extends FunctionPlugin {
  sparkline(ast: Ast, state: State): unknown {
    if (ast.args.length < 1 || ast.args.length > 2) return fail('takes data and options');
    const evaluate = (arg: unknown) =>
      (this as unknown as { evaluateAst(a: unknown, s: State): unknown }).evaluateAst(arg, state);
    const [data, given] = ast.args.map(evaluate);
    if (data instanceof CellError) return data;
    if (given instanceof CellError) return given;
    const options = barOptions(given);
    if (options instanceof CellError) return options;
    const values = barValues(data, options);
    if (values instanceof CellError) return values;
    last = barDrawing(values, options);
    return EmptyValue;
  }
}

let registered = false;

/** Registers SPARKLINE with HyperFormula (once per process, before a workbook is built). */
export function registerSparkline(): void {
  if (registered) return;
  registered = true;
  (SparklinePlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
    SPARKLINE: {
      method: 'sparkline',
      parameters: [
        { argumentType: 'ANY', optionalArg: true },
        { argumentType: 'ANY', optionalArg: true },
      ],
      doesNotNeedArgumentsToBeComputed: true,
    },
  };
  const names = { SPARKLINE: 'SPARKLINE' };
  HyperFormula.registerFunctionPlugin(SparklinePlugin as never, { enGB: names, enUS: names });
}

/**
 * The drawing of a cell's formula when it is a SPARKLINE that computes (evaluated
 * again, so it follows rows moved and cells changed); undefined otherwise.
 */
export function drawingOf(hf: HyperFormula, formula: string, sheet: number): BarDrawing | undefined {
  if (!/^=\s*SPARKLINE\s*\(/i.test(formula)) return undefined;
  last = undefined;
  try {
    // A formula that does not parse (its cell shows #ERROR!) draws nothing.
    return hf.calculateFormula(formula, sheet) === null ? last : undefined;
  } catch (_) {
    return undefined;
  } finally {
    last = undefined;
  }
}
