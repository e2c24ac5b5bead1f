/**
 * The add-on owns only what it wrote (SPEC §2, §8): a team's own sheets that
 * share our names, notes beside and below the board, a user's own formula under
 * it, user fills on Quotas and a user's own AsOfDate are never written. Every
 * test snapshots every cell (values, formulas, formats, colours) before and after.
 */
import { describe, expect, it } from 'vitest';
import type { LogResult } from '../src/core/serverApi';
import type { SidebarEntry, SidebarState } from '../src/core/sidebarState';
import type { AppsScriptRuntime } from '../src/local/runtime';
import type { FakeSheet } from '../src/local/sheet';
import { NOV18, runtime } from './helpers/runtime';
import { entry, RAJ, teamWorkbook } from './helpers/team';
import { board, cellDate, sheet } from './helpers/workbook';

/** Every cell of one sheet a user could see: values, formulas, formats and colours. */
function cellsOf(rt: AppsScriptRuntime, name: string) {
  const s = sheet(rt, name);
  const range = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
  return {
    values: range.getValues().map((row) => row.map((v) => (v instanceof rt.Date ? v.getTime() : v))),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    frozen: s.getFrozenRows(),
  };
}

/** A sheet of the user's own, holding unrelated data, a formula and a fill. */
function ownSheet(rt: AppsScriptRuntime, name: string, header: string[]): FakeSheet {
  const mine = rt.spreadsheet.insertSheet(name);
  mine.getRange(1, 1, 3, header.length).setValues([header, header.map((h) => `${h} one`), header.map((_, i) => i)]);
  mine.getRange('A5').setFormula('=1+2');
  mine.getRange('B2:C3').setBackground('#ffd966');
  return mine;
}

const OWN: Record<string, string[]> = {
  Status: ['Project', 'Owner', 'State', 'Due'],
  Team: ['Player', 'Position', 'Goals'],
  Quotas: ['Region', 'Score'],
  Settings: ['Option', 'Choice', 'Comment'],
  Activities: ['Task', 'When', 'Who'],
  Archive: ['Box', 'Shelf'],
};

describe("a team's own sheets named like ours", () => {
  it('set-up, sample data, refresh, log, undo, edits and the daily refresh leave every cell of them as it was', () => {
    const rt = runtime({ user: RAJ, now: NOV18 });
    rt.open();
    for (const [name, header] of Object.entries(OWN)) ownSheet(rt, name, header);
    const before = Object.fromEntries(Object.keys(OWN).map((name) => [name, cellsOf(rt, name)]));
    const untouched = (step: string) => {
      for (const name of Object.keys(OWN)) expect(cellsOf(rt, name), `${name} after ${step}`).toEqual(before[name]);
    };

    rt.call('setUpWorkbook');
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(
      'Set up: created Team 2, Activities 2, Quotas 2, Settings 2, Status 2. Existing data was not touched.',
    );
    untouched('set-up');
    rt.call('insertSampleData');
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Sample data added/);
    untouched('sample data');
    expect(board(rt, 'Status 2').length).toBeGreaterThan(5);
    rt.call('refreshStatus');
    untouched('refresh');
    // The user keeps working on their own sheets: no refresh, nothing written.
    rt.edit('Team', 'A4', [['Zoe']]);
    rt.edit('Status', 'D2', [['Friday']]);
    before.Team = cellsOf(rt, 'Team');
    before.Status = cellsOf(rt, 'Status');
    rt.edit('Activities 2', 'D2', [[9]]);
    untouched('an edit of our log');

    rt.call('setUpWorkbook');
    expect(rt.ui.alerts.at(-1)?.prompt).toBe('The workbook is already set up; nothing was changed.');
    const team = sheet(rt, 'Team 2').getDataRange().getValues();
    const raj = team.find((row) => row[0] === 'Raj') ?? team[1];
    const logged = rt.as(String(raj?.[1] || RAJ), () => {
      const result = rt.call('logActivity', entry('own-1', { rep: String(raj?.[0] ?? 'Raj') })) as LogResult;
      expect(result.ok, JSON.stringify(result)).toBe(true);
      untouched('log');
      return rt.call('undoLastEntry', 'own-1') as LogResult;
    });
    expect(logged.ok, JSON.stringify(logged)).toBe(true);
    untouched('undo');

    rt.call('toggleDailyRefresh');
    const [trigger] = rt.scriptApp.triggers;
    expect(trigger).toBeDefined();
    rt.now = Date.UTC(2026, 10, 20, 6);
    if (trigger) rt.fire(trigger);
    untouched('the daily refresh');

    // Compaction rolls up older entries into its own archive, never the team's "Archive".
    for (const id of ['late-1', 'late-2']) {
      const late = rt.as(String(raj?.[1] || RAJ), () =>
        rt.call('logActivity', entry(id, { rep: String(raj?.[0] ?? 'Raj'), date: '2026-11-16' })),
      ) as LogResult;
      expect(late.ok, JSON.stringify(late)).toBe(true);
    }
    rt.ui.promptAnswers.push({ text: '2026-11-19', button: 'OK' });
    rt.call('compactLog');
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/entries rolled into \d+ rows; originals in Archive 2\.$/);
    untouched('compaction');
  });

  it('finds its own sheets again after a rename, through the named range or the header, never a name', () => {
    const rt = teamWorkbook();
    sheet(rt, 'Activities').setName('Log 2026');
    rt.spreadsheet.removeNamedRange('ActivityLog');
    const result = rt.call('logActivity', entry('renamed-1')) as LogResult;
    expect(result.ok).toBe(true);
    expect(sheet(rt, 'Log 2026').getRange('H6').getValue()).toBe('renamed-1');
    // A new sheet called "Activities" is the user's: it is never read or written.
    const mine = ownSheet(rt, 'Activities', OWN.Activities ?? []);
    const cells = cellsOf(rt, 'Activities');
    rt.call('refreshStatus');
    rt.call('logActivity', entry('renamed-2'));
    expect(cellsOf(rt, 'Activities')).toEqual(cells);
    expect(mine.getRange('A1').getValue()).toBe('Task');
    expect(sheet(rt, 'Log 2026').getRange('H7').getValue()).toBe('renamed-2');
  });
});

describe('notes beside and below the board', () => {
  /** Raj's team with one extra quota per step, so the board grows and shrinks. */
  function setQuotas(rt: AppsScriptRuntime, count: number): void {
    const rows = Array.from({ length: 8 }, (_, i) =>
      i < count ? [`Rep ${i + 1}`, 'Calls', 'Week', 10 + i, '', ''] : ['', '', '', '', '', ''],
    );
    sheet(rt, 'Quotas').getRange('A4:F11').setValues(rows);
  }

  it('survive any number of refreshes as the board grows and shrinks, and a cell in the way stops the board', () => {
    const rt = teamWorkbook();
    const status = sheet(rt, 'Status');
    // The rep rows (header first), and the whole block: they, a blank row and the team block under them.
    const reps = board(rt).length;
    const height = rt.spreadsheet.getRangeByName('StatusBoard')?.getNumRows() ?? 0;
    expect(height).toBeGreaterThan(reps + 2);
    // A note beside the board (its thirteen columns end at M), a note three rows under it, and a user's own formula further down.
    status.getRange('N2').setValue('call the bank');
    status.getRange('N1:O1').setBackground('#d9ead3');
    status.getRange(height + 3, 1).setValue('Manager: review on Friday');
    status.getRange(height + 3, 1).setBackground('#fff2cc');
    status.getRange('A40').setFormula('=QUOTA_BOARD(ActivityLog, QuotaTable, DATE(2026,11,18))');
    const mine = () => ({
      beside: status.getRange('N1:Z30').getValues(),
      besideColours: status.getRange('N1:Z30').getBackgrounds(),
      note: status.getRange(height + 3, 1, 1, 13).getValues(),
      noteColour: status.getRange(height + 3, 1).getBackground(),
      formula: status.getRange('A40').getFormula(),
      // Their formula's own result changes with the quotas; its header row shows it still spills.
      spill: status.getRange('A40:L40').getValues(),
    });
    const owned = () => rt.spreadsheet.getRangeByName('StatusBoard')?.getA1Notation();
    const kept = mine();
    expect(kept.spill[0]?.[0]).toBe('Rep');
    for (const count of [0, 1, 0, 2, 1, 0]) {
      setQuotas(rt, count);
      rt.call('refreshStatus');
      expect(mine(), `after a refresh with ${count} extra quotas`).toEqual(kept);
      expect(owned(), `the board's block with ${count} extra quotas`).toBe(`A1:M${height + count}`);
    }
    // Grown into the note's row: the board stops above it and says so, in the board and in the alert.
    setQuotas(rt, 5);
    rt.call('refreshStatus');
    expect(mine()).toEqual(kept);
    const alert = rt.ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).toContain(`Board cut at row ${height + 2}: A${height + 3} holds data Activity Quota did not write`);
    expect(status.getRange(height + 2, 1).getValue()).toMatch(/^Board cut at row/);
    // The note moves away: the next refresh shows the whole board, and owns only what it wrote.
    status.getRange(height + 3, 1).setValue('');
    rt.call('refreshStatus');
    expect(board(rt).length).toBe(reps + 5);
    expect(owned()).toBe(`A1:M${height + 5}`);
  });

  /** A workbook whose board an earlier version wrote: twelve columns, its named range A1:L{rows}. */
  function twelveColumnBoard(): { rt: AppsScriptRuntime; status: FakeSheet; rows: number } {
    const rt = teamWorkbook();
    const status = sheet(rt, 'Status');
    const rows = board(rt).length;
    const old = status.getRange(1, 1, rows, 12).getValues();
    status.getRange(1, 1, status.getMaxRows(), 13).clearContent();
    status.getRange(1, 1, rows, 12).setValues(old);
    rt.spreadsheet.setNamedRange('StatusBoard', status.getRange(1, 1, rows, 12));
    return { rt, status, rows };
  }

  it('an older twelve-column board widens into its next column when that column is empty', () => {
    const { rt, status } = twelveColumnBoard();
    rt.call('refreshStatus');
    expect(status.getRange('M1').getValue()).toBe('Progress');
    expect(status.getRange('M2').getFormula()).toMatch(/^=SPARKLINE\(/);
    expect(rt.spreadsheet.getRangeByName('StatusBoard')?.getA1Notation()).toMatch(/^A1:M\d+$/);
  });

  it("an older twelve-column board stays twelve columns wide, without bars, while a user's note is beside it, and says so", () => {
    const { rt, status, rows } = twelveColumnBoard();
    // The team's own column beside the old board: a note on its third row.
    status.getRange('M3').setValue('on leave');
    status.getRange('M3').setBackground('#fce5cd');
    const column = () => ({
      values: status.getRange('M1:M30').getValues(),
      formulas: status.getRange('M1:M30').getFormulas(),
      colours: status.getRange('M1:M30').getBackgrounds(),
    });
    const mine = column();
    rt.call('refreshStatus');
    expect(column()).toEqual(mine);
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(
      'No progress bars: M3 holds data Activity Quota did not write, and it is left as it is. Empty column M beside the board to see them.',
    );
    // The whole board, in its twelve columns: every rep row, then the team block.
    expect(board(rt).length).toBe(rows);
    expect(status.getRange(rows + 2, 1).getValue()).toBe('Team');
    expect(status.getRange(rows + 3, 1).getValue()).toBe('All reps');
    expect(rt.spreadsheet.getRangeByName('StatusBoard')?.getA1Notation()).toMatch(/^A1:L\d+$/);
    // A log refreshes it whole (a board without its bars is never moved on) and still leaves the note.
    expect((rt.call('logActivity', entry('beside-1')) as LogResult).ok).toBe(true);
    expect(column()).toEqual(mine);
    // The note moves away: the board widens and draws its bars.
    status.getRange('M3').setValue('');
    rt.call('refreshStatus');
    expect(status.getRange('M1').getValue()).toBe('Progress');
    expect(status.getRange('M3').getFormula()).toMatch(/^=SPARKLINE\(/);
    expect(rt.spreadsheet.getRangeByName('StatusBoard')?.getA1Notation()).toMatch(/^A1:M\d+$/);
  });

  it("an older twelve-column board growing past a user's note in its next column is cut above it, and says so", () => {
    const { rt, status, rows } = twelveColumnBoard();
    // Under the old board's rows, where the team block goes.
    status.getRange(rows + 2, 13).setValue('ask Mia');
    rt.call('refreshStatus');
    expect(status.getRange(rows + 2, 13).getValue()).toBe('ask Mia');
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(
      `Board cut at row ${rows + 1}: M${rows + 2} holds data Activity Quota did not write`,
    );
    expect(status.getRange(rows + 1, 1).getValue()).toMatch(/^Board cut at row/);
    expect(status.getRange('M2').getFormula()).toMatch(/^=SPARKLINE\(/);
    expect(rt.spreadsheet.getRangeByName('StatusBoard')?.getA1Notation()).toBe(`A1:M${rows + 1}`);
  });
});

describe('Quotas fills and AsOfDate of the user', () => {
  it("recolours only the Quotas cells it coloured, never a user's own fill", () => {
    const rt = teamWorkbook();
    const quotas = sheet(rt, 'Quotas');
    quotas.getRange('C2').setBackground('#ff00ff');
    quotas.getRange('H1:H3').setBackground('#00ffff');
    quotas.getRange('H2').setValue('my column');
    rt.call('refreshStatus');
    expect(quotas.getRange('C2').getBackground()).toBe('#ff00ff');
    expect(quotas.getRange('H1:H3').getBackgrounds()).toEqual([['#00ffff'], ['#00ffff'], ['#00ffff']]);
    // Its own colours still follow the status.
    expect(quotas.getRange('A2').getBackground()).not.toBe('#ffffff');
    expect(quotas.getRange('B2').getBackground()).toBe(quotas.getRange('A2').getBackground());
  });

  it("leaves a user's own AsOfDate alone, and the daily refresh still moves the board's date", () => {
    const rt = runtime({ user: RAJ, now: NOV18 });
    rt.open();
    const mine = rt.spreadsheet.insertSheet('Planning');
    mine.getRange('B2').setFormula('=DATE(2027,1,1)');
    rt.spreadsheet.setNamedRange('AsOfDate', mine.getRange('B2'));
    rt.call('setUpWorkbook');
    rt.call('insertSampleData');
    expect(rt.spreadsheet.getRangeByName('AsOfDate')?.getSheet().getName()).toBe('Planning');
    const cells = cellsOf(rt, 'Planning');
    rt.call('toggleDailyRefresh');
    const [trigger] = rt.scriptApp.triggers;
    rt.now = Date.UTC(2026, 10, 20, 6);
    if (trigger) rt.fire(trigger);
    expect(cellsOf(rt, 'Planning')).toEqual(cells);
    expect(mine.getRange('B2').getFormula()).toBe('=DATE(2027,1,1)');
    // The add-on's own As-of date (Settings) moved to today, and the board follows it.
    const settings = sheet(rt, 'Settings').getDataRange().getValues();
    const asOf = settings.find((row) => row[0] === 'As-of date');
    expect(asOf?.[1]).toEqual(cellDate(rt, '2026-11-20'));
  });
});

describe('Undo removes exactly the entry the sidebar showed', () => {
  /** The entry the sidebar offers Undo on, as the page gets it. */
  function shown(rt: AppsScriptRuntime): SidebarEntry | undefined {
    return (rt.call('getSidebarState') as SidebarState).recent.find((e) => e.undoable);
  }

  it('after a sort and rows inserted above, from another tab; a memo typed beside it survives', () => {
    const rt = teamWorkbook();
    expect((rt.call('logActivity', entry('first', { quantity: 3 })) as LogResult).ok).toBe(true);
    expect((rt.call('logActivity', entry('typo', { quantity: 90 })) as LogResult).ok).toBe(true);
    const offered = shown(rt);
    expect(offered).toMatchObject({ id: 'typo', quantity: 90 });
    // The team sorts the log by Quantity, largest first: the typo goes to the top, "first" to the bottom.
    const log = sheet(rt, 'Activities');
    const rows = log.getRange(2, 1, 6, 8).getValues();
    rows.sort((a, b) => Number(b[3]) - Number(a[3]));
    log.getRange(2, 1, 6, 8).setValues(rows);
    // Two rows inserted above the entries, a memo column beside them, and the user on another tab.
    log.insertRowsAfter(1, 2);
    log.getRange('J1').setValue('Memo');
    log.getRange('J4').setValue('ask Raj: 90 or 9?');
    log.getRange('J4').setBackground('#fce5cd');
    rt.spreadsheet.setActiveSheet(sheet(rt, 'Quotas'));
    expect(log.getRange('H4').getValue()).toBe('typo');
    const before = cellsOf(rt, 'Activities');
    const result = rt.call('undoLastEntry', offered?.id) as LogResult;
    expect(result.message).toBe(
      "Removed Raj's entry: 90 Calls on 2026-11-18. The row stays for what else it holds (J4).",
    );
    // Only the typo's own log cells are blank; its memo, and every other row, as they were.
    const expected = structuredClone(before);
    for (let c = 0; c < 8; c++) (expected.values[3] as unknown[])[c] = '';
    expect(cellsOf(rt, 'Activities').values).toEqual(expected.values);
    expect(cellsOf(rt, 'Activities').backgrounds).toEqual(before.backgrounds);
    expect(log.getRange('J4').getValue()).toBe('ask Raj: 90 or 9?');
    expect(rt.spreadsheet.getActiveSheet()?.getName()).toBe('Quotas');
    // Without anything beside it, the entry's whole row goes.
    const next = shown(rt);
    expect(next?.id).toBe('first');
    const undone = rt.call('undoLastEntry', next?.id) as LogResult;
    expect(undone.message).toBe("Removed Raj's entry: 3 Calls on 2026-11-18.");
    const ids = log
      .getDataRange()
      .getValues()
      .map((row) => row[7]);
    expect(ids).not.toContain('first');
    expect(ids.filter((id) => id !== '')).toEqual(['Entry ID', 'seed-4', 'seed-1', 'seed-2', 'seed-3']);
  });

  it('after a filter hid its row and others: the hidden entry goes, the other rows stay hidden', () => {
    const rt = teamWorkbook();
    expect((rt.call('logActivity', entry('hidden-1', { quantity: 4 })) as LogResult).ok).toBe(true);
    expect((rt.call('logActivity', entry('shown-1', { activity: 'Emails', quantity: 1 })) as LogResult).ok).toBe(true);
    const log = sheet(rt, 'Activities');
    // A filter on Activity = Emails hides the Calls rows, the entry to undo among them (row 6).
    const callsRows = log
      .getDataRange()
      .getValues()
      .map((row, i) => [row[2], i + 1] as const)
      .filter(([activity]) => activity === 'Calls')
      .map(([, row]) => row);
    for (const row of callsRows) log.hideRows(row);
    expect(log.getRange('H6').getValue()).toBe('hidden-1');
    expect(log.isRowHiddenByUser(6)).toBe(true);
    const offered = (rt.call('getSidebarState') as SidebarState).recent.find((e) => e.id === 'hidden-1');
    expect(offered?.mine).toBe(true);
    const result = rt.call('undoLastEntry', 'hidden-1') as LogResult;
    expect(result.message).toBe("Removed Raj's entry: 4 Calls on 2026-11-18.");
    const ids = log
      .getDataRange()
      .getValues()
      .map((row) => row[7]);
    expect(ids).toEqual(['Entry ID', 'seed-1', 'seed-2', 'seed-3', 'seed-4', 'shown-1']);
    // The rows the filter hid are still hidden, the row after the removed one moved up unhidden.
    expect([2, 3, 4, 5, 6].map((row) => log.isRowHiddenByUser(row))).toEqual([true, true, true, false, false]);
  });
});
