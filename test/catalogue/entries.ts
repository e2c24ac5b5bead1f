/**
 * The catalogue of bad input (helpers/catalogue.ts), the sidebar's server
 * calls: logActivity given a bad entry or a malformed log, and undoLastEntry
 * asked for what it must not remove. Either way the workbook stays identical.
 */
import { expect } from 'vitest';
import { fill } from '../../src/core/i18n';
import { SIDEBAR } from '../../src/core/i18n/sidebar';
import type { LogResult } from '../../src/core/serverApi';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import { type Case, exactly, loseTheLog, type Topic } from '../helpers/catalogue';
import { MIA, RAJ, teamWorkbook } from '../helpers/team';
import { cellDate, sheet, snapshot } from '../helpers/workbook';

const ENTRY = { id: 'cat-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '' };

function log(
  topic: Topic,
  label: string,
  input: unknown,
  field: 'rep' | 'activity' | 'quantity' | 'date' | 'notes' | 'form' | undefined,
  pattern: RegExp,
  options: { arrange?: (rt: AppsScriptRuntime) => void; userLocale?: string } = {},
): Case {
  return {
    kind: 'logActivity',
    topic,
    label,
    run() {
      const rt = teamWorkbook(options.userLocale ? { userLocale: options.userLocale } : {});
      options.arrange?.(rt);
      const before = snapshot(rt);
      const result = rt.call('logActivity', input) as LogResult;
      expect(result.ok).toBe(false);
      if (field === undefined) {
        expect(result.errors).toEqual([]);
        expect(result.message).toMatch(pattern);
      } else {
        const error = result.errors.find((e) => e.field === field);
        expect(error?.message, JSON.stringify(result.errors)).toMatch(pattern);
        expect(result.message).toBe(result.errors[0]?.message);
      }
      expect(snapshot(rt)).toEqual(before);
    },
  };
}

const entry = (patch: Record<string, unknown>) => ({ ...ENTRY, ...patch });
const NOT_SET_UP = /^This spreadsheet is not set up yet: choose "Set up workbook" in the add-on menu first\.$/;

function undo(
  topic: Topic,
  label: string,
  user: string,
  pattern: RegExp,
  options: { arrange?: (rt: AppsScriptRuntime) => void; userLocale?: string; id?: unknown } = {},
): Case {
  return {
    kind: 'undoLastEntry',
    topic,
    label,
    run() {
      const rt = teamWorkbook(options.userLocale ? { userLocale: options.userLocale } : {});
      options.arrange?.(rt);
      const before = snapshot(rt);
      const id = 'id' in options ? options.id : 'seed-1';
      const result = rt.as(user, () => rt.call('undoLastEntry', id)) as LogResult;
      expect(result.ok).toBe(false);
      expect(result.errors).toEqual([]);
      expect(result.message).toMatch(pattern);
      expect(snapshot(rt)).toEqual(before);
    },
  };
}

const NOTHING = /^You have no entry to undo\.$/;
const NOT_YOURS = /^Only the person who logged that entry can undo it; nothing was removed\.$/;
const GONE = /^That entry is no longer in the log; nothing was removed\.$/;

export const ENTRY_CASES: Case[] = [
  log(
    'wrong type',
    'quantity "three"',
    entry({ quantity: 'three' }),
    'quantity',
    /^Quantity must be a number, such as 3\.$/,
  ),
  // English writes decimals with a point: "1,5" is not grouping, so it is refused and the message shows how.
  log(
    'wrong type',
    'quantity "1,5" in English',
    entry({ quantity: '1,5' }),
    'quantity',
    /^Quantity: write decimals with a point, such as 1\.5\.$/,
  ),
  log(
    'Unicode names and languages',
    'Danish user, quantity "1.5"',
    entry({ quantity: '1.5' }),
    'quantity',
    exactly(fill(SIDEBAR.da.fields.badDecimal, { field: SIDEBAR.da.labels.quantity })),
    { userLocale: 'da' },
  ),
  log(
    'wrong type',
    'quantity NaN',
    entry({ quantity: Number.NaN }),
    'quantity',
    /^Quantity must be a number, such as 3\.$/,
  ),
  log(
    'wrong type',
    'an activity that is an object',
    entry({ activity: { name: 'Calls' } }),
    'activity',
    /^Activity must be text\.$/,
  ),
  log('wrong type', 'quantity true', entry({ quantity: true }), 'quantity', /^Quantity must be a number, such as 3\.$/),
  log('wrong type', 'notes that are an array', entry({ notes: ['a', 'b'] }), 'notes', /^Notes must be text\.$/),
  log('wrong type', 'not an entry at all', null, 'rep', /^Fill in Rep\.$/),
  log(
    'wrong type',
    'a date given as a number',
    entry({ date: 20261118 }),
    'date',
    /^Date must be a real date, such as 2026-11-30\.$/,
  ),
  log(
    'wrong type',
    'a date in another format',
    entry({ date: '18/11/2026' }),
    'date',
    /^Date must be a real date, such as 2026-11-30\.$/,
  ),
  log(
    'wrong type',
    'an entry id with spaces',
    entry({ id: 'a b' }),
    'form',
    /^The form sent no entry id; reload the sidebar and try again\.$/,
  ),
  log(
    'wrong type',
    'no entry id',
    entry({ id: '' }),
    'form',
    /^The form sent no entry id; reload the sidebar and try again\.$/,
  ),
  log('out-of-range number', 'quantity 0', entry({ quantity: 0 }), 'quantity', /^Quantity must be more than 0\.$/),
  log('out-of-range number', 'quantity −3', entry({ quantity: -3 }), 'quantity', /^Quantity must be more than 0\.$/),
  log(
    'out-of-range number',
    'quantity 10¹⁰',
    entry({ quantity: 1e10 }),
    'quantity',
    /^Quantity is too large; the most is 1000000000\.$/,
  ),
  log(
    'out-of-range number',
    'quantity Infinity',
    entry({ quantity: Number.POSITIVE_INFINITY }),
    'quantity',
    /^Quantity must be a number, such as 3\.$/,
  ),
  log(
    'impossible date',
    '29 February 2026',
    entry({ date: '2026-02-29' }),
    'date',
    /^Date must be a real date, such as 2026-11-30\.$/,
  ),
  log(
    'impossible date',
    'month 13',
    entry({ date: '2026-13-01' }),
    'date',
    /^Date must be a real date, such as 2026-11-30\.$/,
  ),
  log(
    'impossible date',
    'tomorrow',
    entry({ date: '2026-11-19' }),
    'date',
    /^Date is in the future; log what has been done\.$/,
  ),
  log(
    'huge string',
    'a 101-character rep',
    entry({ rep: 'R'.repeat(101) }),
    'rep',
    /^Rep is too long: 101 characters, the most is 100\.$/,
  ),
  log(
    'huge string',
    'a 100,000-character activity',
    entry({ activity: 'A'.repeat(100_000) }),
    'activity',
    /^Activity is too long: 100000 characters, the most is 100\.$/,
  ),
  log(
    'huge string',
    'a 1,000,000-character note',
    entry({ notes: 'n'.repeat(1_000_000) }),
    'notes',
    /^Notes is too long: 1000000 characters, the most is 1000\.$/,
  ),
  log('huge string', 'a rep of spaces', entry({ rep: ' \t  ' }), 'rep', /^Fill in Rep\.$/),
  log(
    'Unicode names and languages',
    'Korean user, quantity "abc"',
    entry({ quantity: 'abc' }),
    'quantity',
    exactly(fill(SIDEBAR.ko.fields.notANumber, { field: SIDEBAR.ko.labels.quantity })),
    { userLocale: 'ko' },
  ),
  log(
    'Unicode names and languages',
    'Polish user, 30 February',
    entry({ date: '2026-02-30' }),
    'date',
    exactly(fill(SIDEBAR.pl.fields.badDate, { field: SIDEBAR.pl.labels.date })),
    { userLocale: 'pl' },
  ),
  log(
    'Unicode names and languages',
    'Russian user, a 101-letter Cyrillic rep',
    entry({ rep: 'Ж'.repeat(101) }),
    'rep',
    exactly(fill(SIDEBAR.ru.fields.tooLong, { field: SIDEBAR.ru.labels.rep, length: 101, max: 100 })),
    { userLocale: 'ru' },
  ),
  log('sheet renamed or deleted', 'the Activities sheet deleted', entry({}), undefined, NOT_SET_UP, {
    arrange: (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Activities')),
  }),
  log(
    'sheet renamed or deleted',
    'Activities renamed, its named range and its header row removed',
    entry({}),
    undefined,
    NOT_SET_UP,
    { arrange: loseTheLog },
  ),
  log(
    'missing, duplicated or renamed column',
    'Quantity renamed "How many"',
    entry({}),
    undefined,
    /^the activities range has no "Quantity" column \(found: Date, Rep, Activity, How many, Notes, Logged by, Logged at, Entry ID\); add a "Quantity" header to its first row$/,
    { arrange: (rt) => sheet(rt, 'Activities').getRange('D1').setValue('How many') },
  ),
  log(
    'missing, duplicated or renamed column',
    'no Entry ID column',
    entry({}),
    undefined,
    /^the activities range has no "Entry ID" column \(found: .*Logged at\); add a "Entry ID" header to its first row$/,
    { arrange: (rt) => sheet(rt, 'Activities').getRange('H1').setValue('') },
  ),
  log(
    'missing, duplicated or renamed column',
    'Rep and Salesperson (the same column twice)',
    entry({}),
    undefined,
    /^the activities range has two "Rep" columns \(Rep, Salesperson\); rename or remove one of them$/,
    { arrange: (rt) => sheet(rt, 'Activities').getRange('I1').setValue('Salesperson') },
  ),
  log('merged or blank header cells', 'a blank header row', entry({}), undefined, NOT_SET_UP, {
    arrange: (rt) =>
      sheet(rt, 'Activities')
        .getRange('A1:H1')
        .setValues([new Array(8).fill('')]),
  }),
  log(
    'merged or blank header cells',
    'Date merged over Rep',
    entry({}),
    undefined,
    /^the activities range has no "Rep" column \(found: Date, Activity, Quantity, Notes, Logged by, Logged at, Entry ID\)/,
    { arrange: (rt) => sheet(rt, 'Activities').getRange('B1').setValue('') },
  ),
  undo('unknown rep or activity', 'a user who did not log the entry', 'tom@example.com', NOT_YOURS),
  undo('wrong type', 'no entry id', RAJ, NOTHING, { id: undefined }),
  undo('wrong type', 'an entry id that is not text', RAJ, NOTHING, { id: { id: 'seed-1' } }),
  undo('unknown rep or activity', 'an entry id no longer in the log', RAJ, GONE, { id: 'seed-999' }),
  undo('wrong type', 'a user with no email', '', NOT_YOURS, {
    arrange: (rt) =>
      sheet(rt, 'Activities')
        .getRange('A6:D6')
        .setValues([[cellDate(rt, '2026-11-18'), 'Tom', 'Calls', 3]]),
  }),
  undo('unknown rep or activity', 'only others’ entries', RAJ, NOT_YOURS, {
    arrange: (rt) =>
      sheet(rt, 'Activities')
        .getRange('F2:F5')
        .setValues([[MIA], [MIA], [MIA], [MIA]]),
  }),
  undo('missing, duplicated or renamed column', 'no Logged by column', RAJ, /has no "Logged by" column/, {
    arrange: (rt) => sheet(rt, 'Activities').getRange('F1').setValue(''),
  }),
  undo('sheet renamed or deleted', 'the Activities sheet deleted', RAJ, GONE, {
    arrange: (rt) => rt.spreadsheet.deleteSheet(sheet(rt, 'Activities')),
  }),
  undo(
    'Unicode names and languages',
    'Korean user with no entry',
    'tom@example.com',
    exactly(SIDEBAR.ko.fields.undoNotYours),
    { userLocale: 'ko' },
  ),
];
