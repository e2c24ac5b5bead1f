import { describe, expect, it } from 'vitest';
import { dayToIso } from '../src/core/day';
import { computeBoard, conversionFor, evaluate, resolveSubject, totalFor } from '../src/core/engine';
import { activityKeyOf } from '../src/core/names';
import { QuotaError } from '../src/core/problems';
import { quotaInForce } from '../src/core/quotas';
import { statusOf } from '../src/core/status';
import { day, workbook } from './helpers/core';
import { QUOTA_HEADER, rajMonth } from './helpers/fixtures';

const raj = rajMonth();
/** Today, after every as-of day below: each as-of day is over, so its figures are as of its end. */
const TODAY = day('2027-01-04');

function progress(book: ReturnType<typeof workbook>, rep: string, activity: string, asOf: string) {
  const result = evaluate(book, resolveSubject(rep, book), activityKeyOf(activity), day(asOf), TODAY);
  if (!result) throw new Error(`no quota for ${rep} ${activity}`);
  return result.progress;
}

describe("Raj's month (SPEC §1)", () => {
  const book = workbook(raj);

  it('gives attainment and statuses at month end: met calls, missed emails', () => {
    const calls = progress(book, 'Raj', 'Calls', '2026-09-30');
    expect(calls.done).toBe(150);
    expect(calls.target).toBe(120);
    expect(calls.attainment).toBeCloseTo(1.25);
    expect(calls.status).toBe('met');
    const emails = progress(book, 'Raj', 'Emails', '2026-09-30');
    expect([emails.done, emails.target, emails.attainment, emails.status]).toEqual([200, 250, 0.8, 'missed']);
    expect(emails.remaining).toBe(50);
    expect(progress(book, 'Raj', 'Social contacts', '2026-09-30').status).toBe('met');
    expect(progress(book, 'Raj', 'Opportunities', '2026-09-30').done).toBe(30);
  });

  it('gives 30 / 400 = 0.075 conversion', () => {
    const subject = resolveSubject('Raj', book);
    expect(
      conversionFor(book.log, subject, activityKeyOf('Opportunities'), day('2026-09-01'), day('2026-09-30')),
    ).toBeCloseTo(0.075, 10);
  });

  it('paces mid-month against working days: on track, behind, at risk', () => {
    // 11 of 22 working days have gone by the end of Tuesday 15 September.
    const calls = progress(book, 'Raj', 'Calls', '2026-09-15');
    expect(calls.done).toBe(110);
    expect(calls.elapsed).toBeCloseTo(0.5);
    expect(calls.expected).toBeCloseTo(60);
    expect(calls.pace).toBeCloseTo(110 / 60);
    expect(calls.forecast).toBeCloseTo(220);
    expect(calls.status).toBe('onTrack');
    const emails = progress(book, 'Raj', 'Emails', '2026-09-15');
    expect(emails.done).toBe(110);
    expect(emails.expected).toBeCloseTo(125);
    expect(emails.status).toBe('behind');
    const tom = progress(book, 'Tom', 'Calls', '2026-09-15');
    expect(tom.done).toBe(44);
    expect(tom.status).toBe('atRisk');
  });

  it("lets a rep's own row beat the * row, whatever the order of rows", () => {
    const mia = progress(book, 'Mia', 'Calls', '2026-09-15');
    expect(mia.target).toBe(30);
    expect(
      dayToIso(evaluate(book, resolveSubject('Mia', book), 'calls', day('2026-09-15'), TODAY)?.period.start ?? 0),
    ).toBe('2026-09-14');
    expect(mia.done).toBe(12);
    expect(mia.status).toBe('onTrack');
    const reversed = workbook({ ...raj, quotas: [QUOTA_HEADER, ...raj.quotas.slice(1).reverse()] });
    expect(progress(reversed, 'Mia', 'Calls', '2026-09-15').target).toBe(30);
  });

  it('matches reps and activities by name in any case and any language', () => {
    expect(progress(book, '  raj ', 'calls', '2026-09-30').done).toBe(150);
    expect(progress(book, 'RAJ', 'Звонки', '2026-09-30').done).toBe(150);
    expect(progress(book, 'Raj', '전화', '2026-09-30').done).toBe(150);
  });
});

describe('the quota in force', () => {
  const quotas = [
    QUOTA_HEADER,
    ['*', 'Calls', 'Week', 50, null, null],
    ['*', 'Calls', 'Week', 60, '2026-10-01', null],
    ['Raj', 'Calls', 'Week', 40, '2026-09-01', '2026-09-16'],
    ['Raj', 'Calls', 'Week', 45, '2026-09-17', '2026-09-30'],
  ];
  const book = workbook({ quotas });
  const target = (rep: string, iso: string) => quotaInForce(book.quotas, rep, 'calls', day(iso), book.settings)?.target;

  it('takes From and To as inclusive, and a later From over an earlier one', () => {
    expect(target('raj', '2026-09-16')).toBe(40);
    expect(target('raj', '2026-09-17')).toBe(45);
    expect(target('raj', '2026-09-30')).toBe(45);
    // After Raj's own rows end, the * rows apply again, the latest From first.
    expect(target('raj', '2026-10-01')).toBe(60);
    expect(target('tom', '2026-09-30')).toBe(50);
    expect(target('tom', '2026-10-01')).toBe(60);
    expect(target('raj', '2026-08-31')).toBe(50);
  });

  it('changes the target mid-period by a new From/To row: the row in force on the as-of day decides', () => {
    const activities = [
      ['Date', 'Rep', 'Activity', 'Quantity'],
      ['2026-09-14', 'Raj', 'Calls', 20],
      ['2026-09-17', 'Raj', 'Calls', 22],
    ];
    const b = workbook({ activities, quotas });
    // Week of 14–20 September: the quota changes on Thursday the 17th.
    expect(progress(b, 'Raj', 'Calls', '2026-09-16').target).toBe(40);
    expect(progress(b, 'Raj', 'Calls', '2026-09-16').done).toBe(20);
    const after = progress(b, 'Raj', 'Calls', '2026-09-20');
    expect([after.target, after.done, after.status]).toEqual([45, 42, 'missed']);
  });

  it('uses no quota before the first From', () => {
    const b = workbook({ quotas: [QUOTA_HEADER, ['Raj', 'Demos', 'Month', 4, '2026-10-01', null]] });
    expect(evaluate(b, resolveSubject('Raj', b), 'demos', day('2026-09-30'), TODAY)).toBeUndefined();
    expect(evaluate(b, resolveSubject('Raj', b), 'demos', day('2026-10-01'), TODAY)?.progress.target).toBe(4);
  });
});

describe('teams', () => {
  const book = workbook(raj);

  it('sums Done and Target over the members of a team', () => {
    const east = progress(book, 'East', 'Opportunities', '2026-09-30');
    expect(east.target).toBe(50);
    expect(east.done).toBe(30);
    expect(east.status).toBe('missed');
    const everyone = progress(book, '*', 'Social contacts', '2026-09-30');
    expect(everyone.target).toBe(120);
    expect(everyone.done).toBe(50);
    expect(totalFor(book.log, resolveSubject('*', book), 'calls', day('2026-09-01'), day('2026-09-30'))).toBe(
      150 + 132 + 88,
    );
    expect(totalFor(book.log, resolveSubject('West', book), 'calls', day('2026-09-01'), day('2026-09-30'))).toBe(88);
  });

  it('refuses to add up quotas of different periods, saying which', () => {
    expect(() => progress(book, 'East', 'Calls', '2026-09-30')).toThrow(QuotaError);
    expect(() => progress(book, 'East', 'Calls', '2026-09-30')).toThrow(/different periods \(Month, Week\)/);
  });
});

describe('the board', () => {
  it('has one row per rep and quota in force, with the last period result', () => {
    const book = workbook(raj);
    const board = computeBoard(book, day('2026-10-01'), TODAY);
    const raj1 = board.filter((row) => row.rep === 'Raj');
    expect(raj1.map((row) => row.activity)).toEqual(['Calls', 'Emails', 'Social contacts', 'Opportunities']);
    const emails = raj1.find((row) => row.activity === 'Emails');
    expect(emails?.last?.progress.status).toBe('missed');
    expect(emails?.last?.progress.done).toBe(200);
    expect(emails?.progress.done).toBe(0);
    // Tom has no Emails quota: no row.
    expect(board.some((row) => row.rep === 'Tom' && row.activity === 'Emails')).toBe(false);
    expect(board.map((row) => row.rep)).toEqual([...board.map((row) => row.rep)].sort((a, b) => a.localeCompare(b)));
  });
});

describe('status', () => {
  it('is Met, Missed, On track, Behind or At risk by the rules of SPEC §3', () => {
    expect(statusOf(10, 10, 5, false, 0.75)).toBe('met');
    expect(statusOf(10, 10, 10, true, 0.75)).toBe('met');
    expect(statusOf(9, 10, 10, true, 0.75)).toBe('missed');
    expect(statusOf(5, 10, 5, false, 0.75)).toBe('onTrack');
    expect(statusOf(3.75, 10, 5, false, 0.75)).toBe('behind');
    expect(statusOf(3.7, 10, 5, false, 0.75)).toBe('atRisk');
    expect(statusOf(0, 10, 0, false, 0.75)).toBe('onTrack');
  });
});
