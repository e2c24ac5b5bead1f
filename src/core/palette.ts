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

/** Worst first: a Quotas row shared by several reps shows the worst of their statuses. */
const SEVERITY: readonly StatusKey[] = ['missed', 'atRisk', 'behind', 'onTrack', 'met', 'noQuota'];

export function worseStatus(a: StatusKey, b: StatusKey): StatusKey {
  return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
}
