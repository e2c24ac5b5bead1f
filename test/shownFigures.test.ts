/**
 * No shown label and figure disagree: on 10,000 random quota rows, what the
 * Status board's cells show (their values under their number formats, as the
 * emulator shows them like Sheets) and what the sidebar writes agree with the
 * status label beside them: Met means Done reaches Target and Attainment 100%;
 * On track means Done reaches Expected and Pace 100%; Behind means Pace below
 * 100% but at least the threshold; At risk below the threshold.
 */
import { describe, expect, it } from 'vitest';
import { boardCells, boardFormats } from '../src/core/board';
import type { BoardRow } from '../src/core/engine';
import type { PeriodKind } from '../src/core/i18n';
import { periodOf } from '../src/core/periods';
import { DEFAULT_SETTINGS, type Settings } from '../src/core/settings';
import { shownFigures, shownText } from '../src/core/shown';
import { progressOf } from '../src/core/status';
import { showNumber } from '../src/local/numberFormat';
import { day } from './helpers/core';
import { NOV18, runtime } from './helpers/runtime';
import { cellDate, sheet } from './helpers/workbook';

/** A small seeded generator: the same 10,000 rows on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const KINDS: PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year'];

/** A figure as people type them: mostly whole counts, sometimes money to the cent, sometimes a third. */
function figure(next: () => number, scale: number): number {
  const kind = next();
  if (kind < 0.6) return Math.floor(next() * scale);
  if (kind < 0.9) return Math.round(next() * scale * 100) / 100;
  return Math.floor(next() * scale) / 3;
}

/** Reads a shown number back: "1,234.5" (or "1.234,5" with `decimal` ","), "57%", "200%+". */
function parse(text: string, decimal = '.'): number {
  const group = decimal === '.' ? /[,\s\u00a0\u202f]/g : /[.\s\u00a0\u202f]/g;
  const plain = text.replace(group, '').replace(decimal, '.').replace('+', '').trim();
  return plain.endsWith('%') ? Number(plain.slice(0, -1)) / 100 : Number(plain);
}

interface Seen {
  status: string;
  target: number;
  done: number;
  expected: number;
  attainment?: number;
  pace?: number;
  /** The pace was shown capped ("200%+"). */
  capped: boolean;
}

/** Every way a label and its figures may disagree, as a list of what is wrong (empty when they agree). */
function disagreements(seen: Seen, threshold: number): string[] {
  const wrong: string[] = [];
  const say = (ok: boolean, what: string) => ok || wrong.push(what);
  const { status, target, done, expected, attainment, pace } = seen;
  const reached = done >= target;
  say(status === 'met' ? reached : !reached, 'Done against Target');
  if (attainment !== undefined) say(status === 'met' ? attainment >= 1 : attainment < 1, 'Attainment against 100%');
  if (status === 'onTrack') {
    say(done >= expected, 'Done against Expected');
    if (pace !== undefined) say(pace >= 1 || seen.capped, 'Pace against 100%');
  }
  if (status === 'behind' || status === 'atRisk') {
    say(done < expected, 'Done against Expected');
    if (pace !== undefined) say(pace < 1 && !seen.capped, 'Pace below 100%');
    if (pace !== undefined) say(status === 'behind' ? pace >= threshold : pace < threshold, 'Pace against threshold');
  }
  return wrong;
}

function randomRow(next: () => number): { row: BoardRow; settings: Settings } {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    behindThreshold: Math.round((0.5 + next() * 0.45) * 100) / 100,
    pacing: next() < 0.8 ? 'working' : 'calendar',
  };
  const kind = KINDS[Math.floor(next() * KINDS.length)] as PeriodKind;
  const today = day('2026-01-01') + Math.floor(next() * 365);
  const asOf = next() < 0.7 ? today : today - 1 - Math.floor(next() * 30);
  const period = periodOf(asOf, kind, settings);
  const scale = next() < 0.2 ? 100_000 : 200;
  const target = Math.max(1, figure(next, scale));
  const done = figure(next, target * 1.3);
  const progress = progressOf(target, done, period, asOf, settings, today);
  const row = { rep: 'Raj', repKey: 'raj', activity: 'Calls', activityKey: 'calls', period, progress } as BoardRow;
  return { row, settings };
}

describe('shown labels and figures never disagree', () => {
  it('on the board: 10,000 random rows, read as their cells show them', () => {
    const next = random(20_261_202);
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const { row, settings } = randomRow(next);
      const cells = boardCells(row, 'en', () => 0);
      const formats = boardFormats(row);
      const show = (column: number) =>
        typeof cells[column] === 'number' ? showNumber(cells[column] as number, formats[column]) : '';
      const paceText = show(9);
      const seen: Seen = {
        status: row.progress.status,
        target: parse(show(5)),
        done: parse(show(6)),
        expected: parse(show(8)),
        attainment: show(7) === '' ? undefined : parse(show(7)),
        pace: paceText === '' ? undefined : parse(paceText),
        capped: paceText.endsWith('+'),
      };
      statuses.set(seen.status, (statuses.get(seen.status) ?? 0) + 1);
      const wrong = disagreements(seen, settings.behindThreshold);
      if (wrong.length > 0 && failures.length < 5) {
        failures.push(`${cells[10]} ${[5, 6, 7, 8, 9].map(show).join(' | ')}: ${wrong.join(', ')}`);
      }
      // A shown figure never shows a trailing point ("50.") or float noise ("30.000000000000004").
      for (const column of [5, 6, 8]) expect(show(column)).toMatch(/^\d{1,3}(,\d{3})*(\.\d\d)?$/);
    }
    expect(failures).toEqual([]);
    // Every status was drawn many times, so each rule was put to the test.
    for (const status of ['met', 'missed', 'onTrack', 'behind', 'atRisk']) {
      expect(statuses.get(status) ?? 0, status).toBeGreaterThan(300);
    }
  });

  it('in the sidebar, in English and in Danish: the same figures as the board, in the locale', () => {
    const next = random(7);
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const { row, settings } = randomRow(next);
      const danish = i % 2 === 1;
      const text = shownText(shownFigures(row.progress), danish ? 'da_DK' : 'en_US');
      const decimal = danish ? ',' : '.';
      const seen: Seen = {
        status: row.progress.status,
        target: parse(text.target, decimal),
        done: parse(text.done, decimal),
        expected: parse(text.expected, decimal),
        attainment: text.attainment === '' ? undefined : parse(text.attainment, decimal),
        pace: text.pace === '' ? undefined : parse(text.pace, decimal),
        capped: text.pace.endsWith('+'),
      };
      const wrong = disagreements(seen, settings.behindThreshold);
      if (wrong.length > 0 && failures.length < 5) failures.push(`${seen.status} ${JSON.stringify(text)}: ${wrong}`);
      // The sidebar shows what the board's cells show.
      const cells = boardCells(row, 'en', () => 0);
      const formats = boardFormats(row);
      if (!danish) expect(text.expected).toBe(showNumber(cells[8] as number, formats[8]));
    }
    expect(failures).toEqual([]);
  });

  it('on a refreshed Status sheet of a random 10,000-row log, as getDisplayValues shows it', () => {
    const rt = runtime({ now: NOV18 });
    rt.call('setUpWorkbook');
    const next = random(42);
    const reps = ['Raj', 'Mia', 'Ana', 'Tom', 'Lee'];
    const activities = ['Calls', 'Emails', 'Meetings', 'Revenue'];
    const log = Array.from({ length: 10_000 }, () => [
      cellDate(rt, `2026-11-${String(1 + Math.floor(next() * 18)).padStart(2, '0')}`),
      reps[Math.floor(next() * reps.length)],
      activities[Math.floor(next() * activities.length)],
      figure(next, 40),
    ]);
    const activitiesSheet = sheet(rt, 'Activities');
    activitiesSheet.insertRowsAfter(activitiesSheet.getMaxRows(), 10_000);
    activitiesSheet.getRange(2, 1, log.length, 4).setValues(log);
    const periods = ['Day', 'Week', 'Month', 'Quarter'];
    const quotas = reps.flatMap((rep) =>
      activities.map((activity) => [
        rep,
        activity,
        periods[Math.floor(next() * periods.length)],
        Math.max(1, figure(next, 2_000)),
        '',
        '',
      ]),
    );
    sheet(rt, 'Quotas').getRange(2, 1, quotas.length, 6).setValues(quotas);
    rt.call('refreshStatus');
    const status = sheet(rt, 'Status');
    const shown = status.getRange(2, 1, quotas.length, 12).getDisplayValues();
    const labels = new Map([
      ['Met', 'met'],
      ['Missed', 'missed'],
      ['On track', 'onTrack'],
      ['Behind', 'behind'],
      ['At risk', 'atRisk'],
    ]);
    const failures: string[] = [];
    for (const cells of shown) {
      const seen: Seen = {
        status: labels.get(cells[10] as string) ?? `unknown ${cells[10]}`,
        target: parse(cells[5] as string),
        done: parse(cells[6] as string),
        expected: parse(cells[8] as string),
        attainment: cells[7] === '' ? undefined : parse(cells[7] as string),
        pace: cells[9] === '' ? undefined : parse(cells[9] as string),
        capped: (cells[9] as string).endsWith('+'),
      };
      const wrong = disagreements(seen, DEFAULT_SETTINGS.behindThreshold);
      if (wrong.length > 0) failures.push(`${cells.join(' | ')}: ${wrong}`);
    }
    expect(shown.filter((cells) => cells[0] !== '').length).toBeGreaterThan(15);
    expect(failures).toEqual([]);
  });
});
