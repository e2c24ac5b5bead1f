/**
 * Who and what: rep keys and activity keys, so that "Raj", " raj ", "RAJ" and
 * "Raj" with an invisible character are one rep, and "Calls", "Звонки" and
 * "전화" are one activity type (see {@link nameKey}).
 */
import { readName } from './cells';
import { BUILTIN_ACTIVITIES, type BuiltinActivity, builtinActivityOf, type Lang, STRINGS } from './i18n';
import { nameKey } from './text';

/** The rep key that means everyone (SPEC §2: `*` or blank in Quotas). */
export const EVERYONE = '*';

/** A rep's key; `""` for a name that shows nothing. */
export function repKeyOf(name: string): string {
  return nameKey(name);
}

const CUSTOM = 'custom:';

/** A built-in type's own key (`calls`), `custom:<name>` for any other name, `""` for one that shows nothing. */
export function activityKeyOf(name: string): string {
  const key = nameKey(name);
  // A key is its own key, so the dictionary is asked with it.
  return key === '' ? '' : (builtinActivityOf(key) ?? CUSTOM + key);
}

function builtinOfKey(key: string): BuiltinActivity | undefined {
  return key.startsWith(CUSTOM) ? undefined : (key as BuiltinActivity);
}

/**
 * How an activity counts (SPEC §1): efforts lead to sales; Opportunities are an
 * outcome; Revenue and Units are sales figures, money or units rather than actions.
 */
export type ActivityClass = 'effort' | 'outcome' | 'sales';

export function activityClassOf(key: string): ActivityClass {
  const builtin = builtinOfKey(key);
  if (builtin === 'opportunities') return 'outcome';
  if (builtin === 'revenue' || builtin === 'units') return 'sales';
  return 'effort';
}

/** The name to show: a built-in type in the reader's language, a custom type as first written. */
export function activityLabel(key: string, written: string, lang: Lang): string {
  const builtin = builtinOfKey(key);
  return builtin ? STRINGS[lang].activities[builtin] : written;
}

/** Sort order: built-in types in SPEC order, then custom types by name. */
export function compareActivityKeys(a: string, b: string): number {
  const ia = BUILTIN_ACTIVITIES.indexOf(a as BuiltinActivity);
  const ib = BUILTIN_ACTIVITIES.indexOf(b as BuiltinActivity);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Memoises a string function over repeated inputs: logs repeat names on every row. */
export function memo(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = fn(text);
      if (cache.size > 10_000) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}

/** A name cell read: the name as written (trimmed), its key, and how many rows used it. */
export interface Named {
  readonly name: string;
  readonly key: string;
  /** This reading's number, 0, 1, 2… in the order first read: an index for arrays. */
  readonly id: number;
  /** Rows counted by the reader's user (see {@link NameReader.count}). */
  rows: number;
}

/**
 * Reads name cells (see `readName`) with their keys, each distinct cell value
 * once: a log repeats the same few names on every row, and normalising text is
 * the dearest step of reading a row. The same cell value gives the same
 * {@link Named} object, so callers can count on it and index arrays by its id.
 */
export class NameReader {
  private readonly cache = new Map<unknown, Named>();
  private readonly all: Named[] = [];

  constructor(private readonly keyOf: (name: string) => string) {}

  /** The name in a cell, or undefined for a blank, invisible or non-name cell. */
  read(cell: unknown): Named | undefined {
    const hit = this.cache.get(cell);
    if (hit) return hit;
    const name = readName(cell);
    const key = name ? this.keyOf(name) : '';
    // Blank, or only invisible characters: no name.
    if (!name || key === '') return undefined;
    const named: Named = { name, key, id: this.all.length, rows: 0 };
    // Many distinct values (long free text): stop remembering rather than grow without bound.
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cell, named);
    this.all.push(named);
    return named;
  }

  /** Each key's spelling that most rows use, ties going to the first in code-point order. */
  mostUsed(): Map<string, string> {
    const counts = new Map<string, Map<string, number>>();
    for (const { key, name, rows } of this.all) {
      if (rows === 0) continue;
      let byName = counts.get(key);
      if (!byName) {
        byName = new Map();
        counts.set(key, byName);
      }
      byName.set(name, (byName.get(name) ?? 0) + rows);
    }
    const names = new Map<string, string>();
    for (const [key, byName] of counts) {
      let best = '';
      let most = 0;
      for (const [name, n] of byName) {
        if (n > most || (n === most && name < best)) {
          best = name;
          most = n;
        }
      }
      names.set(key, best);
    }
    return names;
  }
}
