/**
 * The core against the floor: QUOTA_BOARD's work in the core (read the log and
 * the quotas as Sheets passes them, compute the board, lay out its cells) versus
 * a bare loop that only sums Quantity by rep and activity over the same rows.
 *
 * Measured three ways, as V8 runs code three ways:
 * - steady: both warmed up, no collection forced between runs. The work each
 *   does per row, once compiled; the bar (≤ 3×) judges this one.
 * - after a collection: a full garbage collection before every run. V8 drops
 *   optimised code whose objects' hidden classes the collection freed (the
 *   core's objects die with each board; the floor has none), so each run
 *   recompiles part of the way: what a long-lived process pays now and then.
 * - cold: the first call in a fresh process, which is how Apps Script runs a
 *   custom function: everything is interpreted, then compiled, in one call.
 *
 * Each process measures all three (bench/run.ts --child engine), and the
 * figures are medians over several processes: how fast the floor's maps run
 * depends on where a process happens to lay out its memory (its median moves
 * by a third from one process to the next), and one process is one draw.
 */
import { boardCells, boardHeader } from '../src/core/board';
import { DayClock, dayFromIso } from '../src/core/day';
import { computeBoard } from '../src/core/engine';
import { readActivityLog } from '../src/core/log';
import { readQuotas } from '../src/core/quotas';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { NO_TEAM } from '../src/core/team';
import { runChild } from './child';
import { interleave, median, timeIt } from './stats';
import { AS_OF, sheetDateOf, workload, ZONE } from './workload';

/** What the core does for `=QUOTA_BOARD(activities, quotas, date)`: the same steps as the custom function. */
export function coreBoard(activities: unknown[][], quotas: unknown[][], asOfIso = AS_OF): unknown[][] {
  const clock = new DayClock(ZONE);
  const options = { clock, lang: 'en' as const, strict: true };
  const book = {
    log: readActivityLog(activities, options),
    quotas: readQuotas(quotas, options),
    team: NO_TEAM,
    settings: DEFAULT_SETTINGS,
    lang: 'en' as const,
  };
  const asOf = dayFromIso(asOfIso) as number;
  const dateOf = (day: number) => new Date(clock.startOf(day));
  return [boardHeader('en'), ...computeBoard(book, asOf, asOf).map((row) => boardCells(row, 'en', dateOf))];
}

/** The floor: one pass, Quantity summed by rep then activity, nothing checked, nothing else computed. */
export function floorSums(activities: unknown[][]): Map<unknown, Map<unknown, number>> {
  const sums = new Map<unknown, Map<unknown, number>>();
  for (let i = 1; i < activities.length; i++) {
    const row = activities[i] as unknown[];
    let byActivity = sums.get(row[1]);
    if (!byActivity) {
      byActivity = new Map();
      sums.set(row[1], byActivity);
    }
    byActivity.set(row[2], (byActivity.get(row[2]) ?? 0) + (row[3] as number));
  }
  return sums;
}

/** The engine's input: the 2-D arrays Sheets passes (dates as `Date`, empty cells as `""`). */
export function engineInput(rows: number, quotas: number): { activities: unknown[][]; quotas: unknown[][] } {
  const load = workload(rows, quotas, sheetDateOf(Date));
  return { activities: load.activities, quotas: load.quotas };
}

/** One way of timing the pair: medians, their ratio, and the samples. */
export interface PairFigures {
  /** Median over processes of each process's median. */
  engineMs: number;
  floorMs: number;
  /** Median of {@link processRatios}. */
  ratio: number;
  /** Each process's engine median ÷ its floor median. */
  processRatios: number[];
  /** Fastest engine sample ÷ fastest floor sample: the least disturbed pair, for a loaded machine. */
  bestRatio: number;
  samples: { engine: number[]; floor: number[] };
}

export interface EngineFigures {
  rows: number;
  quotas: number;
  /** Fresh processes measured. */
  processes: number;
  boardRows: number;
  /** Warmed up, no forced collection: what the bar judges. */
  steady: PairFigures;
  engineRowsPerSecond: number;
  floorRowsPerSecond: number;
  /** A full collection before every run. */
  afterCollection: PairFigures;
  /** The first call of each in a fresh process. */
  cold: PairFigures;
}

/** What one process measures (see {@link engineChild}). */
export interface ChildEngine {
  cold: { engineMs: number; floorMs: number };
  steady: { engine: number[]; floor: number[] };
  afterCollection: { engine: number[]; floor: number[] };
  boardRows: number;
}

/**
 * The child's side: the first board and the first floor loop of this process
 * (in `order`), then `reps` steady rounds, then `reps` rounds each after a
 * full collection.
 */
export function engineChild(
  rows: number,
  quotas: number,
  reps: number,
  order: 'engine-first' | 'floor-first',
): ChildEngine {
  const input = engineInput(rows, quotas);
  let boardRows = 0;
  const engine = {
    setup: () => input,
    run: (s: typeof input) => {
      boardRows = coreBoard(s.activities, s.quotas).length - 1;
    },
  };
  const floor = { setup: () => input, run: (s: typeof input) => floorSums(s.activities) };
  const cold = { engineMs: 0, floorMs: 0 };
  for (const side of order === 'engine-first' ? ['engine', 'floor'] : ['floor', 'engine']) {
    if (side === 'engine') cold.engineMs = timeIt(() => engine.run(input));
    else cold.floorMs = timeIt(() => floor.run(input));
  }
  const steady = interleave({ reps, warmup: 5, collectBefore: false }, engine, floor);
  const collected = interleave({ reps, warmup: 2, collectBefore: true }, engine, floor);
  return {
    cold,
    steady: { engine: steady.samplesA, floor: steady.samplesB },
    afterCollection: { engine: collected.samplesA, floor: collected.samplesB },
    boardRows,
  };
}

/** Medians over processes: each process's medians and ratio, then the median of those. */
function acrossProcesses(perProcess: { engine: number[]; floor: number[] }[]): PairFigures {
  const engineMs = median(perProcess.map((p) => median(p.engine)));
  const floorMs = median(perProcess.map((p) => median(p.floor)));
  const engine = perProcess.flatMap((p) => p.engine);
  const floor = perProcess.flatMap((p) => p.floor);
  const processRatios = perProcess.map((p) => median(p.engine) / median(p.floor));
  return {
    engineMs,
    floorMs,
    ratio: median(processRatios),
    processRatios,
    bestRatio: Math.min(...engine) / Math.min(...floor),
    samples: { engine, floor },
  };
}

/** `processes` fresh processes, each timing `reps` steady rounds and `reps` rounds after a collection. */
export function measureEngine(rows: number, quotas: number, reps: number, processes: number): EngineFigures {
  const children: ChildEngine[] = [];
  for (let i = 0; i < processes; i++) {
    const order = i % 2 === 0 ? 'engine-first' : 'floor-first';
    children.push(runChild<ChildEngine>(['engine', String(rows), String(quotas), String(reps), order]));
  }
  const steady = acrossProcesses(children.map((c) => c.steady));
  return {
    rows,
    quotas,
    processes,
    boardRows: children[0]?.boardRows ?? 0,
    steady,
    engineRowsPerSecond: (rows / steady.engineMs) * 1000,
    floorRowsPerSecond: (rows / steady.floorMs) * 1000,
    afterCollection: acrossProcesses(children.map((c) => c.afterCollection)),
    cold: acrossProcesses(children.map((c) => ({ engine: [c.cold.engineMs], floor: [c.cold.floorMs] }))),
  };
}
