/**
 * The bundle's functions, called in the local runtime as Sheets calls them, give
 * the same answers as the TypeScript modules.
 */
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../src/core/i18n';
import { CATALOGUE, callFunction } from '../src/shells/functions';
import { BOARD_HEADER, rajMonth } from './helpers/fixtures';
import { asAppsScript, NOV18, runtime, sheetDate } from './helpers/runtime';

describe('custom functions in the runtime', () => {
  const rt = runtime({ now: Date.parse('2026-09-15T03:00:00Z') });
  const date = sheetDate(rt);
  const f = rajMonth(date);
  const activities = asAppsScript(f.activities);
  const quotas = asAppsScript(f.quotas);
  const team = asAppsScript(f.team);
  const settings = asAppsScript(f.settings);
  const env = { timeZone: 'Asia/Seoul', locale: 'en_US', now: Date.parse('2026-09-15T03:00:00Z') };
  const core = (name: string, ...args: unknown[]) => {
    const spec = CATALOGUE.find((s) => s.name === name);
    if (!spec) throw new Error(name);
    return callFunction(spec, args, env);
  };

  const cases: [string, unknown[]][] = [
    ['ACTIVITY_TOTAL', [activities, 'Raj', 'Calls', date('2026-09-01'), date('2026-09-30')]],
    ['QUOTA_TARGET', [quotas, 'Mia', 'Calls', date('2026-09-15')]],
    ['QUOTA_ATTAINMENT', [activities, quotas, 'Raj', 'Calls', date('2026-09-30')]],
    ['QUOTA_PACE', [activities, quotas, 'Raj', 'Emails', date('2026-09-15')]],
    ['QUOTA_STATUS', [activities, quotas, 'Tom', 'Calls', date('2026-09-15')]],
    ['QUOTA_REMAINING', [activities, quotas, 'Raj', 'Emails', date('2026-09-30')]],
    ['QUOTA_FORECAST', [activities, quotas, 'Raj', 'Calls', date('2026-09-15')]],
    ['QUOTA_BOARD', [activities, quotas, date('2026-09-30'), settings, team]],
    ['ACTIVITY_CONVERSION', [activities, 'Raj', 'Opportunities', date('2026-09-01'), date('2026-09-30')]],
    ['QUOTA_ATTAINMENT', [activities, quotas, 'East', 'Opportunities', date('2026-09-30'), settings, team]],
  ];

  it.each(cases)('%s gives the same answer in the vm as in the core', (name, args) => {
    const fromVm = rt.call(name, ...args);
    const fromCore = core(name, ...args);
    expect(JSON.parse(JSON.stringify(fromVm))).toEqual(JSON.parse(JSON.stringify(fromCore)));
    expect(fromVm).not.toBe('');
  });

  it('gives the expected values for Raj', () => {
    expect(rt.call('ACTIVITY_TOTAL', activities, 'Raj', 'Calls', date('2026-09-01'), date('2026-09-30'))).toBe(150);
    expect(rt.call('QUOTA_ATTAINMENT', activities, quotas, 'Raj', 'Calls', date('2026-09-30'))).toBeCloseTo(1.25);
    expect(rt.call('QUOTA_STATUS', activities, quotas, 'Raj', 'Emails', date('2026-09-30'))).toBe('Missed');
    expect(
      rt.call('ACTIVITY_CONVERSION', activities, 'Raj', 'Opportunities', date('2026-09-01'), date('2026-09-30')),
    ).toBe(0.075);
  });

  it('defaults the date to today in the spreadsheet time zone', () => {
    // 03:00 UTC on the 15th is noon on the 15th in Seoul (and still the 14th in Los Angeles).
    expect(rt.call('QUOTA_STATUS', activities, quotas, 'Raj', 'Emails')).toBe('Behind');
    expect(rt.call('QUOTA_TARGET', quotas, 'Mia', 'Calls')).toBe(30);
  });

  it('vectorises over a column of reps and a row of activities', () => {
    const grid = rt.call(
      'QUOTA_STATUS',
      activities,
      quotas,
      [['Raj'], ['Tom'], ['']],
      [['Calls', 'Emails']],
      date('2026-09-15'),
    );
    expect(grid).toEqual([
      ['On track', 'Behind'],
      // SPEC §3: 15 September is today here, so only 10 of 22 working days are over: Tom's 44 of 88 is Behind.
      ['Behind', 'No quota'],
      ['', ''],
    ]);
    const totals = rt.call(
      'ACTIVITY_TOTAL',
      activities,
      [['Raj'], ['Mia']],
      [['Calls'], ['Emails']],
      date('2026-09-01'),
      date('2026-09-30'),
    );
    expect(totals).toEqual([[150], [176]]);
  });

  it('returns board dates as dates of the spreadsheet zone, header row first', () => {
    const board = rt.call('QUOTA_BOARD', activities, quotas, date('2026-09-30')) as unknown[][];
    expect(board[0]).toEqual(BOARD_HEADER);
    const row = board.find((r) => r[0] === 'Raj' && r[1] === 'Emails');
    if (!row) throw new Error('no board row for Raj, Emails');
    expect(row[3]).toBeInstanceOf(rt.Date);
    expect((row[3] as Date).getTime()).toBe((date('2026-09-01') as Date).getTime());
    expect(row.slice(5, 7)).toEqual([250, 200]);
    expect(row[10]).toBe('Missed');
    // August had the same quota and no emails at all.
    expect(row[11]).toBe('Missed 0/250');
  });

  it('speaks the spreadsheet locale: Korean statuses and headers', () => {
    const ko = runtime({ locale: 'ko_KR', now: NOV18 });
    const d = sheetDate(ko);
    const k = rajMonth(d);
    const status = ko.call(
      'QUOTA_STATUS',
      asAppsScript(k.activities),
      asAppsScript(k.quotas),
      'Raj',
      'Emails',
      d('2026-09-30'),
    );
    expect(status).toBe(STRINGS.ko.statuses.missed);
    expect(status).not.toBe('Missed');
    const board = ko.call(
      'QUOTA_BOARD',
      asAppsScript(k.activities),
      asAppsScript(k.quotas),
      d('2026-09-30'),
    ) as unknown[][];
    expect(board[0]?.[0]).toBe(STRINGS.ko.headers.rep);
  });
});
