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

/**
 * `reps` rounds of A then B, alternating which goes first; `warmup` rounds are
 * run and thrown away (JIT, caches). Each side gets a fresh setup, untimed.
 */
export function interleave<SA, SB>(
  reps: number,
  warmup: number,
  a: { setup: () => SA; run: (state: SA) => unknown },
  b: { setup: () => SB; run: (state: SB) => unknown },
): Pair {
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const once = (keep: boolean, aFirst: boolean) => {
    const sides = aFirst ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const side of sides) {
      if (side === 'a') {
        const state = a.setup();
        collect();
        const ms = timeIt(() => a.run(state));
        if (keep) samplesA.push(ms);
      } else {
        const state = b.setup();
        collect();
        const ms = timeIt(() => b.run(state));
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
