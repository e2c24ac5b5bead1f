/**
 * The custom functions of SPEC §4, described once. This catalogue is the single
 * source of the runtime functions, the generated top-level wrappers and their
 * JSDoc (autocomplete in Sheets), and the formula bridge used in tests.
 */
import { boardCells, boardHeader } from '../core/board';
import { displayCell, isBlank, isDate, readDay, readName } from '../core/cells';
import { type Day, DayClock, isKnownTimeZone } from '../core/day';
import {
  computeBoard,
  conversionFor,
  evaluate,
  resolveSubject,
  type Subject,
  totalFor,
  type Workbook,
} from '../core/engine';
import { type Lang, langFromLocale, type MessageKey, STRINGS } from '../core/i18n';
import { readActivityLog } from '../core/log';
import { activityKeyOf } from '../core/names';
import { type Problem, QuotaError } from '../core/problems';
import { readQuotas } from '../core/quotas';
import { asOfDay, DEFAULT_SETTINGS } from '../core/settings';
import { readSettings } from '../core/settingsTable';
import type { Progress } from '../core/status';
import { NO_TEAM, readTeam } from '../core/team';
import { nameKey } from '../core/text';
import type { Env } from './env';
import { broadcast } from './vector';

/** How the bridge and the docs treat a parameter. */
export type ParamKind = 'table' | 'name' | 'date';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
}

export interface FunctionSpec {
  name: string;
  params: readonly ParamSpec[];
  /** `broadcast`: one value, or an array shaped like the name/date arguments. `table`: a spilled table. */
  output: 'broadcast' | 'table';
  run(args: readonly unknown[], env: Env): unknown;
}

/** The parameters; their words for autocomplete are in docs.ts, read by build.mjs only. */
const P = {
  activities: { name: 'activities', kind: 'table' },
  quotas: { name: 'quotas', kind: 'table' },
  rep: { name: 'rep', kind: 'name' },
  activity: { name: 'activity', kind: 'name' },
  outcome: { name: 'outcome', kind: 'name' },
  date: { name: 'date', kind: 'date', optional: true },
  settings: { name: 'settings', kind: 'table', optional: true },
  team: { name: 'team', kind: 'table', optional: true },
  start: { name: 'start', kind: 'date' },
  end: { name: 'end', kind: 'date' },
} as const satisfies Record<string, ParamSpec>;

/** Everything a call has read: the workbook, the language, the clock and today. */
interface Call {
  book: Workbook;
  lang: Lang;
  clock: DayClock;
  today: Day;
}

const EMPTY_LOG = [['Date', 'Rep', 'Activity', 'Quantity']];
const EMPTY_QUOTAS = [['Rep', 'Activity', 'Period', 'Target']];

/** Reads the ranges a call was given. Custom functions are strict: the first problem is thrown. */
function prepare(
  env: Env,
  ranges: { activities?: unknown; quotas?: unknown; settings?: unknown; team?: unknown },
): Call {
  let lang = langFromLocale(env.locale);
  if (!isKnownTimeZone(env.timeZone)) {
    throw new QuotaError({ key: 'badTimeZone', params: { zone: env.timeZone } }, lang);
  }
  const clock = new DayClock(env.timeZone);
  const settings =
    ranges.settings === undefined || ranges.settings === ''
      ? DEFAULT_SETTINGS
      : readSettings(ranges.settings, { clock, lang, strict: true }).settings;
  lang = settings.language ?? lang;
  const options = { clock, lang, strict: true };
  const book: Workbook = {
    log: readActivityLog(ranges.activities ?? EMPTY_LOG, options),
    quotas: readQuotas(ranges.quotas ?? EMPTY_QUOTAS, options),
    team: ranges.team === undefined || ranges.team === '' ? NO_TEAM : readTeam(ranges.team, options),
    settings,
    lang,
  };
  return { book, lang, clock, today: clock.dayOf(env.now) };
}

/** Stops the call with a problem, said in the call's language. */
function fail(call: Call, key: MessageKey, params: Problem['params']): never {
  throw new QuotaError({ key, params }, call.lang);
}

function argDay(call: Call, name: string, value: unknown, fallback?: Day): Day {
  const blank = value === undefined || isBlank(value);
  if (blank && fallback !== undefined) return fallback;
  const day = blank ? undefined : readDay(value, call.clock);
  return day ?? fail(call, 'argNotDate', { arg: name, value: blank ? '' : displayCell(value, call.clock) });
}

function argName(call: Call, name: string, value: unknown): string {
  const text = readName(value);
  // A name that shows nothing (only spaces or invisible characters) names no one.
  if (text !== undefined && nameKey(text) !== '') return text;
  return fail(call, 'argNotName', { arg: name, value: displayCell(value, call.clock) });
}

function checkOrder(call: Call, start: Day, end: Day): void {
  const show = (day: Day) => displayCell(new Date(call.clock.startOf(day)), call.clock);
  if (start > end) fail(call, 'startAfterEnd', { start: show(start), end: show(end) });
}

/** The rep (or team) and the activity's name key a call names; `activity` names the activity's parameter. */
function subjectAndKey(call: Call, rep: unknown, activity: unknown, name = 'activity'): [Subject, string] {
  return [resolveSubject(argName(call, 'rep', rep), call.book), activityKeyOf(argName(call, name, activity))];
}

/** A blank name cell inside a range gives a blank result cell, so whole columns can be passed. */
function skipsBlank(rep: unknown, activity: unknown): boolean {
  return isBlank(rep) || isBlank(activity) || isDate(rep);
}

/**
 * The six "one figure of one quota" functions differ only in the figure, in
 * what they give with no quota in force (`noQuota`: blank unless said), and
 * QUOTA_TARGET in its parameters (no log, no settings: the As-of day is today).
 */
function progressFunction(
  name: string,
  figure: (progress: Progress, lang: Lang) => unknown,
  noQuota: (lang: Lang) => unknown = () => '',
  params: readonly ParamSpec[] = [P.activities, P.quotas, P.rep, P.activity, P.date, P.settings, P.team],
): FunctionSpec {
  return {
    name,
    params,
    output: 'broadcast',
    run(args, env) {
      const { activities, quotas, rep, activity, date, settings, team } = Object.fromEntries(
        params.map((param, i) => [param.name, args[i]]),
      );
      const call = prepare(env, { activities, quotas, settings, team });
      const asOfDefault = asOfDay(call.book.settings, call.today);
      return broadcast({ rep, activity, date }, call.lang, (r, a, d) => {
        if (skipsBlank(r, a)) return '';
        const result = evaluate(
          call.book,
          ...subjectAndKey(call, r, a),
          argDay(call, 'date', d, asOfDefault),
          call.today,
        );
        return result ? (figure(result.progress, call.lang) ?? '') : noQuota(call.lang);
      });
    },
  };
}

/** ACTIVITY_TOTAL and ACTIVITY_CONVERSION: one figure for a subject and an activity over [start, end]. */
function spanFunction(
  name: string,
  activityParam: ParamSpec,
  figure: (call: Call, subject: Subject, activityKey: string, first: Day, last: Day) => number | undefined,
): FunctionSpec {
  return {
    name,
    params: [P.activities, P.rep, activityParam, P.start, P.end, P.team],
    output: 'broadcast',
    run([activities, rep, activity, start, end, team], env) {
      const call = prepare(env, { activities, team });
      const activityName = activityParam.name;
      return broadcast({ rep, [activityName]: activity, start, end }, call.lang, (r, a, s, e) => {
        if (skipsBlank(r, a)) return '';
        const [subject, key] = subjectAndKey(call, r, a, activityName);
        const first = argDay(call, 'start', s);
        const last = argDay(call, 'end', e);
        checkOrder(call, first, last);
        return figure(call, subject, key, first, last) ?? '';
      });
    },
  };
}

function statusLabel(progress: Progress, lang: Lang): string {
  return STRINGS[lang].statuses[progress.status];
}

export const CATALOGUE: readonly FunctionSpec[] = [
  spanFunction('ACTIVITY_TOTAL', P.activity, (call, subject, key, first, last) =>
    totalFor(call.book.log, subject, key, first, last, call.lang),
  ),
  progressFunction('QUOTA_TARGET', (progress) => progress.target, undefined, [
    P.quotas,
    P.rep,
    P.activity,
    P.date,
    P.team,
  ]),
  progressFunction('QUOTA_ATTAINMENT', (progress) => progress.attainment),
  progressFunction('QUOTA_PACE', (progress) => progress.pace),
  // With no quota in force the status says so; the numeric figures stay blank.
  progressFunction('QUOTA_STATUS', statusLabel, (lang) => STRINGS[lang].statuses.noQuota),
  progressFunction('QUOTA_REMAINING', (progress) => progress.remaining),
  progressFunction('QUOTA_FORECAST', (progress) => progress.forecast),
  {
    name: 'QUOTA_BOARD',
    params: [P.activities, P.quotas, P.date, P.settings, P.team],
    output: 'table',
    run([activities, quotas, date, settings, team], env) {
      const call = prepare(env, { activities, quotas, settings, team });
      const asOf = argDay(call, 'date', date, asOfDay(call.book.settings, call.today));
      const dateOf = (day: Day) => new Date(call.clock.startOf(day));
      return [
        boardHeader(call.lang),
        ...computeBoard(call.book, asOf, call.today).map((row) => boardCells(row, call.lang, dateOf)),
      ];
    },
  },
  spanFunction('ACTIVITY_CONVERSION', P.outcome, (call, subject, key, first, last) =>
    conversionFor(call.book.log, subject, key, first, last, call.lang),
  ),
];

/**
 * Runs a catalogue function as Sheets calls it. Trailing omitted arguments are
 * dropped; any failure becomes an `Error` whose message starts with the
 * function's name and says how to fix it, in the spreadsheet's language.
 */
export function callFunction(spec: FunctionSpec, args: readonly unknown[], env: Env): unknown {
  try {
    return spec.run(args, env);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(`${spec.name}: ${text}`);
  }
}
