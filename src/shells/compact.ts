/**
 * Compact log (SPEC §6), the menu action: asks for the cutoff day, then, under
 * the document lock, copies the rows it rolls up to the archive sheet, and
 * only then rewrites the log block (kept rows and roll-ups, in place, the
 * freed rows at its end blank); a failed log write puts the old block back.
 * Rows from the first one holding a formula on are left where they are (a
 * moved formula would point elsewhere). The plan is the core's (core/compact.ts).
 */
import { asWritten, compactLog, defaultCutoff } from '../core/compact';
import { dayFromIso, dayToIso } from '../core/day';
import type { Lang } from '../core/i18n';
import { APP, notice } from '../core/i18n/app';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readSettings } from '../core/settingsTable';
import { refresh } from './board';
import { nowDate } from './clock';
import { withDocumentLock } from './host';
import { ensureRows, insertSheetInPlace, readTables, spreadsheetLang, today } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The named range that finds the archive sheet again, whatever it is called. */
export const ARCHIVE_NAME = 'ActivityArchive';

/** The menu action: what to tell the manager, or undefined when they cancel. */
export function compactFromMenu(spreadsheet: Spreadsheet): string | undefined {
  const lang = spreadsheetLang(spreadsheet);
  const { sheets, values } = readTables(spreadsheet);
  const { clock, day } = today(spreadsheet);
  let settings = DEFAULT_SETTINGS;
  try {
    settings = readSettings(values.settings, { clock, lang, strict: false }).settings;
  } catch (_) {
    // No Settings sheet, or one that cannot be read: the defaults, as a refresh does.
  }
  const fallback = defaultCutoff(day, settings);
  const ui = SpreadsheetApp.getUi();
  const ask = notice(lang, 'compactAsk', { date: dayToIso(fallback) });
  const answer = ui.prompt(APP[lang].menu.compact, ask, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const text = answer.getResponseText().trim();
  const cutoff = text ? dayFromIso(text) : fallback;
  if (cutoff === undefined || cutoff >= day) return notice(lang, 'compactBadDate', { value: text });
  const sheet = sheets.get('activities');
  if (!sheet) return notice(lang, 'missingSheet', { sheet: APP[lang].sheets.activities, setUp: APP[lang].menu.setUp });
  let said = withDocumentLock<string | undefined>(
    () => compact(spreadsheet, sheet, cutoff, lang),
    () => undefined,
  );
  if (said === undefined) return notice(lang, 'busy');
  try {
    refresh(spreadsheet);
  } catch (error) {
    said += `\n${notice(lang, 'failed', { message: String((error as Error)?.message ?? error) })}`;
  }
  return said;
}

function compact(spreadsheet: Spreadsheet, sheet: GoogleAppsScript.Spreadsheet.Sheet, cutoff: number, lang: Lang) {
  const width = sheet.getLastColumn();
  const whole = sheet.getRange(1, 1, sheet.getLastRow(), width);
  const formula = whole.getFormulas().findIndex((row, i) => i > 0 && row.join('') !== '');
  const values = whole.getValues().slice(0, formula < 0 ? undefined : formula);
  const plan = compactLog(values, cutoff, today(spreadsheet).clock, lang, nowDate());
  const date = dayToIso(cutoff);
  const kept = plan.kept ? `\n${notice(lang, 'compactKept', { count: plan.kept, date })}` : '';
  if (plan.rolled.length === 0) return notice(lang, 'compactNothing', { date }) + kept;
  const block = sheet.getRange(2, 1, values.length - 1, width);
  const formats = block.getNumberFormats();

  // The archive first: found by its named range, or added under a free name (never a user's own sheet).
  let archive = spreadsheet.getRangeByName(ARCHIVE_NAME)?.getSheet();
  if (!archive) {
    archive = insertSheetInPlace(spreadsheet, APP[lang].archive);
    archive.getRange(1, 1).setValue(notice(lang, 'archiveTitle'));
    spreadsheet.setNamedRange(ARCHIVE_NAME, archive.getRange('A:A'));
  }
  // The log's header goes above the rows, unless the archive's (row 2) is the same.
  const last = archive.getLastRow();
  const header = values[0] as unknown[];
  const same = last > 1 && archive.getRange(2, 1, 1, width).getValues()[0]?.join('\n') === header.join('\n');
  const rows = [...(same ? [] : [header]), ...plan.rolled.map((i) => values[i] as unknown[])];
  const rowFormats = [...(same ? [] : [header.map(() => '@')]), ...plan.rolled.map((i) => formats[i - 1] as string[])];
  ensureRows(archive, last + rows.length);
  const copy = archive.getRange(last + 1, 1, rows.length, width);
  copy.setNumberFormats(rowFormats);
  copy.setValues(asWritten(rows, rowFormats));

  // Only now the log: the new block, in whole-block writes, or the old one put back.
  const newFormats = [...plan.from.map((i) => formats[i - 1] as string[]), ...formats.slice(plan.rows.length)];
  const blank = formats.slice(plan.rows.length).map((row) => row.map(() => ''));
  try {
    block.setNumberFormats(newFormats);
    block.setValues([...asWritten(plan.rows, newFormats), ...blank]);
  } catch (error) {
    block.setNumberFormats(formats);
    block.setValues(asWritten(values.slice(1), formats));
    throw error;
  }
  const params = { entries: plan.rolled.length, rows: plan.rollups, sheet: archive.getName() };
  return notice(lang, 'compacted', params) + kept;
}
