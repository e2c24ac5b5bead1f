/**
 * The sidebar's list of activities (SPEC §5): the rep's quota activities first,
 * then the other known types (the built-in ones in the user's language, then
 * the names used in Quotas), each once by its activity key; and every name key
 * that means one of them (any language, aliases, any case), so that a name
 * typed under "Other…" is known for what the core will count it as.
 */
import { BUILTIN_ACTIVITIES, builtinActivityWords, type Lang, STRINGS } from './i18n';
import { activityKeyOf, activityLabel } from './names';
import { nameKey } from './text';

export interface ActivityChoices {
  /** The names offered, in order. */
  activities: string[];
  /** How many of the first are the rep's quota activities. */
  own: number;
  /** A listed name by the name key of every word that means it. */
  known: Record<string, string>;
}

export function activityChoices(own: readonly string[], quotas: readonly string[], lang: Lang): ActivityChoices {
  const byKey = new Map<string, string>();
  const add = (name: string) => {
    const key = activityKeyOf(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, activityLabel(key, name, lang));
  };
  own.forEach(add);
  const ownCount = byKey.size;
  for (const builtin of BUILTIN_ACTIVITIES) add(STRINGS[lang].activities[builtin]);
  quotas.forEach(add);
  const known: Record<string, string> = {};
  for (const name of byKey.values()) known[nameKey(name)] = name;
  for (const [word, key] of builtinActivityWords()) known[word] = byKey.get(key) ?? word;
  return { activities: [...byKey.values()], own: ownCount, known };
}
