/** A runtime with the real dist/Code.js loaded, and fixtures turned into its cells. */
import { TZDate } from '@date-fns/tz';
import { AppsScriptRuntime, type RuntimeOptions } from '../../src/local/runtime';
import type { Cell, Grid } from './fixtures';

/**
 * The instant most tests pin their runtime's clock to: Wednesday 18 November
 * 2026, noon in Seoul (03:00 UTC). No test reads the machine's clock.
 */
export const NOV18 = Date.parse('2026-11-18T03:00:00Z');

/** A runtime with a sheet in Seoul, English; `now` is required, so every test pins its clock. */
export function runtime(options: RuntimeOptions): AppsScriptRuntime {
  return new AppsScriptRuntime({ timeZone: 'Asia/Seoul', locale: 'en_US', ...options });
}

/**
 * A function for fixtures: an ISO day becomes the `Date` Sheets would pass for a
 * date cell — midnight of that day in the spreadsheet's zone, of the runtime's realm.
 */
export function sheetDate(rt: AppsScriptRuntime): (iso: string) => Cell {
  return (iso) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return rt.date(new TZDate(y, m - 1, d, rt.spreadsheet.timeZone).getTime());
  };
}

/** Empty cells as Apps Script passes them: `""`. */
export function asAppsScript(grid: Grid): unknown[][] {
  return grid.map((row) => row.map((cell) => (cell === null ? '' : cell)));
}
