/**
 * The daily refresh: an installable time-driven trigger. Installable triggers
 * belong to the user who made them, and `getProjectTriggers()` shows a user only
 * their own (SPEC §9), so the document records whose trigger is *the* daily
 * refresh. Turning it on or off works for any user of the document, and a trigger
 * that is no longer the recorded one removes itself the next time it fires:
 * never two refreshes a day, and never the full `spreadsheets` scope (the
 * trigger runs with its own document active; no `openById`).
 */
import { dayToIso } from '../core/day';
import { notice } from '../core/i18n/app';
import { BOARD_NAME } from '../core/setup';
import { dailyRefreshOf, refresh } from './board';
import { spreadsheetLang, today } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAILY_HANDLER = 'dailyRefresh';
/** Document property: who runs this document's daily refresh (their email, or Apps Script's key for them). */
export const DAILY_OWNER_KEY = 'activityQuota.dailyRefreshOwner';
/** Set by earlier versions, which opened the spreadsheet by id; its trigger is adopted, then the key goes. */
const LEGACY_ID_KEY = 'activityQuota.spreadsheetId';

/** Document property: the last day (ISO) the first open of a day refreshed the board. */
export const OPENED_KEY = 'activityQuota.openedOn';

/**
 * The first open of a day (SPEC §6), where `onOpen` may touch the document (a
 * bound script, or the add-on in LIMITED or FULL mode): refreshes the board,
 * which moves a following As-of date to today, so the board is never days old
 * because nobody turned the daily refresh on. Later opens that day cost one
 * property read. A workbook the add-on has not set up (no board yet) is left
 * alone. A failure never stops the menu: it is logged, and the next open tries again.
 */
export function catchUpOnOpen(): void {
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    const properties = PropertiesService.getDocumentProperties();
    const day = dayToIso(today(spreadsheet).day);
    if (properties.getProperty(OPENED_KEY) === day) return;
    if (!spreadsheet.getRangeByName(BOARD_NAME)) return;
    refresh(spreadsheet);
    properties.setProperty(OPENED_KEY, day);
  } catch (error) {
    console.error(error);
  }
}

/** Who the signed-in user is, for the record: the email when Apps Script reveals it, else its key for them. */
function userKey(): string {
  return Session.getActiveUser().getEmail() || Session.getTemporaryActiveUserKey();
}

function myDailyTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((trigger) => trigger.getHandlerFunction() === DAILY_HANDLER);
}

/** Turns the document's daily refresh on (as the signed-in user) or off (whoever turned it on); says which. */
export function toggleDaily(spreadsheet: Spreadsheet): string {
  const lang = spreadsheetLang(spreadsheet);
  const properties = PropertiesService.getDocumentProperties();
  const me = userKey();
  const owner = properties.getProperty(DAILY_OWNER_KEY);
  const mine = myDailyTriggers(spreadsheet);
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  if (owner && owner !== me) {
    // Someone else's trigger: it cannot be reached from here, so the record goes and it stops itself.
    properties.deleteProperty(DAILY_OWNER_KEY);
    return owner.includes('@') ? notice(lang, 'dailyOffOther', { owner }) : notice(lang, 'dailyOffSomeone');
  }
  if (mine.length > 0 || owner === me) {
    properties.deleteProperty(DAILY_OWNER_KEY);
    return notice(lang, 'dailyOff');
  }
  ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(5)
    .inTimezone(spreadsheet.getSpreadsheetTimeZone())
    .create();
  properties.setProperty(DAILY_OWNER_KEY, me);
  return notice(lang, 'dailyOn');
}

/**
 * The trigger's run: refreshes its own document when it is the recorded daily
 * refresh; otherwise (turned off, or taken over by another user) deletes itself.
 */
export function runDaily(): void {
  const spreadsheet = SpreadsheetApp.getActive();
  if (!spreadsheet)
    throw new Error('Activity Quota: the daily refresh runs without its spreadsheet; turn it on again.');
  const properties = PropertiesService.getDocumentProperties();
  const me = userKey();
  let owner = properties.getProperty(DAILY_OWNER_KEY);
  if (!owner && properties.getProperty(LEGACY_ID_KEY)) {
    owner = me;
    properties.setProperty(DAILY_OWNER_KEY, me);
    properties.deleteProperty(LEGACY_ID_KEY);
  }
  if (owner !== me) {
    for (const trigger of myDailyTriggers(spreadsheet)) ScriptApp.deleteTrigger(trigger);
    return;
  }
  dailyRefreshOf(spreadsheet);
}
