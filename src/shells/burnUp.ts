/**
 * The burn-up series in document properties (a web app: its script's, host.ts) (src/core/burnUp.ts): written
 * whole by a refresh (which reads the log anyway), moved one step by an entry
 * or undo (one property read, one write), read once by the sidebar.
 */
import { type BurnUp, burnUpOf, keptSeries, moveSeries, parseSeries, SERIES_KEY, type Series } from '../core/burnUp';
import type { Day } from '../core/day';
import type { BoardRow } from '../core/engine';
import type { EntryDelta } from '../core/keptBoard';
import type { ActivityLog } from '../core/log';
import type { Settings } from '../core/settings';
import { keptProperties } from './host';

const properties = keptProperties;

/** Keeps every board row's series (a refresh's); a rep no longer on the board loses its own. */
export function keepSeries(log: ActivityLog, board: readonly BoardRow[], asOf: Day): void {
  const store = properties();
  const next = keptSeries(log, board, asOf);
  for (const key of store.getKeys()) if (key.startsWith(SERIES_KEY) && !(key in next)) store.deleteProperty(key);
  store.setProperties(next);
}

/** Moves the step of `delta`'s day in the series of the board row it changed. */
export function moveKeptSeries(row: BoardRow, delta: EntryDelta): void {
  const store = properties();
  const key = SERIES_KEY + row.repKey;
  const series = parseSeries(store.getProperty(key));
  if (moveSeries(series, row, delta.day, delta.quantity)) store.setProperty(key, JSON.stringify(series));
}

/** The charts of one rep's board rows as of `asOf`: the rep's series read once, at the first row. */
export function burnUpReader(asOf: Day, settings: Settings): (row: BoardRow) => BurnUp | undefined {
  let series: Series | undefined;
  return (row) => {
    series = series ?? parseSeries(properties().getProperty(SERIES_KEY + row.repKey));
    return burnUpOf(row, series[row.activityKey], asOf, settings);
  };
}
