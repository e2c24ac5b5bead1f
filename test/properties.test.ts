/**
 * Property tests over random logs, run against the shipped bundle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOV18, runtime, sheetDate } from './helpers/runtime';

const REPS = ['Raj', 'Mia', 'Tom', 'Łucja', '민수'];
const ACTIVITIES = ['Calls', 'Emails', 'Demos', 'Site visits'];
const isoOf = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const entry = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  rep: fc.constantFrom(...REPS),
  activity: fc.constantFrom(...ACTIVITIES),
  quantity: fc.integer({ min: -5, max: 500 }),
});

describe('ACTIVITY_TOTAL, property tests', () => {
  for (const zone of ['Asia/Seoul', 'Pacific/Auckland']) {
    it(`equals a direct sum over random logs (sheet in ${zone})`, () => {
      const rt = runtime({ timeZone: zone, now: NOV18 });
      const date = sheetDate(rt);
      fc.assert(
        fc.property(
          fc.array(entry, { maxLength: 80 }),
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 0, max: 120 }),
          fc.constantFrom(...REPS),
          fc.constantFrom(...ACTIVITIES),
          (entries, start, length, rep, activity) => {
            const log = [
              ['Date', 'Rep', 'Activity', 'Quantity'],
              ...entries.map((e) => [date(isoOf(e.day)), e.rep, e.activity, e.quantity]),
            ];
            const expected = entries
              .filter((e) => e.rep === rep && e.activity === activity && e.day >= start && e.day <= start + length)
              .reduce((sum, e) => sum + e.quantity, 0);
            const got = rt.call('ACTIVITY_TOTAL', log, rep, activity, date(isoOf(start)), date(isoOf(start + length)));
            expect(got).toBe(expected);
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('sums a whole team ("*") as the sum of its reps', () => {
    const rt = runtime({ now: NOV18 });
    const date = sheetDate(rt);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const log = [
          ['Date', 'Rep', 'Activity', 'Quantity'],
          ...entries.map((e) => [date(isoOf(e.day)), e.rep, e.activity, e.quantity]),
        ];
        const args = [date(isoOf(0)), date(isoOf(400))];
        const each = rt.call(
          'ACTIVITY_TOTAL',
          log,
          REPS.map((r) => [r]),
          'Calls',
          ...args,
        ) as number[][];
        const all = rt.call('ACTIVITY_TOTAL', log, '*', 'Calls', ...args);
        expect(all).toBe(each.reduce((sum, [n]) => sum + (n ?? 0), 0));
      }),
      { numRuns: 80 },
    );
  });
});
