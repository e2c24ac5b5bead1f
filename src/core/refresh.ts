/**
 * Everything a status refresh computes (SPEC §6), from the four tables as they
 * are: the board, each Quotas row's status (for its colour), and the problems
 * found on the way, each with its sheet and row. Never throws for bad rows: they
 * are skipped and listed.
 */
import { orderRows, type TeamRow, teamRows } from './boardView';
import { type Day, DayClock } from './day';
import { type BoardRow, computeBoard, type Workbook } from './engine';
import { type Lang, message, type StatusKey } from './i18n';
import { APP, notice, type SheetKind } from './i18n/app';
import { type ActivityLog, readActivityLog } from './log';
import { worseStatus } from './palette';
import type { Problem } from './problems';
import { type Quota, readQuotas } from './quotas';
import { asOfDay, DEFAULT_SETTINGS } from './settings';
import { readSettings } from './settingsTable';
import { NO_TEAM, readTeam } from './team';

export interface RefreshInput {
  activities?: unknown[][];
  quotas?: unknown[][];
  team?: unknown[][];
  settings?: unknown[][];
  timeZone: string;
  /** The language of the spreadsheet's locale (Settings may override it). */
  lang: Lang;
  /** Today in the spreadsheet's zone: the as-of day when Settings has none. */
  today: Day;
}

export interface RefreshProblem {
  sheet: SheetKind;
  row: number;
  text: string;
}

export interface RefreshResult {
  lang: Lang;
  asOf: Day;
  /** The As-of date follows today (Settings): the add-on keeps its cell at today. */
  followToday: boolean;
  /** The board's rows, in the order Settings asks for (SPEC §2 Status). */
  board: BoardRow[];
  /** The team block: per activity and period, the sums over the board's rows. */
  teams: TeamRow[];
  /** Status of each Quotas row in force (by its row number), the worst over its reps. */
  quotaRows: Map<number, StatusKey>;
  problems: RefreshProblem[];
  clock: DayClock;
  /** The log as read: what the burn-up series are kept from (core/burnUp.ts). */
  log: ActivityLog;
}

const EMPTY_LOG: unknown[][] = [['Date', 'Rep', 'Activity', 'Quantity']];
const EMPTY_QUOTAS: unknown[][] = [['Rep', 'Activity', 'Period', 'Target']];

/** Reads a table without throwing: a table that cannot be read at all is one problem. */
function tolerant<T>(read: () => T, fallback: T, sheet: SheetKind, problems: RefreshProblem[], lang: Lang): T {
  try {
    return read();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    problems.push({ sheet, row: 1, text: text || message(lang, 'tableEmpty', { table: sheet, example: '' }) });
    return fallback;
  }
}

/** Rows with the same rep, activity and dates as an earlier row. */
function duplicates(quotas: readonly Quota[], lang: Lang): RefreshProblem[] {
  const seen = new Map<string, number>();
  const problems: RefreshProblem[] = [];
  for (const quota of quotas) {
    const key = `${quota.repKey}\u0000${quota.activityKey}\u0000${quota.from ?? ''}\u0000${quota.to ?? ''}`;
    const other = seen.get(key);
    if (other !== undefined) {
      problems.push({
        sheet: 'quotas',
        row: quota.row,
        text: notice(lang, 'duplicateQuota', { row: quota.row, other }),
      });
    }
    seen.set(key, quota.row);
  }
  return problems;
}

export function computeRefresh(input: RefreshInput): RefreshResult {
  const clock = new DayClock(input.timeZone);
  const problems: RefreshProblem[] = [];
  const collect = (sheet: SheetKind, found: readonly Problem[], lang: Lang) => {
    for (const problem of found)
      problems.push({ sheet, row: problem.row ?? 1, text: message(lang, problem.key, problem.params) });
  };
  const settingsRead = input.settings
    ? tolerant(
        () => readSettings(input.settings, { clock, lang: input.lang, strict: false }),
        { settings: DEFAULT_SETTINGS, problems: [] },
        'settings',
        problems,
        input.lang,
      )
    : { settings: DEFAULT_SETTINGS, problems: [] };
  const lang = settingsRead.settings.language ?? input.lang;
  collect('settings', settingsRead.problems, lang);
  const options = { clock, lang, strict: false };
  // A sheet that is not there (deleted, or renamed without its named range) is one problem: set up finds or makes it.
  for (const sheet of ['activities', 'quotas'] as const) {
    if (input[sheet] !== undefined) continue;
    const text = notice(lang, 'missingSheet', { sheet: APP[lang].sheets[sheet], setUp: APP[lang].menu.setUp });
    problems.push({ sheet, row: 1, text });
  }
  const log = tolerant(
    () => readActivityLog(input.activities ?? EMPTY_LOG, options),
    readActivityLog(EMPTY_LOG, options),
    'activities',
    problems,
    lang,
  );
  collect('activities', log.problems, lang);
  const quotas = tolerant(
    () => readQuotas(input.quotas ?? EMPTY_QUOTAS, options),
    readQuotas(EMPTY_QUOTAS, options),
    'quotas',
    problems,
    lang,
  );
  collect('quotas', quotas.problems, lang);
  problems.push(...duplicates(quotas.quotas, lang));
  const team = input.team ? tolerant(() => readTeam(input.team, options), NO_TEAM, 'team', problems, lang) : NO_TEAM;
  collect('team', team.problems, lang);
  const book: Workbook = { log, quotas, team, settings: settingsRead.settings, lang };
  const asOf = asOfDay(settingsRead.settings, input.today);
  const figures: Problem[] = [];
  const board = orderRows(computeBoard(book, asOf, input.today, figures), settingsRead.settings.boardOrder);
  const teams = teamRows(board, asOf, settingsRead.settings, input.today);
  collect('quotas', figures, lang);
  const quotaRows = new Map<number, StatusKey>();
  for (const row of board) {
    const earlier = quotaRows.get(row.quota.row);
    quotaRows.set(row.quota.row, earlier ? worseStatus(earlier, row.progress.status) : row.progress.status);
  }
  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  const { followToday } = settingsRead.settings;
  return { lang, asOf, followToday, board, teams, quotaRows, problems, clock, log };
}
