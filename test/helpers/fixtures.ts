/**
 * Workbooks used across the tests: Raj's month from SPEC §1 and a small team.
 *
 * September 2026 has 22 working days (Tue 1st … Wed 30th). Raj makes 150 calls,
 * writes 200 emails and contacts 50 people on social media; he has 30
 * opportunities by month end (30 / 400 = 7.5 % conversion).
 */
export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

export interface Fixture {
  activities: Grid;
  quotas: Grid;
  team: Grid;
  settings: Grid;
}

/** Working days of September 2026, as ISO dates. */
export function septemberWorkingDays(): string[] {
  const days: string[] = [];
  for (let d = 1; d <= 30; d++) {
    const iso = `2026-09-${String(d).padStart(2, '0')}`;
    const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(iso);
  }
  return days;
}

export const ACTIVITY_HEADER: Cell[] = [
  'Date',
  'Rep',
  'Activity',
  'Quantity',
  'Notes',
  'Logged by',
  'Logged at',
  'Entry ID',
];
export const QUOTA_HEADER: Cell[] = ['Rep', 'Activity', 'Period', 'Target', 'From', 'To'];
/** The header row of QUOTA_BOARD (SPEC §2), in English: the Status sheet's first twelve columns. */
export const BOARD_HEADER: Cell[] = [
  'Rep',
  'Activity',
  'Period',
  'Start',
  'End',
  'Target',
  'Done',
  'Attainment',
  'Expected',
  'Pace',
  'Status',
  'Last period',
];
/** The Status sheet's header row: SPEC §2's twelve columns, then the progress bars. */
export const STATUS_HEADER: Cell[] = [...BOARD_HEADER, 'Progress'];

/**
 * Raj's month and his team. `date` turns an ISO day into what the cell holds:
 * a `Date` of the right realm, or the ISO text itself for HyperFormula.
 */
export function rajMonth(date: (iso: string) => Cell = (iso) => iso): Fixture {
  const wd = septemberWorkingDays();
  const activities: Grid = [ACTIVITY_HEADER];
  const log = (iso: string, rep: string, activity: string, quantity: number) =>
    activities.push([date(iso), rep, activity, quantity, '', '', '', `${rep}-${activity}-${iso}`]);
  wd.forEach((iso, i) => {
    if (i < 15) log(iso, 'Raj', 'Calls', 10);
    if (i < 20) log(iso, 'Raj', 'Emails', 10);
    if (i < 10) log(iso, 'Raj', 'Social contacts', 5);
    if (i < 15) log(iso, 'Raj', 'Opportunities', 2);
    log(iso, 'Mia', 'Calls', 6);
    log(iso, 'Mia', 'Emails', 8);
    log(iso, 'Tom', 'Calls', 4);
    if (i < 5) log(iso, 'Tom', 'Opportunities', 1);
  });
  const quotas: Grid = [
    QUOTA_HEADER,
    ['*', 'Calls', 'Month', 120, null, null],
    ['Raj', 'Emails', 'Month', 250, null, null],
    ['*', 'Social contacts', 'Month', 40, null, null],
    ['*', 'Opportunities', 'Month', 25, null, null],
    ['Mia', 'Calls', 'Week', 30, null, null],
  ];
  const team: Grid = [
    ['Rep', 'Email', 'Team', 'Start date'],
    ['Raj', 'raj@example.com', 'East', null],
    ['Mia', 'mia@example.com', 'East', null],
    ['Tom', 'tom@example.com', 'West', null],
  ];
  const settings: Grid = [
    ['Key', 'Value'],
    ['Week start', 'Monday'],
    ['Fiscal year start', 'January'],
    ['Pacing', 'Working days'],
    ['Behind threshold', 0.75],
  ];
  return { activities, quotas, team, settings };
}
