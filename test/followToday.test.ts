/**
 * The As-of date follows today (SPEC §2, §6): set up follows today, the first
 * open of a day and the daily refresh move it, a manager pins it by typing a
 * date, and ticking "follows today" again lets it follow. On dist/Code.js.
 */
import { describe, expect, it } from 'vitest';
import { DayClock } from '../src/core/day';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { readSettings } from '../src/core/settingsTable';
import { NOV18, runtime } from './helpers/runtime';
import { teamWorkbook } from './helpers/team';
import { board, cellDate, sheet, snapshot } from './helpers/workbook';

const DAY = 86_400_000;
/** Thursday 19 November, 8 a.m. in Seoul. */
const NOV19_MORNING = Date.parse('2026-11-18T23:00:00Z');

function settingsRows(rt: ReturnType<typeof teamWorkbook>): unknown[][] {
  return sheet(rt, 'Settings').getDataRange().getValues();
}

function settingValue(rt: ReturnType<typeof teamWorkbook>, key: string): unknown {
  return settingsRows(rt).find((row) => row[0] === key)?.[1];
}

function settingCell(rt: ReturnType<typeof teamWorkbook>, key: string): string {
  const row = settingsRows(rt).findIndex((cells) => cells[0] === key);
  if (row < 0) throw new Error(`no ${key} row`);
  return `B${row + 1}`;
}

/** The board's Start of Raj's Calls (a Week quota) and its Status. */
function callsRow(rt: ReturnType<typeof teamWorkbook>): unknown[] {
  const row = board(rt).find((cells) => cells[0] === 'Raj' && cells[1] === 'Calls');
  if (!row) throw new Error('no Raj Calls row');
  return row;
}

describe('an As-of date that follows today', () => {
  it('is set up following today, as a tick box, beside a board order of Severity', () => {
    const rt = teamWorkbook();
    expect(settingValue(rt, 'As-of date follows today')).toBe(true);
    expect(settingValue(rt, 'Board order')).toBe('Severity');
    const cell = sheet(rt, 'Settings').getRange(settingCell(rt, 'As-of date follows today'));
    expect(cell.getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(settingValue(rt, 'As-of date')).toEqual(cellDate(rt, '2026-11-18'));
  });

  it('moves to today at the first open of a day, and refreshes the board', () => {
    const rt = teamWorkbook();
    rt.now = NOV19_MORNING;
    rt.open('LIMITED');
    expect(settingValue(rt, 'As-of date')).toEqual(cellDate(rt, '2026-11-19'));
    // Thursday at 8 a.m.: Monday to Wednesday are over, 3 of 5 working days: 30 of 50 expected.
    expect(callsRow(rt)[8]).toBeCloseTo(30);
    // A later open that day changes nothing, and reads no sheet.
    const before = snapshot(rt);
    rt.calls.reset();
    rt.open('LIMITED');
    expect(snapshot(rt)).toEqual(before);
    const calls = Object.keys(rt.calls.snapshot()).filter((name) => /^(Sheet|Range)\./.test(name));
    expect(calls).toEqual([]);
  });

  it('leaves the workbook alone when onOpen may not touch it, and in a workbook never set up', () => {
    const rt = teamWorkbook();
    rt.now = NOV19_MORNING;
    const before = snapshot(rt);
    rt.open('NONE');
    expect(snapshot(rt)).toEqual(before);
    const fresh = runtime({ now: NOV18 + DAY });
    fresh.spreadsheet.insertSheet('Pipeline').getRange('A1').setValue('Deal');
    const empty = snapshot(fresh);
    fresh.open('LIMITED');
    expect(snapshot(fresh)).toEqual(empty);
    expect(fresh.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Pipeline']);
  });

  it('moves with the daily refresh, and with any refresh on a later day', () => {
    const rt = teamWorkbook();
    rt.now = NOV18 + 2 * DAY;
    rt.call('refreshStatus');
    expect(settingValue(rt, 'As-of date')).toEqual(cellDate(rt, '2026-11-20'));
    rt.call('toggleDailyRefresh');
    rt.now = NOV18 + 3 * DAY;
    rt.call('dailyRefresh', {});
    expect(settingValue(rt, 'As-of date')).toEqual(cellDate(rt, '2026-11-21'));
  });

  it('is pinned by a date a manager types, and stays pinned through opens and daily refreshes', () => {
    const rt = teamWorkbook();
    rt.edit('Settings', settingCell(rt, 'As-of date'), [[cellDate(rt, '2026-11-22')]]);
    expect(settingValue(rt, 'As-of date follows today')).toBe(false);
    // Sunday 22 November, the week's last day, is over only on Monday; as of Wednesday it is the future.
    expect(callsRow(rt)[3]).toEqual(cellDate(rt, '2026-11-16'));
    rt.call('toggleDailyRefresh');
    rt.now = NOV18 + 5 * DAY;
    rt.open('LIMITED');
    rt.call('dailyRefresh', {});
    expect(settingValue(rt, 'As-of date')).toEqual(cellDate(rt, '2026-11-22'));
    // Now the week is over: 25 of 50 is Missed.
    expect(callsRow(rt)[10]).toBe('Missed');
    // Ticking the box again: the date follows today from this refresh on.
    rt.edit('Settings', settingCell(rt, 'As-of date follows today'), [[true]]);
    expect(settingValue(rt, 'As-of date')).toEqual(cellDate(rt, '2026-11-23'));
    expect(callsRow(rt)[3]).toEqual(cellDate(rt, '2026-11-23'));
  });

  it('pins a "Yes" written as a word with the same language\'s No', () => {
    const rt = teamWorkbook();
    rt.edit('Settings', settingCell(rt, 'As-of date follows today'), [['Ja']]);
    rt.edit('Settings', settingCell(rt, 'As-of date'), [[cellDate(rt, '2026-11-17')]]);
    expect(settingValue(rt, 'As-of date follows today')).toBe('Nej');
    expect(callsRow(rt)[3]).toEqual(cellDate(rt, '2026-11-16'));
  });

  it('never moves a value that is not a date, and never a formula in the As-of date cell', () => {
    const rt = teamWorkbook();
    const cell = settingCell(rt, 'As-of date');
    sheet(rt, 'Settings').getRange(cell).setValue('next Monday');
    rt.now = NOV18 + DAY;
    rt.call('refreshStatus');
    expect(settingValue(rt, 'As-of date')).toBe('next Monday');
    const status = sheet(rt, 'Status').getDataRange().getValues();
    expect(status.some((row) => String(row[0]).includes('"next Monday" is not a date'))).toBe(true);
    sheet(rt, 'Settings').getRange(cell).setFormula('=DATE(2026,11,18)');
    rt.now = NOV18 + 2 * DAY;
    rt.call('refreshStatus');
    expect(sheet(rt, 'Settings').getRange(cell).getFormula()).toBe('=DATE(2026,11,18)');
  });
});

describe('reading the new settings', () => {
  const clock = new DayClock('Asia/Seoul');
  const read = (rows: unknown[][]) => readSettings([['Key', 'Value'], ...rows], { clock, lang: 'en', strict: false });

  it('follows today unless told otherwise, and orders the board by severity', () => {
    expect([DEFAULT_SETTINGS.followToday, DEFAULT_SETTINGS.boardOrder]).toEqual([true, 'severity']);
    expect(read([]).settings.followToday).toBe(true);
  });

  it('reads a tick box, and yes or no words in every language', () => {
    const follows = (value: unknown) => read([['As-of date follows today', value]]).settings.followToday;
    expect([follows(false), follows(true), follows('Nej'), follows('아니요'), follows('Да'), follows('tidak')]).toEqual(
      [false, true, false, false, true, false],
    );
    const order = (value: string) => read([['Kolejność tablicy', value]]).settings.boardOrder;
    expect([order('Rep'), order('Pilność'), order('영업 사원')]).toEqual(['rep', 'severity', 'rep']);
  });

  it('refuses anything else with the choices it takes', () => {
    const { problems } = read([
      ['As-of date follows today', 'maybe'],
      ['Board order', 'alphabetical'],
    ]);
    expect(problems.map((p) => p.params?.choices)).toEqual(['Yes, No', 'Severity, Rep']);
    expect(problems.map((p) => p.key)).toEqual(['badChoice', 'badChoice']);
  });
});
