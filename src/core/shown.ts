/**
 * Figures as people read them, with one rounding rule for the board, the
 * sidebar and QUOTA_BOARD, chosen so that a shown figure never contradicts the
 * status beside it (SPEC §3):
 * - Target and Done: to the cent (2 decimals).
 * - Expected: up to the next cent: what must be done to be On track, so Done ≥
 *   shown Expected exactly when the status says so.
 * - Attainment and Pace: down to the whole percent, so "100%" means reached and
 *   "75%" means at least the threshold; Pace above {@link PACE_CAP} shows as
 *   "200%+" (early in a period a few entries give thousands of percent).
 * Float noise (0.1 + 0.2) is snapped away first, so it never shows or decides.
 */
import { type Progress, snap } from './status';

/** Pace from which the board and sidebar show "200%+" rather than the figure. */
export const PACE_CAP = 2;

const cents = (x: number, round: (n: number) => number) => round(snap(snap(x) * 100)) / 100;

export interface Shown {
  target: number;
  done: number;
  expected: number;
  /** Undefined when the target is 0. */
  attainment: number | undefined;
  /** Undefined while nothing is expected yet. */
  pace: number | undefined;
}

/** The figures of `progress` as shown. */
export function shownFigures(progress: Progress): Shown {
  const share = (x: number | undefined) => (x === undefined ? undefined : cents(x, Math.floor));
  return {
    target: cents(progress.target, Math.round),
    done: cents(progress.done, Math.round),
    expected: cents(progress.expected, Math.ceil),
    attainment: share(progress.attainment),
    pace: share(progress.pace),
  };
}

/** The number format of an amount cell: whole numbers without a decimal point, others to the cent. */
export function amountFormat(value: number): string {
  return Number.isInteger(value) ? '#,##0' : '#,##0.00';
}

/** The Pace column's format: "200%+" from the cap up, whole percent below. */
export const PACE_FORMAT = `[>=${PACE_CAP}]"${PACE_CAP * 100}%+";0%`;

export interface ShownText {
  target: string;
  done: string;
  expected: string;
  attainment: string;
  pace: string;
}

const formats = new Map<string, { amount: Intl.NumberFormat; cents: Intl.NumberFormat; percent: Intl.NumberFormat }>();

/** Intl's tag for a Sheets locale (`da_DK` → `da-DK`); English when it is unknown. */
function tagOf(locale: string): string {
  const tag = locale.replace('_', '-');
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : 'en-US';
  } catch (_) {
    return 'en-US';
  }
}

/** The shown figures as text in the spreadsheet's locale, as its cells show them. */
export function shownText(shown: Shown, locale: string): ShownText {
  const tag = tagOf(locale);
  let f = formats.get(tag);
  if (!f) {
    f = {
      amount: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      cents: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
    };
    formats.set(tag, f);
  }
  const { amount, cents: twoPlaces, percent } = f;
  const money = (x: number) => (Number.isInteger(x) ? amount : twoPlaces).format(x);
  const share = (x: number | undefined, cap = Number.POSITIVE_INFINITY) =>
    x === undefined ? '' : x >= cap ? `${percent.format(cap)}+` : percent.format(x);
  return {
    target: money(shown.target),
    done: money(shown.done),
    expected: money(shown.expected),
    attainment: share(shown.attainment),
    pace: share(shown.pace, PACE_CAP),
  };
}
