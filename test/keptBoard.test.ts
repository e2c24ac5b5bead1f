/**
 * Logging whose cost does not grow with the log (SPEC §5): an entry or an undo
 * moves the kept board on by one row instead of re-reading the log, and the
 * board is always exactly what a full refresh would write.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogResult } from '../src/core/serverApi';
import { PROPERTY_VALUE_BYTES } from '../src/local/properties';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { cellsReadFrom, entry, MIA, pasteEntries, RAJ, teamWorkbook } from './helpers/team';
import { cellDate, setSetting, sheet, writes } from './helpers/workbook';

/** What a refresh writes: the Status sheet's values, bars (formulas) and colours, the Quotas colours, and the burn-up series. */
function boardCells(rt: AppsScriptRuntime) {
  const status = sheet(rt, 'Status');
  const quotas = sheet(rt, 'Quotas');
  const block = status.getRange(1, 1, Math.max(1, status.getLastRow()), 13);
  return {
    values: block.getValues().map((row) => row.map((v) => (v instanceof rt.Date ? v.getTime() : v))),
    formulas: block.getFormulas(),
    colours: block.getBackgrounds(),
    quotas: quotas.getRange(1, 1, Math.max(1, quotas.getLastRow()), 6).getBackgrounds(),
    series: [...rt.properties.document.store].filter(([key]) => key.startsWith('activityQuota.burnUp.')).sort(),
  };
}

/** The board as it is, and as a full refresh then makes it. */
function expectFullRefreshAgrees(rt: AppsScriptRuntime, step: string): void {
  const kept = boardCells(rt);
  rt.call('refreshStatus');
  expect(kept, step).toEqual(boardCells(rt));
}

/** A team workbook whose log holds `rows` more entries, pasted in. */
function withLog(rows: number): AppsScriptRuntime {
  const rt = teamWorkbook();
  pasteEntries(rt, rows, (i) => (i % 3 ? 'Calls' : 'Emails'));
  rt.call('refreshStatus');
  return rt;
}

/** What logging, undoing or opening the sidebar may read of the log: the header twice, the entry undone and 500 rows. */
const TAIL = 8 * 503;

describe('the kept board', () => {
  it('reads the same few cells of the log and property calls to log, undo and open the sidebar at 1,000 and 20,000 rows', () => {
    const read: Record<number, number[]> = {};
    const calls: Record<number, number[]> = {};
    const bytes: Record<number, { read: number; written: number }[]> = {};
    for (const rows of [1_000, 20_000]) {
      const rt = withLog(rows);
      const moved = rt.properties.document.moved;
      const measure = (action: () => void) => {
        const before = { calls: rt.calls.countPrefix('Properties.'), read: moved.read, written: moved.written };
        const cells = cellsReadFrom(rt, 'Activities', action);
        const after = { calls: rt.calls.countPrefix('Properties.') - before.calls };
        return { cells, ...after, read: moved.read - before.read, written: moved.written - before.written };
      };
      let state: LogResult['state'];
      const log = measure(() => {
        const result = rt.call('logActivity', entry('cost-1')) as LogResult;
        expect(result.ok).toBe(true);
        state = result.state;
      });
      // The entry moved the burn-up chart too, without reading the log.
      expect(state?.quotas.find((q) => q.activity === 'Calls')?.burnUp?.done.at(-1)).toBe(
        state?.quotas.find((q) => q.activity === 'Calls')?.done,
      );
      const undo = measure(() => {
        expect((rt.call('undoLastEntry', 'cost-1') as LogResult).ok).toBe(true);
      });
      const before = writes(rt);
      const open = measure(() => {
        const opened = rt.call('getSidebarState') as NonNullable<LogResult['state']>;
        expect(opened.quotas.every((q) => q.burnUp !== undefined)).toBe(true);
      });
      expect(writes(rt), 'opening the sidebar writes nothing').toBe(before);
      expect(open.written).toBe(0);
      read[rows] = [log.cells, undo.cells, open.cells];
      calls[rows] = [log.calls, undo.calls, open.calls];
      bytes[rows] = [log, undo, open].map(({ read, written }) => ({ read, written }));
    }
    expect(read[20_000]).toEqual(read[1_000]);
    // The header (read twice: for the entry's columns and with the tail) and a tail of 500 rows, 8 columns.
    for (const cells of read[1_000] ?? []) expect(cells).toBeLessThanOrEqual(TAIL);
    // Properties: the board's fingerprint and one rep's series, read and written a bounded number of times.
    expect(calls[20_000]).toEqual(calls[1_000]);
    for (const n of calls[1_000] ?? []) expect(n).toBeLessThanOrEqual(6);
    bytes[1_000]?.forEach((small, i) => {
      const large = bytes[20_000]?.[i];
      expect(small.read).toBeGreaterThan(0);
      expect(small.read).toBeLessThanOrEqual(3 * PROPERTY_VALUE_BYTES);
      expect(small.written).toBeLessThanOrEqual(2 * PROPERTY_VALUE_BYTES);
      // The same series, with larger figures in it (about 555 calls a day instead of 28).
      expect(Math.abs((large?.read ?? 0) - small.read)).toBeLessThanOrEqual(200);
      expect(Math.abs((large?.written ?? 0) - small.written)).toBeLessThanOrEqual(200);
    });
  }, 120_000);

  it('still counts an entry and an undo in the board, its colours and the Quotas colours', () => {
    const rt = teamWorkbook();
    const doneOf = () =>
      sheet(rt, 'Status')
        .getDataRange()
        .getValues()
        .find((row) => row[0] === 'Raj' && row[1] === 'Calls')?.[6];
    expect(doneOf()).toBe(25);
    expect((rt.call('logActivity', entry('move-1', { quantity: 30 })) as LogResult).ok).toBe(true);
    expect(doneOf()).toBe(55);
    expectFullRefreshAgrees(rt, 'after a log that meets the quota');
    expect((rt.call('undoLastEntry', 'move-1') as LogResult).ok).toBe(true);
    expect(doneOf()).toBe(25);
    expectFullRefreshAgrees(rt, 'after its undo');
  });

  it('refreshes whole when it cannot be exact: a board edited by hand, a new day, a rep new to the board', () => {
    const rt = teamWorkbook();
    sheet(rt, 'Status').getRange('G2').setValue(999);
    rt.call('logActivity', entry('hand-1'));
    expectFullRefreshAgrees(rt, 'after a log on a board edited by hand');
    rt.now = Date.UTC(2026, 10, 19, 12);
    rt.call('logActivity', entry('day-2', { date: '2026-11-19' }));
    expectFullRefreshAgrees(rt, 'after a log on the next day');
    sheet(rt, 'Team')
      .getRange('A4:C4')
      .setValues([['Zoe', 'zoe@example.com', 'West']]);
    rt.call('logActivity', entry('zoe-1', { rep: 'Zoe', date: '2026-11-19' }));
    expectFullRefreshAgrees(rt, 'after a rep new to the board');
  });

  it('refreshes whole when the as-of day stops being today: every row then expects all of that day', () => {
    const rt = teamWorkbook();
    const expectedOf = (rep: string) =>
      sheet(rt, 'Status')
        .getDataRange()
        .getValues()
        .find((row) => row[0] === rep && row[1] === 'Calls')?.[8];
    // The As-of date stays on Wednesday 18 November; it is today, so 2 of 5 working days are over.
    expect(expectedOf('Mia')).toBeCloseTo(20);
    rt.call('logActivity', entry('wed-1'));
    expect(expectedOf('Mia')).toBeCloseTo(20);
    rt.now = Date.UTC(2026, 10, 19, 3);
    rt.call('logActivity', entry('thu-1'));
    // Now Wednesday is over: 3 of 5, on Mia's row too, which the entry did not touch.
    expect(expectedOf('Mia')).toBeCloseTo(30);
    expectFullRefreshAgrees(rt, 'after a log once the as-of day is over');
  });

  it('refreshes whole on an undo that renumbers the log rows listed under the board and its team block', () => {
    const rt = teamWorkbook();
    expect((rt.call('logActivity', entry('above-1')) as LogResult).ok).toBe(true);
    // A row the reader skips, under the entry: listed under the board as "Activities row 7".
    rt.edit('Activities', 'A7:D7', [[cellDate(rt, '2026-11-17'), 'Raj', 'Calls', 'lots']]);
    expect(sheet(rt, 'Status').getDataRange().getValues().flat()).toContain(
      'Activities row 7: the activities range, row 7, column "Quantity": "lots" is not a number; type a number such as 25',
    );
    // Undoing the entry deletes row 6: the skipped row is row 6 now, as a full refresh lists it.
    expect((rt.call('undoLastEntry', 'above-1') as LogResult).ok).toBe(true);
    expectFullRefreshAgrees(rt, 'after an undo above a listed row');
  });

  it('equals a full refresh after any sequence of logs, undos, hand edits and refreshes', () => {
    const reps = ['Raj', 'Mia', 'raj ', 'Tom'];
    const activities = ['Calls', 'Emails', 'Demos', 'calls'];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('log' as const),
        rep: fc.constantFrom(...reps),
        activity: fc.constantFrom(...activities),
        day: fc.integer({ min: 1, max: 19 }),
        quantity: fc.constantFrom(0.25, 1, 2, 5, 12.5, 40),
        user: fc.constantFrom(RAJ, MIA),
      }),
      fc.record({ kind: fc.constant('undo' as const), pick: fc.nat(), user: fc.constantFrom(RAJ, MIA) }),
      fc.record({ kind: fc.constant('edit' as const), row: fc.integer({ min: 2, max: 5 }), quantity: fc.nat(30) }),
      fc.record({ kind: fc.constant('refresh' as const) }),
    );
    let moved = 0;
    let logs = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 7 }), fc.boolean(), fc.boolean(), (ops, withTeam, byRep) => {
        const rt = teamWorkbook();
        // Both board orders: by severity a log can move its row past others, by rep never.
        if (byRep) setSetting(rt, 'Board order', 'Rep');
        if (!withTeam)
          sheet(rt, 'Team')
            .getRange('A2:C3')
            .setValues([
              ['', '', ''],
              ['', '', ''],
            ]);
        sheet(rt, 'Quotas')
          .getRange('A4:F5')
          .setValues([
            ['Mia', 'Demos', 'Day', 2, '', ''],
            ['*', 'Emails', 'Week', 30, '', ''],
          ]);
        rt.call('refreshStatus');
        const logged: { id: string; user: string }[] = [];
        ops.forEach((o, i) => {
          if (o.kind === 'log') {
            const id = `p-${i}`;
            const date = `2026-11-${String(o.day).padStart(2, '0')}`;
            let result: LogResult | undefined;
            const cells = cellsReadFrom(rt, 'Activities', () => {
              result = rt.as(o.user, () =>
                rt.call('logActivity', entry(id, { rep: o.rep, activity: o.activity, date, quantity: o.quantity })),
              ) as LogResult;
            });
            logs++;
            if (cells <= TAIL) moved++;
            if (result?.ok) logged.push({ id, user: o.user });
          } else if (o.kind === 'undo' && logged.length > 0) {
            const target = logged.splice(o.pick % logged.length, 1)[0];
            if (target) rt.as(o.user, () => rt.call('undoLastEntry', target.id));
          } else if (o.kind === 'edit') {
            rt.edit('Activities', `D${o.row}`, [[o.quantity]]);
          } else if (o.kind === 'refresh') {
            rt.call('refreshStatus');
          }
        });
        // Only now a full refresh: every log and undo since the last edit or refresh moved the board on.
        expectFullRefreshAgrees(rt, JSON.stringify({ ops, withTeam, byRep }));
      }),
      { numRuns: 60 },
    );
    // Most logs moved the board on without reading the log; the others refreshed it whole.
    expect(logs).toBeGreaterThan(10);
    expect(moved).toBeGreaterThan(logs / 2);
  }, 180_000);
});
