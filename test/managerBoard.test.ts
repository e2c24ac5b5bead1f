/**
 * The Status board as a manager reads it, from the shipped bundle in the
 * emulator: a progress bar per row (Sheets' SPARKLINE, evaluated and drawn by
 * the emulator), the team block, rows by severity or by rep, and an entry that
 * moves all of it exactly as a full refresh would, at a cost that does not grow
 * with the log.
 */
import { describe, expect, it } from 'vitest';
import { STATUS_KEYS, STRINGS, type StatusKey } from '../src/core/i18n';
import { BAR_COLORS, BAR_GAP_COLOR, STATUS_COLORS } from '../src/core/palette';
import type { LogResult } from '../src/core/serverApi';
import { FakeRange } from '../src/local/range';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { STATUS_HEADER } from './helpers/fixtures';
import { MIA, teamWorkbook } from './helpers/team';
import { cellDate, setSetting, sheet } from './helpers/workbook';

const statusOf = new Map<unknown, StatusKey>(STATUS_KEYS.map((key) => [STRINGS.en.statuses[key], key]));

/** The board's block (its named range): values as read, formulas, colours, and what each cell draws. */
function block(rt: AppsScriptRuntime) {
  const named = rt.spreadsheet.getRangeByName('StatusBoard');
  if (!named) throw new Error('the board has no named range');
  const status = sheet(rt, 'Status');
  const draw = (r: number) =>
    rt.spreadsheet.book.drawing({ sheet: status.hfId, row: named.getRow() - 1 + r, col: named.getColumn() + 11 });
  return {
    values: named.getValues().map((row) => row.map((v) => (v instanceof rt.Date ? v.getTime() : v))),
    formulas: named.getFormulas(),
    colours: named.getBackgrounds(),
    drawings: named.getValues().map((_, r) => draw(r)),
  };
}

/** The rep rows (until the first blank row) and the team block's rows, header rows left out. */
function parts(rt: AppsScriptRuntime) {
  const { values } = block(rt);
  const blank = values.findIndex((row) => row.every((cell) => cell === ''));
  return {
    header: values[0],
    reps: values.slice(1, blank),
    teamHeader: values[blank + 1],
    teams: values.slice(blank + 2),
  };
}

/** The bar a row should draw: Done's share of Target (rounded down to thousandths) in its status colour, then the gap to Expected in grey. */
function expectBar(rt: AppsScriptRuntime, r: number): void {
  const { values, formulas, colours, drawings } = block(rt);
  const row = values[r] ?? [];
  const [target, done, expected] = [row[5], row[6], row[8]] as [number, number, number];
  const status = statusOf.get(row[10]) as StatusKey;
  const share = (x: number) => Math.floor(Math.min(x / target, 1) * 1000) / 1000;
  expect(formulas[r]?.[12], `row ${r + 1}`).toMatch(/^=SPARKLINE\(/);
  expect(row[12], 'a bar reads as ""').toBe('');
  expect(drawings[r]).toEqual({
    kind: 'bar',
    rtl: false,
    segments: [
      { share: share(done), color: BAR_COLORS[status] },
      { share: expect.closeTo(Math.max(0, share(expected) - share(done)), 9), color: BAR_GAP_COLOR },
    ],
  });
  expect(colours[r]?.[12]).toBe(STATUS_COLORS[status]);
}

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  date: '2026-11-18',
  rep: 'Mia',
  activity: 'Calls',
  quantity: 45,
  notes: '',
  ...extra,
});

describe('the board a manager reads', () => {
  it('puts who needs attention first, each row with its bar, and a team block per activity under the reps', () => {
    const rt = teamWorkbook();
    const board = parts(rt);
    expect(board.header).toEqual(STATUS_HEADER);
    // Wednesday, today: Monday and Tuesday are over, so 20 of 50 Calls and 100 × 12/21 Emails are expected.
    expect(board.reps.map((row) => `${row[0]} ${row[1]} ${row[10]}`)).toEqual([
      'Mia Calls At risk',
      'Raj Emails Behind',
      'Raj Calls On track',
    ]);
    // The team block's header: the board's, with Team for Rep and the reps by status for Last period.
    expect(board.teamHeader).toEqual(
      STATUS_HEADER.map((name) => ({ Rep: 'Team', 'Last period': 'Reps by status' })[name as string] ?? name),
    );
    const week = [cellDate(rt, '2026-11-16').getTime(), cellDate(rt, '2026-11-22').getTime()];
    // As shown (core/shown.ts): Expected up to the cent, Pace down to the percent (87.5% shows as 87%).
    expect(board.teams).toEqual([
      ['All reps', 'Calls', 'Week', ...week, 100, 35, 0.35, 40, 0.87, 'Behind', '1 At risk · 1 On track', ''],
      [
        'All reps',
        'Emails',
        'Month',
        cellDate(rt, '2026-11-01').getTime(),
        cellDate(rt, '2026-11-30').getTime(),
        100,
        50,
        0.5,
        Math.ceil((100 * 12 * 100) / 21) / 100,
        Math.floor((50 / ((100 * 12) / 21)) * 100) / 100,
        'Behind',
        '1 Behind',
        '',
      ],
    ]);
    const { values } = block(rt);
    for (let r = 1; r < values.length; r++) if (values[r]?.[0] && values[r]?.[0] !== 'Team') expectBar(rt, r);
  });

  it('lists rows by rep, then activity, when Settings says "Board order: Rep"', () => {
    const rt = teamWorkbook();
    setSetting(rt, 'Board order', 'Rep');
    rt.call('refreshStatus');
    expect(parts(rt).reps.map((row) => `${row[0]} ${row[1]}`)).toEqual(['Mia Calls', 'Raj Calls', 'Raj Emails']);
  });

  it('moves a rep, their bar and the team block on an entry exactly as a full refresh would, without reading the log', () => {
    const rt = teamWorkbook();
    const before = block(rt);
    // What the entry reads of the log: its header and its tail, never the whole of it.
    let logCellsRead = 0;
    rt.calls.hook = (call) => {
      if (
        call.target instanceof FakeRange &&
        call.target.sheet.name === 'Activities' &&
        /^Range\.get(Values|DisplayValues|Formulas)$/.test(call.name)
      )
        logCellsRead += call.target.getNumRows() * call.target.getNumColumns();
    };
    rt.calls.reset();
    const result = rt.as(MIA, () => rt.call('logActivity', entry('mia-45'))) as LogResult;
    rt.calls.hook = undefined;
    expect(result.ok).toBe(true);
    expect(logCellsRead).toBeLessThanOrEqual(8 * 503);
    // The entry's formats and the moved rows' (a figure's format follows its value): a full refresh would write more.
    expect(rt.calls.count('Range.setNumberFormats'), 'no full refresh').toBe(2);
    const board = parts(rt);
    // Mia met her 50: she goes from first (At risk) to last (Met); the team's Calls are now On track.
    expect(board.reps.map((row) => `${row[0]} ${row[1]} ${row[6]} ${row[10]}`)).toEqual([
      'Raj Emails 50 Behind',
      'Raj Calls 25 On track',
      'Mia Calls 55 Met',
    ]);
    expect(board.teams[0]?.slice(5, 12)).toEqual([100, 80, 0.8, 40, 2, 'On track', '1 On track · 1 Met']);
    const moved = block(rt);
    for (const r of [1, 2, 3, 6, 7]) expectBar(rt, r);
    expect(moved.formulas).not.toEqual(before.formulas);
    rt.call('refreshStatus');
    expect(block(rt)).toEqual(moved);
  });
});
