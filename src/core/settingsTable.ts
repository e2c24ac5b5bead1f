/**
 * The Settings table (key · value), read into {@link Settings}.
 */
import { displayCell, isBlank, readDay, readName, readNumber } from './cells';
import type { Day } from './day';
import {
  LANGUAGES,
  langOf,
  type MessageKey,
  monthNumberOf,
  orderOf,
  pacingOf,
  STRINGS,
  settingKeyOf,
  weekdayIndexOf,
  yesNoOf,
} from './i18n';
import type { Problem } from './problems';
import { forEachRow, type ReadOptions } from './rows';
import { DEFAULT_SETTINGS, type Settings, type WeekStart } from './settings';
import { cellOf, readTable, type TableSpec } from './table';

export const SETTINGS_SPEC: TableSpec = {
  name: 'settings',
  required: ['key', 'value'],
  example: 'QuotaSettings or Settings!A:C',
};

export interface SettingsRead {
  settings: Settings;
  problems: readonly Problem[];
}

/** Reads settings; unknown keys are left alone (they may be the user's own notes). */
export function readSettings(values: unknown, options: ReadOptions): SettingsRead {
  const table = readTable(values, SETTINGS_SPEC, options.lang);
  const problems: Problem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const holidays = new Set<Day>();
  const valueColumn = table.columns.get('value') ?? 1;
  const strings = STRINGS[options.lang];
  forEachRow(table, options, problems, (cells, row) => {
    const name = readName(cellOf(table, cells, 'key'));
    const key = name ? settingKeyOf(name) : undefined;
    const value = cellOf(table, cells, 'value');
    if (!key || (isBlank(value) && key !== 'holidays')) return undefined;
    const bad = (problem: MessageKey, choices = ''): Problem => ({
      key: problem,
      row,
      params: { row, value: displayCell(value, options.clock), choices },
    });
    const badDate = (column: string, cell: unknown): Problem => ({
      key: 'badDate',
      row,
      params: { table: table.spec.name, row, column, value: displayCell(cell, options.clock) },
    });
    switch (key) {
      case 'weekStart': {
        const monday0 = choice(value, weekdayIndexOf, 7);
        if (monday0 === undefined) return bad('badWeekStart');
        settings.weekStartsOn = ((monday0 + 1) % 7) as WeekStart;
        return undefined;
      }
      case 'fiscalYearStart': {
        const month0 = choice(value, (text) => (monthNumberOf(text) ?? 0) - 1, 12);
        if (month0 === undefined) return bad('badFiscalYearStart');
        settings.fiscalYearStartMonth = month0 + 1;
        return undefined;
      }
      case 'pacing': {
        const pacing = typeof value === 'string' ? pacingOf(value) : undefined;
        if (!pacing) return bad('badPacing', `${strings.pacing.workingDays}, ${strings.pacing.calendarDays}`);
        settings.pacing = pacing === 'workingDays' ? 'working' : 'calendar';
        return undefined;
      }
      case 'behindThreshold': {
        const number = readNumber(value);
        if (!(number >= 0 && number <= 1)) return bad('badThreshold');
        settings.behindThreshold = number;
        return undefined;
      }
      case 'language': {
        const lang = typeof value === 'string' ? langOf(value) : undefined;
        const choices = LANGUAGES.map((code) => `${code} (${STRINGS[code].languageName})`).join(', ');
        if (!lang) return bad('badLanguage', choices);
        settings.language = lang;
        return undefined;
      }
      case 'asOfDate': {
        const day = readDay(value, options.clock);
        if (day === undefined) return badDate(strings.settings.asOfDate, value);
        settings.asOfDate = day;
        return undefined;
      }
      case 'followToday': {
        const yes = typeof value === 'boolean' ? value : typeof value === 'string' ? yesNoOf(value) : undefined;
        if (yes === undefined) return bad('badChoice', `${strings.yesNo.yes}, ${strings.yesNo.no}`);
        settings.followToday = yes;
        return undefined;
      }
      case 'boardOrder': {
        const order = typeof value === 'string' ? orderOf(value) : undefined;
        if (!order) return bad('badChoice', `${strings.order.severity}, ${strings.order.rep}`);
        settings.boardOrder = order;
        return undefined;
      }
      case 'holidays': {
        for (const cell of cells.slice(valueColumn)) {
          if (isBlank(cell)) continue;
          const parts = typeof cell === 'string' ? cell.split(/[,;]/).filter((part) => part.trim() !== '') : [cell];
          for (const part of parts) {
            const day = readDay(part, options.clock);
            if (day === undefined) return badDate(strings.settings.holidays, part);
            holidays.add(day);
          }
        }
        return undefined;
      }
    }
  });
  settings.holidays = holidays;
  return { settings, problems };
}

/**
 * A zero-based choice among `count`: a name (read by `byName`) or a number from 1
 * to `count`. Undefined when it is neither.
 */
function choice(value: unknown, byName: (text: string) => number | undefined, count: number): number | undefined {
  const number = readNumber(value);
  if (Number.isNaN(number)) {
    const index = typeof value === 'string' ? byName(value) : undefined;
    return index !== undefined && index >= 0 ? index : undefined;
  }
  return Number.isInteger(number) && number >= 1 && number <= count ? number - 1 : undefined;
}
