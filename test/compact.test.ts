/**
 * Compact log (SPEC §6): closed periods' entries rolled up into one row per
 * day × rep × activity, with every figure of every function unchanged, the
 * originals archived first, and the log never left half written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP, MENU_KEYS, NOTICE_KEYS } from '../src/core/i18n/app';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { runtime } from './helpers/runtime';
import { failOn, isWrite, MIA, RAJ, sheetSnapshot } from './helpers/team';
import { cellDate, sheet, snapshot } from './helpers/workbook';

const MS_PER_DAY = 86_400_000;
/** Wednesday 18 November 2026, noon in Seoul: the previous quarter starts on 1 July. */
const NOW = Date.parse('2026-11-18T03:00:00Z');
const BASE = Date.UTC(2026, 3, 1) / MS_PER_DAY;
const SPAN = 225;
const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** A workbook set up from the menu, its Quotas and Activities filled. */
function workbook(rows: unknown[][], quotas: unknown[][] = [['*', 'Calls', 'Month', 40, '', '']]): AppsScriptRuntime {
  const rt = runtime({ user: RAJ, now: NOW });
  rt.open();
  rt.call('setUpWorkbook');
  if (quotas.length > 0) sheet(rt, 'Quotas').getRange(2, 1, quotas.length, 6).setValues(quotas);
  if (rows.length > 0) sheet(rt, 'Activities').getRange(2, 1, rows.length, 8).setValues(rows);
  return rt;
}

/** Runs Compact log from the menu, typing `text` in its prompt; returns what it said. */
function compact(rt: AppsScriptRuntime, text = '', button = 'OK'): string | undefined {
  const alerts = rt.ui.alerts.length;
  rt.ui.promptAnswers.push({ text, button });
  rt.call('compactLog');
  return rt.ui.alerts.slice(alerts).at(-1)?.prompt;
}

const values = (rt: AppsScriptRuntime, name: string) =>
  sheet(rt, name)
    .getDataRange()
    .getValues()
    .map((row) => row.map((cell) => (cell instanceof rt.Date ? cell.getTime() : cell)));

/** A few entries on two closed days and one open one. */
function smallLog(rt?: AppsScriptRuntime): unknown[][] {
  const d = (day: string) => (rt ? cellDate(rt, day) : day);
  return [
    [d('2026-05-04'), 'Raj', 'Calls', 3, 'first', RAJ, '', 'e1'],
    [d('2026-05-04'), ' raj ', 'Calls', 2, '', RAJ, '', 'e2'],
    [d('2026-05-04'), 'Mia', 'Calls', 1, '', MIA, '', 'e3'],
    [d('2026-05-05'), 'Raj', 'Emails', 4, '', RAJ, '', 'e4'],
    [d('2026-05-05'), 'RAJ', 'Emails', 0.5, '', RAJ, '', 'e5'],
    [d('2026-11-17'), 'Raj', 'Calls', 7, '', RAJ, '', 'e6'],
    [d('2026-11-17'), 'Raj', 'Calls', 1, '', RAJ, '', 'e7'],
  ];
}

function small(): AppsScriptRuntime {
  const rt = runtime({ user: RAJ, now: NOW });
  const rows = smallLog(rt);
  return workbook(rows);
}

describe('Compact log', () => {
  it('rolls closed days into one row per day, rep and activity, archives the originals, and says so', () => {
    const rt = small();
    const before = values(rt, 'Activities');
    expect(compact(rt)).toBe('4 entries rolled into 2 rows; originals in Archive.');
    const prompt = rt.ui.prompts.at(-1);
    expect(prompt?.title).toBe('Compact log…');
    expect(prompt?.prompt).toContain('Leave it blank for 2026-07-01');
    const log = values(rt, 'Activities');
    expect(log.slice(1, 5).map((row) => row.slice(1, 6))).toEqual([
      ['Raj', 'Calls', 5, '2 entries rolled up', 'Activity Quota'],
      ['Mia', 'Calls', 1, '', MIA],
      ['Raj', 'Emails', 4.5, '2 entries rolled up', 'Activity Quota'],
      ['Raj', 'Calls', 7, '', RAJ],
    ]);
    expect(log[1]?.[7]).toMatch(/^rollup-2026-05-04-[0-9a-z]+-2$/);
    expect(log).toHaveLength(6);
    const archive = values(rt, 'Archive');
    expect(archive[0]?.[0]).toBe(APP.en.notices.archiveTitle);
    expect(archive[1]).toEqual(before[0]);
    expect(archive.slice(2)).toEqual([before[1], before[2], before[4], before[5]]);
    expect(rt.spreadsheet.getRangeByName('ActivityArchive')?.getSheet().getName()).toBe('Archive');
    // The user stays where they were.
    expect(rt.spreadsheet.getActiveSheet()?.getName()).not.toBe('Archive');
  });

  it('does nothing on Cancel, or for a date that is not a day before today', () => {
    const rt = small();
    const before = snapshot(rt);
    expect(compact(rt, '2026-10-01', 'CANCEL')).toBeUndefined();
    expect(compact(rt, '2026-11-18')).toBe(
      '"2026-11-18" is not a day before today: type one as YYYY-MM-DD. Nothing was changed.',
    );
    expect(compact(rt, 'soon')).toMatch(/^"soon" is not a day/);
    expect(snapshot(rt)).toEqual(before);
  });

  it('is safe to run twice: the second run changes nothing and says there is nothing to compact', () => {
    const rt = small();
    compact(rt, '2026-11-01');
    const once = snapshot(rt);
    expect(compact(rt, '2026-11-01')).toBe(
      'Nothing to compact: no day before 2026-11-01 has more than one entry for the same rep and activity. Nothing was changed.',
    );
    expect(snapshot(rt)).toEqual(once);
  });

  it('merges a late entry into its day’s roll-up again, counting the entries', () => {
    const rt = small();
    compact(rt);
    sheet(rt, 'Activities').appendRow([cellDate(rt, '2026-05-04'), 'Raj', 'Calls', 10, 'late', RAJ, '', 'e8']);
    expect(compact(rt)).toBe('2 entries rolled into 1 rows; originals in Archive.');
    const log = values(rt, 'Activities');
    expect(log[1]?.slice(2, 5)).toEqual(['Calls', 15, '3 entries rolled up']);
    expect(log[1]?.[7]).toMatch(/^rollup-2026-05-04-[0-9a-z]+-3$/);
    expect(values(rt, 'Archive')).toHaveLength(2 + 4 + 2);
  });

  it('keeps rows with a memo beside them, rows it cannot read, and their day as they are, and says so', () => {
    const rt = small();
    const log = sheet(rt, 'Activities');
    log.getRange('J2').setValue('called back twice');
    log.appendRow([cellDate(rt, '2026-05-05'), 'Mia', 'Calls', 'lots', '', MIA, '', 'e9']);
    const message = compact(rt);
    expect(message).toBe(
      '2 entries rolled into 1 rows; originals in Archive.\n3 rows before 2026-07-01 stay as they are: they hold something beside the entry, or cannot be read.',
    );
    const after = values(rt, 'Activities');
    expect(after[1]?.slice(1, 4)).toEqual(['Raj', 'Calls', 3]);
    expect(after[1]?.[9]).toBe('called back twice');
    expect(after.find((row) => row[7] === 'e9')?.[3]).toBe('lots');
  });

  it('never writes a team’s own sheet called Archive: the archive gets a free name', () => {
    const rt = small();
    const own = rt.spreadsheet.insertSheet('Archive');
    own.getRange('A1:B2').setValues([
      ['Our old deals', ''],
      ['ACME', 1200],
    ]);
    const mine = JSON.stringify(values(rt, 'Archive'));
    expect(compact(rt)).toBe('4 entries rolled into 2 rows; originals in Archive 2.');
    expect(JSON.stringify(values(rt, 'Archive'))).toBe(mine);
    expect(values(rt, 'Archive 2')).toHaveLength(2 + 4);
  });

  it('says "try again" and writes nothing while the document lock is busy', () => {
    const rt = small();
    const before = snapshot(rt);
    rt.locks.documentLock.holder = 'another-execution';
    rt.locks.documentLock.busyFor = Number.POSITIVE_INFINITY;
    expect(compact(rt)).toBe(APP.en.notices.busy);
    expect(snapshot(rt)).toEqual(before);
    rt.locks.documentLock.busyFor = 0;
    expect(compact(rt)).toMatch(/^4 entries rolled/);
    expect(rt.locks.documentLock.holder).toBeUndefined();
  });

  it('leaves the log whole when any write fails: every cell of the log as it was, or every original row kept', () => {
    const probe = small();
    const names: string[] = [];
    probe.calls.hook = (call) => {
      if (isWrite(call)) names.push(call.name);
    };
    compact(probe);
    const count = names.length;
    expect(count).toBeGreaterThan(3);
    for (let nth = 1; nth <= count; nth++) {
      const rt = small();
      const log = sheetSnapshot(snapshot(rt), 'Activities');
      const rows = values(rt, 'Activities').slice(1);
      const fired = failOn(rt, isWrite, nth);
      const message = compact(rt) ?? '';
      expect(fired(), `write ${nth}`).toBe(true);
      if (message.startsWith('That did not work')) {
        // Archive or log write failed: the log, every value, formula and format, is as it was.
        expect(sheetSnapshot(snapshot(rt), 'Activities'), `write ${nth}`).toEqual(log);
      } else {
        // Only the refresh after it failed: the log is compacted, each original row in it or archived.
        // (Remembering the board is no failure of it: the board is whole, and the next entry refreshes it;
        // nor is keeping the burn-up series: the sidebar then shows no chart that disagrees with Done.)
        const remembering = /^Properties\.(setProperty|setProperties)$/.test(names[nth - 1] ?? '');
        expect(message, `write ${nth}`).toMatch(
          remembering
            ? /^4 entries rolled into 2 rows; originals in Archive\.$/
            : /^4 entries rolled into 2 rows; originals in Archive.\nThat did not work/,
        );
        const now = [...values(rt, 'Activities').slice(1), ...values(rt, 'Archive')].map((r) => JSON.stringify(r));
        for (const row of rows) expect(now, `write ${nth}`).toContain(JSON.stringify(row));
      }
    }
  });

  it('names the new words in every language, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of ['ms', 'ru', 'da', 'pl', 'ko'] as const) {
      expect(APP[lang].menu.compact).not.toBe(APP.en.menu.compact);
      expect(APP[lang].archive).not.toBe(APP.en.archive);
      for (const key of NOTICE_KEYS) {
        expect(placeholders(APP[lang].notices[key]), `${lang} ${key}`).toEqual(placeholders(APP.en.notices[key]));
      }
      for (const key of MENU_KEYS) expect(APP[lang].menu[key].trim(), `${lang} ${key}`).not.toBe('');
    }
    const rt = small();
    rt.call('onOpen', { authMode: 'FULL' });
    const items = rt.ui.menus.at(-1)?.items.map((item) => item.functionName);
    expect(items).toContain('compactLog');
  });
});

// ---- Every figure the same, property test ---------------------------------------------

const REPS = ['Raj', 'Mia', 'Łucja'];
const SPELLINGS = [(s: string) => s, (s: string) => ` ${s.toLowerCase()} `, (s: string) => s.toUpperCase()];
const ACTIVITIES = ['Calls', 'Emails', 'Opportunities', 'Site visits'];
const PERIODS = ['Day', 'Week', 'Month', 'Quarter', 'Year'];

const entryArb = fc.record({
  // Eight days, four weeks apart: several entries share a day, across months and quarters.
  day: fc.integer({ min: 0, max: 7 }).map((k) => BASE + 28 * k + (k % 5)),
  rep: fc.constantFrom(...REPS),
  spelling: fc.nat({ max: SPELLINGS.length - 1 }),
  activity: fc.constantFrom(...ACTIVITIES),
  // Tenths and corrections below zero: sums whose order of adding shows in binary.
  quantity: fc.integer({ min: -30, max: 300 }).map((n) => n / 10),
});
const quotaArb = fc.record({
  rep: fc.constantFrom('*', ...REPS),
  activity: fc.constantFrom(...ACTIVITIES),
  period: fc.constantFrom(...PERIODS),
  target: fc.integer({ min: 1, max: 300 }),
});

/** The days every function is asked about: each period's last day, some days inside, and today. */
const ASKED = [
  '2026-04-30',
  '2026-05-15',
  '2026-06-30',
  '2026-07-02',
  '2026-08-31',
  '2026-09-30',
  '2026-10-14',
  '2026-11-13',
  '2026-11-18',
];

function figures(rt: AppsScriptRuntime): unknown[] {
  const log = sheet(rt, 'Activities').getDataRange().getValues();
  const quotas = sheet(rt, 'Quotas').getDataRange().getValues();
  const out: unknown[] = [];
  const ask = (name: string, ...args: unknown[]) => {
    try {
      out.push(rt.call(name, ...args));
    } catch (error) {
      out.push(`error: ${(error as Error).message}`);
    }
  };
  const reps = [...REPS.map((rep) => [rep]), ['*']];
  for (const day of ASKED) {
    const date = cellDate(rt, day);
    ask('QUOTA_BOARD', log, quotas, date);
    for (const activity of ACTIVITIES) {
      for (const name of ['QUOTA_TARGET']) ask(name, quotas, reps, activity, date);
      for (const name of ['QUOTA_ATTAINMENT', 'QUOTA_PACE', 'QUOTA_STATUS', 'QUOTA_REMAINING', 'QUOTA_FORECAST']) {
        ask(name, log, quotas, reps, activity, date);
      }
    }
  }
  for (const [start, end] of [
    ['2026-04-01', '2026-06-30'],
    ['2026-05-04', '2026-05-10'],
    ['2026-07-01', '2026-11-18'],
    ['2026-01-01', '2026-12-31'],
  ] as const) {
    for (const activity of ACTIVITIES) {
      ask('ACTIVITY_TOTAL', log, reps, activity, cellDate(rt, start), cellDate(rt, end));
    }
    ask('ACTIVITY_CONVERSION', log, reps, 'Opportunities', cellDate(rt, start), cellDate(rt, end));
  }
  return out;
}

describe('Compact log, property test', () => {
  it('changes no figure of any function over closed and open periods, and archives every original row verbatim', () => {
    let rolled = 0;
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 20, maxLength: 60 }),
        fc.array(quotaArb, { maxLength: 6 }),
        fc.integer({ min: BASE + 30, max: BASE + SPAN }),
        (entries, quotas, cutoff) => {
          const rt = runtime({ user: RAJ, now: NOW });
          const rows = entries.map((e, i) => [
            cellDate(rt, iso(e.day)),
            (SPELLINGS[e.spelling] as (s: string) => string)(e.rep),
            e.activity,
            e.quantity,
            '',
            RAJ,
            '',
            `e${i}`,
          ]);
          const quotaRows = quotas.map((q) => [q.rep, q.activity, q.period, q.target, '', '']);
          rt.open();
          rt.call('setUpWorkbook');
          if (quotaRows.length > 0) sheet(rt, 'Quotas').getRange(2, 1, quotaRows.length, 6).setValues(quotaRows);
          sheet(rt, 'Activities').getRange(2, 1, rows.length, 8).setValues(rows);
          const original = values(rt, 'Activities').slice(1);
          const before = figures(rt);
          const said = compact(rt, iso(cutoff)) ?? '';
          if (/rolled into/.test(said)) rolled++;
          expect(figures(rt)).toEqual(before);
          const log = values(rt, 'Activities').slice(1);
          const archive = rt.spreadsheet.getSheetByName('Archive') ? values(rt, 'Archive').slice(2) : [];
          // Every original row is in the log or in the archive, once, exactly as it was.
          const text = (row: unknown[]) => JSON.stringify(row);
          const now = [...log.filter((row) => !String(row[7]).startsWith('rollup-')), ...archive].map(text).sort();
          expect(now).toEqual(original.map(text).sort());
          expect(log.length).toBeLessThanOrEqual(original.length);
        },
      ),
      { numRuns: 25 },
    );
    // Most runs roll something up: the property is not vacuous.
    expect(rolled).toBeGreaterThan(12);
  });
});
