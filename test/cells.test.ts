/**
 * The emulator counts the cells each service call moves, beside the calls
 * (src/local/cells.ts has the rules), and records how long each execution
 * holds the document lock: what `npm run bench` reports per user action.
 */
import { describe, expect, it } from 'vitest';
import type { AppsScriptRuntime } from '../src/local/runtime';
import type { FakeSheet } from '../src/local/sheet';
import { runtime } from './helpers/runtime';
import { MIA, NOV18, RAJ, teamWorkbook } from './helpers/team';
import { cellDate } from './helpers/workbook';

/** A sheet as the bundle sees it: every call counted, with its cells. */
function countedSheet(rt: AppsScriptRuntime, name = 'Data'): FakeSheet {
  const raw = rt.spreadsheet.insertSheet(name);
  rt.calls.reset();
  return rt.counted(raw);
}

const grid = (rows: number, cols: number, value = 'x') =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));

describe('cells moved by a call', () => {
  it('a read counts every cell of its range, empty or not; a single-cell getter counts one', () => {
    const rt = runtime({ now: NOV18 });
    const sheet = countedSheet(rt);
    sheet.getRange(1, 1, 3, 4).getValues();
    expect(rt.calls.cells()).toEqual({ read: 12, written: 0 });
    sheet.getRange('B2:C6').getDisplayValues();
    sheet.getRange(1, 1, 2, 2).getFormulas();
    sheet.getRange(1, 1, 2, 2).getBackgrounds();
    sheet.getRange(1, 1, 2, 2).getNumberFormats();
    sheet.getRange(1, 1, 2, 2).getDataValidations();
    sheet.getRange(1, 1, 5, 5).getValue();
    expect(rt.calls.cells()).toEqual({ read: 12 + 10 + 4 * 4 + 1, written: 0 });
  });

  it('a write counts every cell it sets or clears, a single value filling its whole range', () => {
    const rt = runtime({ now: NOV18 });
    const sheet = countedSheet(rt);
    sheet.getRange(1, 1, 2, 2).setValues(grid(2, 2));
    expect(rt.calls.cells()).toEqual({ read: 0, written: 4 });
    sheet.getRange(1, 1, 3, 1).setValue('y');
    sheet.getRange(1, 1, 1, 2).setFormulas([['=1', '=2']]);
    sheet.getRange(1, 1, 2, 3).setBackgrounds(grid(2, 3, '#ff0000'));
    sheet.getRange(1, 1, 1, 1).setNumberFormats([['0.00']]);
    sheet.getRange(1, 1, 2, 2).clearContent();
    expect(rt.calls.cells()).toEqual({ read: 0, written: 4 + 3 + 2 + 6 + 1 + 4 });
  });

  it('the data range reads what it spans, and asking for it reads nothing', () => {
    const rt = runtime({ now: NOV18 });
    const sheet = countedSheet(rt);
    sheet.getRange(1, 1, 5, 3).setValues(grid(5, 3));
    rt.calls.reset();
    const range = sheet.getDataRange();
    sheet.getLastRow();
    expect(rt.calls.cells()).toEqual({ read: 0, written: 0 });
    range.getValues();
    expect(rt.calls.cells()).toEqual({ read: 15, written: 0 });
  });

  it('appendRow writes its values; deleting a row writes it and every row below, which moves up', () => {
    const rt = runtime({ now: NOV18 });
    const sheet = countedSheet(rt);
    sheet.getRange(1, 1, 10, 4).setValues(grid(10, 4));
    rt.calls.reset();
    sheet.appendRow(['a', 'b', 'c']);
    expect(rt.calls.cells()).toEqual({ read: 0, written: 3 });
    rt.calls.reset();
    // 11 rows × 4 used columns; deleting row 3 moves rows 4–11 up: rows 3–11, 9 × 4.
    sheet.deleteRow(3);
    expect(rt.calls.cells()).toEqual({ read: 0, written: 36 });
    rt.calls.reset();
    sheet.deleteRows(10, 1);
    expect(rt.calls.cells()).toEqual({ read: 0, written: 4 });
    rt.calls.reset();
    // Rows inserted after the last used row move nothing.
    sheet.insertRowsAfter(sheet.getLastRow(), 5);
    expect(rt.calls.cells()).toEqual({ read: 0, written: 0 });
  });

  it('a call that throws moves no cells; reset forgets cells with calls; uncounted emulator access is free', () => {
    const rt = runtime({ now: NOV18 });
    const sheet = countedSheet(rt);
    expect(() => sheet.getRange(1, 1, 2, 2).setValues(grid(3, 3))).toThrow(/does not match the range/);
    expect(rt.calls.cells()).toEqual({ read: 0, written: 0 });
    sheet.getRange(1, 1, 2, 2).getValues();
    expect(rt.calls.cells().read).toBe(4);
    rt.calls.reset();
    expect(rt.calls.cells()).toEqual({ read: 0, written: 0 });
    expect(rt.calls.count()).toBe(0);
    rt.spreadsheet.getSheetByName('Data')?.getRange(1, 1, 9, 9).getValues();
    expect(rt.calls.cells()).toEqual({ read: 0, written: 0 });
  });

  it("the bundle's log writes one entry's cells and reads whatever it asks for", () => {
    const rt = teamWorkbook();
    rt.calls.reset();
    const result = rt.call('logActivity', {
      id: 'cells-1',
      date: '2026-11-18',
      rep: 'Raj',
      activity: 'Calls',
      quantity: 1,
      notes: '',
    }) as { ok?: boolean };
    expect(result.ok).toBe(true);
    const { read, written } = rt.calls.cells();
    expect(read).toBeGreaterThan(0);
    // At least the entry's eight cells (values and their number formats).
    expect(written).toBeGreaterThanOrEqual(16);
  });
});

describe('property calls of a user action', () => {
  it("a log and a sidebar open read one rep's burn-up series and the board's fingerprint, never the whole store", () => {
    const rt = teamWorkbook();
    const counts = (action: () => void) => {
      rt.calls.reset();
      action();
      return Object.fromEntries(Object.entries(rt.calls.snapshot()).filter(([name]) => name.startsWith('Properties.')));
    };
    const log = counts(() =>
      rt.call('logActivity', {
        id: 'props-1',
        date: '2026-11-18',
        rep: 'Raj',
        activity: 'Calls',
        quantity: 1,
        notes: '',
      }),
    );
    // The fingerprint: read, forgotten while the log changes, stored again; the series: read, moved, read for the reply.
    expect(log).toEqual({
      'Properties.getProperty': 3,
      'Properties.deleteProperty': 1,
      'Properties.setProperty': 2,
    });
    expect(counts(() => rt.call('getSidebarState'))).toEqual({ 'Properties.getProperty': 2 });
  });
});

describe('cells a log writes', () => {
  it("are the entry's and at most the board's block, the same with 4 or 5,004 entries in the log", () => {
    const written: number[] = [];
    for (const rows of [0, 5_000]) {
      const rt = teamWorkbook();
      // Old entries, of a period no board row shows: the board is the same at both sizes.
      const log = rt.spreadsheet.getSheetByName('Activities');
      if (rows > 0) log?.insertRowsAfter(log.getMaxRows(), rows);
      if (rows > 0)
        log
          ?.getRange(6, 1, rows, 8)
          .setValues(
            Array.from({ length: rows }, (_, i) => [
              cellDate(rt, '2026-01-05'),
              'Raj',
              'Calls',
              1,
              '',
              RAJ,
              '',
              `old-${i}`,
            ]),
          );
      rt.call('refreshStatus');
      const block = rt.spreadsheet.getRangeByName('StatusBoard');
      const blockCells = (block?.getNumRows() ?? 0) * (block?.getNumColumns() ?? 0);
      rt.calls.reset();
      // Mia's 45 Calls meet her quota: by severity her row moves from first to last, and the team block changes.
      const result = rt.as(MIA, () =>
        rt.call('logActivity', {
          id: 'w-1',
          date: '2026-11-18',
          rep: 'Mia',
          activity: 'Calls',
          quantity: 45,
          notes: '',
        }),
      ) as { ok?: boolean };
      expect(result.ok).toBe(true);
      const cells = rt.calls.cells().written;
      // The entry's eight cells and their formats; the board's values, formats and colours; one Quotas row's colours.
      expect(cells).toBeLessThanOrEqual(16 + 3 * blockCells + 6);
      written.push(cells);
    }
    expect(written[1]).toBe(written[0]);
  }, 60_000);
});

describe('document lock hold time', () => {
  it('each acquisition records how long it was held, in real time, under the action that held it', () => {
    const rt = teamWorkbook();
    const holds = rt.locks.documentLock.holds;
    const before = holds.length;
    rt.call('logActivity', { id: 'lock-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '' });
    const hold = holds[before];
    expect(holds.length).toBe(before + 1);
    expect(hold?.action).toBe('logActivity');
    expect(hold?.released).toBe('releaseLock');
    expect(hold?.ms).toBeGreaterThan(0);
    expect(rt.locks.documentLock.holder).toBeUndefined();
  });

  it('a lock still held when the execution ends is released then, as Apps Script does, and its hold recorded', () => {
    const rt = runtime({ user: RAJ, now: NOV18 });
    const locks = rt.locks;
    const lock = rt.counted(rt.locks).getDocumentLock();
    expect(lock?.tryLock(1000)).toBe(true);
    expect(locks.documentLock.holder).toBeDefined();
    locks.endExecution();
    expect(locks.documentLock.holder).toBeUndefined();
    expect(locks.documentLock.holds).toEqual([{ action: '?', ms: expect.any(Number), released: 'end' }]);
    // A lock released by the script is not released again.
    locks.endExecution();
    expect(locks.documentLock.holds).toHaveLength(1);
  });
});
