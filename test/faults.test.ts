/**
 * Faults: what happens when Apps Script lets the add-on down — a lock
 * that cannot be had, a service call that fails halfway, a time zone changed
 * under the daily trigger, a log of 100,000 rows. Each test fails if the
 * promise (SPEC §8: nothing lost, nothing doubled, never half written) breaks.
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { LogResult } from '../src/core/serverApi';
import type { AppsScriptRuntime } from '../src/local/runtime';
import {
  clearFaults,
  failOn,
  isWrite,
  NOV18,
  RAJ,
  type SheetSnapshot,
  sheetOf,
  sheetSnapshot,
  skippedRows,
  teamWorkbook,
} from './helpers/team';
import { board, cellDate, logRows, sheet, snapshot } from './helpers/workbook';

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  date: '2026-11-18',
  rep: 'Raj',
  activity: 'Calls',
  quantity: 3,
  notes: '',
  ...extra,
});

describe('the document lock cannot be had', () => {
  it('logActivity and undoLastEntry say "try again" and write nothing; once it is free, one row is added', () => {
    const rt = teamWorkbook();
    const before = snapshot(rt);
    // Another execution holds the lock for longer than any wait.
    rt.locks.documentLock.holder = 'another-execution';
    rt.locks.documentLock.busyFor = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3; attempt++) {
      const logged = rt.call('logActivity', entry('busy-1')) as LogResult;
      expect(logged).toEqual({ ok: false, message: SIDEBAR.en.fields.tryAgain, errors: [] });
      const undone = rt.call('undoLastEntry', 'seed-3') as LogResult;
      expect(undone).toEqual({ ok: false, message: SIDEBAR.en.fields.tryAgain, errors: [] });
    }
    expect(SIDEBAR.en.fields.tryAgain).toMatch(/Nothing was saved; try again/);
    expect(rt.locks.documentLock.timeouts).toBe(6);
    expect(snapshot(rt)).toEqual(before);
    // The other execution finishes: the same entry, sent again, is added once.
    rt.locks.documentLock.busyFor = 0;
    expect((rt.call('logActivity', entry('busy-1')) as LogResult).ok).toBe(true);
    expect((rt.call('logActivity', entry('busy-1')) as LogResult).message).toBe(SIDEBAR.en.labels.duplicate);
    expect(logRows(rt).filter((row) => row[7] === 'busy-1')).toHaveLength(1);
    expect(rt.locks.documentLock.holder).toBeUndefined();
  });
});

/** The parts of a sheet a refresh writes: values, number formats and backgrounds. */
const written = (s: SheetSnapshot | undefined) => ({
  values: s?.values,
  formats: s?.formats,
  backgrounds: s?.backgrounds,
});

/** A team workbook whose next refresh changes every part of the board: new rows, a problem list, new colours. */
function changedWorkbook(): AppsScriptRuntime {
  const rt = teamWorkbook();
  sheet(rt, 'Quotas')
    .getRange('A4:F5')
    .setValues([
      ['Tom', 'Demos', 'Week', 'lots', '', ''],
      ['Zoe', 'Calls', 'Day', 2, '', ''],
    ]);
  sheet(rt, 'Team')
    .getRange('A4:C4')
    .setValues([['Zoe', 'zoe@example.com', 'West']]);
  sheet(rt, 'Activities')
    .getRange('A6:D6')
    .setValues([[cellDate(rt, '2026-11-18'), 'Zoe', 'Calls', 2]]);
  return rt;
}

describe('a service call fails halfway through a refresh', () => {
  // The board as it is before, and as a refresh that does not fail leaves it.
  const reference = changedWorkbook();
  const old = snapshot(reference);
  reference.calls.hook = (call) => {
    if (isWrite(call)) writesOfRefresh.push(`${sheetOf(call)}: ${call.name}`);
  };
  const writesOfRefresh: string[] = [];
  reference.call('refreshStatus');
  clearFaults(reference);
  const fresh = snapshot(reference);

  it('is a refresh that really changes the board, in several write calls', () => {
    expect(written(sheetSnapshot(fresh, 'Status'))).not.toEqual(written(sheetSnapshot(old, 'Status')));
    expect(sheetSnapshot(fresh, 'Quotas')?.backgrounds).not.toEqual(sheetSnapshot(old, 'Quotas')?.backgrounds);
    expect(skippedRows(reference)).toEqual([
      'Quotas row 4: the quotas range, row 4, column "Target": "lots" is not a number; type a number such as 25',
    ]);
    expect(writesOfRefresh).toEqual([
      // The board grows: its named range takes its new (empty) rows first (SPEC §2).
      'Spreadsheet: Spreadsheet.setNamedRange',
      'Status: Range.setNumberFormats',
      'Status: Range.setValues',
      'Status: Range.setBackgrounds',
      'Quotas: Range.setBackgrounds',
      // What the board was computed from, remembered so that entries can move it on (SPEC §5).
      'Properties: Properties.setProperty',
      // Done per day of each row's period, for the sidebar's burn-up charts (src/core/burnUp.ts).
      'Properties: Properties.setProperties',
    ]);
  });

  it('is whole and says so when only remembering the board fails; the next entry then refreshes it whole', () => {
    const rt = changedWorkbook();
    const fired = failOn(rt, (call) => call.name === 'Properties.setProperty');
    rt.call('refreshStatus');
    clearFaults(rt);
    expect(fired()).toBe(true);
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Status refreshed as of 2026-11-18/);
    expect(written(sheetSnapshot(snapshot(rt), 'Status'))).toEqual(written(sheetSnapshot(fresh, 'Status')));
    const logged = rt.call('logActivity', entry('after-memory')) as LogResult;
    expect(logged.ok).toBe(true);
    const fromScratch = changedWorkbook();
    fromScratch.call('logActivity', entry('after-memory'));
    fromScratch.call('refreshStatus');
    expect(written(sheetSnapshot(snapshot(rt), 'Status'))).toEqual(
      written(sheetSnapshot(snapshot(fromScratch), 'Status')),
    );
  });

  it.each([1, 2, 3, 4, 5])('leaves the board and the Quotas colours fully old when write call %i fails', (nth) => {
    const rt = changedWorkbook();
    expect(snapshot(rt)).toEqual(old);
    const fired = failOn(rt, isWrite, nth);
    rt.call('refreshStatus');
    clearFaults(rt);
    expect(fired()).toBe(true);
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(
      /^That did not work: Service Spreadsheets failed .*\. It is safe to try again\.$/,
    );
    // Fully old: every sheet, the board included, is as it was before the refresh.
    expect(snapshot(rt)).toEqual(old);
    // Trying again gives the fully new board.
    rt.call('refreshStatus');
    expect(snapshot(rt)).toEqual(fresh);
  });

  it('keeps a saved entry saved, and says so, when the refresh after it fails', () => {
    const rt = teamWorkbook();
    const fired = failOn(rt, (call) => sheetOf(call) === 'Status' && call.name === 'Range.setValues');
    const result = rt.call('logActivity', entry('after-1')) as LogResult;
    clearFaults(rt);
    expect(fired()).toBe(true);
    expect(result).toMatchObject({ ok: true, message: 'Logged 3 Calls for Raj.', errors: [] });
    // The reply still shows the entry: the state is computed (read only) when the board could not be written.
    expect(result.state?.recent[0]?.id).toBe('after-1');
    expect(logRows(rt).filter((row) => row[7] === 'after-1')).toHaveLength(1);
    // The form retries with the same id: still one row.
    expect((rt.call('logActivity', entry('after-1')) as LogResult).message).toBe(SIDEBAR.en.labels.duplicate);
    expect(logRows(rt).filter((row) => row[7] === 'after-1')).toHaveLength(1);
  });

  it('adds no row when appending it fails, and adds it once when tried again', () => {
    const rt = teamWorkbook();
    const before = sheetSnapshot(snapshot(rt), 'Activities');
    const fired = failOn(rt, (call) => sheetOf(call) === 'Activities' && call.name === 'Range.setValues');
    const result = rt.call('logActivity', entry('append-1')) as LogResult;
    clearFaults(rt);
    expect(fired()).toBe(true);
    expect(result).toEqual({ ok: false, message: SIDEBAR.en.fields.failed, errors: [] });
    const after = sheetSnapshot(snapshot(rt), 'Activities');
    expect(after?.values).toEqual(before?.values);
    expect(after?.formulas).toEqual(before?.formulas);
    expect((rt.call('logActivity', entry('append-1')) as LogResult).ok).toBe(true);
    expect(logRows(rt).filter((row) => row[7] === 'append-1')).toHaveLength(1);
  });

  it('removes nothing when deleting the row fails, and reports the undo once it is done', () => {
    const rt = teamWorkbook();
    const before = snapshot(rt);
    const fired = failOn(rt, (call) => call.name === 'Sheet.deleteRow');
    expect(rt.call('undoLastEntry', 'seed-4')).toEqual({ ok: false, message: SIDEBAR.en.fields.failed, errors: [] });
    clearFaults(rt);
    expect(fired()).toBe(true);
    expect(snapshot(rt)).toEqual(before);
    // The row goes, and the refresh after it fails: the undo still stands and is reported.
    failOn(rt, (call) => sheetOf(call) === 'Status' && call.name === 'Range.setValues');
    const result = rt.call('undoLastEntry', 'seed-4') as LogResult;
    clearFaults(rt);
    expect(result).toMatchObject({ ok: true, message: "Removed Raj's entry: 50 Emails on 2026-11-02.", errors: [] });
    expect(result.state?.recent.map((e) => e.id)).not.toContain('seed-4');
    expect(logRows(rt).map((row) => row[7])).toEqual(['seed-1', 'seed-2', 'seed-3']);
  });
});

describe('the daily trigger after the spreadsheet time zone changed', () => {
  const cases = [
    // 05:00 UTC on Monday 23 November: already Monday afternoon in Seoul, still Sunday evening in Honolulu.
    { zone: 'Pacific/Honolulu', now: Date.parse('2026-11-23T05:00:00Z'), today: '2026-11-22', weekStart: '2026-11-16' },
    // 12:00 UTC on Sunday 22 November: Sunday evening in Seoul, already Monday in Auckland (UTC+13 in summer).
    { zone: 'Pacific/Auckland', now: Date.parse('2026-11-22T12:00:00Z'), today: '2026-11-23', weekStart: '2026-11-23' },
  ];

  it.each(cases)('moves AsOfDate to today in the new zone ($zone: $today)', ({ zone, now, today, weekStart }) => {
    const rt = teamWorkbook();
    rt.call('toggleDailyRefresh');
    const trigger = rt.scriptApp.triggers[0];
    if (!trigger) throw new Error('the daily trigger was not installed');
    // Someone moves the spreadsheet to another zone (File > Settings) after turning the refresh on.
    rt.spreadsheet.setSpreadsheetTimeZone(zone);
    rt.now = now;
    rt.fire(trigger);
    const asOf = rt.spreadsheet.getRangeByName('AsOfDate');
    expect(asOf?.getValue()).toEqual(cellDate(rt, today));
    // The cell shows that day in the new zone, and the board's weeks start from it.
    const shown = asOf?.getValue() as Date;
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(shown.getTime())).toBe(today);
    const calls = board(rt).find((row) => row[0] === 'Raj' && row[1] === 'Calls');
    expect(calls?.[3]).toEqual(cellDate(rt, weekStart));
  });
});

describe('an Activities sheet of 100,000 rows', () => {
  /** A team workbook with `size` more log rows, each a call or an email of Raj's or Mia's in November. */
  function bigWorkbook(size: number): AppsScriptRuntime {
    const rt = teamWorkbook();
    const days = Array.from({ length: 18 }, (_, i) => cellDate(rt, `2026-11-${String(i + 1).padStart(2, '0')}`));
    const rows = Array.from({ length: size }, (_, i) => [
      days[i % days.length],
      i % 2 ? 'Raj' : 'Mia',
      i % 3 ? 'Calls' : 'Emails',
      1,
    ]);
    // A pasted log grows the sheet's grid, as in Sheets (a new sheet has 1,000 rows).
    const log = sheet(rt, 'Activities');
    log.insertRowsAfter(log.getMaxRows(), size);
    log.getRange(6, 1, size, 4).setValues(rows);
    return rt;
  }

  /** Service calls of a refresh, a logActivity and the same entry again, and how long they took. */
  function measure(rt: AppsScriptRuntime) {
    const calls: Record<string, Record<string, number>> = {};
    const started = performance.now();
    rt.calls.reset();
    rt.call('refreshStatus');
    calls.refresh = rt.calls.snapshot();
    rt.calls.reset();
    const logged = rt.call('logActivity', entry('big-1', { quantity: 7 })) as LogResult;
    calls.log = rt.calls.snapshot();
    rt.calls.reset();
    const again = rt.call('logActivity', entry('big-1', { quantity: 7 })) as LogResult;
    calls.duplicate = rt.calls.snapshot();
    return { calls, logged, again, ms: performance.now() - started };
  }

  it('still refreshes and logs once, with the same service calls as at 10 rows', () => {
    const small = measure(bigWorkbook(10));
    const rt = bigWorkbook(100_000);
    const big = measure(rt);
    console.log(
      `100,000 rows: refresh + log + the same entry again took ${Math.round(big.ms)} ms in the emulator (10 rows: ${Math.round(small.ms)} ms)`,
    );
    expect(big.calls).toEqual(small.calls);
    expect(big.logged).toMatchObject({ ok: true, message: 'Logged 7 Calls for Raj.' });
    expect(big.again).toMatchObject({ ok: true, message: SIDEBAR.en.labels.duplicate });
    // The log is whole: the seed rows, the 100,000 rows, and the new entry once, at the end.
    const rows = logRows(rt);
    expect(rows).toHaveLength(100_005);
    expect(rows.at(-2)?.slice(1, 4)).toEqual(['Raj', 'Emails', 1]);
    expect(rows.at(-1)?.slice(1, 8)).toEqual(['Raj', 'Calls', 7, '', RAJ, rt.date(NOV18), 'big-1']);
    // Raj's calls this week on the board: the seeds (25), the new entry (7) and his bulk calls of the 16th to the 18th.
    const bulk = Array.from({ length: 100_000 }, (_, i) => i).filter(
      (i) => i % 2 === 1 && i % 3 !== 0 && i % 18 >= 15,
    ).length;
    const raj = board(rt).find((row) => row[0] === 'Raj' && row[1] === 'Calls');
    expect(raj?.[6]).toBe(25 + 7 + bulk);
  }, 120_000);
});
