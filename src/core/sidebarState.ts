/**
 * What the sidebar shows (SPEC §5), computed from tables already read: the
 * signed-in rep, the activity types, the rep's quotas in force with progress,
 * and the rep's recent entries. Everything crosses `google.script.run` as plain
 * JSON: dates as ISO strings.
 */

import { activityChoices } from './activityChoices';
import type { BurnUp } from './burnUp';
import { isBlank, isDate, readDay, readName, readNumber } from './cells';
import { type Day, type DayClock, dayToIso } from './day';
import type { BoardRow } from './engine';
import { LIMITS } from './entry';
import { fill, type Lang, STRINGS, type StatusKey } from './i18n';
import { SIDEBAR, type SidebarStrings } from './i18n/sidebar';
import { ACTIVITIES_SPEC } from './log';
import { type Listed, latestOwn, loggedByUser, newestFirst } from './logEntry';
import { repKeyOf } from './names';
import { STATUS_COLORS } from './palette';
import { type ShownText, shownFigures, shownText } from './shown';
import { cellOf, isRange, readTable } from './table';
import { TEAM_SPEC } from './team';

export interface SidebarQuota {
  activity: string;
  period: string;
  start: string;
  end: string;
  target: number;
  done: number;
  expected: number;
  status: StatusKey;
  statusLabel: string;
  color: string;
  /** The figures as the board shows them (core/shown.ts), in the spreadsheet's locale. */
  shown: ShownText;
  /** "25 / 50 · Expected by today: 26.09 · Pace 95%": the line under the bar. */
  summary: string;
  /** The burn-up chart, when the kept series adds up to Done. */
  burnUp?: BurnUp;
}

export interface SidebarEntry {
  id: string;
  date: string;
  rep: string;
  activity: string;
  quantity: number;
  notes: string;
  /** Logged by the signed-in user. */
  mine: boolean;
  /** Who logged it (the Logged by cell), shown when it is someone else. */
  loggedBy: string;
  /** The signed-in user's own latest entry: the one Undo removes. */
  undoable: boolean;
}

export interface SidebarState {
  /** False until the workbook has been set up. */
  ready: boolean;
  lang: Lang;
  /** The spreadsheet's locale as a BCP 47 tag (`da-DK`), for numbers shown as its cells show them. */
  locale: string;
  today: string;
  user: string;
  /** The rep shown: the one asked for, else the signed-in user's, else the first. */
  rep: string;
  reps: string[];
  /** The activities to choose from: the rep's quota activities first (`ownActivities` of them), then the other known types. */
  activities: string[];
  ownActivities: number;
  /** A listed activity by the name key of every name that means it, for a name typed under "Other…". */
  knownActivities: Record<string, string>;
  /** The server's clock when it answered, and when the spreadsheet's today ends (epoch ms): the page asks again then. */
  now: number;
  nextDayAt: number;
  quotas: SidebarQuota[];
  recent: SidebarEntry[];
  labels: SidebarStrings['labels'];
  /** Per-field message templates, for the form's own checks before it sends. */
  fields: SidebarStrings['fields'];
  limits: { name: number; notes: number; quantity: number };
}

const RECENT = 8;

export interface StateInput {
  /** The board's rows, once the workbook is set up. */
  board: readonly BoardRow[] | undefined;
  activities: unknown[][] | undefined;
  team: unknown[][] | undefined;
  user: string;
  /** The rep the form has chosen, if any. */
  rep?: string;
  lang: Lang;
  /** The spreadsheet's locale (`da_DK`), for its number formats. */
  locale: string;
  clock: DayClock;
  today: Day;
  /** The server's clock (epoch ms). */
  now: number;
  /** Activity names used in Quotas. */
  quotaActivities: readonly string[];
  /** A board row's burn-up chart, if it has one. */
  burnUp?: (row: BoardRow) => BurnUp | undefined;
}

/** Team members' names, and the one whose Email is the signed-in user's. */
function teamOf(values: unknown[][] | undefined, user: string, lang: Lang): { reps: string[]; mine?: string } {
  if (!isRange(values)) return { reps: [] };
  try {
    const table = readTable(values, TEAM_SPEC, lang);
    const reps: string[] = [];
    let mine: string | undefined;
    for (const row of table.values.slice(1)) {
      const rep = readName(cellOf(table, row, 'rep'));
      if (!rep) continue;
      reps.push(rep);
      const email = readName(cellOf(table, row, 'email'));
      if (!mine && email && email.toLowerCase() === user.toLowerCase()) mine = rep;
    }
    return { reps, mine };
  } catch {
    return { reps: [] };
  }
}

/**
 * The rep's entries and the user's own, newest first (SPEC §5: by date, then by
 * when they were logged, then lower in the sheet), whatever order the log is in;
 * Undo is offered on the user's own latest logged entry (logEntry.ts, the rules
 * the server's Undo follows too), which is always listed.
 */
function recentOf(input: StateInput, rep: string): SidebarEntry[] {
  if (!isRange(input.activities)) return [];
  let table: ReturnType<typeof readTable>;
  try {
    table = readTable(input.activities, ACTIVITIES_SPEC, input.lang);
  } catch {
    return [];
  }
  const repKey = repKeyOf(rep);
  const found: (Listed & { entry: SidebarEntry })[] = [];
  for (let index = 1; index < table.values.length; index++) {
    const row = table.values[index] as unknown[];
    const loggedBy = String(cellOf(table, row, 'loggedBy') ?? '').trim();
    const name = readName(cellOf(table, row, 'rep')) ?? '';
    const mine = loggedByUser(loggedBy, input.user);
    if (repKeyOf(name) !== repKey && !mine) continue;
    const day = readDay(cellOf(table, row, 'date'), input.clock);
    const quantity = readNumber(cellOf(table, row, 'quantity'));
    if (day === undefined || Number.isNaN(quantity)) continue;
    const loggedAt = cellOf(table, row, 'loggedAt');
    const entry: SidebarEntry = {
      id: String(cellOf(table, row, 'entryId') ?? ''),
      date: dayToIso(day),
      rep: name,
      activity: readName(cellOf(table, row, 'activity')) ?? '',
      quantity,
      notes: String(cellOf(table, row, 'notes') ?? ''),
      mine,
      loggedBy,
      undoable: false,
    };
    const at = isDate(loggedAt) ? loggedAt.getTime() : Number.NEGATIVE_INFINITY;
    found.push({ entry, mine, day, at, index });
  }
  const latest = latestOwn(found);
  if (latest) latest.entry.undoable = true;
  found.sort(newestFirst);
  const shown = found.slice(0, RECENT);
  if (latest && !shown.includes(latest)) shown.push(latest);
  return shown.map((f) => f.entry);
}

/** A quota's shown figures, and the line that reads them out. */
function figures(row: BoardRow, input: StateInput): { shown: ShownText; summary: string } {
  const shown = shownText(shownFigures(row.progress), input.locale);
  const parts = [`${shown.done} / ${shown.target}`, fill(SIDEBAR[input.lang].labels.expectedMarker, { ...shown })];
  if (shown.pace) parts.push(`${STRINGS[input.lang].headers.pace} ${shown.pace}`);
  return { shown, summary: parts.join(' · ') };
}

export function sidebarState(input: StateInput): SidebarState {
  const strings = STRINGS[input.lang];
  const team = teamOf(input.team, input.user, input.lang);
  const board = input.board ?? [];
  const boardReps = [...new Set(board.map((row) => row.rep))];
  const reps = team.reps.length > 0 ? team.reps : boardReps;
  const asked = input.rep && !isBlank(input.rep) ? input.rep.trim() : undefined;
  const rep = asked ?? team.mine ?? reps[0] ?? '';
  const key = repKeyOf(rep);
  const quotas = board
    .filter((row) => row.repKey === key)
    .map((row) => ({
      activity: row.activity,
      period: strings.periods[row.period.kind],
      start: dayToIso(row.period.start),
      end: dayToIso(row.period.end),
      target: row.progress.target,
      done: row.progress.done,
      expected: row.progress.expected,
      status: row.progress.status,
      statusLabel: strings.statuses[row.progress.status],
      color: STATUS_COLORS[row.progress.status],
      ...figures(row, input),
      burnUp: input.burnUp?.(row),
    }));
  const choices = activityChoices(
    quotas.map((quota) => quota.activity),
    input.quotaActivities,
    input.lang,
  );
  return {
    ready: input.board !== undefined,
    lang: input.lang,
    locale: input.locale.replace('_', '-'),
    today: dayToIso(input.today),
    user: input.user,
    rep,
    reps: reps.includes(rep) || rep === '' ? reps : [...reps, rep],
    activities: choices.activities,
    ownActivities: choices.own,
    knownActivities: choices.known,
    now: input.now,
    nextDayAt: input.clock.startOf(input.today + 1),
    quotas,
    recent: recentOf(input, rep),
    labels: SIDEBAR[input.lang].labels,
    fields: SIDEBAR[input.lang].fields,
    limits: LIMITS,
  };
}
