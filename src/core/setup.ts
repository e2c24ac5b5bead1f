/**
 * "Set up workbook" (SPEC §2) as a plan: which sheets to adopt, which to create,
 * which headers to add. Pure; the shell carries it out. Nothing a user wrote is
 * ever overwritten or moved: a sheet is adopted only when it is the add-on's own
 * (SPEC §2): a named range of ours points to it, or its header row has the
 * sheet's required columns in any order and language. A sheet that only shares
 * a name (a user's own "Status") is never adopted: ours gets a free name.
 * Missing headers are only ever added in empty cells to the right.
 */

import { BOARD_COLUMNS } from './board';
import { isBlank } from './cells';
import type { Day } from './day';
import { type HeaderKey, headerKeyOf, type Lang, type SettingKey, STRINGS, settingKeyOf } from './i18n';
import { APP, SHEET_KINDS, type SheetKind } from './i18n/app';

/** Each sheet's columns, in the order setup writes them (SPEC §2). */
export const SHEET_COLUMNS: Readonly<Record<SheetKind, readonly HeaderKey[]>> = {
  activities: ['date', 'rep', 'activity', 'quantity', 'notes', 'loggedBy', 'loggedAt', 'entryId'],
  quotas: ['rep', 'activity', 'period', 'target', 'from', 'to'],
  team: ['rep', 'email', 'team', 'startDate'],
  settings: ['key', 'value'],
  status: BOARD_COLUMNS,
};

/** Columns a sheet must have to be adopted as that kind by its headers alone. */
const REQUIRED: Readonly<Record<SheetKind, readonly HeaderKey[]>> = {
  activities: ['date', 'rep', 'activity', 'quantity'],
  quotas: ['rep', 'activity', 'period', 'target'],
  team: ['rep', 'email'],
  settings: ['key', 'value'],
  status: ['rep', 'activity', 'status', 'attainment'],
};

/** The named range that marks each table (SPEC §2 names the first two; the rest are ours). */
export const TABLE_NAMES: Readonly<Record<Exclude<SheetKind, 'status'>, string>> = {
  activities: 'ActivityLog',
  quotas: 'QuotaTable',
  team: 'TeamTable',
  settings: 'QuotaSettings',
};
export const AS_OF_NAME = 'AsOfDate';
/** The named range over the block the board wrote last time: all the board owns (SPEC §2). */
export const BOARD_NAME = 'StatusBoard';

/** The named range that marks a kind of sheet as ours. */
export function rangeNameOf(kind: SheetKind): string {
  return kind === 'status' ? BOARD_NAME : TABLE_NAMES[kind];
}

export interface SheetSnapshot {
  name: string;
  /** Row 1 as it is. */
  header: readonly unknown[];
  /** Names of the named ranges that point into this sheet. */
  namedRanges: readonly string[];
}

export interface SetupStep {
  kind: SheetKind;
  /** The sheet's name: existing when adopted, in `lang` when created. */
  sheet: string;
  created: boolean;
  /** Headers to write at `firstColumn` (1-based) of row 1; empty when none are missing. */
  headers: string[];
  firstColumn: number;
  /** The full header row after setup, to find columns by. */
  columns: HeaderKey[];
}

function headerKeys(header: readonly unknown[]): (HeaderKey | undefined)[] {
  return header.map((cell) => (isBlank(cell) ? undefined : headerKeyOf(String(cell))));
}

/** The kind of table a header row holds the required columns of, if any. */
export function kindOfHeader(header: readonly unknown[]): SheetKind | undefined {
  const keys = new Set(headerKeys(header));
  return BY_HEADER.find((kind) => REQUIRED[kind].every((key) => keys.has(key)));
}

/** The board first: its header also holds the Quotas columns (Rep, Activity, Period, Target). */
const BY_HEADER: readonly SheetKind[] = ['status', 'activities', 'quotas', 'team', 'settings'];

/** Which kind of our sheets a sheet is, if any: by our named range, else by its header. Never by its name. */
export function identifySheet(sheet: SheetSnapshot): SheetKind | undefined {
  return SHEET_KINDS.find((kind) => sheet.namedRanges.includes(rangeNameOf(kind))) ?? kindOfHeader(sheet.header);
}

/** `base`, or `base 2`, `base 3`… : the first that is not taken. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** The plan: one step per kind of sheet, in SPEC order. */
export function planSetup(sheets: readonly SheetSnapshot[], lang: Lang): SetupStep[] {
  const found = new Map<SheetKind, SheetSnapshot>();
  for (const sheet of sheets) {
    const kind = identifySheet(sheet);
    if (kind && !found.has(kind)) found.set(kind, sheet);
  }
  const taken = new Set(sheets.map((s) => s.name));
  return SHEET_KINDS.map((kind) => {
    const wanted = SHEET_COLUMNS[kind];
    const existing = found.get(kind);
    if (!existing) {
      const name = freeName(APP[lang].sheets[kind], taken);
      taken.add(name);
      return {
        kind,
        sheet: name,
        created: true,
        headers: wanted.map((key) => STRINGS[lang].headers[key]),
        firstColumn: 1,
        columns: [...wanted],
      };
    }
    const keys = headerKeys(existing.header);
    const missing = wanted.filter((key) => !keys.includes(key));
    let width = existing.header.length;
    while (width > 0 && isBlank(existing.header[width - 1])) width--;
    const columns = keys.slice(0, width).map((key) => key ?? ('' as HeaderKey));
    return {
      kind,
      sheet: existing.name,
      created: false,
      headers: missing.map((key) => STRINGS[lang].headers[key]),
      firstColumn: width + 1,
      columns: [...columns, ...missing],
    };
  });
}

/** The Settings rows setup writes on a new Settings sheet: SPEC §2's defaults, in `lang`. */
export function defaultSettingsRows(lang: Lang, today: Day): [string, unknown][] {
  const s = STRINGS[lang];
  return [
    [s.settings.weekStart, s.weekdays[0]],
    [s.settings.fiscalYearStart, s.months[0]],
    [s.settings.pacing, s.pacing.workingDays],
    [s.settings.behindThreshold, 0.75],
    [s.settings.holidays, ''],
    [s.settings.language, ''],
    [s.settings.asOfDate, today],
    [s.settings.followToday, true],
    [s.settings.boardOrder, s.order.severity],
  ];
}

/**
 * Where a setting's value is in a Settings table read whole from A1: its row and
 * column (1-based), found by the header's key and value columns and the key's
 * name in any language. Undefined when the table has no such row.
 */
export function settingPosition(
  values: readonly (readonly unknown[])[],
  setting: SettingKey,
): { row: number; column: number } | undefined {
  const keys = headerKeys(values[0] ?? []);
  const keyColumn = keys.indexOf('key');
  const valueColumn = keys.indexOf('value');
  if (keyColumn < 0 || valueColumn < 0) return undefined;
  const index = values.findIndex((row, i) => i > 0 && settingKeyOf(String(row[keyColumn] ?? '')) === setting);
  return index < 0 ? undefined : { row: index + 1, column: valueColumn + 1 };
}

/** Where the As-of date's value is: see {@link settingPosition}. */
export function asOfPosition(values: readonly (readonly unknown[])[]): { row: number; column: number } | undefined {
  return settingPosition(values, 'asOfDate');
}
