/**
 * Timing: medians of interleaved repetitions. Absolute times on a shared machine
 * are noise; a ratio of two medians taken turn about, in one process, is not
 * (both sides see the same noise, JIT state and machine load).
 */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds `fn` takes (its setup excluded: only `fn` runs between the two clocks). */
export function timeIt(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function timeItAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs the garbage collector when the process allows it (`--expose-gc`), so one side does not pay for the other's garbage. */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface Pair {
  /** Median milliseconds of each side. */
  a: number;
  b: number;
  samplesA: number[];
  samplesB: number[];
}

export interface InterleaveOptions {
  /** Timed rounds. */
  reps: number;
  /** Rounds run first and thrown away (JIT, caches). */
  warmup: number;
  /**
   * Force a full garbage collection before every timed run (default true), so
   * that neither side pays for the other's garbage. Turn it off to measure a
   * steady state: V8 throws away optimised code whose objects' hidden classes
   * died in the collection, so a run right after one is partly a cold run.
   */
  collectBefore?: boolean;
}

/** `reps` rounds of A then B, alternating which goes first. Each side gets a fresh setup, untimed. */
export function interleave<SA, SB>(
  options: InterleaveOptions,
  a: { setup: () => SA; run: (state: SA) => unknown },
  b: { setup: () => SB; run: (state: SB) => unknown },
): Pair {
  const { reps, warmup, collectBefore = true } = options;
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const timed = <S>(side: { setup: () => S; run: (state: S) => unknown }) => {
    const state = side.setup();
    if (collectBefore) collect();
    return timeIt(() => side.run(state));
  };
  const once = (keep: boolean, aFirst: boolean) => {
    for (const side of aFirst ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      if (side === 'a') {
        const ms = timed(a);
        if (keep) samplesA.push(ms);
      } else {
        const ms = timed(b);
        if (keep) samplesB.push(ms);
      }
    }
  };
  for (let i = 0; i < warmup; i++) once(false, i % 2 === 0);
  for (let i = 0; i < reps; i++) once(true, i % 2 === 0);
  return { a: median(samplesA), b: median(samplesB), samplesA, samplesB };
}

/** The async form of {@link interleave}, for the browser. */
export async function interleaveAsync(
  reps: number,
  warmup: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<Pair> {
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < warmup + reps; i++) {
    let x: number;
    let y: number;
    if (i % 2 === 0) {
      x = await a();
      y = await b();
    } else {
      y = await b();
      x = await a();
    }
    if (i < warmup) continue;
    samplesA.push(x);
    samplesB.push(y);
  }
  return { a: median(samplesA), b: median(samplesB), samplesA, samplesB };
}
