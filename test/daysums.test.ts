/**
 * The log's sums by day and the clock's offset cache: the fast paths of reading
 * a 100,000-row log must give what the plain arithmetic gives.
 */
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayClock, dayFromIso } from '../src/core/day';
import { DaySums } from '../src/core/log';

describe('DaySums', () => {
  it('sums any days, near or far (a mistyped year), as a map of days would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -40_000, max: 80_000 }), fc.integer({ min: -5, max: 20 })), {
          maxLength: 200,
        }),
        fc.array(fc.tuple(fc.integer({ min: -40_000, max: 80_000 }), fc.nat({ max: 3_000 })), { maxLength: 20 }),
        (entries, ranges) => {
          const sums = new DaySums();
          const plain = new Map<number, number>();
          for (const [day, quantity] of entries) {
            sums.add(day, quantity);
            plain.set(day, (plain.get(day) ?? 0) + quantity);
          }
          for (const [start, length] of ranges) {
            let expected = 0;
            for (const [day, quantity] of plain) if (day >= start && day <= start + length) expected += quantity;
            expect(sums.sum(start, start + length)).toBe(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('grows backwards and forwards around the first day it sees', () => {
    const sums = new DaySums();
    const first = dayFromIso('2026-06-15') as number;
    sums.add(first, 1);
    sums.add(first - 300, 2);
    sums.add(first + 900, 4);
    sums.add(first + 100_000, 8); // year 2300: kept, but not in the dense run
    expect(sums.sum(first - 300, first + 900)).toBe(7);
    expect(sums.sum(first - 299, first + 899)).toBe(1);
    expect(sums.sum(first + 100_000, first + 100_000)).toBe(8);
    expect(sums.sum(first + 1, first + 899)).toBe(0);
  });
});

describe('DayClock', () => {
  it.each(['Asia/Seoul', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kathmandu'])(
    'turns instants into days as the zone database does, over years of quarter hours (%s)',
    (zone) => {
      const clock = new DayClock(zone);
      const start = Date.UTC(2024, 0, 1);
      // Every 7 hours and 15 minutes for six years: crosses every DST change and fills every cache slot.
      for (let ms = start; ms < start + 6 * 365 * 86_400_000; ms += 26_100_000) {
        const expected = Math.floor((ms + tzOffset(zone, new Date(ms)) * 60_000) / 86_400_000);
        if (clock.dayOf(ms) !== expected) expect(clock.dayOf(ms), new Date(ms).toISOString()).toBe(expected);
      }
      const day = dayFromIso('2026-09-27') as number;
      expect(clock.dayOf(clock.startOf(day))).toBe(day);
      expect(clock.startOf(day)).toBe(clock.startOf(day));
    },
  );
});
