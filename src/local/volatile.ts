/**
 * Volatile arguments. Google's page on custom functions ("Arguments",
 * https://developers.google.com/apps-script/guides/sheets/functions#arguments):
 * "Custom function arguments must be deterministic. That is, built-in
 * spreadsheet functions that return a different result each time they calculate
 * — such as NOW() or RAND() — are not allowed as arguments to a custom function.
 * If a custom function tries to return a value based on one of these volatile
 * built-in functions, it will display Loading... indefinitely."
 *
 * Which functions: Google names NOW and RAND "such as". TODAY, RANDBETWEEN and
 * RANDARRAY fit its definition too (a different result each time they
 * calculate); HyperFormula itself marks NOW, TODAY, RAND and RANDBETWEEN
 * volatile (it has no RANDARRAY, which still parses, so a call is caught here
 * rather than shown as #NAME?). OFFSET and INDIRECT are left out: Google does
 * not list them, they give the same result for the same sheet (so they do not
 * fit the definition), and HyperFormula turns OFFSET into a fixed range when it
 * parses and has no INDIRECT.
 *
 * How deep: an argument is volatile if its expression calls one of these, or
 * refers (by cell, range, whole column or row, or named range) to a cell whose
 * formula is volatile by the same rule, followed transitively through any number
 * of formula cells and named ranges, across sheets; cycles stop the walk (they
 * are #CYCLE! anyway). Nested calls count like any function: a custom function
 * fed TODAY() makes its caller's argument volatile too. Not followed: a
 * reference into the middle of another formula's spilled array reaches only
 * cells without a formula of their own, so it is not traced back to the cell
 * that spills (the bridge's spilling calls are checked themselves).
 *
 * Cost: a range argument (a 100,000-row log) is checked through an index of
 * each sheet's formula cells, built once per recalculation; results per cell
 * are kept for the same recalculation. {@link VolatileAnalysis.forget} must be
 * called whenever the workbook may have changed.
 */
import type { HyperFormula, SimpleCellAddress } from 'hyperformula';

/** The built-in functions whose results change at every calculation (see above). */
export const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set(['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'RANDARRAY']);

/**
 * HyperFormula's AST is internal; these are the fields read here. References
 * are relative to the formula's own cell.
 */
export interface Ast {
  type: string;
  procedureName?: string;
  expressionName?: string;
  reference?: Relative;
  start?: Relative;
  end?: Relative;
  [child: string]: unknown;
}
interface Relative {
  toSimpleCellAddress?(base: SimpleCellAddress): SimpleCellAddress;
  toSimpleColumnAddress?(base: SimpleCellAddress): { sheet: number; col: number };
  toSimpleRowAddress?(base: SimpleCellAddress): { sheet: number; row: number };
}
interface Parser {
  parse(formula: string, address: SimpleCellAddress): { ast: Ast };
}

interface Area {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const IN_PROGRESS = Symbol('in progress');

/** The A1 name of a cell, e.g. `Report!B2`. */
function a1(hf: HyperFormula, address: SimpleCellAddress): string {
  return (
    hf.simpleCellAddressToString(address, { includeSheetName: true }) ??
    `${address.sheet}:${address.col}:${address.row}`
  );
}

export class VolatileAnalysis {
  /** By cell: the volatile source its formula depends on, or null. */
  private readonly cells = new Map<string, string | null | typeof IN_PROGRESS>();
  private readonly names = new Map<string, string | null | typeof IN_PROGRESS>();
  /** Each sheet's formula cells, as [row, col]. */
  private readonly formulaCells = new Map<number, [number, number][]>();

  constructor(private readonly hf: HyperFormula) {}

  /** Drops what was learnt: call whenever the workbook may have changed. */
  forget(): void {
    this.cells.clear();
    this.names.clear();
    this.formulaCells.clear();
  }

  /**
   * What makes an argument volatile, e.g. `TODAY()` or `TODAY() via Report!B1`,
   * or undefined if it is deterministic. `base` is the calling formula's cell.
   */
  sourceOf(ast: Ast, base: SimpleCellAddress): string | undefined {
    return this.walk(ast, base) ?? undefined;
  }

  private walk(ast: Ast, base: SimpleCellAddress): string | null {
    switch (ast.type) {
      case 'FUNCTION_CALL':
        if (ast.procedureName && VOLATILE_FUNCTIONS.has(ast.procedureName.toUpperCase()))
          return `${ast.procedureName.toUpperCase()}()`;
        break;
      case 'NAMED_EXPRESSION':
        return ast.expressionName ? this.named(ast.expressionName, base.sheet) : null;
      case 'CELL_REFERENCE': {
        const cell = ast.reference?.toSimpleCellAddress?.(base);
        return cell
          ? this.area({ sheet: cell.sheet, top: cell.row, left: cell.col, bottom: cell.row, right: cell.col })
          : null;
      }
      case 'CELL_RANGE':
      case 'COLUMN_RANGE':
      case 'ROW_RANGE':
        return this.area(this.rangeOf(ast, base));
    }
    for (const child of Object.values(ast)) {
      for (const node of Array.isArray(child) ? child.flat() : [child]) {
        if (node && typeof node === 'object' && typeof (node as Ast).type === 'string') {
          const found = this.walk(node as Ast, base);
          if (found) return found;
        }
      }
    }
    return null;
  }

  private rangeOf(ast: Ast, base: SimpleCellAddress): Area {
    const { start, end } = ast as { start: Relative; end: Relative };
    if (ast.type === 'CELL_RANGE') {
      const from = start.toSimpleCellAddress?.(base) as SimpleCellAddress;
      const to = end.toSimpleCellAddress?.(base) as SimpleCellAddress;
      return { sheet: from.sheet, top: from.row, left: from.col, bottom: to.row, right: to.col };
    }
    if (ast.type === 'COLUMN_RANGE') {
      const from = start.toSimpleColumnAddress?.(base) as { sheet: number; col: number };
      const to = end.toSimpleColumnAddress?.(base) as { sheet: number; col: number };
      return { sheet: from.sheet, top: 0, left: from.col, bottom: Number.POSITIVE_INFINITY, right: to.col };
    }
    const from = start.toSimpleRowAddress?.(base) as { sheet: number; row: number };
    const to = end.toSimpleRowAddress?.(base) as { sheet: number; row: number };
    return { sheet: from.sheet, top: from.row, left: 0, bottom: to.row, right: Number.POSITIVE_INFINITY };
  }

  /** The first volatile formula cell in an area, through the sheet's index of formula cells. */
  private area(area: Area): string | null {
    const top = Math.min(area.top, area.bottom);
    const bottom = Math.max(area.top, area.bottom);
    const left = Math.min(area.left, area.right);
    const right = Math.max(area.left, area.right);
    for (const [row, col] of this.formulasOf(area.sheet)) {
      if (row < top || row > bottom || col < left || col > right) continue;
      const found = this.cell({ sheet: area.sheet, row, col });
      if (found) return found;
    }
    return null;
  }

  private formulasOf(sheet: number): [number, number][] {
    let list = this.formulaCells.get(sheet);
    if (!list) {
      list = [];
      if (this.hf.getSheetName(sheet) !== undefined) {
        const formulas = this.hf.getSheetFormulas(sheet);
        formulas.forEach((line, row) => {
          line.forEach((formula, col) => {
            if (formula !== undefined) list?.push([row, col]);
          });
        });
      }
      this.formulaCells.set(sheet, list);
    }
    return list;
  }

  private cell(address: SimpleCellAddress): string | null {
    const key = `${address.sheet}:${address.col}:${address.row}`;
    const known = this.cells.get(key);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    this.cells.set(key, IN_PROGRESS);
    const formula = this.hf.getCellFormula(address);
    const inner = formula === undefined ? null : this.walk(this.parse(formula, address), address);
    const found = inner === null ? null : `${inner.split(' via ')[0]} via ${a1(this.hf, address)}`;
    this.cells.set(key, found);
    return found;
  }

  /** A named range: its own formula (in Sheets always a range), in the sheet's scope first. */
  private named(name: string, sheet: number): string | null {
    const local = this.hf.getNamedExpressionFormula(name, sheet);
    const formula = local ?? this.hf.getNamedExpressionFormula(name);
    if (formula === undefined) return null;
    const key = `${local === undefined ? '' : sheet}!${name.toUpperCase()}`;
    const known = this.names.get(key);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    this.names.set(key, IN_PROGRESS);
    const base = { sheet, col: 0, row: 0 };
    const inner = this.walk(this.parse(formula, base), base);
    const found = inner === null ? null : `${inner.split(' via ')[0]} via the named range ${name}`;
    this.names.set(key, found);
    return found;
  }

  private parse(formula: string, address: SimpleCellAddress): Ast {
    // HyperFormula's parser (internal, caching) gives the AST its evaluator uses.
    return (this.hf as unknown as { _parser: Parser })._parser.parse(formula, address).ast;
  }
}

/** The cell error of a call refused for a volatile argument (1-based `position`). */
export function volatileArgumentMessage(name: string, position: number, source: string): string {
  return (
    `${name}: argument ${position} depends on ${source}. Custom function arguments must be deterministic: ` +
    `Google Sheets does not allow volatile functions (${[...VOLATILE_FUNCTIONS].join(', ')}) as arguments, ` +
    'directly or through cells and named ranges, and would show "Loading..." in this cell indefinitely. ' +
    'Pass a value that does not change by itself, such as DATE(2026,11,30) or a cell holding a date.'
  );
}
