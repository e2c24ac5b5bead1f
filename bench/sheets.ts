/**
 * One QUOTA_BOARD formula against the grid of native SUMIFS a manager would
 * otherwise write for Done, on the same workbook, in HyperFormula (the formula
 * engine the local runtime uses, with the shipped bundle's custom functions).
 */
import { performance } from 'node:perf_hooks';
import type { RawCellContent } from 'hyperformula';
import { FormulaWorkbook } from '../src/local/formulas';
import { AppsScriptRuntime } from '../src/local/runtime';
import { collect, median } from './stats';
import { ACTIVITIES, AS_OF, type Grid, periodStart, workload, ZONE } from './workload';

export interface SheetsComparison {
  rows: number;
  quotas: number;
  /** Median milliseconds to enter and fully evaluate the sheet holding one QUOTA_BOARD. */
  boardMs: number;
  /** Of which inside the bundle's QUOTA_BOARD itself. */
  boardInsideMs: number;
  /**
   * Of which the local formula bridge turning the range into Apps Script values
   * (a Date per date cell, in the spreadsheet's zone): the emulator's stand-in
   * for Sheets' own marshalling, not our code. The rest is HyperFormula.
   */
  boardBridgeMs: number;
  /** Median milliseconds to enter and fully evaluate the sheet of SUMIFS (one per rep × activity). */
  sumifsMs: number;
  sumifsFormulas: number;
  /** sumifsMs ÷ boardMs. */
  speedup: number;
  /** Every Done on the board equals its SUMIFS. */
  sameAnswers: boolean;
  samples: { board: number[]; sumifs: number[] };
}

/** `DATE(2026,11,18)` for an ISO day. */
function dateFormula(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
}

/** Empty cells as HyperFormula wants them. */
function cells(grid: Grid): RawCellContent[][] {
  return grid.map((row) => row.map((cell) => (cell === '' ? null : (cell as RawCellContent))));
}

/** The sheet a manager would build: the as-of day, each activity's period start, and one SUMIFS per rep × activity. */
export function sumifsSheet(reps: readonly string[], logRows: number): RawCellContent[][] {
  const last = logRows + 1;
  const column = (letter: string) => `Activities!$${letter}$2:$${letter}$${last}`;
  const header: RawCellContent[] = [`=${dateFormula(AS_OF)}`, ...ACTIVITIES.map((a) => a.name)];
  const starts: RawCellContent[] = ['Start', ...ACTIVITIES.map((a) => `=${dateFormula(periodStart(a.period))}`)];
  const grid: RawCellContent[][] = [header, starts];
  reps.forEach((rep, i) => {
    const row = i + 3;
    const line: RawCellContent[] = [rep];
    ACTIVITIES.forEach((_, j) => {
      const col = String.fromCharCode(66 + j);
      line.push(
        `=SUMIFS(${column('D')}, ${column('B')}, $A${row}, ${column('C')}, ${col}$1, ` +
          `${column('A')}, ">="&${col}$2, ${column('A')}, "<="&$A$1)`,
      );
    });
    grid.push(line);
  });
  return grid;
}

export function boardFormula(logRows: number, quotaRows: number): string {
  return `=QUOTA_BOARD(Activities!$A$1:$H$${logRows + 1}, Quotas!$A$1:$F$${quotaRows + 1}, ${dateFormula(AS_OF)})`;
}

/**
 * Board vs SUMIFS at one size. Each repetition builds a fresh workbook holding
 * the data (untimed, so no cache of an earlier round helps either side), then
 * times entering the Report sheet's formulas and evaluating them all. The
 * sides alternate which goes first.
 *
 * Sheets sizes a spill from the result; the local formula bridge learns it on
 * the first evaluation and re-enters the formula once. That second pass is an
 * artefact of the bridge, not of Sheets, so the spill size is learned in the
 * warm-up and given to each timed workbook: the board is evaluated once, as in
 * Sheets. The range's conversion into Apps Script values (Dates in the
 * spreadsheet's zone) is in the board's time; the SUMIFS pay nothing like it.
 */
export function compareBoardAndSumifs(logRows: number, quotas: number, reps: number, warmup = 1): SheetsComparison {
  const runtime = new AppsScriptRuntime({ timeZone: ZONE, locale: 'en_US', now: Date.parse(`${AS_OF}T03:00:00Z`) });
  const load = workload(logRows, quotas);
  const data = { Activities: cells(load.activities), Quotas: cells(load.quotas) };
  const quotaRows = load.quotas.length - 1;
  const board = [[boardFormula(logRows, quotaRows)]];
  const sumifs = sumifsSheet(load.reps, logRows);
  let inside = 0;
  let bridge = 0;
  const call = runtime.call.bind(runtime);
  runtime.call = (name: string, ...args: unknown[]) => {
    const start = performance.now();
    try {
      return call(name, ...args);
    } finally {
      inside += performance.now() - start;
    }
  };
  // Instrumentation only: the bridge's (private) conversion of arguments, timed, and put back after.
  const prototype = FormulaWorkbook.prototype as unknown as { toAppsScript: (...args: unknown[]) => unknown };
  const convert = prototype.toAppsScript;
  prototype.toAppsScript = function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    try {
      return convert.apply(this, args);
    } finally {
      bridge += performance.now() - start;
    }
  };
  try {
    return measure();
  } finally {
    prototype.toAppsScript = convert;
  }

  function measure(): SheetsComparison {
    let spill: { width: number; height: number } | undefined;
    const fresh = (which: 'board' | 'sumifs') => {
      const wb = new FormulaWorkbook(runtime, { ...data, Report: [] });
      if (which === 'board' && spill) wb.spillSizes.set(`${wb.sheetId('Report')}:0:0`, spill);
      return wb;
    };
    const samples = { board: [] as number[], sumifs: [] as number[], inside: [] as number[], bridge: [] as number[] };
    let last: { board?: FormulaWorkbook; sumifs?: FormulaWorkbook } = {};
    const side = (which: 'board' | 'sumifs', keep: boolean) => {
      const wb = fresh(which);
      collect();
      inside = 0;
      bridge = 0;
      const start = performance.now();
      wb.set('Report!A1', which === 'board' ? board : sumifs);
      const ms = performance.now() - start;
      if (which === 'board') spill ??= wb.spillSizes.get(`${wb.sheetId('Report')}:0:0`);
      if (keep) {
        samples[which].push(ms);
        if (which === 'board') {
          samples.inside.push(inside);
          samples.bridge.push(bridge);
        }
      }
      last = { ...last, [which]: wb };
    };
    // The first warm-up round learns the spill size; its board is evaluated twice and not kept.
    for (let i = 0; i < warmup + reps; i++) {
      const keep = i >= warmup;
      const order = i % 2 === 0 ? (['board', 'sumifs'] as const) : (['sumifs', 'board'] as const);
      for (const which of order) side(which, keep);
    }
    const sameAnswers = checkSameAnswers(last.board, last.sumifs, load.reps);
    const boardMs = median(samples.board);
    const sumifsMs = median(samples.sumifs);
    return {
      rows: logRows,
      quotas: quotaRows,
      boardMs,
      boardInsideMs: median(samples.inside),
      boardBridgeMs: median(samples.bridge),
      sumifsMs,
      sumifsFormulas: load.reps.length * ACTIVITIES.length,
      speedup: sumifsMs / boardMs,
      sameAnswers,
      samples: { board: samples.board, sumifs: samples.sumifs },
    };
  }
}

/** The board's Done for each rep × activity equals the manager's SUMIFS. */
function checkSameAnswers(
  board: FormulaWorkbook | undefined,
  sumifs: FormulaWorkbook | undefined,
  reps: readonly string[],
): boolean {
  if (!board || !sumifs) return false;
  const spilled = board.values(`Report!A1:L${reps.length * ACTIVITIES.length + 1}`);
  const done = new Map<string, unknown>();
  for (const row of spilled.slice(1)) done.set(`${row[0]}|${row[1]}`, row[6]);
  const grid = sumifs.values(`Report!A3:${String.fromCharCode(65 + ACTIVITIES.length)}${reps.length + 2}`);
  if (done.size !== reps.length * ACTIVITIES.length) return false;
  return grid.every((row, i) =>
    ACTIVITIES.every((activity, j) => done.get(`${reps[i]}|${activity.name}`) === row[j + 1]),
  );
}
