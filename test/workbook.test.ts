/**
 * Setup, sample data, the status board and the triggers that colour it,
 * running the shipped bundle in the local runtime.
 */
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../src/core/day';
import { STATUS_KEYS, STRINGS, type StatusKey } from '../src/core/i18n';
import { APP } from '../src/core/i18n/app';
import { STATUS_COLORS } from '../src/core/palette';
import { computeRefresh } from '../src/core/refresh';
import { ACTIVITY_HEADER, QUOTA_HEADER } from './helpers/fixtures';
import { NOV18, runtime } from './helpers/runtime';
import { teamWorkbook } from './helpers/team';
import { board, cellDate, sheet, snapshot, writes } from './helpers/workbook';

const labelToKey = new Map<string, StatusKey>(STATUS_KEYS.map((key) => [STRINGS.en.statuses[key], key]));

/** A workbook set up from the menu, with a small team typed in by hand (as helpers/team.ts sets one up). */
function team(now = NOV18) {
  return teamWorkbook({ now });
}

function rowOf(rt: ReturnType<typeof team>, rep: string, activity: string) {
  const rows = board(rt);
  const index = rows.findIndex((row) => row[0] === rep && row[1] === activity);
  if (index < 0) throw new Error(`no board row for ${rep} ${activity}`);
  const background =
    sheet(rt, 'Status')
      .getRange(index + 1, 1, 1, 12)
      .getBackgrounds()[0] ?? [];
  return { values: rows[index] as unknown[], background, row: index + 1 };
}

describe('setup, sample data and refresh on an empty spreadsheet', () => {
  const rt = runtime({ now: NOV18 });
  rt.open();
  rt.call('setUpWorkbook');
  rt.call('insertSampleData');
  rt.call('refreshStatus');

  it('creates the SPEC §2 sheets, headers, named ranges and frozen header rows', () => {
    expect(rt.spreadsheet.sheets.map((s) => s.name).sort()).toEqual([
      'Activities',
      'Quotas',
      'Settings',
      'Status',
      'Team',
    ]);
    expect(sheet(rt, 'Activities').getRange('A1:H1').getValues()[0]).toEqual(ACTIVITY_HEADER);
    expect(sheet(rt, 'Quotas').getRange('A1:F1').getValues()[0]).toEqual(QUOTA_HEADER);
    for (const s of rt.spreadsheet.sheets) expect(s.getFrozenRows(), s.name).toBe(1);
    const named = Object.fromEntries(
      [...rt.spreadsheet.namedRanges].map(([n, r]) => [n, `${r.sheet.name}!${r.getA1Notation()}`]),
    );
    expect(named).toEqual({
      ActivityLog: 'Activities!A:H',
      QuotaTable: 'Quotas!A:F',
      // The block the board wrote: all it owns (SPEC §2): the header, 10 rows, a blank row, the team
      // block's header and its 8 rows (one per activity and period), thirteen columns with Progress.
      StatusBoard: 'Status!A1:M21',
      TeamTable: 'Team!A:D',
      QuotaSettings: 'Settings!A:B',
      AsOfDate: 'Settings!B8',
    });
    expect(rt.spreadsheet.getRangeByName('AsOfDate')?.getValue()).toEqual(cellDate(rt, '2026-11-18'));
    // Dropdowns: Period from a list, Rep from the Team sheet.
    expect(sheet(rt, 'Quotas').getRange('C2').getDataValidation()?.criteria).toBe('VALUE_IN_LIST');
    expect(sheet(rt, 'Activities').getRange('B2').getDataValidation()?.criteria).toBe('VALUE_IN_RANGE');
    expect(sheet(rt, 'Activities').getRange('A2').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  it('builds a board whose statuses match the core and whose colours match the statuses', () => {
    const read = (name: string) => sheet(rt, name).getDataRange().getValues();
    const core = computeRefresh({
      activities: read('Activities'),
      quotas: read('Quotas'),
      team: read('Team'),
      settings: read('Settings'),
      timeZone: 'Asia/Seoul',
      lang: 'en',
      today: dayFromIso('2026-11-18') as number,
    });
    const rows = board(rt).slice(1);
    expect(rows.length).toBe(core.board.length);
    expect(rows.map((row) => [row[0], row[1], row[10]])).toEqual(
      core.board.map((row) => [row.rep, row.activity, STRINGS.en.statuses[row.progress.status]]),
    );
    const backgrounds = sheet(rt, 'Status').getRange(2, 1, rows.length, 12).getBackgrounds();
    rows.forEach((row, i) => {
      const key = labelToKey.get(row[10] as string);
      expect(key, String(row[10])).toBeDefined();
      expect(new Set(backgrounds[i])).toEqual(new Set([STATUS_COLORS[key as StatusKey]]));
    });
  });

  it('shows every status at once with the sample data', () => {
    const statuses = new Set(
      board(rt)
        .slice(1)
        .map((row) => row[10]),
    );
    for (const label of ['Met', 'On track', 'Behind', 'At risk']) expect(statuses).toContain(label);
    // SPEC §3: as of today no period is over, so Missed shows only as a last period's result.
    const last = board(rt)
      .slice(1)
      .map((row) => String(row[11]));
    expect(last.some((text) => text.startsWith('Missed '))).toBe(true);
  });

  it('colours each Quotas row by the status of its board rows', () => {
    const quotas = sheet(rt, 'Quotas').getDataRange().getValues();
    const backgrounds = sheet(rt, 'Quotas')
      .getRange(2, 1, quotas.length - 1, 6)
      .getBackgrounds();
    const rows = board(rt).slice(1);
    quotas.slice(1).forEach((quota, i) => {
      const match = rows.find((row) => row[0] === quota[0] && row[1] === quota[1]);
      expect(match, `${quota[0]} ${quota[1]}`).toBeDefined();
      expect(backgrounds[i]?.[0]).toBe(STATUS_COLORS[labelToKey.get(match?.[10] as string) as StatusKey]);
    });
  });

  it('changes no cell when set up again', () => {
    const before = snapshot(rt);
    rt.calls.reset();
    rt.call('setUpWorkbook');
    expect(snapshot(rt)).toEqual(before);
    expect(writes(rt)).toBe(0);
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.setUpNothing);
  });

  it('says which sheets got back a header someone cleared, and adds only that header', () => {
    const log = sheet(rt, 'Activities');
    const header = log.getRange('A1:H1').getValues()[0] ?? [];
    log.getRange(1, header.length, 1, 1).setValue('');
    rt.call('setUpWorkbook');
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.setUpCompleted.replace('{sheets}', 'Activities'));
    const after = log.getRange('A1:H1').getValues()[0] ?? [];
    expect(after.slice(0, header.length - 1)).toEqual(header.slice(0, -1));
    expect(after).toContain(header.at(-1));
  });

  it('refuses to pour sample data over existing data', () => {
    const before = snapshot(rt);
    rt.call('insertSampleData');
    expect(snapshot(rt)).toEqual(before);
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/already has data, so nothing was added/);
  });
});

describe('onEdit', () => {
  it('recolours the board and the Quotas row when an edit makes a rep cross the target', () => {
    const rt = team();
    const before = rowOf(rt, 'Raj', 'Emails');
    expect(before.values[10]).toBe('Behind');
    expect(sheet(rt, 'Quotas').getRange('A3').getBackground()).toBe(STATUS_COLORS.behind);
    rt.edit('Activities', 'D5', [[100]]);
    const after = rowOf(rt, 'Raj', 'Emails');
    expect(after.values[6]).toBe(100);
    expect(after.values[10]).toBe('Met');
    expect(new Set(after.background)).toEqual(new Set([STATUS_COLORS.met]));
    expect(sheet(rt, 'Quotas').getRange('A3:F3').getBackgrounds()[0]).toEqual(new Array(6).fill(STATUS_COLORS.met));
  });

  it('makes no write at all for an edit to an unrelated sheet, or to the Status board', () => {
    const rt = team();
    rt.spreadsheet.insertSheet('Notes');
    const before = snapshot(rt);
    rt.calls.reset();
    rt.edit('Notes', 'A1', [['call the bank']]);
    expect(writes(rt)).toBe(0);
    rt.edit('Status', 'M1', [['my note']]);
    expect(writes(rt)).toBe(0);
    expect(rt.calls.count()).toBeLessThanOrEqual(30);
    expect(sheet(rt, 'Notes').getRange('A1').getValue()).toBe('call the bank');
    expect((snapshot(rt) as { sheets: unknown[] }).sheets.length).toBe((before as { sheets: unknown[] }).sheets.length);
  });

  it('refreshes after an edit to Quotas, Team or Settings', () => {
    const rt = team();
    rt.edit('Quotas', 'D3', [[30]]);
    expect(rowOf(rt, 'Raj', 'Emails').values[10]).toBe('Met');
    rt.edit('Team', 'A4', [['Zoe']]);
    expect(rowOf(rt, 'Zoe', 'Calls').values[10]).toBe('At risk');
    rt.edit('Settings', 'B2', [['Wednesday']]);
    // The week now starts on Wednesday the 18th: only that day's 5 calls count.
    expect(rowOf(rt, 'Raj', 'Calls').values[6]).toBe(5);
  });
});

describe('the as-of date', () => {
  it('turns an under-target On track into Missed at period end, and starts a new period fresh', () => {
    const rt = team();
    const calls = rowOf(rt, 'Raj', 'Calls');
    // Monday 16 to Wednesday 18 November: 25 of 50. Wednesday is today, so (SPEC §3) only 2 of 5
    // working days are over: 20 expected, On track.
    expect(calls.values.slice(5, 7)).toEqual([50, 25]);
    expect(calls.values[10]).toBe('On track');
    rt.edit('Activities', 'D4', [[15]]);
    expect(rowOf(rt, 'Raj', 'Calls').values[10]).toBe('On track');
    // The as-of date moves to Sunday, the week's last day: 35 of 50 is Missed.
    rt.edit('Settings', 'B8', [[cellDate(rt, '2026-11-22')]]);
    expect(rowOf(rt, 'Raj', 'Calls').values[10]).toBe('Missed');
    expect(rowOf(rt, 'Raj', 'Calls').background[0]).toBe(STATUS_COLORS.missed);
    // Monday: a new week with nothing done yet, and last week's result beside it.
    rt.edit('Settings', 'B8', [[cellDate(rt, '2026-11-23')]]);
    const fresh = rowOf(rt, 'Raj', 'Calls');
    expect(fresh.values[3]).toEqual(cellDate(rt, '2026-11-23'));
    expect(fresh.values[6]).toBe(0);
    expect(fresh.values[11]).toBe('Missed 35/50');
  });
});

describe('service calls of a refresh', () => {
  it('are the same at 10, 10,000 and 100,000 Activities rows', () => {
    const counts: Record<number, Record<string, number>> = {};
    for (const size of [10, 10_000, 100_000]) {
      const rt = team();
      const rows = Array.from({ length: size }, (_, i) => [
        cellDate(rt, `2026-11-${String(1 + (i % 18)).padStart(2, '0')}`),
        i % 2 ? 'Raj' : 'Mia',
        i % 3 ? 'Calls' : 'Emails',
        1,
      ]);
      // A pasted log grows the sheet's grid, as in Sheets (a new sheet has 1,000 rows).
      const log = sheet(rt, 'Activities');
      log.insertRowsAfter(log.getMaxRows(), size);
      log.getRange(6, 1, size, 4).setValues(rows);
      rt.calls.reset();
      rt.call('refreshStatus');
      counts[size] = rt.calls.snapshot();
      expect(board(rt).length).toBeGreaterThan(1);
    }
    console.log('service calls per refresh:', JSON.stringify(counts[10]));
    console.log(
      'totals at 10 / 10,000 / 100,000 rows:',
      [10, 10_000, 100_000].map((n) => Object.values(counts[n] ?? {}).reduce((a, b) => a + b, 0)).join(' / '),
    );
    expect(counts[10_000]).toEqual(counts[10]);
    expect(counts[100_000]).toEqual(counts[10]);
    expect(counts[10]?.['Range.setValues']).toBe(1);
    expect(counts[10]?.['Range.setBackgrounds']).toBe(2);
  }, 120_000);
});

describe('a malformed Quotas sheet', () => {
  it('refreshes without throwing and lists each problem by row', () => {
    const rt = team();
    sheet(rt, 'Quotas')
      .getRange('A4:F10')
      .setValues([
        ['', '', '', '', '', ''],
        ['Raj', 'Demos', 'Week', '', '', ''],
        ['Raj', 'Meetings', 'Week', 'lots', '', ''],
        ['Mia', 'Emails', 'Fortnight', 10, '', ''],
        ['', '', '', '', '', ''],
        ['*', 'Calls', 'Week', 50, '', ''],
        ['Tom', 'Calls', 'Week', -5, '', ''],
      ]);
    expect(() => rt.call('refreshStatus')).not.toThrow();
    const alert = rt.ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).toMatch(/Status refreshed as of 2026-11-18: 3 rows\./);
    expect(alert).toMatch(/5 rows were skipped/);
    const values = sheet(rt, 'Status')
      .getDataRange()
      .getValues()
      .map((row) => row[0]);
    const start = values.indexOf('Rows skipped');
    expect(start).toBeGreaterThan(0);
    expect(values.slice(start + 1)).toEqual([
      'Quotas row 5: the quotas range, row 5: "Target" is blank; fill it in or delete the row',
      'Quotas row 6: the quotas range, row 6, column "Target": "lots" is not a number; type a number such as 25',
      'Quotas row 7: the quotas range, row 7: "Fortnight" is not a period; use one of Day, Week, Month, Quarter, Year',
      'Quotas row 9: the quotas range, row 9: the same rep, activity and dates as row 2; the lower row wins, so delete one of them',
      'Quotas row 10: the quotas range, row 10, column "Target": -5 is negative; type zero or more',
    ]);
    // The good rows still make the board (SPEC §3: as of today, Wednesday, 2 of 5 days are over: 25 of 50 is On track).
    expect(rowOf(rt, 'Raj', 'Calls').values[10]).toBe('On track');
  });
});

describe('daily refresh', () => {
  it('installs one time-driven trigger for this document, which moves the as-of date and rebuilds it', () => {
    const rt = team();
    rt.call('toggleDailyRefresh');
    expect(
      rt.scriptApp.triggers.map((t) => [t.handler, t.eventType, t.schedule.timeZone, t.owner, t.document]),
    ).toEqual([['dailyRefresh', 'CLOCK', 'Asia/Seoul', rt.user, rt.spreadsheet.id]]);
    expect(rt.properties.document.getProperty('activityQuota.dailyRefreshOwner')).toBe(rt.user);
    // Next Monday, 06:00 in Seoul (Sunday evening in UTC and in Los Angeles).
    rt.now = Date.parse('2026-11-22T21:00:00Z');
    const trigger = rt.scriptApp.triggers[0];
    if (!trigger) throw new Error('no trigger');
    rt.fire(trigger);
    expect(rt.spreadsheet.getRangeByName('AsOfDate')?.getValue()).toEqual(cellDate(rt, '2026-11-23'));
    expect(rowOf(rt, 'Raj', 'Calls').values[3]).toEqual(cellDate(rt, '2026-11-23'));
    rt.call('toggleDailyRefresh');
    expect(rt.scriptApp.triggers).toEqual([]);
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.dailyOff);
  });
});

describe('adopting an existing sheet', () => {
  it('adopts a log with its columns in another order and Danish headers, and adds only what is missing', () => {
    const rt = runtime({ now: NOV18 });
    const log = rt.spreadsheet.insertSheet('Salgslog');
    log.getRange('A1:E3').setValues([
      ['Antal', 'Sælger', 'Dato', 'Aktivitet', 'Min kolonne'],
      [30, 'Raj', cellDate(rt, '2026-11-02'), 'Opkald', 'x'],
      [5, 'Raj', cellDate(rt, '2026-11-16'), 'Opkald', 'y'],
    ]);
    rt.call('setUpWorkbook');
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/, and added the missing columns to Salgslog\. /);
    expect(rt.spreadsheet.sheets.map((s) => s.name)).not.toContain('Activities');
    expect(log.getRange('A1:I1').getValues()[0]).toEqual([
      'Antal',
      'Sælger',
      'Dato',
      'Aktivitet',
      'Min kolonne',
      'Notes',
      'Logged by',
      'Logged at',
      'Entry ID',
    ]);
    expect(log.getRange('A2:E3').getValues()[1]).toEqual([5, 'Raj', cellDate(rt, '2026-11-16'), 'Opkald', 'y']);
    expect(rt.spreadsheet.getRangeByName('ActivityLog')?.sheet.name).toBe('Salgslog');
    sheet(rt, 'Quotas')
      .getRange('A2:D2')
      .setValues([['Raj', 'Calls', 'Month', 100]]);
    rt.call('refreshStatus');
    expect(rowOf(rt as ReturnType<typeof team>, 'Raj', 'Calls').values[6]).toBe(35);
    // And an edit in the adopted sheet refreshes too.
    rt.edit('Salgslog', 'A3', [[70]]);
    expect(rowOf(rt as ReturnType<typeof team>, 'Raj', 'Calls').values[10]).toBe('Met');
  });
});

describe('languages of the workbook', () => {
  it('has every menu label, sheet name and header in all six languages', () => {
    for (const lang of ['en', 'ms', 'ru', 'da', 'pl', 'ko'] as const) {
      for (const label of Object.values(APP[lang].menu)) expect(label.trim(), lang).not.toBe('');
      for (const name of Object.values(APP[lang].sheets)) expect(name.trim(), lang).not.toBe('');
      for (const header of Object.values(STRINGS[lang].headers)) expect(header.trim(), lang).not.toBe('');
      if (lang !== 'en') expect(APP[lang].menu.setUp, lang).not.toBe(APP.en.menu.setUp);
    }
  });

  it('gives a Korean-locale spreadsheet a Korean menu, sheets and headers', () => {
    const rt = runtime({ now: NOV18, locale: 'ko_KR' });
    rt.open();
    expect(rt.ui.menus[0]?.items.map((item) => item.caption).filter((c) => c !== '---')).toEqual([
      APP.ko.menu.openSidebar,
      APP.ko.menu.setUp,
      APP.ko.menu.sampleData,
      APP.ko.menu.refresh,
      APP.ko.menu.compact,
      APP.ko.menu.dailyToggle,
    ]);
    rt.call('setUpWorkbook');
    const activities = sheet(rt, APP.ko.sheets.activities);
    expect(activities.getRange('A1:D1').getValues()[0]).toEqual(
      (['date', 'rep', 'activity', 'quantity'] as const).map((key) => STRINGS.ko.headers[key]),
    );
    rt.call('insertSampleData');
    const statuses = new Set(
      board(rt, APP.ko.sheets.status)
        .slice(1)
        .map((row) => row[10]),
    );
    // SPEC §3: as of today no period is over, so Missed shows only as a last period's result.
    expect(statuses).toContain(STRINGS.ko.statuses.atRisk);
    const last = board(rt, APP.ko.sheets.status)
      .slice(1)
      .map((row) => String(row[11]));
    expect(last.some((text) => text.startsWith(`${STRINGS.ko.statuses.missed} `))).toBe(true);
    expect(board(rt, APP.ko.sheets.status)[0]?.[0]).toBe(STRINGS.ko.headers.rep);
  });
});
