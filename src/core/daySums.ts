/**
 * Quantities by day for each (rep, activity) pair of a log, built in two steps:
 * rows are collected as they are read, then each pair's days are laid out in
 * one dense run, so that summing any period is one short loop.
 *
 * Why not add each row straight into its pair's array: a log of 100,000 rows
 * over a year writes all over a few hundred such arrays, and those scattered
 * writes (cache misses) cost more than the rest of reading a row. Collecting
 * first writes three typed arrays in order; laying out afterwards knows each
 * pair's first and last day, so every run is allocated once, at its exact size,
 * in one buffer.
 */
import type { Day } from './day';

/** Days a dense run may span (about eleven years); a pair spread wider (a mistyped year) is kept day by day. */
export const MAX_SPAN = 4_096;

/** Quantities of one rep and one activity by day. Read-only: see {@link DaySumsBuilder}. */
export class DaySums {
  constructor(
    /** The buffer the dense run lives in, shared with the log's other pairs. */
    private readonly buffer: Float64Array,
    /** Where the run starts in `buffer`. */
    private readonly base: number,
    /** The day at `base`. */
    private readonly first: Day,
    /** Days in the run. */
    private readonly length: number,
    /** Day by day, for a pair whose days are too far apart for a dense run. */
    private readonly sparse?: ReadonlyMap<Day, number>,
  ) {}

  /** Sum over [start, end], inclusive. */
  sum(start: Day, end: Day): number {
    let total = 0;
    if (this.sparse) {
      for (const [day, quantity] of this.sparse) if (day >= start && day <= end) total += quantity;
      return total;
    }
    const from = this.base + Math.max(start, this.first) - this.first;
    const to = this.base + Math.min(end, this.first + this.length - 1) - this.first;
    for (let i = from; i <= to; i++) total += this.buffer[i] as number;
    return total;
  }
}

/**
 * Collects a log's (pair, day, quantity) rows, then builds every pair's
 * {@link DaySums} at once. Pairs are numbered 0, 1, 2… by {@link addPair}.
 */
export class DaySumsBuilder {
  private pairs = 0;
  private count = 0;
  private pairOf: Int32Array;
  private dayOf: Int32Array;
  private quantityOf: Float64Array;
  /** Each pair's first and last day so far. */
  private firstDay = new Float64Array(16).fill(Number.POSITIVE_INFINITY);
  private lastDay = new Float64Array(16).fill(Number.NEGATIVE_INFINITY);

  /** `capacity`: the rows expected (the log's length); more are taken, at the cost of a copy. */
  constructor(capacity = 64) {
    const size = Math.max(16, capacity);
    this.pairOf = new Int32Array(size);
    // Any date a cell can hold is within ±100 million days of 1970.
    this.dayOf = new Int32Array(size);
    this.quantityOf = new Float64Array(size);
  }

  /** A new pair's number. */
  addPair(): number {
    const pair = this.pairs++;
    if (pair === this.firstDay.length) {
      const firstDay = new Float64Array(2 * pair).fill(Number.POSITIVE_INFINITY);
      const lastDay = new Float64Array(2 * pair).fill(Number.NEGATIVE_INFINITY);
      firstDay.set(this.firstDay);
      lastDay.set(this.lastDay);
      this.firstDay = firstDay;
      this.lastDay = lastDay;
    }
    return pair;
  }

  add(pair: number, day: Day, quantity: number): void {
    const at = this.count;
    if (at === this.pairOf.length) this.grow();
    this.pairOf[at] = pair;
    this.dayOf[at] = day;
    this.quantityOf[at] = quantity;
    this.count = at + 1;
    if (day < (this.firstDay[pair] as number)) this.firstDay[pair] = day;
    if (day > (this.lastDay[pair] as number)) this.lastDay[pair] = day;
  }

  private grow(): void {
    const size = 2 * this.pairOf.length;
    const pairOf = new Int32Array(size);
    const dayOf = new Int32Array(size);
    const quantityOf = new Float64Array(size);
    pairOf.set(this.pairOf);
    dayOf.set(this.dayOf);
    quantityOf.set(this.quantityOf);
    this.pairOf = pairOf;
    this.dayOf = dayOf;
    this.quantityOf = quantityOf;
  }

  /** Every pair's sums, by pair number. */
  build(): DaySums[] {
    const { pairs, count, pairOf, dayOf, quantityOf, firstDay: first, lastDay: last } = this;
    // Each pair's run in one shared buffer; -1 marks a pair kept day by day.
    const base = new Float64Array(pairs);
    let total = 0;
    for (let pair = 0; pair < pairs; pair++) {
      const span = (last[pair] as number) - (first[pair] as number) + 1;
      if (span > MAX_SPAN) {
        base[pair] = -1;
      } else if (span > 0) {
        base[pair] = total;
        total += span;
      }
    }
    const buffer = new Float64Array(total);
    const sparse = new Map<number, Map<Day, number>>();
    for (let i = 0; i < count; i++) {
      const pair = pairOf[i] as number;
      const day = dayOf[i] as number;
      const start = base[pair] as number;
      if (start >= 0) {
        const at = start + day - (first[pair] as number);
        buffer[at] = (buffer[at] as number) + (quantityOf[i] as number);
      } else {
        let days = sparse.get(pair);
        if (!days) {
          days = new Map();
          sparse.set(pair, days);
        }
        days.set(day, (days.get(day) ?? 0) + (quantityOf[i] as number));
      }
    }
    const built: DaySums[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const span = (last[pair] as number) - (first[pair] as number) + 1;
      built.push(
        span > 0
          ? new DaySums(buffer, base[pair] as number, first[pair] as number, span, sparse.get(pair))
          : new DaySums(buffer, 0, 0, 0),
      );
    }
    return built;
  }
}
