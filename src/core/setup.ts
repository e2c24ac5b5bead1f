/**
 * "Set up workbook" (SPEC §2) as a plan: which sheets to adopt, which to create,
 * which headers to add. Pure; the shell carries it out. Nothing a user wrote is
 * ever overwritten or moved: a sheet is adopted when a named range points to it,
 * when its name means that sheet in any language, or when its header row has the
 * sheet's required columns in any order and language; missing headers are only
 * ever added in empty cells to the right.
 */

import { BOARD_COLUMNS } from './board';
import { isBlank } from './cells';
import type { Day } from './day';
import { type HeaderKey, headerKeyOf, type Lang, STRINGS } from './i18n';
import { APP, SHEET_KINDS, type SheetKind, sheetKindOf } from './i18n/app';

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

/** Which kind of our sheets a sheet is, if any. */
export function identifySheet(sheet: SheetSnapshot): SheetKind | undefined {
  for (const kind of SHEET_KINDS) {
    if (kind !== 'status' && sheet.namedRanges.includes(TABLE_NAMES[kind])) return kind;
  }
  const byName = sheetKindOf(sheet.name);
  if (byName) return byName;
  const keys = new Set(headerKeys(sheet.header));
  return SHEET_KINDS.find((kind) => REQUIRED[kind].every((key) => keys.has(key)));
}

/** The plan: one step per kind of sheet, in SPEC order. */
export function planSetup(sheets: readonly SheetSnapshot[], lang: Lang): SetupStep[] {
  const taken = new Set<string>();
  const found = new Map<SheetKind, SheetSnapshot>();
  for (const sheet of sheets) {
    const kind = identifySheet(sheet);
    if (kind && !found.has(kind)) {
      found.set(kind, sheet);
      taken.add(sheet.name);
    }
  }
  return SHEET_KINDS.map((kind) => {
    const wanted = SHEET_COLUMNS[kind];
    const existing = found.get(kind);
    if (!existing) {
      let name = APP[lang].sheets[kind];
      const names = new Set(sheets.map((s) => s.name));
      for (let n = 2; names.has(name); n++) name = `${APP[lang].sheets[kind]} ${n}`;
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
  ];
}
