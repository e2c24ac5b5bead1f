/**
 * Names match on one key (SPEC §8): case, spaces of any kind, full-width forms
 * and Unicode's invisible characters (zero-width, bidi marks, soft hyphens,
 * joiners, variation selectors, Hangul fillers…) do not split a rep or an
 * activity, in the core, in the custom functions and on the board; a name that
 * is only invisible characters is refused by the form, which writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { DayClock } from '../src/core/day';
import { validateEntry } from '../src/core/entry';
import { BUILTIN_ACTIVITIES, headerKeyOf, LANGUAGES, type Lang, STRINGS } from '../src/core/i18n';
import { fieldMessage, SIDEBAR } from '../src/core/i18n/sidebar';
import { readActivityLog } from '../src/core/log';
import { activityKeyOf, repKeyOf } from '../src/core/names';
import { computeRefresh } from '../src/core/refresh';
import type { LogResult } from '../src/core/serverApi';
import { nameKey } from '../src/core/text';
import { day, workbook } from './helpers/core';
import { ACTIVITY_HEADER, type Cell } from './helpers/fixtures';
import { ALL_INVISIBLE, fullWidth, INVISIBLE, sprinkle, variants } from './helpers/invisible';
import { runtime } from './helpers/runtime';
import { MIA, NOV18, RAJ, skippedRows, teamWorkbook } from './helpers/team';
import { board, cellDate, sheet, snapshot } from './helpers/workbook';

const RAJ_VARIANTS = variants('Raj').map((v) => v.text);

/** Every built-in activity in every language, written every way: [activity key, text]. */
const ACTIVITY_VARIANTS: [string, string][] = BUILTIN_ACTIVITIES.flatMap((key) =>
  LANGUAGES.flatMap((lang) => variants(STRINGS[lang].activities[key]).map((v): [string, string] => [key, v.text])),
);
const PER_ACTIVITY = ACTIVITY_VARIANTS.length / BUILTIN_ACTIVITIES.length;

/** A log with one row of 1 per variant, reps cycling through Raj's variants. */
const LOG: Cell[][] = [
  ['Date', 'Rep', 'Activity', 'Quantity'],
  ...ACTIVITY_VARIANTS.map(([, text], i): Cell[] => [
    '2026-11-16',
    RAJ_VARIANTS[i % RAJ_VARIANTS.length] ?? '',
    text,
    1,
  ]),
];

describe('the name key', () => {
  it('drops every kind of invisible character, folds full width, case and every space', () => {
    for (const { kind, text } of variants('Calls')) expect(nameKey(text), kind).toBe('calls');
    expect(nameKey('Ｃａｌｌｓ')).toBe('calls');
    expect(nameKey(`\u00a0Social\u2003\u3000contacts\u0085`)).toBe('social contacts');
    expect(nameKey(ALL_INVISIBLE)).toBe('');
    expect(nameKey(` \u00a0${ALL_INVISIBLE}\t`)).toBe('');
  });

  it.each(LANGUAGES)('knows every built-in activity in %s written every way', (lang) => {
    for (const key of BUILTIN_ACTIVITIES) {
      for (const { kind, text } of variants(STRINGS[lang].activities[key])) {
        expect(activityKeyOf(text), `${lang} ${key}, ${kind}: ${JSON.stringify(text)}`).toBe(key);
      }
    }
  });

  it('keeps a custom activity and a rep one name however they are written', () => {
    for (const { kind, text } of variants('Site visits')) {
      expect(activityKeyOf(text), kind).toBe(activityKeyOf('Site visits'));
    }
    for (const { kind, text } of variants('Mia')) expect(repKeyOf(text), kind).toBe('mia');
  });

  it('recognises headers with invisible characters in them', () => {
    for (const kind of Object.keys(INVISIBLE)) {
      expect(headerKeyOf(sprinkle('Quantity', INVISIBLE[kind] ?? '')), kind).toBe('quantity');
    }
    expect(headerKeyOf(fullWidth('Rep'))).toBe('rep');
  });
});

describe('the log and the board in the core', () => {
  it('adds every variant into one rep and one total per activity', () => {
    const log = readActivityLog(LOG, { clock: new DayClock('Asia/Seoul'), lang: 'en', strict: true });
    expect([...log.sums.keys()]).toEqual(['raj']);
    const byActivity = log.sums.get('raj');
    expect([...(byActivity?.keys() ?? [])].sort()).toEqual([...BUILTIN_ACTIVITIES].sort());
    for (const key of BUILTIN_ACTIVITIES) {
      expect(byActivity?.get(key)?.sum(day('2026-11-01'), day('2026-11-30')), key).toBe(PER_ACTIVITY);
    }
  });

  it('reads a rep or activity cell that is only invisible characters as blank', () => {
    expect(() =>
      workbook({ activities: [ACTIVITY_HEADER.slice(0, 4), ['2026-11-16', '\u200b\u200e', 'Calls', 1]] }),
    ).toThrow('the activities range, row 2: "Rep" is blank; fill it in or delete the row');
    const refreshed = computeRefresh({
      activities: [ACTIVITY_HEADER.slice(0, 4), ['2026-11-16', 'Raj', `\u00ad${ALL_INVISIBLE}`, 1]],
      quotas: [['Rep', 'Activity', 'Period', 'Target']],
      timeZone: 'Asia/Seoul',
      lang: 'en',
      today: day('2026-11-18'),
    });
    expect(refreshed.problems.map((p) => p.text)).toEqual([
      'the activities range, row 2: "Activity" is blank; fill it in or delete the row',
    ]);
  });

  it('matches a Team name with an invisible character to the log and quotas without it', () => {
    const result = computeRefresh({
      activities: [
        ['Date', 'Rep', 'Activity', 'Quantity'],
        ['2026-11-16', 'Mia', 'Calls', 3],
        ['2026-11-17', 'mia\u00a0', '\u2066Calls\u2069', 4],
      ],
      quotas: [
        ['Rep', 'Activity', 'Period', 'Target'],
        ['MIA\ufeff', 'Ｃａｌｌｓ', 'Week', 10],
      ],
      team: [
        ['Rep', 'Email', 'Team'],
        ['Mia\u200b', MIA, 'East'],
      ],
      timeZone: 'Asia/Seoul',
      lang: 'en',
      today: day('2026-11-18'),
    });
    expect(result.board.map((row) => [row.rep, row.activityKey, row.progress.done])).toEqual([
      ['Mia\u200b', 'calls', 7],
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('the custom functions', () => {
  const rt = runtime({ now: NOV18 });

  it.each(BUILTIN_ACTIVITIES)('ACTIVITY_TOTAL counts every written form of %s, in every language, as one', (key) => {
    const column = ACTIVITY_VARIANTS.filter(([k]) => k === key).map(([, text]) => [text]);
    const totals = rt.call('ACTIVITY_TOTAL', LOG, 'Raj', column, '2026-11-01', '2026-11-30') as unknown[][];
    expect(totals).toEqual(column.map(() => [PER_ACTIVITY]));
  });

  it('ACTIVITY_TOTAL finds the rep under every written form of the name', () => {
    const column = RAJ_VARIANTS.map((text) => [text]);
    const totals = rt.call('ACTIVITY_TOTAL', LOG, column, 'Calls', '2026-11-01', '2026-11-30') as unknown[][];
    expect(totals).toEqual(column.map(() => [PER_ACTIVITY]));
  });

  it('refuses a rep argument that is only invisible characters', () => {
    expect(() => rt.call('ACTIVITY_TOTAL', LOG, ALL_INVISIBLE, 'Calls', '2026-11-01', '2026-11-30')).toThrow(
      /^ACTIVITY_TOTAL: rep: ".*" is not a name; pass text such as "Raj"/s,
    );
  });
});

describe('the board after a refresh', () => {
  it('shows one row per rep and activity, every written form counted', () => {
    const rt = teamWorkbook();
    sheet(rt, 'Team').getRange('A3').setValue('Mia\u200b');
    const quotas = BUILTIN_ACTIVITIES.map((key) => ['*', STRINGS.en.activities[key], 'Month', 1000, '', '']);
    sheet(rt, 'Quotas').clearContents();
    sheet(rt, 'Quotas')
      .getRange(1, 1, quotas.length + 1, 6)
      .setValues([['Rep', 'Activity', 'Period', 'Target', 'From', 'To'], ...quotas]);
    // One row per language and activity, each kind of invisible character in turn, for both reps.
    const kinds = variants('x').length;
    const rows: unknown[][] = [];
    for (const [l, lang] of LANGUAGES.entries()) {
      for (const [a, key] of BUILTIN_ACTIVITIES.entries()) {
        const name = STRINGS[lang].activities[key];
        const v = (l * 9 + a) % kinds;
        const [raj, mia] = [variants('Raj')[v]?.text, variants('Mia')[v]?.text];
        rows.push([cellDate(rt, '2026-11-16'), raj, variants(name)[v]?.text, 1, '', RAJ, '', '']);
        rows.push([cellDate(rt, '2026-11-17'), mia, variants(name)[kinds - 1 - v]?.text, 2, '', MIA, '', '']);
      }
    }
    sheet(rt, 'Activities').getRange(2, 1, 4, 8).clearContent();
    sheet(rt, 'Activities').getRange(2, 1, rows.length, 8).setValues(rows);
    rt.call('refreshStatus');
    const shown = board(rt).slice(1);
    const expected = ['Mia\u200b', 'Raj'].flatMap((rep) =>
      BUILTIN_ACTIVITIES.map((key) => [rep, STRINGS.en.activities[key], rep === 'Raj' ? 6 : 12]),
    );
    expect(shown.map((row) => [row[0], row[1], row[6]])).toEqual(expected);
    expect(skippedRows(rt)).toEqual([]);
  });
});

describe('the sidebar form', () => {
  const ENTRY = { id: 'inv-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '' };

  it('refuses a rep or activity of only invisible characters in the core check', () => {
    for (const chars of [...Object.values(INVISIBLE), ALL_INVISIBLE, `\u00a0${ALL_INVISIBLE}\u3000`]) {
      for (const field of ['rep', 'activity'] as const) {
        const checked = validateEntry({ ...ENTRY, [field]: chars }, day('2026-11-18'));
        expect(checked.errors, JSON.stringify(chars)).toEqual([{ field, key: 'invisible' }]);
      }
    }
  });

  it('refuses every kind of invisible-only name in logActivity, and leaves every cell as it was', () => {
    const rt = teamWorkbook();
    const before = snapshot(rt);
    for (const [kind, chars] of [...Object.entries(INVISIBLE), ['all kinds, and spaces', ` ${ALL_INVISIBLE}\u00a0`]]) {
      for (const field of ['rep', 'activity'] as const) {
        const result = rt.call('logActivity', { ...ENTRY, id: `inv-${field}`, [field]: chars }) as LogResult;
        const label = SIDEBAR.en.labels[field];
        expect(result.ok, `${field}: ${kind}`).toBe(false);
        expect(result.errors, `${field}: ${kind}`).toEqual([
          { field, message: `${label} shows nothing: it has only spaces or invisible characters. Type a name.` },
        ]);
      }
    }
    expect(snapshot(rt)).toEqual(before);
  });

  it.each(LANGUAGES.map((lang): [Lang, string] => [lang, `${lang}_XX`]))('says so in %s', (lang, userLocale) => {
    const rt = teamWorkbook({ userLocale });
    const before = snapshot(rt);
    for (const field of ['rep', 'activity'] as const) {
      const result = rt.call('logActivity', { ...ENTRY, [field]: '\u200b\u2060' }) as LogResult;
      const text = fieldMessage(lang, 'invisible', { field: SIDEBAR[lang].labels[field] });
      expect(result.errors).toEqual([{ field, message: text }]);
      expect(result.message).toBe(text);
    }
    expect(snapshot(rt)).toEqual(before);
  });

  it('logs a name with an invisible character into the same rep and activity', () => {
    const rt = teamWorkbook();
    const result = rt.call('logActivity', {
      ...ENTRY,
      rep: 'R\u200baj',
      activity: 'Ca\u00adlls',
      quantity: 2,
    }) as LogResult;
    expect(result.ok).toBe(true);
    const raj = board(rt).find((row) => row[0] === 'Raj' && row[1] === 'Calls');
    // The team workbook's Raj had 25 calls this week.
    expect(raj?.[6]).toBe(27);
  });
});
