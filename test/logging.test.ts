/**
 * The sidebar's server side: logActivity and undoLastEntry under many users and a
 * contended document lock, in the local runtime.
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { LogResult } from '../src/core/serverApi';
import { NOV18, runtime } from './helpers/runtime';
import { cellDate, logRows, sheet, snapshot } from './helpers/workbook';

const USERS = ['raj@example.com', 'mia@example.com', 'tom@example.com', 'ana@example.com'];

function workbook() {
  const rt = runtime({ now: NOV18, user: USERS[0] });
  rt.call('setUpWorkbook');
  sheet(rt, 'Team')
    .getRange('A2:B5')
    .setValues([
      ['Raj', USERS[0]],
      ['Mia', USERS[1]],
      ['Tom', USERS[2]],
      ['Ana', USERS[3]],
    ]);
  sheet(rt, 'Quotas')
    .getRange('A2:D2')
    .setValues([['*', 'Calls', 'Week', 50]]);
  return rt;
}

describe('logActivity under load', () => {
  it('keeps exactly 50 rows for 50 entries from several users, with the lock held and contended', () => {
    const rt = workbook();
    let refusals = 0;
    for (let i = 0; i < 50; i++) {
      const user = USERS[i % USERS.length] as string;
      const entry = {
        id: `e-${i}`,
        date: '2026-11-18',
        rep: ['Raj', 'Mia', 'Tom', 'Ana'][i % 4],
        activity: 'Calls',
        quantity: 1,
        notes: `#${i}`,
      };
      // Every fifth call finds the lock held by another execution for two attempts.
      if (i % 5 === 0) {
        rt.locks.documentLock.holder = 'another-execution';
        rt.locks.documentLock.busyFor = 2;
      }
      let result: LogResult;
      let attempts = 0;
      do {
        result = rt.as(user, () => rt.call('logActivity', entry)) as LogResult;
        attempts++;
        if (!result.ok) {
          refusals++;
          expect(result.message).toBe(SIDEBAR.en.fields.tryAgain);
          expect(result.errors).toEqual([]);
        }
      } while (!result.ok && attempts < 5);
      expect(result.ok, `entry ${i}`).toBe(true);
      // The form retries with the same id after a lost reply: still one row.
      if (i % 7 === 0)
        expect((rt.as(user, () => rt.call('logActivity', entry)) as LogResult).message).toBe(
          SIDEBAR.en.labels.duplicate,
        );
    }
    const rows = logRows(rt);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row) => row[7])).size).toBe(50);
    expect(refusals).toBe(20);
    expect(rt.locks.documentLock.timeouts).toBe(20);
    // Each row is logged by the user who sent it, whatever the entry claimed.
    rows.forEach((row) => {
      const i = Number(String(row[7]).slice(2));
      expect(row[5]).toBe(USERS[i % USERS.length]);
    });
    expect(rt.locks.documentLock.holder).toBeUndefined();
  });

  it('gives a clear "try again" on a lock timeout, and writes no partial row', () => {
    const rt = workbook();
    const before = snapshot(rt);
    rt.locks.documentLock.holder = 'another-execution';
    rt.locks.documentLock.busyFor = 1;
    const result = rt.call('logActivity', {
      id: 'x1',
      date: '2026-11-18',
      rep: 'Raj',
      activity: 'Calls',
      quantity: 3,
    }) as LogResult;
    expect(result).toMatchObject({ ok: false, message: SIDEBAR.en.fields.tryAgain });
    expect(snapshot(rt)).toEqual(before);
  });

  it('ignores a "Logged by" the client claims, and fills Logged by, Logged at and Entry ID itself', () => {
    const rt = workbook();
    rt.call('logActivity', {
      id: 'x2',
      date: '2026-11-17',
      rep: 'Raj',
      activity: 'Calls',
      quantity: 2,
      loggedBy: 'boss@example.com',
      loggedAt: '1999-01-01',
    });
    const row = logRows(rt)[0] ?? [];
    expect(row.slice(0, 4)).toEqual([cellDate(rt, '2026-11-17'), 'Raj', 'Calls', 2]);
    expect(row[5]).toBe(USERS[0]);
    expect((row[6] as Date).getTime()).toBe(NOV18);
    expect(row[7]).toBe('x2');
  });

  it('refuses a future date and an entry without an id, writing nothing', () => {
    const rt = workbook();
    const before = snapshot(rt);
    const future = rt.call('logActivity', {
      id: 'f1',
      date: '2026-11-19',
      rep: 'Raj',
      activity: 'Calls',
      quantity: 1,
    }) as LogResult;
    expect(future.errors).toEqual([{ field: 'date', message: 'Date is in the future; log what has been done.' }]);
    const noId = rt.call('logActivity', {
      date: '2026-11-18',
      rep: 'Raj',
      activity: 'Calls',
      quantity: 1,
    }) as LogResult;
    expect(noId.errors).toEqual([{ field: 'form', message: SIDEBAR.en.fields.badId }]);
    const garbage = rt.call('logActivity', 'not an entry') as LogResult;
    expect(garbage.ok).toBe(false);
    expect(garbage.errors.map((e) => e.field).sort()).toEqual(['activity', 'date', 'form', 'quantity', 'rep']);
    expect(snapshot(rt)).toEqual(before);
  });

  it('refuses to undo someone else’s entry, and writes nothing', () => {
    const rt = workbook();
    rt.as(USERS[1] as string, () =>
      rt.call('logActivity', { id: 'm1', date: '2026-11-18', rep: 'Mia', activity: 'Calls', quantity: 1 }),
    );
    const before = snapshot(rt);
    const result = rt.call('undoLastEntry', 'm1') as LogResult;
    expect(result).toMatchObject({ ok: false, message: SIDEBAR.en.fields.undoNotYours });
    expect(snapshot(rt)).toEqual(before);
  });
});

describe('recent entries in the sidebar', () => {
  it('come newest first by date, then by when they were logged, whatever order the log is in; Undo on the latest logged', () => {
    const rt = workbook();
    const log = (id: string, date: string, at: number) => {
      rt.now = at;
      const result = rt.call('logActivity', { id, date, rep: 'Raj', activity: 'Calls', quantity: 1 }) as LogResult;
      expect(result.ok, result.message).toBe(true);
    };
    // Logged in this order, over a morning: a back-dated entry last.
    log('tue', '2026-11-17', NOV18 - 3_600_000);
    log('wed-early', '2026-11-18', NOV18 - 1_800_000);
    log('wed-late', '2026-11-18', NOV18 - 600_000);
    log('mon', '2026-11-16', NOV18);
    // Someone sorts the log by date, newest at the top.
    const sheetLog = sheet(rt, 'Activities');
    const rows = sheetLog.getRange(2, 1, 4, 8).getValues();
    rows.sort((a, b) => (b[0] as Date).getTime() - (a[0] as Date).getTime());
    sheetLog.getRange(2, 1, 4, 8).setValues(rows);
    const state = rt.call('getSidebarState') as { recent: { id: string; undoable: boolean }[] };
    expect(state.recent.map((e) => e.id)).toEqual(['wed-late', 'wed-early', 'tue', 'mon']);
    // Undo is offered on what the user logged last (the back-dated Monday), wherever it sits.
    expect(state.recent.filter((e) => e.undoable).map((e) => e.id)).toEqual(['mon']);
  });
});
