/**
 * Property tests over random logs and quota tables, against the
 * shipped bundle: the board equals a naive recomputation of SPEC §3, status is
 * monotone in Done, the order of the log's rows does not matter, and splitting
 * a quota in two with From/To changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOARD_HEADER } from './helpers/fixtures';
import { runtime, sheetDate } from './helpers/runtime';

const MS_PER_DAY = 86_400_000;
/** Day numbers (days since 1970-01-01) from 2026-01-01 on. */
const BASE = Date.UTC(2026, 0, 1) / MS_PER_DAY;
const SPAN = 150;
const REPS = ['Raj', 'Mia', 'Łucja', '민수', 'Иван'];
const ACTIVITIES = ['Calls', 'Emails', 'Demos', 'Site visits'];
const PERIODS = ['Day', 'Week', 'Month', 'Quarter', 'Year'] as const;
type PeriodName = (typeof PERIODS)[number];

const rt = runtime({ timeZone: 'Asia/Seoul', now: Date.UTC(2026, 6, 1) });
const cell = sheetDate(rt);
const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const date = (day: number) => cell(iso(day));

interface Entry {
  day: number;
  rep: string;
  activity: string;
  quantity: number;
}
interface QuotaRow {
  rep: string;
  activity: string;
  period: PeriodName;
  target: number;
  from?: number;
  to?: number;
}

const entryArb = fc.record({
  day: fc.integer({ min: BASE, max: BASE + SPAN }),
  rep: fc.constantFrom(...REPS),
  activity: fc.constantFrom(...ACTIVITIES),
  // Whole numbers and quarters: sums that are exact in binary, so the order of adding cannot move them.
  quantity: fc.integer({ min: -20, max: 400 }).map((n) => n / 4),
});

const quotaArb: fc.Arbitrary<QuotaRow> = fc
  .record({
    rep: fc.constantFrom('*', '', ...REPS),
    activity: fc.constantFrom(...ACTIVITIES),
    period: fc.constantFrom(...PERIODS),
    target: fc.integer({ min: 0, max: 300 }),
    from: fc.option(fc.integer({ min: BASE, max: BASE + SPAN }), { nil: undefined }),
    length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  })
  .map(({ length, ...row }) => ({
    ...row,
    to: length === undefined ? undefined : (row.from ?? BASE) + length,
  }));

function logRange(entries: readonly Entry[]): unknown[][] {
  return [['Date', 'Rep', 'Activity', 'Quantity'], ...entries.map((e) => [date(e.day), e.rep, e.activity, e.quantity])];
}

function quotaRange(quotas: readonly QuotaRow[]): unknown[][] {
  return [
    ['Rep', 'Activity', 'Period', 'Target', 'From', 'To'],
    ...quotas.map((q) => [
      q.rep,
      q.activity,
      q.period,
      q.target,
      q.from === undefined ? '' : date(q.from),
      q.to === undefined ? '' : date(q.to),
    ]),
  ];
}

// ---- A naive SPEC §3, written from the spec, day by day -----------------------

const utc = (day: number) => new Date(day * MS_PER_DAY);
const dayOf = (ms: number) => Math.round(ms / MS_PER_DAY);

/** The period containing `day`: week from Monday, quarters and year from January. */
function naivePeriod(day: number, period: PeriodName): { start: number; end: number } {
  const d = utc(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'Day':
      return { start: day, end: day };
    case 'Week': {
      const start = day - ((d.getUTCDay() + 6) % 7);
      return { start, end: start + 6 };
    }
    case 'Month':
      return { start: dayOf(Date.UTC(y, m, 1)), end: dayOf(Date.UTC(y, m + 1, 0)) };
    case 'Quarter': {
      const q = Math.floor(m / 3) * 3;
      return { start: dayOf(Date.UTC(y, q, 1)), end: dayOf(Date.UTC(y, q + 3, 0)) };
    }
    case 'Year':
      return { start: dayOf(Date.UTC(y, 0, 1)), end: dayOf(Date.UTC(y, 11, 31)) };
  }
}

function workingDays(start: number, end: number): number {
  let count = 0;
  for (let day = start; day <= end; day++) if (utc(day).getUTCDay() % 6 !== 0) count++;
  return count;
}

/** The quota in force: From ≤ day ≤ To, a Day only on a working day; a rep's own row beats `*`; then the latest From, then the lower row. */
function naiveQuota(quotas: readonly QuotaRow[], rep: string, activity: string, day: number): QuotaRow | undefined {
  const pick = (mine: (q: QuotaRow) => boolean) => {
    let best: QuotaRow | undefined;
    for (const q of quotas) {
      const inForce = (q.from === undefined || q.from <= day) && (q.to === undefined || day <= q.to);
      // SPEC §3: a day quota (working-day pacing, the default) is in force on working days only.
      const offDay = q.period === 'Day' && utc(day).getUTCDay() % 6 === 0;
      if (!inForce || offDay || q.activity !== activity || !mine(q)) continue;
      if (!best || (q.from ?? Number.NEGATIVE_INFINITY) >= (best.from ?? Number.NEGATIVE_INFINITY)) best = q;
    }
    return best;
  };
  return pick((q) => q.rep === rep) ?? pick((q) => q.rep === '*' || q.rep === '');
}

const RANK: Record<string, number> = { Missed: 0, 'At risk': 0, Behind: 1, 'On track': 2, Met: 3 };

function naiveRow(entries: readonly Entry[], quota: QuotaRow, rep: string, activity: string, asOf: number) {
  const { start, end } = naivePeriod(asOf, quota.period);
  const done = entries
    .filter((e) => e.rep === rep && e.activity === activity && e.day >= start && e.day <= asOf)
    .reduce((sum, e) => sum + e.quantity, 0);
  const total = workingDays(start, end);
  const elapsed =
    asOf >= end ? 1 : total === 0 ? (asOf - start + 1) / (end - start + 1) : workingDays(start, asOf) / total;
  const expected = quota.target * elapsed;
  const status =
    done >= quota.target
      ? 'Met'
      : asOf >= end
        ? 'Missed'
        : done >= expected
          ? 'On track'
          : done >= 0.75 * expected
            ? 'Behind'
            : 'At risk';
  // The board shows Expected rounded up to the cent: what must be done to be On track.
  const shownExpected = Math.ceil(Math.round(expected * 1e6) / 1e4) / 100;
  return { start, end, target: quota.target, done, expected: shownExpected, status };
}

// ---- The properties -------------------------------------------------------------

describe('the board, property tests', () => {
  it('equals a naive recomputation: the same rows, periods, targets, totals, expected and statuses', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 60 }),
        fc.array(quotaArb, { maxLength: 8 }),
        fc.integer({ min: BASE, max: BASE + SPAN }),
        (entries, quotas, asOf) => {
          const got = rt.call('QUOTA_BOARD', logRange(entries), quotaRange(quotas), date(asOf)) as unknown[][];
          expect(got[0]).toEqual(BOARD_HEADER);
          const reps = new Set([...entries.map((e) => e.rep), ...quotas.map((q) => q.rep)]);
          const expected: Record<string, ReturnType<typeof naiveRow>> = {};
          for (const rep of REPS.filter((r) => reps.has(r))) {
            for (const activity of ACTIVITIES) {
              const quota = naiveQuota(quotas, rep, activity, asOf);
              if (quota) expected[`${rep}|${activity}`] = naiveRow(entries, quota, rep, activity, asOf);
            }
          }
          const actual: Record<string, ReturnType<typeof naiveRow>> = {};
          for (const row of got.slice(1)) {
            actual[`${row[0]}|${row[1]}`] = {
              start: dayOf((row[3] as Date).getTime() + 9 * 3_600_000),
              end: dayOf((row[4] as Date).getTime() + 9 * 3_600_000),
              target: row[5] as number,
              done: row[6] as number,
              expected: row[8] as number,
              status: row[10] as string,
            };
          }
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('never gives a worse status for more done (Missed/At risk < Behind < On track < Met)', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 40 }),
        fc.array(quotaArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: BASE, max: BASE + SPAN }),
        fc.constantFrom(...REPS),
        fc.constantFrom(...ACTIVITIES),
        fc.integer({ min: 1, max: 200 }),
        (entries, quotas, asOf, rep, activity, more) => {
          const status = (log: readonly Entry[]) =>
            rt.call('QUOTA_STATUS', logRange(log), quotaRange(quotas), rep, activity, date(asOf)) as string;
          const before = status(entries);
          // More done: one more entry on the as-of day, which every period containing it counts.
          const after = status([...entries, { day: asOf, rep, activity, quantity: more }]);
          if (before === 'No quota') expect(after).toBe('No quota');
          else expect(RANK[after], `${before} → ${after}`).toBeGreaterThanOrEqual(RANK[before] as number);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is the same whatever the order of the log rows, and however a name is cased or spaced', () => {
    const spelling = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toUpperCase(),
      (s: string) => ` ${s}  `,
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.tuple(entryArb, spelling), { maxLength: 60 })
          .map((pairs) => pairs.map(([e, spell]) => ({ ...e, rep: spell(e.rep) })))
          .chain((entries) =>
            fc.tuple(
              fc.constant(entries),
              fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
            ),
          ),
        fc.array(quotaArb, { maxLength: 8 }),
        fc.integer({ min: BASE, max: BASE + SPAN }),
        ([entries, shuffled], quotas, asOf) => {
          const boardOf = (log: readonly Entry[]) =>
            rt.call('QUOTA_BOARD', logRange(log), quotaRange(quotas), date(asOf)) as unknown[][];
          expect(boardOf(shuffled)).toEqual(boardOf(entries));
        },
      ),
      { numRuns: 80 },
    );
  });
});

/** Quota rows that never overlap for the same rep (or `*`) and activity: consecutive spans, some open-ended. */
const tidyQuotasArb: fc.Arbitrary<QuotaRow[]> = fc
  .uniqueArray(
    fc.record({
      rep: fc.constantFrom('*', ...REPS),
      activity: fc.constantFrom(...ACTIVITIES),
      period: fc.constantFrom(...PERIODS),
      cuts: fc.uniqueArray(fc.integer({ min: BASE, max: BASE + SPAN }), { minLength: 1, maxLength: 4 }),
      targets: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 5, maxLength: 5 }),
      openStart: fc.boolean(),
      openEnd: fc.boolean(),
    }),
    { selector: (plan) => `${plan.rep}|${plan.activity}`, maxLength: 6 },
  )
  .map((plans) =>
    plans.flatMap((plan) => {
      const cuts = [...plan.cuts].sort((a, b) => a - b);
      const rows: QuotaRow[] = [];
      const row = (i: number, from: number | undefined, to: number | undefined) =>
        rows.push({
          rep: plan.rep,
          activity: plan.activity,
          period: plan.period,
          target: plan.targets[i] ?? 0,
          from,
          to,
        });
      if (plan.openStart) row(4, undefined, (cuts[0] as number) - 1);
      cuts.forEach((cut, i) => {
        const next = cuts[i + 1];
        row(i, cut, next !== undefined ? next - 1 : plan.openEnd ? undefined : cut + 20);
      });
      return rows;
    }),
  );

describe('splitting a quota with From/To, property test', () => {
  it('gives the same target in force on every day, and the same board', () => {
    const days = Array.from({ length: SPAN + 31 }, (_, i) => BASE - 10 + i);
    const dayRow = [days.map((day) => date(day))];
    const repColumn = REPS.map((rep) => [rep]);
    fc.assert(
      fc.property(
        tidyQuotasArb.filter((rows) => rows.length > 0),
        fc.nat(),
        fc.integer({ min: BASE - 5, max: BASE + SPAN + 20 }),
        fc.integer({ min: BASE, max: BASE + SPAN }),
        fc.array(entryArb, { maxLength: 30 }),
        (quotas, pick, split, asOf, entries) => {
          const index = pick % quotas.length;
          const row = quotas[index] as QuotaRow;
          // The split day must leave a day on each side: From < split ≤ To.
          fc.pre((row.from === undefined || row.from < split) && (row.to === undefined || split <= row.to));
          const split2 = [
            ...quotas.slice(0, index),
            { ...row, to: split - 1 },
            { ...row, from: split },
            ...quotas.slice(index + 1),
          ];
          for (const activity of ACTIVITIES) {
            const target = (table: readonly QuotaRow[]) =>
              rt.call('QUOTA_TARGET', quotaRange(table), repColumn, activity, dayRow);
            expect(target(split2)).toEqual(target(quotas));
          }
          const boardOf = (table: readonly QuotaRow[]) =>
            rt.call('QUOTA_BOARD', logRange(entries), quotaRange(table), date(asOf));
          expect(boardOf(split2)).toEqual(boardOf(quotas));
        },
      ),
      { numRuns: 60 },
    );
  });
});
