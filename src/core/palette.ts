/**
 * Status colours (SPEC §3): light tints of the Okabe–Ito palette, which stays
 * distinguishable with the common kinds of colour blindness, and light enough for
 * black text. A colour is never the only signal: the label is always shown beside it.
 */
import type { StatusKey } from './i18n';

export const STATUS_COLORS: Readonly<Record<StatusKey, string>> = {
  met: '#b8e0d2', // bluish green
  onTrack: '#cce7f7', // sky blue
  behind: '#f7eea0', // yellow
  atRisk: '#f6d38f', // orange
  missed: '#f1b9a1', // vermillion
  noQuota: '#e8eaed', // grey
};

/**
 * The progress bar's colours (SPEC §2 Status, the Progress column): the full
 * Okabe–Ito colour of each status (yellow and orange darkened to stand out on
 * their own tints), and a neutral grey for what was expected by now and is not
 * done yet.
 */
export const BAR_COLORS: Readonly<Record<StatusKey, string>> = {
  met: '#009e73',
  onTrack: '#0072b2',
  behind: '#a89400',
  atRisk: '#c77c00',
  missed: '#d55e00',
  noQuota: '#80868b',
};
export const BAR_GAP_COLOR = '#9aa0a6';

/** Worst first: a Quotas row shared by several reps shows the worst of their statuses. */
const SEVERITY: readonly StatusKey[] = ['missed', 'atRisk', 'behind', 'onTrack', 'met', 'noQuota'];

export function worseStatus(a: StatusKey, b: StatusKey): StatusKey {
  return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
}

/** A cell's background when nobody filled it (what Sheets' getBackgrounds gives). */
export const WHITE = '#ffffff';
/** Header rows of the sheets the add-on makes, and of its board. */
export const HEADER_BACKGROUND = '#f1f3f4';

const OURS = new Set<string>([WHITE, ...Object.values(STATUS_COLORS)]);

/**
 * True when a cell's background is one the add-on paints a Quotas row with (a
 * status colour) or none: the add-on recolours only those, never a user's own fill.
 */
export function isOurFill(colour: string | null | undefined): boolean {
  return colour == null || colour === '' || OURS.has(colour.toLowerCase());
}
