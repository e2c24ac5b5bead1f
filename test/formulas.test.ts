/**
 * SPEC §4 formulas typed in a workbook, evaluated by a real formula engine
 * (HyperFormula) calling the shipped bundle, across sheets, with recalculation.
 */
import { describe, expect, it } from 'vitest';
import { FormulaWorkbook } from '../src/local/formulas';
import { BOARD_HEADER, rajMonth } from './helpers/fixtures';
import { NOV18, runtime } from './helpers/runtime';

const SEP30 = 'DATE(2026,9,30)';
const SEP15 = 'DATE(2026,9,15)';
const LOG = 'Activities!A1:H300';
const QUOTAS = 'Quotas!A1:F10';

function raj(): FormulaWorkbook {
  const f = rajMonth();
  const report = [
    [`=QUOTA_ATTAINMENT(${LOG}, ${QUOTAS}, "Raj", "Calls", ${SEP30})`, '=A1*100'],
    [`=QUOTA_TARGET(${QUOTAS}, "Mia", "Calls", ${SEP15})`],
    [`=QUOTA_PACE(${LOG}, ${QUOTAS}, "Raj", "Calls", ${SEP15})`],
    [`=QUOTA_STATUS(${LOG}, ${QUOTAS}, "Raj", "Emails", ${SEP30})`],
    [`=QUOTA_REMAINING(${LOG}, ${QUOTAS}, "Raj", "Emails", ${SEP30})`],
    [`=QUOTA_FORECAST(${LOG}, ${QUOTAS}, "Raj", "Calls", ${SEP15})`],
    [`=ACTIVITY_TOTAL(${LOG}, "Raj", "Calls", DATE(2026,9,1), ${SEP30})`],
    [`=ACTIVITY_CONVERSION(${LOG}, "Raj", "Opportunities", DATE(2026,9,1), ${SEP30})`],
    [`=QUOTA_STATUS(ActivityLog, QuotaTable, Team!A2:A4, "Calls", ${SEP15})`],
  ];
  const board = [[`=QUOTA_BOARD(ActivityLog, QuotaTable, ${SEP30}, , TeamTable)`]];
  return new FormulaWorkbook(
    runtime({ now: NOV18 }),
    { Activities: f.activities, Quotas: f.quotas, Team: f.team, Report: report, Board: board },
    {
      namedRanges: {
        ActivityLog: `=Activities!$A$1:$H$300`,
        QuotaTable: `=Quotas!$A$1:$F$10`,
        TeamTable: `=Team!$A$1:$D$10`,
      },
    },
  );
}

describe('formulas in a workbook', () => {
  it('computes all nine functions across sheets', () => {
    const wb = raj();
    expect(wb.value('Report!A1')).toBeCloseTo(1.25);
    expect(wb.value('Report!B1')).toBeCloseTo(125);
    expect(wb.value('Report!A2')).toBe(30);
    expect(wb.value('Report!A3')).toBeCloseTo(110 / 60);
    expect(wb.value('Report!A4')).toBe('Missed');
    expect(wb.value('Report!A5')).toBe(50);
    expect(wb.value('Report!A6')).toBeCloseTo(220);
    expect(wb.value('Report!A7')).toBe(150);
    expect(wb.value('Report!A8')).toBeCloseTo(0.075);
    // One call for a column of reps spills a column of statuses.
    expect(wb.values('Report!A9:A11')).toEqual([['On track'], ['On track'], ['At risk']]);
    const header = wb.values('Board!A1:L1')[0];
    expect(header).toEqual(BOARD_HEADER);
  });

  it('spills QUOTA_BOARD: one row per rep and quota, dates as serial days', () => {
    const wb = raj();
    const board = wb.values('Board!A1:L20');
    const rows = board.slice(1).filter((row) => row[0] !== null);
    // Raj 4 quotas; Mia 3 (her own weekly Calls) and Tom 3: the Emails quota is Raj's alone.
    expect(rows).toHaveLength(10);
    const rajEmails = rows.find((row) => row[0] === 'Raj' && row[1] === 'Emails');
    expect(rajEmails?.slice(2, 7)).toEqual(['Month', 46266, 46295, 250, 200]);
    expect(rajEmails?.[10]).toBe('Missed');
    expect(wb.hf.getCellValueDetailedType(wb.address('Board!D2'))).toBe('NUMBER_DATE');
  });

  it('recalculates dependent cells after an edit to Activities, and re-spills a grown board', () => {
    const wb = raj();
    expect(wb.value('Report!A4')).toBe('Missed');
    wb.set('Activities!A200', [['2026-09-30', 'Raj', 'Emails', 60]]);
    expect(wb.value('Report!A4')).toBe('Met');
    expect(wb.value('Report!A5')).toBe(0);
    wb.set('Activities!A201', [['2026-09-30', 'Raj', 'Calls', 30]]);
    expect(wb.value('Report!A1')).toBeCloseTo(1.5);
    expect(wb.value('Report!B1')).toBeCloseTo(150);
    // A new rep: the board grows by the rows of the quotas for everyone.
    wb.set('Team!A5', [['Zoe', 'zoe@example.com', 'West']]);
    const rows = wb
      .values('Board!A1:L20')
      .slice(1)
      .filter((row) => row[0] !== null);
    expect(rows).toHaveLength(13);
    expect(rows.filter((row) => row[0] === 'Zoe').map((row) => row[10])).toEqual(['Missed', 'Missed', 'Missed']);
    // And shrinks back when she goes.
    wb.set('Team!A5', [[null, null, null]]);
    expect(
      wb
        .values('Board!A1:L20')
        .slice(1)
        .filter((row) => row[0] !== null),
    ).toHaveLength(10);
  });

  it('changes attainment when a quota target is edited', () => {
    const wb = raj();
    wb.set('Quotas!D2', [[150]]);
    expect(wb.value('Report!A1')).toBeCloseTo(1);
    expect(wb.values('Report!A9:A11')).toEqual([['On track'], ['On track'], ['At risk']]);
  });

  it('shows a function error as the cell error, with the message', () => {
    const wb = raj();
    wb.set('Report!C1', [[`=QUOTA_ATTAINMENT(Quotas!A1:C10, ${QUOTAS}, "Raj", "Calls")`]]);
    const error = wb.value('Report!C1') as { type: string; message: string };
    expect(error.type).toBe('ERROR');
    expect(error.message).toMatch(/^QUOTA_ATTAINMENT: the activities range has no "Date" column/);
  });
});
