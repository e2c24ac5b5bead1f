/**
 * The shape every language file fills in. A language file is a plain object
 * literal `satisfies Strings`, so the compiler refuses a missing key.
 */

/** The product's languages: English and the languages of the seed article. */
export const LANGUAGES = ['en', 'ms', 'ru', 'da', 'pl', 'ko'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The language of a locale such as `ko_KR`, `pl-PL` or `en`; English when it is not ours. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const code = String(locale ?? '')
    .slice(0, 2)
    .toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Lang) : 'en';
}

/** Every column header the add-on reads or writes, across all its sheets. */
export const HEADER_KEYS = [
  'date',
  'rep',
  'activity',
  'quantity',
  'notes',
  'loggedBy',
  'loggedAt',
  'entryId',
  'period',
  'target',
  'from',
  'to',
  'email',
  'team',
  'startDate',
  'key',
  'value',
  'start',
  'end',
  'done',
  'attainment',
  'expected',
  'pace',
  'status',
  'lastPeriod',
  'forecast',
  'remaining',
] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];

export const STATUS_KEYS = ['met', 'onTrack', 'behind', 'atRisk', 'missed', 'noQuota'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Built-in activity types (SPEC §2), in the order forms and boards list them. */
export const BUILTIN_ACTIVITIES = [
  'calls',
  'emails',
  'socialContacts',
  'meetings',
  'demos',
  'statementsOfWork',
  'opportunities',
  'revenue',
  'units',
] as const;
export type BuiltinActivity = (typeof BUILTIN_ACTIVITIES)[number];

/** Keys of the Settings sheet. */
export const SETTING_KEYS = [
  'weekStart',
  'fiscalYearStart',
  'pacing',
  'holidays',
  'behindThreshold',
  'language',
  'asOfDate',
  'followToday',
  'boardOrder',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Values the pacing setting accepts. */
export const PACING_KEYS = ['workingDays', 'calendarDays'] as const;
export type PacingKey = (typeof PACING_KEYS)[number];

/** Orders of the Status board's rows: who needs attention first, or by rep. */
export const ORDER_KEYS = ['severity', 'rep'] as const;
export type OrderKey = (typeof ORDER_KEYS)[number];

/**
 * Message templates. `{name}` is replaced by the parameter of that name.
 * Every message says what is wrong and how to fix it.
 */
export const MESSAGE_KEYS = [
  'tableNotRange',
  'tableEmpty',
  'missingColumn',
  'duplicateColumn',
  'blankCell',
  'badNumber',
  'negativeNumber',
  'badDate',
  'badPeriod',
  'fromAfterTo',
  'argNotDate',
  'argNotName',
  'startAfterEnd',
  'shapeMismatch',
  'mixedPeriods',
  'badWeekStart',
  'badFiscalYearStart',
  'badPacing',
  'badThreshold',
  'badLanguage',
  'badChoice',
  'badTimeZone',
  'tooLarge',
  'rowTooLarge',
  'totalTooLarge',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

export interface Strings {
  /** The language's own name, in that language. */
  languageName: string;
  /** The seed article's term for "activity quota" in this language. */
  activityQuota: string;
  headers: Record<HeaderKey, string>;
  statuses: Record<StatusKey, string>;
  periods: Record<PeriodKind, string>;
  activities: Record<BuiltinActivity, string>;
  settings: Record<SettingKey, string>;
  pacing: Record<PacingKey, string>;
  order: Record<OrderKey, string>;
  /** The words a yes/no setting accepts besides a ticked or empty checkbox. */
  yesNo: { yes: string; no: string };
  /** Monday first. */
  weekdays: readonly [string, string, string, string, string, string, string];
  /** January first. */
  months: readonly [string, string, string, string, string, string, string, string, string, string, string, string];
  messages: Record<MessageKey, string>;
  /**
   * Extra words recognised when reading (never written): e.g. "Weekly" for Week.
   * Lower-case is not required; matching ignores case.
   */
  aliases?: {
    periods?: Partial<Record<PeriodKind, readonly string[]>>;
    headers?: Partial<Record<HeaderKey, readonly string[]>>;
    activities?: Partial<Record<BuiltinActivity, readonly string[]>>;
    settings?: Partial<Record<SettingKey, readonly string[]>>;
  };
}
