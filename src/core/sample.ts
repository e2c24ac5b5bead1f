/**
 * "Insert sample data": a small team whose month shows every status at once,
 * dated around today. Raj's month from SPEC §1 is the model. The quantities are
 * worked out from how much of each period has gone, so that each status shows
 * whatever today is (except on a weekend that starts a month, when nothing is
 * expected yet and the under-target quotas all read On track). As of today no
 * period is over (SPEC §3), so Missed shows in the "Last period" column.
 */
import type { Day } from './day';
import type { BuiltinActivity, Lang, PeriodKind } from './i18n';
import { STRINGS } from './i18n';
import { countPacingDays, elapsedShare, isWorkingDay, periodOf, previousPeriod } from './periods';
import type { Settings } from './settings';

interface SampleQuota {
  rep: string;
  activity: BuiltinActivity;
  kind: PeriodKind;
  target: number;
  /** Done as a multiple of Expected by today (Met quotas: of Target). */
  pace: number;
  meets?: boolean;
}

export const SAMPLE_TEAM: readonly (readonly [string, string, string])[] = [
  ['Raj', 'raj@example.com', 'East'],
  ['Mia', 'mia@example.com', 'East'],
  ['Tom', 'tom@example.com', 'West'],
  ['Ana', 'ana@example.com', 'West'],
];

const QUOTAS: readonly SampleQuota[] = [
  { rep: 'Raj', activity: 'calls', kind: 'month', target: 600, pace: 1.2 },
  { rep: 'Raj', activity: 'emails', kind: 'month', target: 800, pace: 0.85 },
  { rep: 'Raj', activity: 'socialContacts', kind: 'month', target: 50, pace: 1.1, meets: true },
  { rep: 'Raj', activity: 'opportunities', kind: 'month', target: 30, pace: 1.05 },
  { rep: 'Mia', activity: 'calls', kind: 'month', target: 600, pace: 0.5 },
  { rep: 'Mia', activity: 'demos', kind: 'day', target: 3, pace: 1 / 3 },
  { rep: 'Tom', activity: 'calls', kind: 'month', target: 600, pace: 1.0 },
  { rep: 'Tom', activity: 'meetings', kind: 'week', target: 10, pace: 1.2, meets: true },
  { rep: 'Ana', activity: 'revenue', kind: 'quarter', target: 60_000, pace: 0.9 },
  { rep: 'Ana', activity: 'statementsOfWork', kind: 'month', target: 12, pace: 0.6 },
];

export interface SampleData {
  team: unknown[][];
  /** Rep, Activity, Period, Target, From, To. */
  quotas: unknown[][];
  /** Date (a Day), Rep, Activity, Quantity, Notes, Logged by, Logged at, Entry ID. */
  activities: unknown[][];
}

/** Spreads `total` over the working days of [start, end] (all days when none is one). */
function spread(total: number, start: Day, end: Day, settings: Settings): [Day, number][] {
  const days: Day[] = [];
  for (let day = start; day <= end; day++) if (isWorkingDay(day, settings)) days.push(day);
  if (days.length === 0) for (let day = start; day <= end; day++) days.push(day);
  const each = Math.floor(total / days.length);
  let rest = total - each * days.length;
  return days.map((day) => {
    const extra = rest > 0 ? 1 : 0;
    rest -= extra;
    return [day, each + extra] as [Day, number];
  });
}

/** The sample team, quotas and log for a workbook whose as-of day is `today`. */
export function sampleData(today: Day, settings: Settings, lang: Lang): SampleData {
  const strings = STRINGS[lang];
  const activities: unknown[][] = [];
  let id = 0;
  const log = (day: Day, rep: string, activity: BuiltinActivity, quantity: number) => {
    if (quantity <= 0) return;
    id++;
    activities.push([day, rep, strings.activities[activity], quantity, '', 'sample', '', `sample-${id}`]);
  };
  for (const quota of QUOTAS) {
    const period = periodOf(today, quota.kind, settings);
    const expected = quota.target * elapsedShare(period, today, settings, today);
    const done = Math.round(quota.meets ? quota.target * quota.pace : expected * quota.pace);
    // What is done by now is spread over the days before today; a rep on pace has made a start today
    // too (Done counts today; Expected does not yet, SPEC §3), so on the first day of a month the
    // README's examples still give a figure.
    const before = today > period.start ? today - 1 : today;
    for (const [day, quantity] of spread(done, period.start, before, settings))
      log(day, quota.rep, quota.activity, quantity);
    if (!quota.meets && quota.pace >= 1 && (settings.pacing === 'calendar' || isWorkingDay(today, settings))) {
      const rate = quota.target / Math.max(1, countPacingDays(period.start, period.end, settings));
      log(today, quota.rep, quota.activity, Math.max(1, Math.round(rate * 0.4)));
    }
    // The period before, for the "Last period" column: a little short of the target on odd rows.
    const previous = previousPeriod(period, settings);
    const last = Math.round(quota.target * (activities.length % 2 === 0 ? 1.1 : 0.9));
    const lastDays = countPacingDays(previous.start, previous.end, settings) > 0;
    if (lastDays)
      for (const [day, quantity] of spread(last, previous.start, previous.end, settings))
        log(day, quota.rep, quota.activity, quantity);
  }
  activities.sort((a, b) => (a[0] as number) - (b[0] as number));
  return {
    team: SAMPLE_TEAM.map(([rep, email, team]) => [rep, email, team, '']),
    quotas: QUOTAS.map((q) => [q.rep, strings.activities[q.activity], strings.periods[q.kind], q.target, '', '']),
    activities,
  };
}
