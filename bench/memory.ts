/**
 * Memory of the board on a big log, each measurement in a child process of its
 * own (`--expose-gc`), so nothing else this run allocated is counted.
 *
 * A child with only the input, and a child with the input and the board, both
 * report their peak resident memory: the difference is the board's peak. The
 * board's child also reports the V8 heap before and right after the board (no
 * collection in between), and what stays once its result is dropped.
 */
import { getHeapStatistics } from 'node:v8';
import { runChild } from './child';
import { coreBoard, engineInput } from './engine';
import { collect } from './stats';

export interface ChildMemory {
  board: boolean;
  /** Peak resident set of the whole process, MB. */
  peakRssMb: number;
  /** Heap the input takes (after a collection, less the heap before it was built), MB. */
  inputHeapMb: number;
  /** Heap in use once the input is built and garbage collected, MB. */
  baseHeapMb: number;
  /** Heap in use right after the board, before any forced collection, MB. */
  afterBoardHeapMb?: number;
  /** Heap V8 had reserved right after the board (it grows to the peak and shrinks only later), MB. */
  afterBoardTotalHeapMb?: number;
  totalHeapBeforeMb?: number;
  /** Heap in use after a collection once the board's result is dropped, MB. */
  afterDropHeapMb?: number;
  rowsOut?: number;
}

export interface MemoryFigures {
  rows: number;
  quotas: number;
  inputOnly: ChildMemory;
  withBoard: ChildMemory;
  /** Peak RSS with the board − without it, MB. */
  boardPeakRssMb: number;
  /** Growth of V8's reserved heap across the board, MB: a lower bound of its peak heap. */
  boardHeapGrowthMb: number;
  /** Heap in use right after the board − before it, MB. */
  boardHeapAfterMb: number;
}

const MB = 1024 * 1024;

/** The child's side: builds the input, optionally computes the board, prints its figures as JSON. */
export function memoryChild(rows: number, quotas: number, board: boolean): ChildMemory {
  collect();
  const empty = process.memoryUsage().heapUsed;
  const input = engineInput(rows, quotas);
  collect();
  collect();
  const before = process.memoryUsage().heapUsed;
  const result: ChildMemory = { board, peakRssMb: 0, inputHeapMb: (before - empty) / MB, baseHeapMb: before / MB };
  if (board) {
    const totalBefore = getHeapStatistics().total_heap_size;
    let output: unknown[][] | undefined = coreBoard(input.activities, input.quotas);
    const usage = process.memoryUsage();
    result.afterBoardHeapMb = usage.heapUsed / MB;
    result.afterBoardTotalHeapMb = getHeapStatistics().total_heap_size / MB;
    result.totalHeapBeforeMb = totalBefore / MB;
    result.rowsOut = output.length;
    output = undefined;
    collect();
    result.afterDropHeapMb = process.memoryUsage().heapUsed / MB;
  }
  // ru_maxrss is in kilobytes.
  result.peakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
  if (input.activities.length === 0) throw new Error('no input');
  return result;
}

function spawnChild(rows: number, quotas: number, board: boolean): ChildMemory {
  return runChild<ChildMemory>(['memory', String(rows), String(quotas), board ? 'board' : 'input']);
}

export function measureMemory(rows: number, quotas: number): MemoryFigures {
  const inputOnly = spawnChild(rows, quotas, false);
  const withBoard = spawnChild(rows, quotas, true);
  return {
    rows,
    quotas,
    inputOnly,
    withBoard,
    boardPeakRssMb: withBoard.peakRssMb - inputOnly.peakRssMb,
    boardHeapGrowthMb: (withBoard.afterBoardTotalHeapMb ?? 0) - (withBoard.totalHeapBeforeMb ?? 0),
    boardHeapAfterMb: (withBoard.afterBoardHeapMb ?? 0) - withBoard.baseHeapMb,
  };
}
