/**
 * The sidebar's burn-up charts through the shipped bundle: a refresh keeps
 * each board row's Done per step in document properties, an entry or an undo
 * moves one step, and the sidebar's state shows a chart only when it adds up
 * to Done. The emulator's properties refuse what Apps Script refuses.
 */
import { describe, expect, it } from 'vitest';
import type { BurnUp } from '../src/core/burnUp';
import type { LogResult } from '../src/core/serverApi';
import type { SidebarState } from '../src/core/sidebarState';
import { FakeProperties, PROPERTY_STORE_BYTES, PROPERTY_VALUE_BYTES } from '../src/local/properties';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { clearFaults, failOn, RAJ, teamWorkbook } from './helpers/team';
import { board, cellDate, sheet } from './helpers/workbook';

const WEEK = ['16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-11-${d}`);

function chartOf(state: SidebarState | undefined, activity: string): BurnUp | undefined {
  const quota = state?.quotas.find((q) => q.activity === activity);
  if (!quota) throw new Error(`no ${activity} quota in the state`);
  return quota.burnUp;
}
const stateNow = (rt: AppsScriptRuntime) => rt.call('getSidebarState') as SidebarState;
const entry = (id: string, date: string, quantity: number, activity = 'Calls') => ({
  id,
  date,
  rep: 'Raj',
  activity,
  quantity,
  notes: '',
});

describe('burn-up charts kept beside the board', () => {
  it('shows after a refresh each quota of the rep with Done per day and the working-day pace', () => {
    // Raj: 50 Calls a week (20 on Monday 16, 5 on Wednesday 18 November), 100 Emails a month (50 on the 2nd).
    const rt = teamWorkbook();
    const state = stateNow(rt);
    expect(chartOf(state, 'Calls')).toEqual({
      steps: WEEK,
      expected: [10, 20, 30, 40, 50, 50, 50],
      done: [20, 20, 25],
      asOf: '2026-11-18',
    });
    const emails = chartOf(state, 'Emails');
    expect(emails?.steps).toHaveLength(30);
    expect(emails?.done).toHaveLength(18);
    expect(emails?.done.slice(0, 3)).toEqual([0, 50, 50]);
    expect(emails?.done.at(-1)).toBe(state.quotas.find((q) => q.activity === 'Emails')?.done);
  });

  it('moves the day of an entry by its quantity when it is logged, and back when it is undone', () => {
    const rt = teamWorkbook();
    const series = () =>
      Object.entries(rt.properties.document.getProperties()).filter(([key]) => key.startsWith('activityQuota.burnUp.'));
    /** What the entries left is what a full refresh keeps. */
    const expectRefreshAgrees = () => {
      const moved = series();
      rt.call('refreshStatus');
      expect(series()).toEqual(moved);
    };
    const logged = rt.call('logActivity', entry('burn-1', '2026-11-17', 4)) as LogResult;
    expect(logged.ok).toBe(true);
    expect(chartOf(logged.state, 'Calls')?.done).toEqual([20, 24, 29]);
    expect(chartOf(stateNow(rt), 'Calls')?.done).toEqual([20, 24, 29]);
    expect(chartOf(stateNow(rt), 'Emails')?.done.at(-1)).toBe(50);
    expectRefreshAgrees();
    const undone = rt.call('undoLastEntry', 'burn-1') as LogResult;
    expect(undone.ok).toBe(true);
    expect(chartOf(undone.state, 'Calls')?.done).toEqual([20, 20, 25]);
    expectRefreshAgrees();
  });

  it('rebuilds the series when the log is edited by hand and onEdit refreshes', () => {
    const rt = teamWorkbook();
    // Monday's 20 calls moved to Tuesday: the same Done, another shape.
    rt.edit('Activities', 'A2', [[cellDate(rt, '2026-11-17')]]);
    expect(chartOf(stateNow(rt), 'Calls')?.done).toEqual([0, 20, 25]);
    rt.edit('Activities', 'D4', [[9]]);
    expect(chartOf(stateNow(rt), 'Calls')?.done).toEqual([0, 20, 29]);
  });

  it('shows no chart that does not add up to Done, until a refresh makes it whole', () => {
    const rt = teamWorkbook();
    // A log row written behind the add-on's back (another script): the board and the series do not know it.
    sheet(rt, 'Activities')
      .getRange('A6:H6')
      .setValues([[cellDate(rt, '2026-11-17'), 'Raj', 'Calls', 3, '', RAJ, '', 'other-1']]);
    const state = stateNow(rt);
    expect(state.quotas.find((q) => q.activity === 'Calls')?.done).toBe(28);
    expect(chartOf(state, 'Calls')).toBeUndefined();
    expect(chartOf(state, 'Emails')?.done.at(-1)).toBe(50);
    rt.call('refreshStatus');
    expect(chartOf(stateNow(rt), 'Calls')?.done).toEqual([20, 23, 28]);
  });

  it('drops the series of a rep who left the board at the next refresh', () => {
    const rt = teamWorkbook();
    const keys = () => rt.properties.document.getKeys().filter((key) => key.includes('burnUp'));
    expect(keys().sort()).toEqual(['activityQuota.burnUp.mia', 'activityQuota.burnUp.raj']);
    rt.edit('Team', 'A3:C3', [['', '', '']]);
    expect(keys()).toEqual(['activityQuota.burnUp.raj']);
  });

  it('keeps the board whole when keeping the series fails, and shows no chart it could not keep', () => {
    const rt = teamWorkbook();
    const fired = failOn(rt, (call) => call.name === 'Properties.setProperties');
    const alerts = rt.ui.alerts.length;
    rt.edit('Activities', 'D2', [[22]]);
    clearFaults(rt);
    expect(fired()).toBe(true);
    expect(rt.ui.alerts).toHaveLength(alerts);
    expect(board(rt).find((cells) => cells[0] === 'Raj' && cells[1] === 'Calls')?.[6]).toBe(27);
    const state = stateNow(rt);
    expect(state.quotas.find((q) => q.activity === 'Calls')?.done).toBe(27);
    expect(chartOf(state, 'Calls')).toBeUndefined();
    // The next refresh keeps them again.
    rt.call('refreshStatus');
    expect(chartOf(stateNow(rt), 'Calls')?.done).toEqual([22, 22, 27]);
  });
});

describe("the emulator's document properties", () => {
  const bytes = (key: string, value: string) => Buffer.byteLength(key) + Buffer.byteLength(value);
  const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

  it('refuses a value over 9 kB with its key, in UTF-8 bytes, and changes nothing', () => {
    const store = new FakeProperties();
    const key = 'k';
    store.setProperty(key, 'x'.repeat(PROPERTY_VALUE_BYTES - 1));
    expect(() => store.setProperty(key, 'x'.repeat(PROPERTY_VALUE_BYTES))).toThrow(QUOTA);
    // Hangul takes three bytes a letter: 3,000 letters are 9,000 bytes.
    expect(() => store.setProperty('h', '가'.repeat(3000))).toThrow(QUOTA);
    expect(store.getProperty(key)).toHaveLength(PROPERTY_VALUE_BYTES - 1);
    expect(store.getProperty('h')).toBeNull();
  });

  it('refuses a store past 500 kB, all or nothing for setProperties, counting a replaced value once', () => {
    const store = new FakeProperties();
    const value = 'y'.repeat(8_000);
    let n = 0;
    expect(() => {
      for (;;) store.setProperty(`key${n++}`, value);
    }).toThrow(QUOTA);
    const total = () => Object.entries(store.getProperties()).reduce((sum, [k, v]) => sum + bytes(k, v), 0);
    expect(total()).toBeLessThanOrEqual(PROPERTY_STORE_BYTES);
    expect(total() + bytes(`key${n}`, value)).toBeGreaterThan(PROPERTY_STORE_BYTES);
    const before = store.getProperties();
    expect(() => store.setProperties({ a: 'small', b: value })).toThrow(QUOTA);
    expect(store.getProperties()).toEqual(before);
    // Replacing a value counts its new size only.
    store.setProperty('key0', value.replace(/y/g, 'z'));
    expect(store.getProperty('key0')?.[0]).toBe('z');
  });

  it('counts the bytes its calls hand back and store', () => {
    const store = new FakeProperties();
    store.setProperties({ ab: 'cdef', g: 'h' });
    expect(store.moved).toEqual({ read: 0, written: 8 });
    store.getProperty('ab');
    store.getProperty('missing');
    expect(store.moved).toEqual({ read: 6, written: 8 });
  });
});
