/**
 * The board as a manager reads it, in the core: rows by severity or by rep,
 * the team block's sums and counts, and each row's progress bar formula.
 */
import { describe, expect, it } from 'vitest';
import { barFormula, countsText, orderRows, SEVERITY_ORDER, teamRows } from '../src/core/boardView';
import { computeBoard } from '../src/core/engine';
import { LANGUAGES, STATUS_KEYS, type StatusKey } from '../src/core/i18n';
import { BOARD_WORDS } from '../src/core/i18n/board';
import { BAR_COLORS, BAR_GAP_COLOR, STATUS_COLORS } from '../src/core/palette';
import { periodOf } from '../src/core/periods';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { progressOf } from '../src/core/status';
import { day, workbook } from './helpers/core';

// Wednesday 18 November 2026, a day that is over: three of the week's five working days are (Expected 30 of 50).
const ASOF = day('2026-11-18');
const TODAY = day('2026-11-20');
const week = periodOf(ASOF, 'week', DEFAULT_SETTINGS);

/** A week of Calls where each rep has `done` of 50; with `extra` entries, Zoe also has a month of 4 Demos. */
function callsBoard(done: Record<string, number>, extra: (string | number)[][] = []) {
  const activities: (string | number)[][] = [['Date', 'Rep', 'Activity', 'Quantity']];
  for (const [rep, quantity] of Object.entries(done))
    if (quantity > 0) activities.push(['2026-11-16', rep, 'Calls', quantity]);
  activities.push(...extra);
  const book = workbook({
    activities,
    quotas: [
      ['Rep', 'Activity', 'Period', 'Target'],
      ['*', 'Calls', 'Week', 50],
      ...(extra.length > 0 ? [['Zoe', 'Demos', 'Month', 4]] : []),
    ],
    team: [['Rep', 'Email'], ...Object.keys(done).map((rep) => [rep, `${rep.toLowerCase()}@example.com`])],
  });
  return computeBoard(book, ASOF, TODAY);
}

describe('the order of the board', () => {
  // Expected 30 of 50: Ann Met (50), Bob On track (30), Cy Behind (25), Dee At risk (10), Eve On track (40).
  const rows = callsBoard({ Eve: 40, Dee: 10, Cy: 25, Bob: 30, Ann: 50 });

  it('by severity: At risk, Behind, (Missed,) On track, Met; then by rep and activity', () => {
    const ordered = orderRows(rows, 'severity').map((r) => `${r.rep} ${r.activity} ${r.progress.status}`);
    expect(ordered).toEqual([
      'Dee Calls atRisk',
      'Cy Calls behind',
      'Bob Calls onTrack',
      'Eve Calls onTrack',
      'Ann Calls met',
    ]);
    expect(SEVERITY_ORDER).toEqual(['atRisk', 'behind', 'missed', 'onTrack', 'met', 'noQuota']);
  });

  it('by rep: by rep, then activity, whatever the statuses', () => {
    expect(orderRows(rows, 'rep').map((r) => r.rep)).toEqual(['Ann', 'Bob', 'Cy', 'Dee', 'Eve']);
  });

  it('puts Missed, a period that is over, after the rows still running and before On track', () => {
    const missed = { ...rows[0], rep: 'Zed', repKey: 'zed' } as (typeof rows)[number];
    missed.progress = progressOf(50, 10, week, week.end, DEFAULT_SETTINGS, TODAY);
    expect(missed.progress.status).toBe('missed');
    const ordered = orderRows([...rows, missed], 'severity').map((r) => r.progress.status);
    expect(ordered).toEqual(['atRisk', 'behind', 'missed', 'onTrack', 'onTrack', 'met']);
  });

  it('gives the same order whatever order the rows come in', () => {
    const reversed = [...rows].reverse();
    for (const order of ['severity', 'rep'] as const) {
      expect(orderRows(reversed, order).map((r) => r.rep)).toEqual(orderRows(rows, order).map((r) => r.rep));
    }
  });
});

describe('the team block', () => {
  it('sums Done and Target over the reps on the board, per activity and period, with every figure from the sums', () => {
    const rows = callsBoard({ Ann: 50, Bob: 30, Cy: 25, Dee: 10, Zoe: 0 }, [['2026-11-03', 'Zoe', 'Demos', 1]]);
    const teams = teamRows(rows, ASOF, DEFAULT_SETTINGS, TODAY);
    expect(teams.map((t) => `${t.activity} ${t.period.kind}`)).toEqual(['Calls week', 'Demos month']);
    const calls = teams[0];
    expect(calls?.progress.target).toBe(250);
    expect(calls?.progress.done).toBe(115);
    expect(calls?.progress.expected).toBeCloseTo(150);
    expect(calls?.progress.attainment).toBeCloseTo(115 / 250);
    expect(calls?.progress.pace).toBeCloseTo(115 / 150);
    // The team's status by the same rules: 115 is at least 0.75 × 150 = 112.5, so Behind.
    expect(calls?.progress.status).toBe('behind');
    expect(calls?.counts).toEqual([
      ['atRisk', 2],
      ['behind', 1],
      ['onTrack', 1],
      ['met', 1],
    ]);
    expect(teams[1]?.progress).toMatchObject({ target: 4, done: 1 });
    expect(teams[1]?.counts).toEqual([['atRisk', 1]]);
  });

  it('counts reps per status in words, worst first, in every language', () => {
    const counts: [StatusKey, number][] = [
      ['atRisk', 1],
      ['onTrack', 1],
      ['met', 2],
    ];
    expect(countsText(counts, 'en')).toBe('1 At risk · 1 On track · 2 Met');
    expect(countsText(counts, 'ko')).toBe('1 위험 · 1 정상 진행 · 2 달성');
    expect(countsText(counts, 'da')).toBe('1 I fare · 1 På rette spor · 2 Nået');
  });

  it('has its words in all six languages, each its own, its notice keeping its placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of LANGUAGES) {
      const words = BOARD_WORDS[lang];
      for (const word of Object.values(words)) expect(word.trim(), lang).not.toBe('');
      expect(placeholders(words.barsBlocked), lang).toEqual(['cell', 'column']);
      if (lang === 'en') continue;
      for (const key of Object.keys(words) as (keyof typeof words)[])
        expect(words[key], `${lang} ${key}`).not.toBe(BOARD_WORDS.en[key]);
    }
  });
});

describe('the progress bar', () => {
  const bar = (target: number, done: number, asOf = ASOF) => {
    const progress = progressOf(target, done, week, asOf, DEFAULT_SETTINGS, TODAY);
    return { progress, formula: barFormula(progress) };
  };

  it.each([
    ['met', 50, 60, '1,0'],
    ['onTrack', 50, 35, '0.7,0'],
    ['behind', 50, 25, '0.5,0.1'],
    ['atRisk', 50, 10, '0.2,0.4'],
  ] as const)(
    '%s: Done against Target in its colour, then what is expected by now in grey',
    (status, target, done, data) => {
      const { progress, formula } = bar(target, done);
      expect(progress.status).toBe(status);
      expect(formula).toBe(
        `=SPARKLINE({${data}},{"charttype","bar";"max",1;"color1","${BAR_COLORS[status]}";"color2","${BAR_GAP_COLOR}"})`,
      );
    },
  );

  it('Missed: what was done of the whole target, the rest of it in grey', () => {
    const { progress, formula } = bar(50, 20, week.end);
    expect(progress.status).toBe('missed');
    expect(formula).toContain(`{0.4,0.6}`);
    expect(formula).toContain(BAR_COLORS.missed);
  });

  it('is full only when the target is met, and never more than full', () => {
    expect(bar(3, 2.9999).formula).toContain('{0.999,');
    expect(bar(50, 500).formula).toContain('{1,0}');
    expect(bar(0, 0).formula).toContain('{1,0}');
  });

  it('has a colour per status that is not its row colour', () => {
    for (const status of STATUS_KEYS) {
      expect(BAR_COLORS[status]).toMatch(/^#[0-9a-f]{6}$/);
      expect(BAR_COLORS[status]).not.toBe(STATUS_COLORS[status]);
    }
    expect(new Set(Object.values(BAR_COLORS)).size).toBe(STATUS_KEYS.length);
  });
});
