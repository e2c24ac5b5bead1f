/**
 * The rules of one entry (core/logEntry.ts), which the sidebar's server and
 * the state it shows both follow: the columns an entry needs, the id it is
 * found by, whose entry it is, which is a user's latest, and what Undo removes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayClock, dayFromIso } from '../src/core/day';
import { fill, STRINGS } from '../src/core/i18n';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import {
  entryColumnsOf,
  entryIdOf,
  entryRemoval,
  type Listed,
  latestOwn,
  loggedByUser,
  newestFirst,
} from '../src/core/logEntry';
import { SHEET_COLUMNS } from '../src/core/setup';
import { sidebarState } from '../src/core/sidebarState';

const clock = new DayClock('Asia/Seoul');
const HEADER = SHEET_COLUMNS.activities.map((key) => STRINGS.en.headers[key]);
const day = dayFromIso('2026-11-30') as number;
const midnight = new Date(clock.startOf(day));

function columnsOf(header: readonly unknown[]) {
  const columns = entryColumnsOf(header, 'en');
  if (typeof columns === 'string') throw new Error(columns);
  return columns;
}

describe('the columns an entry needs', () => {
  it('reads every column of the log from its header, in the sheet’s order', () => {
    const columns = columnsOf(['Memo', ...HEADER]);
    expect(columns.get('date')).toBe(1);
    expect(columns.get('entryId')).toBe(8);
  });

  it('names the missing column when the log lacks one an entry needs', () => {
    const said = entryColumnsOf(HEADER.slice(0, -1), 'en');
    expect(said).toEqual(expect.stringContaining(STRINGS.en.headers.entryId));
  });

  it('says the workbook is not set up when there is no log', () => {
    expect(entryColumnsOf(undefined, 'da')).toBe(fill(SIDEBAR.da.fields.notSetUp, { field: '' }));
    expect(entryColumnsOf([], 'en')).toBe(SIDEBAR.en.fields.notSetUp);
  });
});

describe('the id an entry is found by', () => {
  it('is the sent text without surrounding spaces; nothing else is an id', () => {
    expect(entryIdOf('  abc-1 ')).toBe('abc-1');
    for (const none of ['', '   ', undefined, null, 12, { id: 'x' }]) expect(entryIdOf(none)).toBeUndefined();
  });
});

describe("a user's latest entry", () => {
  const listed = (mine: boolean, at: number, index: number, d = day): Listed => ({ mine, day: d, at, index });

  it('is the one logged last, then the lowest in the sheet; never another user’s', () => {
    const rows = [listed(true, 5, 1), listed(false, 9, 2), listed(true, 5, 3), listed(true, 2, 4)];
    expect(latestOwn(rows)).toBe(rows[2]);
    expect(latestOwn([listed(false, 1, 1)])).toBeUndefined();
  });

  it('lists newest first: by date, then by when logged, then lower in the sheet', () => {
    const rows = [listed(true, 9, 1, day - 1), listed(true, 1, 2), listed(true, 1, 3), listed(true, 5, 4)];
    expect([...rows].sort(newestFirst).map((row) => row.index)).toEqual([4, 3, 2, 1]);
  });

  it('is the entry the sidebar offers Undo on, by the same owner rule as the server’s Undo', () => {
    // Emails as people type them: case, surrounding spaces, someone else's.
    const email = fc.constantFrom('raj@example.com', 'RAJ@example.com', ' raj@example.com ', 'mia@example.com', '');
    fc.assert(
      fc.property(fc.array(email, { minLength: 1, maxLength: 6 }), email, (loggedBy, user) => {
        const activities = [
          HEADER,
          ...loggedBy.map((by, i) => [
            midnight,
            'Raj',
            'Calls',
            1,
            '',
            by,
            new Date(midnight.getTime() + i),
            `id-${i}`,
          ]),
        ];
        const state = sidebarState({
          board: [],
          activities,
          team: undefined,
          user,
          rep: 'Raj',
          lang: 'en',
          locale: 'en_US',
          clock,
          today: day,
          now: midnight.getTime(),
          quotaActivities: [],
        });
        const owned = loggedBy.map((by, i) => (loggedByUser(by, user) ? i : -1)).filter((i) => i >= 0);
        const undoable = state.recent.filter((entry) => entry.undoable).map((entry) => entry.id);
        expect(undoable).toEqual(owned.length ? [`id-${owned[owned.length - 1]}`] : []);
        for (const entry of state.recent) expect(entry.mine).toBe(loggedByUser(entry.loggedBy, user));
      }),
    );
  });
});

describe('what Undo removes', () => {
  const columns = columnsOf([...HEADER, 'Memo']);
  const row = [midnight, 'Raj', 'Calls', 3, 'note', 'raj@example.com', midnight, 'id-1'];

  it('deletes a row of the log alone and moves the board back by the entry', () => {
    const removal = entryRemoval([...row, ''], columns, clock, false);
    expect(removal.others).toEqual([]);
    expect(removal.logColumns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(removal.delta).toEqual({ rep: 'Raj', activity: 'Calls', day, quantity: -3 });
    expect(removal.shown).toEqual({ rep: 'Raj', quantity: '3', activity: 'Calls', date: '2026-11-30' });
  });

  it('keeps a memo typed beside the entry, and then the board still moves back', () => {
    const removal = entryRemoval([...row, 'call back'], columns, clock, true);
    expect(removal.others).toEqual([8]);
    expect(removal.delta?.quantity).toBe(-3);
  });

  it('leaves the board to a refresh when it lists rows by number, or the row cannot be read', () => {
    expect(entryRemoval([...row, ''], columns, clock, true).delta).toBeUndefined();
    const unreadable = [midnight, 'Raj', 'Calls', 'three', '', 'raj@example.com', midnight, 'id-1', ''];
    expect(entryRemoval(unreadable, columns, clock, false).delta).toBeUndefined();
    const noDate = ['someday', 'Raj', 'Calls', 3, '', 'raj@example.com', midnight, 'id-1', ''];
    expect(entryRemoval(noDate, columns, clock, false).shown.date).toBe('someday');
  });
});
