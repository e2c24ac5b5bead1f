/**
 * What the add-on remembers of the board it wrote: a fingerprint of the board's
 * cells and of everything it was computed from besides the log (the small
 * tables, the as-of day and whether it is today, the language, the time zone),
 * in a document property (a web app: its script's, host.ts).
 * When it matches, the board is exactly what a full refresh would write.
 */
import type { Day } from '../core/day';
import type { Lang } from '../core/i18n';
import { fingerprint } from '../core/keptBoard';
import { keptProperties } from './host';

/** Document property: the fingerprint of the board as last written. */
export const BOARD_KEY = 'activityQuota.board';

/**
 * The small tables a board is computed from, as read, and how many rows the log
 * has: a log grown or cut by anything but the add-on's own entries and undos
 * (another script, an import) makes the board one the next entry refreshes whole.
 */
export interface SmallTables {
  quotas?: unknown[][];
  team?: unknown[][];
  settings?: unknown[][];
  logRows: number;
}

/** The parts a board's fingerprint is made of, in order. */
export function boardParts(
  small: SmallTables,
  asOf: Day,
  today: Day,
  lang: Lang,
  timeZone: string,
  block: readonly (readonly unknown[])[],
): unknown[] {
  return [
    small.quotas ?? [],
    small.team ?? [],
    small.settings ?? [],
    small.logRows,
    asOf,
    asOf === today,
    lang,
    timeZone,
    block,
  ];
}

/** Stores the fingerprint of a board just written (or forgets it, for a board that could not be written whole). */
export function rememberBoard(parts: unknown[] | undefined): void {
  const properties = keptProperties();
  if (parts) properties.setProperty(BOARD_KEY, fingerprint(parts));
  else properties.deleteProperty(BOARD_KEY);
}

/** The fingerprint stored with the board, if any. */
export function storedBoard(): string | null {
  return keptProperties().getProperty(BOARD_KEY);
}
