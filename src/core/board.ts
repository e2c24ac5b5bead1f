/**
 * The status board as a table of cells (SPEC §2 Status), the same for
 * `QUOTA_BOARD` and the Status sheet.
 */
import type { Day } from './day';
import type { BoardRow } from './engine';
import { DAY, TEXT } from './formats';
import { type HeaderKey, type Lang, STRINGS } from './i18n';
import { amountFormat, PACE_FORMAT, shownFigures } from './shown';
import type { Progress } from './status';

export const BOARD_COLUMNS: readonly HeaderKey[] = [
  'rep',
  'activity',
  'period',
  'start',
  'end',
  'target',
  'done',
  'attainment',
  'expected',
  'pace',
  'status',
  'lastPeriod',
];

/** Number formats of a board row's cells, for the Status sheet: amounts by {@link amountFormat}. */
export function figureFormats(progress: Progress): string[] {
  const shown = shownFigures(progress);
  return [
    TEXT,
    TEXT,
    TEXT,
    DAY,
    DAY,
    amountFormat(shown.target),
    amountFormat(shown.done),
    '0%',
    amountFormat(shown.expected),
    PACE_FORMAT,
    TEXT,
    TEXT,
  ];
}

/** The formats of a board row: see {@link figureFormats}. */
export function boardFormats(row: BoardRow): string[] {
  return figureFormats(row.progress);
}

/**
 * Target, Done, Attainment, Expected and Pace as the board's cells hold them:
 * Target and Done exact (the kept board reads Done back; their formats round
 * them as shown), the others as shown (core/shown.ts).
 */
export function figureCells(progress: Progress): unknown[] {
  const shown = shownFigures(progress);
  return [progress.target, progress.done, shown.attainment ?? '', shown.expected, shown.pace ?? ''];
}

/** Number formats of the "Last period" text, by language, made on first use. */
const shortFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * `12`, `12.5`, `54,000` (`54 000` in Russian, `54.000` in Danish): short
 * numbers for the "Last period" text, written as the board's language writes them.
 */
export function shortNumber(value: number, lang: Lang): string {
  let format = shortFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    shortFormats.set(lang, format);
  }
  return format.format(value);
}

/** The board's header row in `lang`. */
export function boardHeader(lang: Lang): string[] {
  return BOARD_COLUMNS.map((key) => STRINGS[lang].headers[key]);
}

/** One board row's cells; `dateOf` turns a day into what the cell should hold. */
export function boardCells(row: BoardRow, lang: Lang, dateOf: (day: Day) => unknown): unknown[] {
  const strings = STRINGS[lang];
  const last = row.last
    ? `${strings.statuses[row.last.progress.status]} ${shortNumber(row.last.progress.done, lang)}/${shortNumber(row.last.progress.target, lang)}`
    : '';
  return [
    row.rep,
    row.activity,
    strings.periods[row.period.kind],
    dateOf(row.period.start),
    dateOf(row.period.end),
    ...figureCells(row.progress),
    strings.statuses[row.progress.status],
    last,
  ];
}
