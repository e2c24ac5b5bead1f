/**
 * The catalogue of bad input (helpers/catalogue.ts), custom functions given bad
 * tables and names: missing, doubled or blank columns, overlapping quotas,
 * unknown reps and activities, other languages, sheets renamed or deleted.
 */
import { fill, PERIOD_KINDS, STRINGS } from '../../src/core/i18n';
import { type Case, exactly } from '../helpers/catalogue';
import { DATE, fn, PERIOD, plus, QUANTITY, SEP1, SEP30, set, TARGET } from '../helpers/catalogueFunctions';

export const FUNCTION_TABLE_CASES: Case[] = [
  // Missing, duplicated or renamed columns.
  fn(
    'missing, duplicated or renamed column',
    'no Rep column',
    'QUOTA_TARGET',
    (t) => [t.quotas.map((row) => row.slice(1)), 'Raj', 'Calls', SEP30(t)],
    /the quotas range has no "Rep" column \(found: Activity, Period, Target, From, To\); add a "Rep" header to its first row$/,
  ),
  fn(
    'missing, duplicated or renamed column',
    'Target and Quota (the same column twice)',
    'QUOTA_ATTAINMENT',
    (t) => [t.log, t.quotas.map((row, i) => [...row, i === 0 ? 'Quota' : row[TARGET]]), 'Raj', 'Calls', SEP30(t)],
    /the quotas range has two "Target" columns \(Target, Quota\); rename or remove one of them$/,
  ),
  fn(
    'missing, duplicated or renamed column',
    'Quantity renamed "How many"',
    'ACTIVITY_TOTAL',
    (t) => [set(t.log, 0, QUANTITY, 'How many'), 'Raj', 'Calls', SEP1(t), SEP30(t)],
    /the activities range has no "Quantity" column \(found: Date, Rep, Activity, How many, Notes, Logged by, Logged at, Entry ID\); add a "Quantity" header to its first row$/,
  ),
  fn(
    'missing, duplicated or renamed column',
    'a team range without a Rep column',
    'QUOTA_STATUS',
    (t) => [t.log, t.quotas, 'East', 'Emails', SEP30(t), '', set(t.team, 0, 0, 'Person')],
    /the team range has no "Rep" column \(found: Person, Email, Team, Start date\); add a "Rep" header/,
  ),
  fn(
    'missing, duplicated or renamed column',
    'a settings range without a Key column',
    'QUOTA_BOARD',
    (t) => [
      t.log,
      t.quotas,
      SEP30(t),
      [
        ['Setting name', 'Value'],
        ['Week start', 'Monday'],
      ],
    ],
    /the settings range has no "Key" column \(found: Setting name, Value\); add a "Key" header to its first row$/,
  ),
  fn(
    'missing, duplicated or renamed column',
    'two Date columns',
    'QUOTA_BOARD',
    (t) => [t.log.map((row) => [...row, row[DATE]]), t.quotas, SEP30(t)],
    /the activities range has two "Date" columns \(Date, Date\); rename or remove one of them$/,
  ),

  // Merged or blank header cells: a merged header reads as its first cell, the others blank.
  fn(
    'merged or blank header cells',
    'Activity merged over Period',
    'QUOTA_STATUS',
    (t) => [t.log, set(t.quotas, 0, PERIOD, ''), 'Raj', 'Calls', SEP30(t)],
    /the quotas range has no "Period" column \(found: Rep, Activity, Target, From, To\); add a "Period" header to its first row$/,
  ),
  fn(
    'merged or blank header cells',
    'a blank header row',
    'QUOTA_BOARD',
    (t) => [t.log.map((row, i) => (i === 0 ? row.map(() => '') : row)), t.quotas, SEP30(t)],
    /the activities range is empty; pass it with its header row, for example ActivityLog or Activities!A:H$/,
  ),
  fn(
    'merged or blank header cells',
    'a header row of spaces',
    'QUOTA_TARGET',
    (t) => [t.quotas.map((row, i) => (i === 0 ? row.map(() => '   ') : row)), 'Raj', 'Calls', SEP30(t)],
    /the quotas range is empty; pass it with its header row, for example QuotaTable or Quotas!A:F$/,
  ),
  fn(
    'merged or blank header cells',
    'the range starts below the header',
    'QUOTA_ATTAINMENT',
    (t) => [t.log.slice(1), t.quotas, 'Raj', 'Calls', SEP30(t)],
    /the activities range has no "Date" column \(found: .*\); add a "Date" header to its first row$/,
  ),

  // Overlapping quotas, From after To.
  fn(
    'overlapping quotas, From after To',
    'From after To',
    'QUOTA_TARGET',
    (t) => [
      plus(t.quotas, ['Raj', 'Demos', 'Week', 3, t.d('2026-10-01'), t.d('2026-09-01')]),
      'Raj',
      'Demos',
      SEP30(t),
    ],
    /the quotas range, row 7: "From" \(2026-10-01\) is after "To" \(2026-09-01\); swap the two dates$/,
  ),
  fn(
    'overlapping quotas, From after To',
    'a team whose Calls quotas have different periods',
    'QUOTA_ATTAINMENT',
    (t) => [t.log, t.quotas, 'East', 'Calls', SEP30(t), '', t.team],
    /"East" covers reps whose Calls quotas have different periods \(Month, Week\); give them the same period, or ask for each rep$/,
  ),
  fn(
    'overlapping quotas, From after To',
    'everyone ("*") with different periods',
    'QUOTA_PACE',
    (t) => [t.log, t.quotas, '*', 'Calls', SEP30(t)],
    /"\*" covers reps whose Calls quotas have different periods \(Month, Week\); give them the same period/,
  ),

  // Unknown reps and activities: not errors, but said plainly.
  fn(
    'unknown rep or activity',
    'a rep nobody has heard of',
    'QUOTA_STATUS',
    (t) => [t.log, t.quotas, 'Nobody', 'Emails', SEP30(t), '', t.team],
    /^No quota$/,
    { returns: true },
  ),
  fn(
    'unknown rep or activity',
    'an activity nobody logs',
    'QUOTA_STATUS',
    (t) => [t.log, t.quotas, 'Raj', 'Teleportation', SEP30(t)],
    /^No quota$/,
    { returns: true },
  ),
  fn(
    'unknown rep or activity',
    'a team name without the team range',
    'QUOTA_STATUS',
    (t) => [t.log, t.quotas, 'West', 'Demos', SEP30(t)],
    /^No quota$/,
    { returns: true },
  ),

  // Unicode names, and messages in the spreadsheet's language.
  fn(
    'Unicode names and languages',
    'Korean spreadsheet, no Target column',
    'QUOTA_ATTAINMENT',
    (t) => [t.log, t.quotas.map((row) => row.slice(0, 3)), 'Raj', 'Calls', SEP30(t)],
    exactly(
      `QUOTA_ATTAINMENT: ${fill(STRINGS.ko.messages.missingColumn, { table: 'quotas', column: STRINGS.ko.headers.target, found: [STRINGS.ko.headers.rep, STRINGS.ko.headers.activity, STRINGS.ko.headers.period].join(', ') })}`,
    ),
    { locale: 'ko_KR' },
  ),
  fn(
    'Unicode names and languages',
    'Russian spreadsheet, "вчера" as date',
    'QUOTA_STATUS',
    (t) => [t.log, t.quotas, 'Raj', 'Calls', 'вчера'],
    exactly(`QUOTA_STATUS: ${fill(STRINGS.ru.messages.argNotDate, { arg: 'date', value: 'вчера' })}`),
    { locale: 'ru_RU' },
  ),
  fn(
    'Unicode names and languages',
    'Polish spreadsheet, an unknown period',
    'QUOTA_TARGET',
    (t) => [plus(t.quotas, ['Łucja', 'Demos', 'Dwutygodniowo', 3, '', '']), 'Łucja', 'Demos', SEP30(t)],
    exactly(
      `QUOTA_TARGET: ${fill(STRINGS.pl.messages.badPeriod, { table: 'quotas', row: 7, value: 'Dwutygodniowo', periods: PERIOD_KINDS.map((p) => STRINGS.pl.periods[p]).join(', ') })}`,
    ),
    { locale: 'pl_PL' },
  ),
  fn(
    'Unicode names and languages',
    'a Korean rep with "많이" as Target',
    'QUOTA_TARGET',
    (t) => [plus(t.quotas, ['민수', 'Calls', 'Week', '많이', '', '']), '민수', 'Calls', SEP30(t)],
    /the quotas range, row 7, column "Target": "많이" is not a number; type a number such as 25$/,
  ),
  fn(
    'Unicode names and languages',
    'a Cyrillic team with mixed periods',
    'QUOTA_REMAINING',
    (t) => [
      t.log,
      t.quotas,
      'Отдел продаж',
      'Calls',
      SEP30(t),
      '',
      t.team.map((row, i) => (i === 0 ? row : [row[0], row[1], 'Отдел продаж', row[3]])),
    ],
    /"Отдел продаж" covers reps whose Calls quotas have different periods \(Month, Week\)/,
  ),
  fn(
    'Unicode names and languages',
    'Polish headers, a blank Cel',
    'QUOTA_TARGET',
    (t) => [
      [
        [STRINGS.pl.headers.rep, STRINGS.pl.headers.activity, STRINGS.pl.headers.period, STRINGS.pl.headers.target],
        ['Łucja', 'Połączenia', 'Tydzień', ''],
      ],
      'Łucja',
      'Calls',
      SEP30(t),
    ],
    /the quotas range, row 2: "Cel" is blank; fill it in or delete the row$/,
  ),

  // A sheet someone renamed or deleted, typed as text instead of a range.
  fn(
    'sheet renamed or deleted',
    'a renamed sheet typed as text',
    'QUOTA_BOARD',
    (t) => ['Log 2026!A:H', t.quotas, SEP30(t)],
    /activities must be a range with its header row, for example ActivityLog or Activities!A:H$/,
  ),
  fn(
    'sheet renamed or deleted',
    'an empty range where a sheet was',
    'ACTIVITY_TOTAL',
    (t) => [[['']], 'Raj', 'Calls', SEP1(t), SEP30(t)],
    /the activities range is empty; pass it with its header row/,
  ),
];
