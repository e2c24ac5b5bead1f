/**
 * The phone page's server (SPEC §5b): an Apps Script web app, executing as the
 * user who opens it, for the one team spreadsheet whose id was baked in at
 * deploy time (build.mjs). A web app has no active spreadsheet, no document
 * lock and no document properties, so it opens the file by id and runs the
 * sidebar's own shells on it (same checks, entry ids and words) under its
 * script's lock, keeping the board's memory in its script's properties (host.ts).
 * Nothing here calls a service at load time.
 */
import type { Lang } from '../core/i18n';
import { fill } from '../core/i18n';
import { PHONE } from '../core/i18n/phone';
import { SIDEBAR } from '../core/i18n/sidebar';
import type { LogResult } from '../core/serverApi';
import type { SidebarState } from '../core/sidebarState';
import { type EntrySpec, serverEntries } from './entrySpec';
import { useHost } from './host';
import { failure, userEmail, userLang } from './replies';
import { getSidebarState, logActivity } from './sidebar';
import { undoLastEntry } from './undo';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The team spreadsheet's id, written in by build.mjs (PHONE_SPREADSHEET_ID or phone.config.json); '' when none was given. */
declare const PHONE_SPREADSHEET_ID: string;

/** The HTML file of the page (dist/phone/Phone.html). */
export const PHONE_PAGE = 'Phone';

/** Chooses the web app's lock and store: its script's, the same for every user of the page. */
export function usePhoneHost(): void {
  useHost({
    lock: () => LockService.getScriptLock(),
    properties: () => PropertiesService.getScriptProperties(),
    fields: {
      en: PHONE.en.fields,
      ms: PHONE.ms.fields,
      ru: PHONE.ru.fields,
      da: PHONE.da.fields,
      pl: PHONE.pl.fields,
      ko: PHONE.ko.fields,
    },
  });
}

/**
 * The team's spreadsheet, or what stops this user from reaching it, in their
 * language: no id was configured, or the file cannot be opened with their
 * account (not shared with them, or gone).
 */
export function teamSpreadsheet(lang: Lang): Spreadsheet | string {
  const words = PHONE[lang].labels;
  const id = typeof PHONE_SPREADSHEET_ID === 'string' ? PHONE_SPREADSHEET_ID.trim() : '';
  if (id === '') return words.noSpreadsheet;
  try {
    return SpreadsheetApp.openById(id);
  } catch (error) {
    console.error(error);
    let user = '';
    try {
      user = userEmail();
    } catch (_) {
      // Without the user's email the message says the rest.
    }
    return user ? `${words.noAccess} ${fill(words.signedInAs, { user })}` : words.noAccess;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page, or a page saying why there is none; laid out for the phone's own width. */
export function doGet(): GoogleAppsScript.HTML.HtmlOutput {
  const lang = userLang();
  const opened = teamSpreadsheet(lang);
  const output =
    typeof opened === 'string'
      ? HtmlService.createHtmlOutput(
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body style="font:16px Arial,sans-serif;margin:16px"><p role="alert">${escapeHtml(opened)}</p></body></html>`,
        )
      : HtmlService.createHtmlOutputFromFile(PHONE_PAGE);
  // A web app's own <meta name="viewport"> is dropped by Apps Script: only addMetaTag sets it.
  return output.setTitle(SIDEBAR[lang].labels.title).addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** Runs a server function on the team's spreadsheet; a spreadsheet out of reach is a message. */
function onTeamSheet<T>(run: (spreadsheet: Spreadsheet) => T, otherwise: (message: string) => T): T {
  const opened = teamSpreadsheet(userLang());
  return typeof opened === 'string' ? otherwise(opened) : run(opened);
}

const refusedWith = (message: string): LogResult => failure(message);

/** The web app's top-level functions: the page and the sidebar's three server functions, on the team's file. */
export const PHONE_ENTRIES: readonly EntrySpec[] = [
  { name: 'doGet', params: ['e'], run: () => doGet() },
  ...serverEntries({
    getSidebarState: (rep): SidebarState =>
      onTeamSheet(
        (spreadsheet) => getSidebarState(rep, spreadsheet),
        (message) => {
          throw new Error(message);
        },
      ),
    logActivity: (entry) => onTeamSheet((spreadsheet) => logActivity(entry, spreadsheet), refusedWith),
    undoLastEntry: (id) => onTeamSheet((spreadsheet) => undoLastEntry(id, spreadsheet), refusedWith),
  }),
];
