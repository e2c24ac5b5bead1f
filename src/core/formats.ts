/** Sheets' number formats the add-on writes: one spelling of each, wherever it is written. */

/** Plain text: what is written stays as written, never a formula, number or date (SPEC §8). */
export const TEXT = '@';
/** A calendar day. */
export const DAY = 'yyyy-mm-dd';
/** An instant, to the second (Logged at). */
export const MOMENT = 'yyyy-mm-dd hh:mm:ss';
