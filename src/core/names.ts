/**
 * Who and what: rep keys and activity keys, so that "Raj", " raj " and "RAJ"
 * are one rep, and "Calls", "Звонки" and "전화" are one activity type.
 */
import { readName } from './cells';
import { BUILTIN_ACTIVITIES, type BuiltinActivity, builtinActivityOf, type Lang, normalizeWord, STRINGS } from './i18n';

/** The rep key that means everyone (SPEC §2: `*` or blank in Quotas). */
export const EVERYONE = '*';

export function repKeyOf(name: string): string {
  return normalizeWord(name);
}

const CUSTOM = 'custom:';

/** A built-in type's own key (`calls`), or `custom:<name>` for any other name. */
export function activityKeyOf(name: string): string {
  return builtinActivityOf(name) ?? CUSTOM + normalizeWord(name);
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

/** A name cell read: the name as written (trimmed) and its key. */
export interface Named {
  name: string;
  key: string;
}

/**
 * Reads name cells (see `readName`) with their keys, each distinct cell value
 * once: a log repeats the same few names on every row, and normalising text is
 * the dearest step of reading a row. Undefined for a blank or non-name cell.
 */
export function nameReader(keyOf: (name: string) => string): (cell: unknown) => Named | undefined {
  const cache = new Map<unknown, Named>();
  return (cell) => {
    const hit = cache.get(cell);
    if (hit) return hit;
    const name = readName(cell);
    if (!name) return undefined;
    const named = { name, key: keyOf(name) };
    if (cache.size > 10_000) cache.clear();
    cache.set(cell, named);
    return named;
  };
}
