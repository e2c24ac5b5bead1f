/**
 * The platform's rules, enforced by the local runtime (SPEC §9, §10): each test
 * shows the emulator refusing what Sheets refuses, then the add-on working
 * within the rule. README "Platform rules" lists them with Google's pages.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP } from '../src/core/i18n/app';
import type { LogResult } from '../src/core/serverApi';
import { type AppsScriptRuntime, DEFAULT_BUNDLE } from '../src/local/runtime';
import { NOV18, runtime } from './helpers/runtime';
import { MIA, RAJ, teamWorkbook } from './helpers/team';
import { cellDate, sheet } from './helpers/workbook';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
const MANIFEST = JSON.parse(readFileSync(join(DEFAULT_BUNDLE, '..', 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
};

/** Runs script text in the bundle's realm, as code of the bundle would, in the runtime's current auth mode. */
function script(rt: AppsScriptRuntime, code: string): unknown {
  return vm.runInContext(code, rt.context);
}

/** A copy of the bundle with another manifest (scopes) beside it. */
function withManifest(scopes: string[], extraCode = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'aq-manifest-'));
  copyFileSync(DEFAULT_BUNDLE, join(dir, 'Code.js'));
  if (extraCode) writeFileSync(join(dir, 'Code.js'), `${extraCode}\n${readFileSync(DEFAULT_BUNDLE, 'utf8')}`);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ ...MANIFEST, oauthScopes: scopes }));
  return join(dir, 'Code.js');
}

function entry(id: string, extra: Record<string, unknown> = {}) {
  return { id, date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '', ...extra };
}

describe('sheet dimensions', () => {
  it('gives a new sheet 1,000 rows and 26 columns, and refuses a range past them', () => {
    const rt = runtime({ now: NOV18 });
    const fresh = rt.spreadsheet.insertSheet('Fresh');
    expect([fresh.getMaxRows(), fresh.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => fresh.getRange(1001, 1)).toThrow(OUTSIDE);
    expect(() => fresh.getRange(1000, 1, 2, 1)).toThrow(OUTSIDE);
    expect(() => fresh.getRange(1, 27)).toThrow(OUTSIDE);
    expect(() => fresh.getRange('A1:A1001')).toThrow(OUTSIDE);
    expect(() => fresh.getRange(0, 1)).toThrow(OUTSIDE);
    expect(fresh.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('grows only through appendRow and insertRowsAfter', () => {
    const rt = runtime({ now: NOV18 });
    const grid = rt.spreadsheet.insertSheet('Grid');
    grid.getRange(1000, 1).setValue('last');
    grid.appendRow(['appended']);
    expect(grid.getMaxRows()).toBe(1001);
    expect(grid.getRange(1001, 1).getValue()).toBe('appended');
    grid.insertRowsAfter(grid.getMaxRows(), 9);
    expect(grid.getMaxRows()).toBe(1010);
    expect(() => grid.getRange(1011, 1)).toThrow(OUTSIDE);
  });

  it.each([1_000, 10_000])('logs the entry after a log that fills all %i rows of its grid', (rows) => {
    const rt = teamWorkbook();
    const log = sheet(rt, 'Activities');
    const used = log.getLastRow();
    // The log fills its grid exactly: the next entry's row does not exist yet.
    if (rows > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), rows - log.getMaxRows());
    const filler = Array.from({ length: rows - used }, (_, i) => [
      cellDate(rt, '2026-11-02'),
      'Mia',
      'Calls',
      1,
      `f${i}`,
    ]);
    log.getRange(used + 1, 1, filler.length, 5).setValues(filler);
    expect([log.getLastRow(), log.getMaxRows()]).toEqual([rows, rows]);
    const result = rt.call('logActivity', entry(`row-${rows + 1}`)) as LogResult;
    expect(result.ok, result.message).toBe(true);
    expect(log.getMaxRows()).toBe(rows + 1);
    const last = log.getRange(rows + 1, 1, 1, 8).getValues()[0] ?? [];
    expect(last.slice(1, 4)).toEqual(['Raj', 'Calls', 1]);
    expect(last[7]).toBe(`row-${rows + 1}`);
  });

  it('grows the Status sheet when the board needs more than its 1,000 rows', () => {
    const rt = teamWorkbook();
    const quotas = sheet(rt, 'Quotas');
    const bad = Array.from({ length: 1_200 }, (_, i) => [`Rep ${i}`, 'Calls', 'Week', 'lots']);
    quotas.insertRowsAfter(quotas.getMaxRows(), bad.length);
    quotas.getRange(quotas.getLastRow() + 1, 1, bad.length, 4).setValues(bad);
    rt.call('refreshStatus');
    const status = sheet(rt, 'Status');
    expect(status.getMaxRows()).toBeGreaterThan(1_200);
    const texts = status
      .getRange(1, 1, status.getLastRow(), 1)
      .getValues()
      .map((row) => String(row[0]));
    expect(texts.filter((text) => text.includes('"lots" is not a number'))).toHaveLength(1_200);
  });
});

describe('scopes from the manifest', () => {
  it('enforces the manifest it loaded: exactly the shipped scopes, and no full spreadsheets scope', () => {
    const rt = runtime({ now: NOV18 });
    expect([...rt.scopes].sort()).toEqual([...MANIFEST.oauthScopes].sort());
    expect(() => script(rt, 'SpreadsheetApp.openById("local-spreadsheet")')).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('opens the sidebar, logs and undoes with the shipped scopes', () => {
    const rt = teamWorkbook();
    const state = rt.call('getSidebarState') as { rep: string };
    expect(state.rep).toBe('Raj');
    expect((rt.call('logActivity', entry('scoped-1')) as LogResult).ok).toBe(true);
    const undone = rt.call('undoLastEntry', 'scoped-1') as LogResult;
    expect(undone.ok, undone.message).toBe(true);
  });

  it('refuses the signed-in email without userinfo.email', () => {
    const scopes = MANIFEST.oauthScopes.filter((scope) => !scope.endsWith('userinfo.email'));
    const rt = runtime({ now: NOV18, bundle: withManifest(scopes) });
    expect(() => script(rt, 'Session.getActiveUser().getEmail()')).toThrow(
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });

  it('refuses every spreadsheet call without a spreadsheets scope, and triggers without script.scriptapp', () => {
    const rt = runtime({ now: NOV18, bundle: withManifest(['https://www.googleapis.com/auth/script.container.ui']) });
    expect(() => script(rt, 'SpreadsheetApp.getActive()')).toThrow(
      /Required permissions: \(https:\/\/www.googleapis.com\/auth\/spreadsheets.currentonly \|\| https:\/\/www.googleapis.com\/auth\/spreadsheets\)/,
    );
    expect(() => script(rt, 'ScriptApp.getProjectTriggers()')).toThrow(
      'Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  it('lets top-level code call no service at all', () => {
    expect(() =>
      runtime({ now: NOV18, bundle: withManifest(MANIFEST.oauthScopes, 'SpreadsheetApp.getUi();') }),
    ).toThrow(/You do not have permission to call SpreadsheetApp.getUi/);
    expect(() => runtime({ now: NOV18, bundle: withManifest(MANIFEST.oauthScopes, 'var x = 1;') })).not.toThrow();
  });
});

describe('auth modes', () => {
  const CUSTOM_FUNCTION_REFUSES = [
    ['a write', 'SpreadsheetApp.getActive().getSheets()[0].getRange("A1").setValue(1)', 'Range.setValue'],
    ['a new sheet', 'SpreadsheetApp.getActive().insertSheet("X")', 'Spreadsheet.insertSheet'],
    ['the document lock', 'LockService.getDocumentLock()', 'LockService.getDocumentLock'],
    ['properties', 'PropertiesService.getDocumentProperties()', 'PropertiesService.getDocumentProperties'],
    ['the user', 'Session.getActiveUser()', 'Session.getActiveUser'],
    ['triggers', 'ScriptApp.getProjectTriggers()', 'ScriptApp.getProjectTriggers'],
    ['the UI', 'SpreadsheetApp.getUi()', 'SpreadsheetApp.getUi'],
  ] as const;

  it.each(CUSTOM_FUNCTION_REFUSES)('refuses %s in a custom function', (_what, code, method) => {
    const rt = teamWorkbook();
    expect(() => rt.inMode('CUSTOM_FUNCTION', () => script(rt, code))).toThrow(
      `You do not have permission to call ${method}`,
    );
    // The same call is allowed from a menu (FULL), so the refusal is the mode's.
    expect(() => rt.inMode('FULL', () => script(rt, code))).not.toThrow();
  });

  it('lets a custom function read', () => {
    const rt = teamWorkbook();
    const read = rt.inMode('CUSTOM_FUNCTION', () =>
      script(rt, 'SpreadsheetApp.getActive().getSheetByName("Team").getRange("A1").getValue()'),
    );
    expect(read).toBe('Rep');
  });

  it('runs all nine functions in the custom-function mode', () => {
    const rt = teamWorkbook();
    expect([...rt.customFunctions].sort()).toEqual([
      'ACTIVITY_CONVERSION',
      'ACTIVITY_TOTAL',
      'QUOTA_ATTAINMENT',
      'QUOTA_BOARD',
      'QUOTA_FORECAST',
      'QUOTA_PACE',
      'QUOTA_REMAINING',
      'QUOTA_STATUS',
      'QUOTA_TARGET',
    ]);
    const modes = new Set<string>();
    rt.calls.hook = () => modes.add(rt.authMode);
    const log = sheet(rt, 'Activities').getDataRange().getValues();
    const quotas = sheet(rt, 'Quotas').getDataRange().getValues();
    const day = cellDate(rt, '2026-11-18');
    const start = cellDate(rt, '2026-11-01');
    for (const name of ['QUOTA_ATTAINMENT', 'QUOTA_PACE', 'QUOTA_STATUS', 'QUOTA_REMAINING', 'QUOTA_FORECAST']) {
      expect(() => rt.call(name, log, quotas, 'Raj', 'Calls', day), name).not.toThrow();
    }
    expect(rt.call('QUOTA_TARGET', quotas, 'Raj', 'Calls', day)).toBeGreaterThan(0);
    expect(rt.call('ACTIVITY_TOTAL', log, 'Raj', 'Calls', start, day)).toBeGreaterThan(0);
    expect(() => rt.call('ACTIVITY_CONVERSION', log, 'Raj', 'Opportunities', start, day)).not.toThrow();
    expect((rt.call('QUOTA_BOARD', log, quotas, day) as unknown[][]).length).toBeGreaterThan(1);
    expect([...modes]).toEqual(['CUSTOM_FUNCTION']);
    expect(rt.authMode).toBe('FULL');
  });

  it('lets onOpen in AuthMode.NONE build the menu and nothing else', () => {
    const rt = teamWorkbook();
    rt.ui.menus.length = 0;
    rt.open('NONE');
    expect(rt.ui.menus[0]?.items.map((item) => item.functionName).filter(Boolean)).toContain('openSidebar');
    expect(() => rt.inMode('NONE', () => script(rt, 'SpreadsheetApp.getActive().getSheets()'))).toThrow(
      'You do not have permission to call SpreadsheetApp.getActive',
    );
    expect(() => rt.inMode('NONE', () => script(rt, 'PropertiesService.getDocumentProperties()'))).toThrow(
      /You do not have permission/,
    );
  });

  it('gives simple triggers the spreadsheet but no authorised service', () => {
    const rt = teamWorkbook();
    const limited = (code: string) => rt.inMode('LIMITED', () => script(rt, code));
    expect(() => limited('SpreadsheetApp.getActive().getSheets()[0].getRange("Z1").getValue()')).not.toThrow();
    for (const [code, method] of [
      ['ScriptApp.getProjectTriggers()', 'ScriptApp.getProjectTriggers'],
      ['Session.getActiveUser()', 'Session.getActiveUser'],
      ['SpreadsheetApp.getUi().showSidebar(null)', 'Ui.showSidebar'],
    ]) {
      expect(() => limited(code as string), method).toThrow(`You do not have permission to call ${method}`);
    }
    // An edit still refreshes the board under these rules.
    rt.edit('Activities', 'A9:D9', [[cellDate(rt, '2026-11-18'), 'Raj', 'Calls', 3]]);
    expect(rt.authMode).toBe('FULL');
  });
});

describe('triggers belong to a user and a document', () => {
  it('shows a user only their own triggers and refuses a second daily trigger for the same document', () => {
    const rt = teamWorkbook();
    const make = () =>
      script(rt, 'ScriptApp.newTrigger("dailyRefresh").timeBased().everyDays(1).atHour(5).create()') as unknown;
    make();
    expect(() => make()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(rt.as(MIA, () => script(rt, 'ScriptApp.getProjectTriggers().length'))).toBe(0);
    rt.as(MIA, make);
    expect(script(rt, 'ScriptApp.getProjectTriggers().length')).toBe(1);
    expect(() => rt.as(MIA, () => script(rt, 'ScriptApp.deleteTrigger({ getUniqueId: () => "1" })'))).toThrow(
      /another user/,
    );
    expect(rt.scriptApp.triggers.map((t) => t.owner)).toEqual([RAJ, MIA]);
  });

  it('keeps one daily refresh when two users turn it on and off', () => {
    const rt = teamWorkbook();
    const asOf = () => rt.spreadsheet.getRangeByName('AsOfDate')?.getValue();
    rt.call('toggleDailyRefresh');
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.dailyOn);
    const [raj] = rt.scriptApp.triggers;
    if (!raj) throw new Error('no trigger');
    // Mia cannot see Raj's trigger; her toggle turns the document's refresh off, naming Raj.
    rt.as(MIA, () => rt.call('toggleDailyRefresh'));
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.dailyOffOther.replace('{owner}', RAJ));
    // Mia turns it on again: now hers. Raj's old trigger, when it fires, removes itself and refreshes nothing.
    rt.as(MIA, () => rt.call('toggleDailyRefresh'));
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.dailyOn);
    rt.now = Date.parse('2026-11-19T21:00:00Z');
    const before = asOf();
    rt.fire(raj);
    expect(asOf()).toEqual(before);
    expect(rt.scriptApp.triggers.map((t) => t.owner)).toEqual([MIA]);
    const [mia] = rt.scriptApp.triggers;
    if (!mia) throw new Error('no trigger');
    rt.fire(mia);
    expect(asOf()).toEqual(cellDate(rt, '2026-11-20'));
    // Mia turns it off: no trigger left for anyone.
    rt.as(MIA, () => rt.call('toggleDailyRefresh'));
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(APP.en.notices.dailyOff);
    expect(rt.scriptApp.triggers).toEqual([]);
  });

  it('adopts a daily trigger made by an earlier version, which stored the spreadsheet id', () => {
    const rt = teamWorkbook();
    rt.properties.document.setProperty('activityQuota.spreadsheetId', rt.spreadsheet.id);
    script(rt, 'ScriptApp.newTrigger("dailyRefresh").timeBased().everyDays(1).atHour(5).create()');
    const [old] = rt.scriptApp.triggers;
    if (!old) throw new Error('no trigger');
    rt.now = Date.parse('2026-11-19T21:00:00Z');
    rt.fire(old);
    expect(rt.spreadsheet.getRangeByName('AsOfDate')?.getValue()).toEqual(cellDate(rt, '2026-11-20'));
    expect(rt.properties.document.getProperty('activityQuota.dailyRefreshOwner')).toBe(RAJ);
    expect(rt.properties.document.getProperty('activityQuota.spreadsheetId')).toBeNull();
  });
});

describe('documents and sheets', () => {
  it('has no document lock outside a document', () => {
    const rt = teamWorkbook();
    expect(script(rt, 'LockService.getDocumentLock() !== null')).toBe(true);
    rt.hasActiveSpreadsheet = false;
    expect(script(rt, 'LockService.getDocumentLock()')).toBeNull();
  });

  it('makes an inserted sheet active, and set-up puts the user back where they were', () => {
    const rt = runtime({ now: NOV18 });
    const notes = rt.spreadsheet.insertSheet('My notes');
    expect(rt.spreadsheet.getActiveSheet()?.getName()).toBe('My notes');
    rt.spreadsheet.insertSheet('Other');
    expect(rt.spreadsheet.getActiveSheet()?.getName()).toBe('Other');
    rt.spreadsheet.setActiveSheet(notes);
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.sheets.map((s) => s.getName())).toContain('Status');
    expect(rt.spreadsheet.getActiveSheet()?.getName()).toBe('My notes');
  });
});
