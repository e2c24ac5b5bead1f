/**
 * Looking words up in all six languages, and saying things in one of them.
 */

import { fill } from '../fill';
import { nameKey } from '../text';
import { da } from './da';
import { en } from './en';
import { ko } from './ko';
import { ms } from './ms';
import { pl } from './pl';
import { ru } from './ru';
import {
  BUILTIN_ACTIVITIES,
  type BuiltinActivity,
  HEADER_KEYS,
  type HeaderKey,
  LANGUAGES,
  type Lang,
  langFromLocale,
  type MessageKey,
  ORDER_KEYS,
  type OrderKey,
  PACING_KEYS,
  type PacingKey,
  PERIOD_KINDS,
  type PeriodKind,
  SETTING_KEYS,
  type SettingKey,
  type Strings,
} from './types';

export { fill } from '../fill';
export * from './types';

export const STRINGS: Readonly<Record<Lang, Strings>> = { en, ms, ru, da, pl, ko };

/** A message in `lang`, its placeholders filled. */
export function message(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(STRINGS[lang].messages[key], params);
}

/**
 * A dictionary from every word of every language (and its aliases) to its key.
 * Built once per kind of word, on first use, so loading the bundle costs nothing.
 */
function dictionary<K extends string>(
  keys: readonly K[],
  table: 'headers' | 'periods' | 'activities' | 'settings' | 'pacing' | 'order',
): () => ReadonlyMap<string, K> {
  let built: Map<string, K> | undefined;
  return () => {
    if (built) return built;
    built = new Map();
    for (const lang of LANGUAGES) {
      const strings = STRINGS[lang];
      const words = strings[table] as Readonly<Record<K, string>>;
      const aliases = (strings.aliases as Record<string, Partial<Record<K, readonly string[]>>> | undefined)?.[table];
      for (const key of keys) {
        built.set(nameKey(words[key]), key);
        for (const alias of aliases?.[key] ?? []) built.set(nameKey(alias), key);
      }
    }
    return built;
  };
}

const headerWords = dictionary<HeaderKey>(HEADER_KEYS, 'headers');
const periodWords = dictionary<PeriodKind>(PERIOD_KINDS, 'periods');
const activityWords = dictionary<BuiltinActivity>(BUILTIN_ACTIVITIES, 'activities');
const settingWords = dictionary<SettingKey>(SETTING_KEYS, 'settings');
const pacingWords = dictionary<PacingKey>(PACING_KEYS, 'pacing');

export function headerKeyOf(text: string): HeaderKey | undefined {
  return headerWords().get(nameKey(text));
}

/** The period a word names (Week, Weekly, Неделя, 주 …). */
export function periodKindOf(text: string): PeriodKind | undefined {
  return periodWords().get(nameKey(text));
}

/** Every word for a built-in activity type (any language, its aliases), by name key. */
export const builtinActivityWords = activityWords;

/** The built-in activity type a name stands for, in any language. */
export function builtinActivityOf(text: string): BuiltinActivity | undefined {
  return activityWords().get(nameKey(text));
}

/** The setting a Settings key names. */
export function settingKeyOf(text: string): SettingKey | undefined {
  return settingWords().get(nameKey(text));
}

/** The pacing basis a word names. */
export function pacingOf(text: string): PacingKey | undefined {
  return pacingWords().get(nameKey(text));
}

const orderWords = dictionary<OrderKey>(ORDER_KEYS, 'order');

/** The board order a word names (Severity, Rep, 긴급도 …). */
export function orderOf(text: string): OrderKey | undefined {
  return orderWords().get(nameKey(text));
}

/** True for a yes word (Yes, Ja, Да …), false for a no word, in any language. */
export function yesNoOf(text: string): boolean | undefined {
  const word = nameKey(text);
  if (word === 'true') return true;
  if (word === 'false') return false;
  for (const lang of LANGUAGES) {
    if (nameKey(STRINGS[lang].yesNo.yes) === word) return true;
    if (nameKey(STRINGS[lang].yesNo.no) === word) return false;
  }
  return undefined;
}

/** The word for No in the language whose yes word `yes` is (FALSE when none is). */
export function noLike(yes: string): string {
  const word = nameKey(yes);
  const lang = LANGUAGES.find((code) => nameKey(STRINGS[code].yesNo.yes) === word);
  return lang ? STRINGS[lang].yesNo.no : 'FALSE';
}

/** Index of a name in any language's list (`weekdays`, `months`), or of its first three letters or more. */
function indexInLists(text: string, list: (strings: Strings) => readonly string[]): number | undefined {
  const word = nameKey(text);
  for (const lang of LANGUAGES) {
    const index = list(STRINGS[lang]).findIndex((name) => {
      const candidate = nameKey(name);
      return candidate === word || (word.length >= 3 && candidate.startsWith(word));
    });
    if (index >= 0) return index;
  }
  return undefined;
}

/** Index (0 = Monday) of a weekday name in any language, or of its first three letters. */
export function weekdayIndexOf(text: string): number | undefined {
  return indexInLists(text, (strings) => strings.weekdays);
}

/** Month number (1–12) of a month name in any language, or of its first three letters. */
export function monthNumberOf(text: string): number | undefined {
  const index = indexInLists(text, (strings) => strings.months);
  return index === undefined ? undefined : index + 1;
}

/** The language a setting value names: a code (`ko`) or a language's own name (`한국어`). */
export function langOf(text: string): Lang | undefined {
  const word = nameKey(text);
  for (const lang of LANGUAGES) {
    if (word === lang || word === nameKey(STRINGS[lang].languageName)) return lang;
  }
  const fromLocale = word.length > 2 && /^[a-z]{2}[-_]/.test(word) ? langFromLocale(word) : undefined;
  return fromLocale && word.startsWith(fromLocale) ? fromLocale : undefined;
}
