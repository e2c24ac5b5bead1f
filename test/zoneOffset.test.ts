/**
 * Time-zone offsets without `timeZoneName: "longOffset"` (SPEC §10): the core
 * computes them from `Intl.DateTimeFormat#formatToParts`, and the runtime's
 * `Intl` refuses the option, so every formula test also runs without it.
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, zoneOffsetMinutes } from '../src/core/zoneOffset';
import { UNDOCUMENTED_ZONE_NAMES } from '../src/local/intl';
import { asAppsScript, NOV18, runtime, sheetDate } from './helpers/runtime';

const ZONES = [
  'Etc/UTC',
  'Asia/Seoul',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
/**
 * The reference: Node's own `longOffset` ("GMT-00:30:20"), parsed here with its
 * sign. (@date-fns/tz's parser drops the sign of offsets under an hour, e.g.
 * Casablanca's local mean time before 1913.)
 */
function referenceOffset(zone: string, ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(name ?? '');
  if (!match) throw new Error(`unexpected offset name ${name}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}

/** 1900-01-01 to 2100-01-01: every date a Sheets serial can hold in practice. */
const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2100, 0, 1);

describe('zone offsets from formatToParts', () => {
  it('agree with the time-zone database as Node reads it (longOffset) for any instant from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
        expect(zoneOffsetMinutes(zone, ms)).toBeCloseTo(referenceOffset(zone, ms), 6);
      }),
      { numRuns: 3000 },
    );
  });

  it('follow a DST change to the minute (Los Angeles, 8 March 2026, 02:00 → 03:00)', () => {
    const change = Date.UTC(2026, 2, 8, 10, 0); // 02:00 PST
    expect(zoneOffsetMinutes('America/Los_Angeles', change - 1)).toBe(-480);
    expect(zoneOffsetMinutes('America/Los_Angeles', change)).toBe(-420);
    expect(zoneOffsetMinutes('Asia/Seoul', change)).toBe(540);
    expect(zoneOffsetMinutes('Asia/Kathmandu', change)).toBe(345);
  });

  it('keep the seconds of 19th-century local mean time, and work for years before 100', () => {
    const casablanca = Date.UTC(1910, 0, 1);
    expect(zoneOffsetMinutes('Africa/Casablanca', casablanca)).toBeCloseTo(-(30 + 20 / 60), 6);
    const ms = Date.UTC(1880, 5, 1);
    expect(zoneOffsetMinutes('Europe/Amsterdam', ms)).toBeCloseTo(referenceOffset('Europe/Amsterdam', ms), 6);
    const early = new Date(Date.UTC(2000, 0, 1, 12));
    early.setUTCFullYear(50);
    expect(zoneOffsetMinutes('Etc/UTC', early.getTime())).toBe(0);
    expect(zoneOffsetMinutes('Asia/Seoul', early.getTime())).toBeCloseTo(
      referenceOffset('Asia/Seoul', early.getTime()),
      6,
    );
  });

  it('are NaN for unknown zones, which isKnownTimeZone refuses', () => {
    for (const zone of ['', 'Mars/Olympus', 'Asia/Seol', 'GMT+25']) {
      expect(isKnownTimeZone(zone), zone).toBe(false);
      expect(zoneOffsetMinutes(zone, 0), zone).toBeNaN();
    }
    for (const zone of ZONES) expect(isKnownTimeZone(zone), zone).toBe(true);
  });
});

describe("the runtime's Intl", () => {
  it('refuses the post-ES2017 timeZoneName options in the bundle realm, with V8 text', () => {
    const rt = runtime({ now: NOV18 });
    for (const name of UNDOCUMENTED_ZONE_NAMES) {
      const options = `{ timeZone: 'Asia/Seoul', timeZoneName: '${name}' }`;
      expect(() => vm.runInContext(`new Intl.DateTimeFormat('en-US', ${options})`, rt.context)).toThrow(
        `Value ${name} out of range for Intl.DateTimeFormat options property timeZoneName`,
      );
      expect(() => vm.runInContext(`Intl.DateTimeFormat('en-US', ${options}).format(0)`, rt.context)).toThrow(
        /out of range/,
      );
      expect(() => vm.runInContext(`new Date(0).toLocaleString('en-US', ${options})`, rt.context)).toThrow(
        /out of range/,
      );
    }
    // What ES2017 has still works, and instanceof still holds.
    expect(
      vm.runInContext(
        `const f = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', timeZoneName: 'short', hour: 'numeric', hourCycle: 'h23' });
         [f instanceof Intl.DateTimeFormat, f.formatToParts(0).find((p) => p.type === 'hour').value, new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC' })].join(' ')`,
        rt.context,
      ),
    ).toBe('true 09 1/1/1970');
  });

  it("@date-fns/tz's longOffset path yields NaN there, while the bundle's formulas still give the right days", () => {
    const rt = runtime({ timeZone: 'Asia/Seoul', now: NOV18 });
    // What the bundle did before: ask Intl for "longOffset" (now refused, so NaN offsets).
    const refused = vm.runInContext(
      `(() => { try { new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', timeZoneName: 'longOffset' }); return 'accepted'; } catch (e) { return 'refused'; } })()`,
      rt.context,
    );
    expect(refused).toBe('refused');
    const date = sheetDate(rt);
    const log = asAppsScript([
      ['Date', 'Rep', 'Activity', 'Quantity'],
      [date('2026-11-17'), 'Raj', 'Calls', 2],
      [date('2026-11-18'), 'Raj', 'Calls', 3],
      [date('2026-11-19'), 'Raj', 'Calls', 5],
    ]);
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-11-18'), date('2026-11-18'))).toBe(3);
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-11-17'), date('2026-11-19'))).toBe(10);
  });
});
