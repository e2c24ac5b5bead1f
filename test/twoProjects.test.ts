/**
 * The add-on and the phone web app are two Apps Script projects on one
 * spreadsheet (SPEC §5b): each has its own lock (the add-on's document lock,
 * the web app's script lock), so neither keeps the other out. An entry from
 * the phone can land at any moment of an entry from the sidebar; none may be
 * lost or written over (SPEC §8), and the board must be exact again by the
 * next action at the latest. The phone's entry is run before each service
 * call the sidebar's entry makes, in turn.
 */
import { describe, expect, it } from 'vitest';
import type { LogResult } from '../src/core/serverApi';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { phoneRuntime } from './helpers/phone';
import { MIA, RAJ, teamWorkbook } from './helpers/team';
import { board, sheet } from './helpers/workbook';

const fromSidebar = { id: 'sidebar-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 3, notes: '=1+1' };
const fromPhone = { id: 'phone-1', date: '2026-11-18', rep: 'Mia', activity: 'Calls', quantity: 4, notes: 'a call' };

/** The log's rows holding `id`, as [rep, quantity, notes, logged by]. */
function rowsOf(rt: AppsScriptRuntime, id: string): unknown[][] {
  return sheet(rt, 'Activities')
    .getDataRange()
    .getValues()
    .filter((row) => row[7] === id)
    .map((row) => [row[1], row[3], row[4], row[5]]);
}

/** The service calls the sidebar's entry makes when nothing runs beside it. */
function callsOfOneEntry(): number {
  const rt = teamWorkbook();
  let calls = 0;
  rt.calls.hook = () => {
    calls++;
  };
  rt.call('logActivity', fromSidebar);
  rt.calls.hook = undefined;
  return calls;
}

describe('the add-on and the phone web app logging at once', () => {
  const total = callsOfOneEntry();

  it('has a sidebar entry of several service calls to interleave with', () => {
    expect(total).toBeGreaterThan(10);
  });

  it.each(Array.from({ length: total }, (_, k) => [k + 1]))(
    'keeps both entries, each once, when the phone logs before the sidebar’s service call %i',
    (nth) => {
      const rt = teamWorkbook();
      const phone = phoneRuntime(rt, { user: MIA });
      let seen = 0;
      let phoneSaid: LogResult | undefined;
      rt.calls.hook = () => {
        if (++seen === nth) phoneSaid = phone.call('logActivity', fromPhone) as LogResult;
      };
      const said = rt.call('logActivity', fromSidebar) as LogResult;
      rt.calls.hook = undefined;
      expect(phoneSaid?.ok, phoneSaid?.message).toBe(true);
      expect(said.ok, said.message).toBe(true);
      expect(rowsOf(rt, 'sidebar-1')).toEqual([['Raj', 3, '=1+1', RAJ]]);
      expect(rowsOf(rt, 'phone-1')).toEqual([['Mia', 4, 'a call', MIA]]);
      expect(
        sheet(rt, 'Activities')
          .getRange(1, 1, 7, 1)
          .getValues()
          .flat()
          .filter((v) => v === ''),
      ).toEqual([]);
      // The board: exact once the next action (here another entry from the sidebar) has run.
      rt.call('logActivity', { ...fromSidebar, id: 'sidebar-2', quantity: 1, notes: '' });
      const kept = board(rt);
      rt.call('refreshStatus');
      expect(kept).toEqual(board(rt));
    },
  );

  it.each(Array.from({ length: total }, (_, k) => [k + 1]))(
    'writes the entry whole and leaves no claim when the phone removes an entry above it before service call %i',
    (nth) => {
      const rt = teamWorkbook();
      const phone = phoneRuntime(rt, { user: MIA });
      expect((phone.call('logActivity', fromPhone) as LogResult).ok).toBe(true);
      let seen = 0;
      let undone: LogResult | undefined;
      rt.calls.hook = () => {
        if (++seen === nth) undone = phone.call('undoLastEntry', fromPhone.id) as LogResult;
      };
      const said = rt.call('logActivity', fromSidebar) as LogResult;
      rt.calls.hook = undefined;
      expect(undone?.ok, undone?.message).toBe(true);
      expect(said.ok, said.message).toBe(true);
      expect(rowsOf(rt, 'sidebar-1')).toEqual([['Raj', 3, '=1+1', RAJ]]);
      expect(rowsOf(rt, 'phone-1')).toEqual([]);
      const ids = sheet(rt, 'Activities')
        .getDataRange()
        .getValues()
        .slice(1)
        .map((row) => row[7]);
      expect(ids).toEqual(['seed-1', 'seed-2', 'seed-3', 'seed-4', 'sidebar-1']);
    },
  );
});
