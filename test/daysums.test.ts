/**
 * The log's sums by day and the clock's offset cache: the fast paths of reading
 * a 100,000-row log must give what the plain arithmetic gives.
 */
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayClock, dayFromIso } from '../src/core/day';
import { type DaySums, DaySumsBuilder, MAX_SPAN } from '../src/core/daySums';

describe('DaySums', () => {
  it('sums any days, near or far (a mistyped year), as a map of days would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -40_000, max: 80_000 }), fc.integer({ min: -5, max: 20 })), {
          maxLength: 200,
        }),
        fc.array(fc.tuple(fc.integer({ min: -40_000, max: 80_000 }), fc.nat({ max: 3_000 })), { maxLength: 20 }),
        (entries, ranges) => {
          const builder = new DaySumsBuilder(4);
          const pair = builder.addPair();
          const plain = new Map<number, number>();
          for (const [day, quantity] of entries) {
            builder.add(pair, day, quantity);
            plain.set(day, (plain.get(day) ?? 0) + quantity);
          }
          const sums = builder.build()[0] as DaySums;
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

  it('keeps pairs apart, rows in any order, and a pair spread over centuries day by day', () => {
    const builder = new DaySumsBuilder(2); // fewer rows expected than come: the builder grows
    const [near, far, empty] = [builder.addPair(), builder.addPair(), builder.addPair()];
    expect(empty).toBe(2);
    const first = dayFromIso('2026-06-15') as number;
    builder.add(near, first, 1);
    builder.add(far, first, 16);
    builder.add(near, first - 300, 2);
    builder.add(near, first + 900, 4);
    builder.add(far, first + 100_000, 8); // year 2300: too far for a dense run
    builder.add(near, first, 32);
    const [nearSums, farSums, emptySums] = builder.build() as [DaySums, DaySums, DaySums];
    expect(nearSums.sum(first - 300, first + 900)).toBe(39);
    expect(nearSums.sum(first - 299, first + 899)).toBe(33);
    expect(nearSums.sum(first + 1, first + 899)).toBe(0);
    expect(nearSums.sum(first + 901, first + 2_000)).toBe(0);
    expect(farSums.sum(first + 100_000, first + 100_000)).toBe(8);
    expect(farSums.sum(first - MAX_SPAN, first + MAX_SPAN)).toBe(16);
    expect(emptySums.sum(first - 1_000, first + 1_000)).toBe(0);
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
