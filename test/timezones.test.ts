/**
 * Dates are calendar days in the spreadsheet's time zone, never the machine's or
 * the script's (SPEC §3). The process runs in America/Los_Angeles (vitest.config.ts)
 * and, below, in other zones too.
 */
import { TZDate } from '@date-fns/tz';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cell, rajMonth } from './helpers/fixtures';
import { asAppsScript, NOV18, runtime, sheetDate } from './helpers/runtime';

const processZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = processZone;
});

/** Everything the functions say about Raj's month, from a runtime in `zone`. */
function answers(zone: string) {
  const rt = runtime({ timeZone: zone, scriptTimeZone: 'America/New_York', now: NOV18 });
  const date = sheetDate(rt);
  const f = rajMonth(date);
  const log = asAppsScript(f.activities);
  const quotas = asAppsScript(f.quotas);
  const iso = (d: unknown) => (d instanceof rt.Date ? new TZDate(d.getTime(), zone).toISOString().slice(0, 10) : d);
  return {
    total: rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-09-02'), date('2026-09-04')),
    mid: rt.call('QUOTA_STATUS', log, quotas, [['Raj'], ['Mia'], ['Tom']], [['Calls', 'Emails']], date('2026-09-15')),
    pace: rt.call('QUOTA_PACE', log, quotas, 'Raj', 'Calls', date('2026-09-15')),
    board: (rt.call('QUOTA_BOARD', log, quotas, date('2026-09-30')) as Cell[][]).map((row) => row.map(iso)),
    conversion: rt.call('ACTIVITY_CONVERSION', log, 'Raj', 'Opportunities', date('2026-09-01'), date('2026-09-30')),
  };
}

describe('time zones', () => {
  const reference = answers('Etc/UTC');

  it('gives the UTC answers with the process in Los Angeles and the sheet in Seoul', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(new Date(2026, 8, 1).getTimezoneOffset()).toBe(420);
    expect(answers('Asia/Seoul')).toEqual(reference);
    expect(reference.total).toBe(30);
    expect(reference.conversion).toBe(0.075);
  });

  it('gives the same answers whatever zone the process is in', () => {
    for (const zone of ['Pacific/Auckland', 'Asia/Kolkata', 'Etc/UTC', 'America/St_Johns']) {
      process.env.TZ = zone;
      expect(answers('Asia/Seoul')).toEqual(reference);
    }
  });

  it('gives the same answers for a sheet in Pacific/Auckland, across its DST change on 27 September', () => {
    // Auckland moves from +12:00 to +13:00 on Sunday 27 September 2026.
    expect(answers('Pacific/Auckland')).toEqual(reference);
    const rt = runtime({ timeZone: 'Pacific/Auckland', now: NOV18 });
    const date = sheetDate(rt);
    const log = [
      ['Date', 'Rep', 'Activity', 'Quantity'],
      [date('2026-09-26'), 'Raj', 'Calls', 1],
      [date('2026-09-27'), 'Raj', 'Calls', 2],
      [date('2026-09-28'), 'Raj', 'Calls', 4],
      [date('2026-09-29'), 'Raj', 'Calls', 8],
    ];
    const quotas = [
      ['Rep', 'Activity', 'Period', 'Target', 'From', 'To'],
      ['Raj', 'Calls', 'Week', 10, '', ''],
    ];
    // The week of 21–27 September ends on the DST day; the 28th starts the next week.
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-09-21'), date('2026-09-27'))).toBe(3);
    expect(rt.call('QUOTA_REMAINING', log, quotas, 'Raj', 'Calls', date('2026-09-27'))).toBe(7);
    expect(rt.call('QUOTA_STATUS', log, quotas, 'Raj', 'Calls', date('2026-09-27'))).toBe('Missed');
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-09-28'), date('2026-09-29'))).toBe(12);
    expect(rt.call('QUOTA_STATUS', log, quotas, 'Raj', 'Calls', date('2026-09-29'))).toBe('Met');
  });

  it('reads a date-time late in the evening as that day in the sheet zone, not in UTC or the script zone', () => {
    const rt = runtime({ timeZone: 'Asia/Seoul', scriptTimeZone: 'America/Los_Angeles', now: NOV18 });
    const date = sheetDate(rt);
    // 23:30 in Seoul on the 30th is 14:30 UTC on the 30th and 07:30 in Los Angeles.
    const late = rt.date(new TZDate(2026, 8, 30, 23, 30, 'Asia/Seoul').getTime());
    // 00:30 in Seoul on 1 October is still 30 September in UTC.
    const early = rt.date(new TZDate(2026, 9, 1, 0, 30, 'Asia/Seoul').getTime());
    const log = [
      ['Date', 'Rep', 'Activity', 'Quantity'],
      [late, 'Raj', 'Calls', 1],
      [early, 'Raj', 'Calls', 10],
    ];
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-09-30'), date('2026-09-30'))).toBe(1);
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', date('2026-10-01'), date('2026-10-01'))).toBe(10);
  });

  it('takes today from the sheet zone: just after midnight in Seoul is already tomorrow there', () => {
    // 15:30 UTC on 30 September is 00:30 on 1 October in Seoul.
    const now = Date.parse('2026-09-30T15:30:00Z');
    const seoul = runtime({ timeZone: 'Asia/Seoul', now });
    const utc = runtime({ timeZone: 'Etc/UTC', now });
    const quotas = [
      ['Rep', 'Activity', 'Period', 'Target', 'From', 'To'],
      ['Raj', 'Calls', 'Month', 10, '', sheetDate(seoul)('2026-09-30')],
      ['Raj', 'Calls', 'Month', 20, sheetDate(seoul)('2026-10-01'), ''],
    ];
    expect(seoul.call('QUOTA_TARGET', quotas, 'Raj', 'Calls')).toBe(20);
    const utcQuotas = [
      quotas[0],
      ['Raj', 'Calls', 'Month', 10, '', '2026-09-30'],
      ['Raj', 'Calls', 'Month', 20, '2026-10-01', ''],
    ];
    expect(utc.call('QUOTA_TARGET', utcQuotas, 'Raj', 'Calls')).toBe(10);
  });
});
