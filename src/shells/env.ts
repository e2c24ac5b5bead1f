/**
 * What a shell needs to know about where it runs: the spreadsheet's time zone
 * and locale, and the current instant. Read only when a call needs them, never
 * at load time.
 */
import { now } from './clock';

export interface Env {
  timeZone: string;
  locale: string;
  /** Milliseconds since the epoch. */
  now: number;
}

/** The active spreadsheet's zone and locale (custom functions may read these). */
export function spreadsheetEnv(): Env {
  const spreadsheet = SpreadsheetApp.getActive();
  if (!spreadsheet) {
    return { timeZone: Session.getScriptTimeZone(), locale: Session.getActiveUserLocale(), now: now() };
  }
  return {
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    locale: spreadsheet.getSpreadsheetLocale(),
    now: now(),
  };
}
