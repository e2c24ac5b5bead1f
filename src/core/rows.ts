/**
 * Walking a table's data rows: blank rows are skipped, each row is numbered as
 * the user sees it in the range (header = row 1), and a row's problem is thrown
 * (custom functions) or collected (a refresh lists them all).
 */
import { displayCell, isBlank } from './cells';
import type { DayClock } from './day';
import type { HeaderKey, Lang } from './i18n';
import { type Problem, QuotaError } from './problems';
import { checkRows, columnName, dataRow, isBlankRow, readIndexes, type Table } from './table';

export interface ReadOptions {
  clock: DayClock;
  lang: Lang;
  /** Throw the first problem instead of collecting it (custom functions do). */
  strict: boolean;
}

/**
 * Calls `visit` for each non-blank data row. A problem it returns is thrown when
 * strict, otherwise added to `problems` (and the row counts for nothing).
 */
export function forEachRow(
  table: Table,
  options: ReadOptions,
  problems: Problem[],
  visit: (cells: readonly unknown[], row: number) => Problem | undefined,
): void {
  const values = table.values;
  const indexes = readIndexes(table);
  for (let index = 1; index < values.length; index++) {
    const cells = dataRow(table, index, options.lang);
    if (isBlankRow(indexes, cells)) continue;
    const problem = visit(cells, index + 1);
    if (problem) reportProblem(table, problem, options, problems);
  }
}

/**
 * A row's problem: thrown when strict, otherwise added to `problems`. A range
 * with a data row that is not a row is refused before any row's problem, as it
 * was when {@link readTable} checked every row up front.
 */
function reportProblem(table: Table, problem: Problem, options: ReadOptions, problems: Problem[]): void {
  if (!options.strict) {
    problems.push(problem);
    return;
  }
  checkRows(table, options.lang);
  throw new QuotaError(problem, options.lang);
}

/** The problem for a blank cell where a value is needed. */
export function blankProblem(table: Table, row: number, key: HeaderKey): Problem {
  return { key: 'blankCell', row, params: { table: table.spec.name, row, column: columnName(table, key) } };
}

/** The problem for a cell that is blank or not of the kind needed. */
export function cellProblem(
  table: Table,
  row: number,
  key: HeaderKey,
  value: unknown,
  kind: 'badNumber' | 'badDate' | 'negativeNumber',
  options: ReadOptions,
): Problem {
  if (isBlank(value)) return blankProblem(table, row, key);
  return {
    key: kind,
    row,
    params: {
      table: table.spec.name,
      row,
      column: columnName(table, key),
      value: displayCell(value, options.clock),
    },
  };
}
