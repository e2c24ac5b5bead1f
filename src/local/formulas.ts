/**
 * The formula bridge: a HyperFormula workbook whose formulas can call the
 * bundle's custom functions, as Sheets calls them. Arguments are turned into
 * what Apps Script passes (a range → 2-D array, empty → "", dates → `Date` of the
 * runtime's realm), results back into cells, with arrays spilling.
 *
 * HyperFormula fixes an array's size when it parses the formula; Sheets sizes a
 * spill by the result. So a spilling call records its real size, and the
 * workbook re-enters any formula whose size changed after each operation.
 *
 * A call whose arguments depend on a volatile function (NOW, TODAY, RAND…) is
 * never run, as in Sheets: its cell shows why (see volatile.ts).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
  SimpleRangeValue,
} from 'hyperformula';
import { isDateFormat } from './numberFormat';
import { type DateRealm, SerialDates } from './serialDates';
import { type BarDrawing, drawingOf, registerSparkline } from './sparkline';
import { VolatileAnalysis, type Ast as VolatileAst, volatileArgumentMessage } from './volatile';

interface ParamMeta {
  name: string;
  kind: 'table' | 'name' | 'date';
  optional?: boolean;
}

interface FunctionMeta {
  name: string;
  params: readonly ParamMeta[];
}

/**
 * What the workbook needs of the runtime it computes for (AppsScriptRuntime,
 * runtime.ts): the bundle's catalogue, its functions, its realm's dates, and the
 * spreadsheet's zone and number formats.
 */
export interface FormulaHost extends DateRealm {
  readonly context: Record<string, unknown>;
  call(name: string, ...args: unknown[]): unknown;
  readonly spreadsheet: DateRealm['spreadsheet'] & {
    readonly sheets: readonly { readonly hfId: number; readonly numberFormats: NumberFormats }[];
  };
}

/** A sheet's number formats by 0-based row and column (CellAttributes, cellAttributes.ts). */
interface NumberFormats {
  get(row: number, col: number): string | undefined;
}

// HyperFormula's AST and interpreter types are internal; the plugin API hands them over untyped.
type Ast = { type: string; args: Ast[] };
type State = { formulaAddress: SimpleCellAddress };
type RichNumber = { val: number; getDetailedType(): string };

function isRichNumber(value: unknown): value is RichNumber {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RichNumber).val === 'number' &&
    typeof (value as RichNumber).getDetailedType === 'function'
  );
}

function addressKey(address: SimpleCellAddress): string {
  return `${address.sheet}:${address.col}:${address.row}`;
}

/** The workbook whose operation is running: HyperFormula is synchronous, so one at a time. */
let active: FormulaWorkbook | undefined;
const registered = new Set<string>();

export interface FormulaWorkbookOptions {
  /** Rows HyperFormula allows per sheet (raised from its default for 100,000-row logs). */
  maxRows?: number;
  /** Named ranges, e.g. `{ ActivityLog: '=Activities!$A$1:$H$500' }`. */
  namedRanges?: Record<string, string>;
}

export class FormulaWorkbook {
  readonly hf: HyperFormula;
  /** Result sizes of spilling calls, by formula address, as last computed. */
  readonly spillSizes = new Map<string, { width: number; height: number }>();
  /** Sizes HyperFormula reserved for them when it last parsed them. */
  private readonly reserved = new Map<string, { width: number; height: number }>();
  private readonly functions: ReadonlyMap<string, FunctionMeta>;
  /** Refuses volatile arguments, as Sheets does; absent while HyperFormula builds the workbook. */
  private readonly volatile: VolatileAnalysis | undefined;
  /** Calls met while building, before {@link volatile} could check them: entered again once built. */
  private readonly unchecked: SimpleCellAddress[] = [];
  /** Serial dates and instants, in the spreadsheet's zone. */
  private readonly dates: SerialDates;

  constructor(
    readonly runtime: FormulaHost,
    sheets: Record<string, RawCellContent[][]>,
    options: FormulaWorkbookOptions = {},
  ) {
    this.dates = new SerialDates(runtime);
    const catalogue = (runtime.context.ActivityQuota as { catalogue: FunctionMeta[] }).catalogue;
    this.functions = new Map(catalogue.map((spec) => [spec.name, spec]));
    registerPlugin(catalogue);
    registerSparkline();
    const named = Object.entries(options.namedRanges ?? {}).map(([name, expression]) => ({ name, expression }));
    this.hf = this.run(() =>
      HyperFormula.buildFromSheets(
        sheets,
        {
          licenseKey: 'gpl-v3',
          maxRows: options.maxRows ?? 200_000,
          dateFormats: ['YYYY-MM-DD', 'DD/MM/YYYY'],
          timeFormats: ['hh:mm', 'hh:mm:ss'],
          nullDate: { year: 1899, month: 12, day: 30 },
          useColumnIndex: true,
        },
        named,
      ),
    );
    this.volatile = new VolatileAnalysis(this.hf);
    // What the analysis learnt holds for one recalculation only.
    this.hf.on('valuesUpdated', () => this.volatile?.forget());
    this.reenter(this.unchecked.splice(0));
    this.settle();
  }

  /** Runs an operation with this workbook's runtime answering custom-function calls. */
  run<T>(operation: () => T): T {
    const previous = active;
    active = this;
    this.volatile?.forget();
    try {
      return operation();
    } finally {
      active = previous;
    }
  }

  /** Re-enters spilling formulas whose result changed size, until none does. */
  private settle(): void {
    for (let round = 0; round < 5; round++) {
      const stale: SimpleCellAddress[] = [];
      for (const [key, size] of this.spillSizes) {
        const held = this.reserved.get(key);
        if (!held || held.width !== size.width || held.height !== size.height) {
          const [sheet, col, row] = key.split(':').map(Number) as [number, number, number];
          stale.push({ sheet, col, row });
        }
      }
      if (stale.length === 0) return;
      this.reenter(stale);
    }
  }

  /** Enters formulas again, so HyperFormula parses and evaluates them afresh. */
  private reenter(addresses: readonly SimpleCellAddress[]): void {
    if (addresses.length === 0) return;
    this.run(() =>
      this.hf.batch(() => {
        for (const address of addresses) {
          const formula = this.hf.getCellFormula(address);
          if (formula === undefined) {
            this.spillSizes.delete(addressKey(address));
            continue;
          }
          this.hf.setCellContents(address, [[formula]]);
        }
      }),
    );
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  /** The address of an A1 reference such as `Report!B2`. */
  address(a1: string): SimpleCellAddress {
    const address = this.hf.simpleCellAddressFromString(a1, 0);
    if (!address) throw new Error(`not a cell address: ${a1}`);
    return address;
  }

  /** A cell's value: numbers, strings, booleans, null for empty, or a DetailedCellError. */
  value(a1: string): unknown {
    return this.hf.getCellValue(this.address(a1));
  }

  /** Values of a rectangular range such as `Report!A1:L9`. */
  values(a1Range: string): unknown[][] {
    const range = this.hf.simpleCellRangeFromString(a1Range, 0);
    if (!range) throw new Error(`not a range: ${a1Range}`);
    return this.hf.getRangeValues(range);
  }

  /** What a SPARKLINE cell draws (sparkline.ts); undefined for any other cell, or one in error. */
  drawing(address: SimpleCellAddress): BarDrawing | undefined {
    const formula = this.hf.getCellFormula(address);
    return formula ? this.run(() => drawingOf(this.hf, formula, address.sheet)) : undefined;
  }

  /** Writes cells (values or formulas) starting at an A1 address, then recalculates. */
  set(a1: string, content: RawCellContent[][]): void {
    const address = this.address(a1);
    this.change(() => this.hf.setCellContents(address, content));
  }

  /** Runs a change to the workbook, then re-spills what it resized. */
  change<T>(operation: () => T): T {
    const result = this.run(operation);
    this.settle();
    return result;
  }

  /** Called by the plugin for every custom-function cell. */
  evaluate(name: string, plugin: FunctionPlugin, ast: Ast, state: State): unknown {
    const spec = this.functions.get(name);
    if (!spec) return new CellError(ErrorType.NAME, `unknown function ${name}`);
    if (!this.volatile) {
      this.unchecked.push(state.formulaAddress);
      return new CellError(ErrorType.ERROR, 'not computed yet: the workbook is being built');
    }
    // Sheets never runs a call with a volatile argument (see volatile.ts).
    for (let i = 0; i < ast.args.length; i++) {
      const source = this.volatile.sourceOf(ast.args[i] as VolatileAst, state.formulaAddress);
      if (source) return new CellError(ErrorType.ERROR, volatileArgumentMessage(name, i + 1, source));
    }
    const args: unknown[] = [];
    for (let i = 0; i < ast.args.length; i++) {
      const argAst = ast.args[i] as Ast;
      if (argAst.type === 'EMPTY') {
        args.push(undefined);
        continue;
      }
      const value = (plugin as unknown as { evaluateAst(a: Ast, s: State): unknown }).evaluateAst(argAst, state);
      if (value instanceof CellError) return value;
      args.push(this.toAppsScript(value, spec.params[i]?.kind));
    }
    let result: unknown;
    try {
      result = this.runtime.call(name, ...args);
    } catch (error) {
      // The error comes from the runtime's realm: not an `instanceof Error` here.
      const text = (error as { message?: unknown })?.message;
      return new CellError(ErrorType.ERROR, typeof text === 'string' ? text : String(error));
    }
    if (!Array.isArray(result)) return this.toCell(result, plugin);
    const rows = result as unknown[][];
    const size = { width: Math.max(1, ...rows.map((row) => row.length)), height: Math.max(1, rows.length) };
    const key = addressKey(state.formulaAddress);
    this.spillSizes.set(key, size);
    const held = this.reserved.get(key);
    if (held && (held.width < size.width || held.height < size.height)) {
      return new CellError(ErrorType.SPILL, 'the result grew; it is re-spilled after this recalculation');
    }
    return SimpleRangeValue.onlyValues(
      rows.map((row) => {
        const cells = row.map((cell) => this.toCell(cell, plugin));
        while (cells.length < size.width) cells.push(EmptyValue);
        return cells as never[];
      }),
    );
  }

  /** The size HyperFormula should reserve for a formula, asked when it parses it. */
  predictSize(name: string, plugin: FunctionPlugin, ast: Ast, state: State): ArraySize {
    const spec = this.functions.get(name);
    const key = addressKey(state.formulaAddress);
    let size = this.spillSizes.get(key);
    if (!size && spec) {
      let width = 1;
      let height = 1;
      spec.params.forEach((param, i) => {
        const argAst = ast.args[i];
        if (param.kind === 'table' || !argAst || argAst.type === 'EMPTY') return;
        const argSize = (plugin as unknown as { arraySizeForAst(a: Ast, s: State): ArraySize }).arraySizeForAst(
          argAst,
          state,
        );
        width = Math.max(width, argSize.width);
        height = Math.max(height, argSize.height);
      });
      size = { width, height };
    }
    const chosen = size ?? { width: 1, height: 1 };
    this.reserved.set(key, chosen);
    return chosen.width === 1 && chosen.height === 1 ? ArraySize.scalar() : new ArraySize(chosen.width, chosen.height);
  }

  /** A HyperFormula value as Apps Script hands it to a custom function. */
  private toAppsScript(value: unknown, kind: ParamMeta['kind'] | undefined): unknown {
    if (value instanceof SimpleRangeValue) {
      // Sheets passes a date-formatted cell as a Date, whatever wrote it; the formats live beside HyperFormula.
      const start = value.range?.start;
      const formats =
        start && this.runtime.spreadsheet.sheets.find((sheet) => sheet.hfId === start.sheet)?.numberFormats;
      return value.data.map((row, r) =>
        row.map((cell, c) => {
          const format = formats?.get((start?.row ?? 0) + r, (start?.col ?? 0) + c);
          return this.cellToAppsScript(cell, format !== undefined && isDateFormat(format) ? 'date' : undefined);
        }),
      );
    }
    return this.cellToAppsScript(value, kind);
  }

  private cellToAppsScript(cell: unknown, kind: ParamMeta['kind'] | undefined): unknown {
    if (cell === EmptyValue || cell === null || cell === undefined) return '';
    if (cell instanceof CellError) return `#${cell.type === ErrorType.DIV_BY_ZERO ? 'DIV/0' : cell.type}!`;
    if (isRichNumber(cell)) {
      const type = cell.getDetailedType();
      if (type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || type === 'NUMBER_TIME')
        return this.serialToDate(cell.val);
      return cell.val;
    }
    if (typeof cell === 'number' && kind === 'date') return this.serialToDate(cell);
    return cell;
  }

  /** A serial date, read as a day (and time) in the spreadsheet's zone, as an instant of the runtime's realm. */
  serialToDate(serial: number): Date {
    return this.dates.toDate(serial);
  }

  /** An instant as a serial date-time in the spreadsheet's zone, as Sheets stores a returned `Date`. */
  dateToSerial(date: Date): number {
    return this.dates.toSerial(date);
  }

  /** A value returned by a custom function as a HyperFormula cell value. */
  private toCell(value: unknown, plugin: FunctionPlugin): unknown {
    if (value === '' || value === null || value === undefined) return EmptyValue;
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const wrapper = plugin as unknown as { returnNumberWrapper(v: number, t: string): unknown };
      return wrapper.returnNumberWrapper(this.dateToSerial(value as Date), 'NUMBER_DATE');
    }
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
  }
}

/** Registers one HyperFormula plugin for the catalogue's functions (once per process). */
function registerPlugin(catalogue: readonly FunctionMeta[]): void {
  const missing = catalogue.filter((spec) => !registered.has(spec.name));
  if (missing.length === 0) return;
  class ActivityQuotaPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const spec of missing) {
    const method = `call_${spec.name}`;
    const sizeMethod = `size_${spec.name}`;
    Object.assign(ActivityQuotaPlugin.prototype, {
      [method](this: FunctionPlugin, ast: Ast, state: State) {
        if (!active) return new CellError(ErrorType.ERROR, 'no runtime is attached');
        return active.evaluate(spec.name, this, ast, state);
      },
      [sizeMethod](this: FunctionPlugin, ast: Ast, state: State) {
        if (!active) return ArraySize.scalar();
        return active.predictSize(spec.name, this, ast, state);
      },
    });
    implemented[spec.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: spec.params.map(() => ({ argumentType: 'ANY', optionalArg: true })),
      doesNotNeedArgumentsToBeComputed: false,
    };
    translations[spec.name] = spec.name;
    registered.add(spec.name);
  }
  (ActivityQuotaPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(ActivityQuotaPlugin as never, { enGB: translations, enUS: translations });
}
