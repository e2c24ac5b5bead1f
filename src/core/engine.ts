/**
 * The quota engine: totals, the quota in force, progress, the status board and
 * conversion, over a workbook read once (SPEC §3).
 */
import type { Day } from './day';
import { type Lang, type PeriodKind, STRINGS } from './i18n';
import { type ActivityLog, isTooLarge, sumFor } from './log';
import { activityClassOf, activityLabel, compareActivityKeys, EVERYONE, repKeyOf } from './names';
import { type Period, periodOf, previousPeriod } from './periods';
import { type Problem, QuotaError } from './problems';
import { type Quota, type QuotaBook, quotaInForce } from './quotas';
import type { Settings } from './settings';
import { type Progress, progressOf } from './status';
import type { TeamBook } from './team';

export interface Workbook {
  log: ActivityLog;
  quotas: QuotaBook;
  team: TeamBook;
  settings: Settings;
  lang: Lang;
}

/** One rep, or a group: `*` (everyone) or a team from the Team table. */
export type Subject =
  | { kind: 'rep'; name: string; repKey: string }
  | { kind: 'group'; name: string; repKeys: readonly string[] };

/** Every rep the workbook knows, by key: team members, or else reps in the log; plus reps named in Quotas. */
export function knownReps(book: Pick<Workbook, 'log' | 'quotas' | 'team'>): Map<string, string> {
  const reps = new Map<string, string>();
  if (book.team.members.length > 0) {
    for (const member of book.team.members) if (!reps.has(member.repKey)) reps.set(member.repKey, member.rep);
  } else {
    for (const [key, name] of book.log.repNames) reps.set(key, name);
  }
  for (const [key, name] of book.quotas.namedReps) if (!reps.has(key)) reps.set(key, name);
  return reps;
}

/** What a rep argument names: `*` is everyone, a Team name its members, anything else one rep. */
export function resolveSubject(name: string, book: Pick<Workbook, 'log' | 'quotas' | 'team'>): Subject {
  const key = repKeyOf(name);
  if (key === EVERYONE) return { kind: 'group', name, repKeys: [...knownReps(book).keys()] };
  const team = book.team.teams.get(key);
  const isRep = book.team.members.some((member) => member.repKey === key) || book.log.repNames.has(key);
  if (team && !isRep) return { kind: 'group', name: team.name, repKeys: team.repKeys };
  return { kind: 'rep', name, repKey: key };
}

function membersOf(subject: Subject): readonly string[] {
  return subject.kind === 'rep' ? [subject.repKey] : subject.repKeys;
}

/** True when every figure is finite (an undefined one has nothing to show). */
function finite(figures: readonly (number | undefined)[]): boolean {
  return figures.every((figure) => figure === undefined || Number.isFinite(figure));
}

const figuresOf = (p: Progress) => [p.target, p.done, p.expected, p.attainment, p.pace, p.forecast];

/** Throws "too large to compute" unless every figure is finite: never Infinity or NaN (SPEC §8). */
function checkFinite(figures: (number | undefined)[], log: ActivityLog, rep: string, key: string, lang: Lang): void {
  if (finite(figures)) return;
  const activity = activityLabel(key, log.activityNames.get(key) ?? '', lang);
  throw new QuotaError({ key: 'totalTooLarge', params: { rep, activity } }, lang);
}

/** Sum of Quantity for a subject and an activity over [start, end]. */
export function totalFor(
  log: ActivityLog,
  subject: Subject,
  activityKey: string,
  start: Day,
  end: Day,
  lang: Lang = 'en',
): number {
  let total = 0;
  for (const repKey of membersOf(subject)) total += sumFor(log, repKey, activityKey, start, end);
  checkFinite([total], log, subject.name, activityKey, lang);
  return total;
}

export interface Evaluation {
  /** The quota rows in force (one for a rep; one per member with a quota for a group). */
  quotas: readonly Quota[];
  period: Period;
  progress: Progress;
}

/**
 * Progress of a subject on an activity for the period that contains `asOf`,
 * `today` being today in the spreadsheet's zone (SPEC §3 "the as-of moment").
 * Undefined when no quota is in force. For a group, Target and Done are summed
 * over the members that have a quota in force; their periods must agree.
 */
export function evaluate(
  book: Workbook,
  subject: Subject,
  activityKey: string,
  asOf: Day,
  today: Day,
): Evaluation | undefined {
  const inForce: { repKey: string; quota: Quota }[] = [];
  for (const repKey of membersOf(subject)) {
    const quota = quotaInForce(book.quotas, repKey, activityKey, asOf, book.settings);
    if (quota) inForce.push({ repKey, quota });
  }
  const first = inForce[0]?.quota;
  if (!first) return undefined;
  const kinds = new Set<PeriodKind>(inForce.map(({ quota }) => quota.kind));
  if (kinds.size > 1) {
    const periods = STRINGS[book.lang].periods;
    throw new QuotaError(
      {
        key: 'mixedPeriods',
        params: {
          rep: subject.name,
          activity: activityLabel(activityKey, first.activity, book.lang),
          periods: [...kinds].map((kind) => periods[kind]).join(', '),
        },
      },
      book.lang,
    );
  }
  const period = periodOf(asOf, first.kind, book.settings);
  let target = 0;
  let done = 0;
  for (const { repKey, quota } of inForce) {
    target += quota.target;
    done += sumFor(book.log, repKey, activityKey, period.start, asOf);
  }
  const progress = progressOf(target, done, period, asOf, book.settings, today);
  checkFinite(figuresOf(progress), book.log, subject.name, activityKey, book.lang);
  return { quotas: inForce.map(({ quota }) => quota), period, progress };
}

export interface BoardRow {
  rep: string;
  repKey: string;
  activity: string;
  activityKey: string;
  quota: Quota;
  period: Period;
  progress: Progress;
  /** The previous period's final result, when a quota of the same period was in force then. */
  last?: { period: Period; progress: Progress };
}

/**
 * One row per rep × quota in force on `asOf` (SPEC §2 Status), sorted by rep
 * then activity. A row whose figures are too large to compute is left out: its
 * problem (at the Quotas row) goes to `problems`, or is thrown without them; a
 * rep's activity too large to add up at all was listed by the log's reader.
 */
export function computeBoard(book: Workbook, asOf: Day, today: Day, problems?: Problem[]): BoardRow[] {
  const rows: BoardRow[] = [];
  const reps = [...knownReps(book)].sort((a, b) => a[1].localeCompare(b[1]));
  const activityKeys = [...book.quotas.byActivity.keys()].sort(compareActivityKeys);
  const periods = new Map<string, Period>();
  const periodFor = (day: Day, kind: PeriodKind) => {
    const key = `${kind}:${day}`;
    let period = periods.get(key);
    if (!period) {
      period = periodOf(day, kind, book.settings);
      periods.set(key, period);
    }
    return period;
  };
  for (const [repKey, rep] of reps) {
    const start = book.team.members.find((member) => member.repKey === repKey)?.startDate;
    if (start !== undefined && start > asOf) continue;
    for (const activityKey of activityKeys) {
      const quota = quotaInForce(book.quotas, repKey, activityKey, asOf, book.settings);
      if (!quota || isTooLarge(book.log, repKey, activityKey)) continue;
      const period = periodFor(asOf, quota.kind);
      const done = sumFor(book.log, repKey, activityKey, period.start, asOf);
      const row: BoardRow = {
        rep,
        repKey,
        activity: activityLabel(activityKey, quota.activity, book.lang),
        activityKey,
        quota,
        period,
        progress: progressOf(quota.target, done, period, asOf, book.settings, today),
      };
      const lastPeriod = previousPeriod(period, book.settings);
      const lastQuota = quotaInForce(book.quotas, repKey, activityKey, lastPeriod.end, book.settings);
      if (lastQuota && lastQuota.kind === quota.kind) {
        const lastDone = sumFor(book.log, repKey, activityKey, lastPeriod.start, lastPeriod.end);
        row.last = {
          period: lastPeriod,
          progress: progressOf(lastQuota.target, lastDone, lastPeriod, lastPeriod.end, book.settings, today),
        };
      }
      if (!finite([...figuresOf(row.progress), ...(row.last ? figuresOf(row.last.progress) : [])])) {
        const problem: Problem = { key: 'totalTooLarge', row: quota.row, params: { rep, activity: row.activity } };
        if (!problems) throw new QuotaError(problem, book.lang);
        problems.push(problem);
        continue;
      }
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Conversion (SPEC §3): the outcome's total ÷ the total of the efforts, for the
 * same reps and days. Efforts are every activity except the outcome itself,
 * Opportunities, and the sales figures (Revenue, Units). Undefined with no effort.
 */
export function conversionFor(
  log: ActivityLog,
  subject: Subject,
  outcomeKey: string,
  start: Day,
  end: Day,
  lang: Lang = 'en',
): number | undefined {
  let outcome = 0;
  let efforts = 0;
  for (const repKey of membersOf(subject)) {
    const byActivity = log.sums.get(repKey);
    if (!byActivity) continue;
    for (const activityKey of byActivity.keys()) {
      const total = sumFor(log, repKey, activityKey, start, end);
      if (activityKey === outcomeKey) outcome += total;
      else if (activityClassOf(activityKey) === 'effort') efforts += total;
    }
  }
  const ratio = efforts > 0 ? outcome / efforts : undefined;
  checkFinite([outcome, efforts, ratio], log, subject.name, outcomeKey, lang);
  return ratio;
}
