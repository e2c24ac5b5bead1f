/**
 * Six languages (SPEC §7): each complete, each message keeping its placeholders,
 * and no word that means two different things when headers are recognised.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_ACTIVITIES,
  builtinActivityOf,
  HEADER_KEYS,
  headerKeyOf,
  LANGUAGES,
  langFromLocale,
  MESSAGE_KEYS,
  PERIOD_KINDS,
  periodKindOf,
  SETTING_KEYS,
  STRINGS,
  type Strings,
  settingKeyOf,
} from '../src/core/i18n';
import { nameKey } from '../src/core/text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every (word → key) a dictionary would hold; a word may appear only with one key. */
function collisions(pick: (s: Strings) => [string, string][]): string[] {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const lang of LANGUAGES) {
    for (const [key, word] of pick(STRINGS[lang])) {
      const w = nameKey(word);
      const earlier = seen.get(w);
      if (earlier !== undefined && earlier !== key) clashes.push(`${lang}: "${word}" is ${key} and ${earlier}`);
      seen.set(w, key);
    }
  }
  return clashes;
}

const withAliases = <K extends string>(words: Record<K, string>, aliases: Partial<Record<K, readonly string[]>> = {}) =>
  [
    ...Object.entries(words),
    ...Object.entries(aliases).flatMap(([key, list]) => ((list as string[]) ?? []).map((w) => [key, w])),
  ] as [string, string][];

describe('languages', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s is a real translation, with every message', (lang) => {
    const s = STRINGS[lang];
    expect(s).not.toBe(STRINGS.en);
    for (const key of MESSAGE_KEYS) {
      expect(s.messages[key], key).not.toBe(STRINGS.en.messages[key]);
      expect(placeholders(s.messages[key]), `${lang} ${key}`).toEqual(placeholders(STRINGS.en.messages[key]));
    }
    for (const key of HEADER_KEYS) expect(s.headers[key].trim(), key).not.toBe('');
    expect(s.weekdays).toHaveLength(7);
    expect(s.months).toHaveLength(12);
  });

  it('uses the seed articles’ own terms for "activity quota"', () => {
    expect(STRINGS.ms.activityQuota).toBe('Kuota aktiviti');
    expect(STRINGS.ru.activityQuota).toBe('Квота активности');
    expect(STRINGS.da.activityQuota).toBe('Aktivitetskvote');
    expect(STRINGS.pl.activityQuota).toBe('Limit aktywności');
    expect(STRINGS.ko.activityQuota).toBe('활동 할당량');
  });

  it('has no word meaning two headers, periods, activity types or settings', () => {
    expect(collisions((s) => withAliases(s.headers, s.aliases?.headers))).toEqual([]);
    expect(collisions((s) => withAliases(s.periods, s.aliases?.periods))).toEqual([]);
    expect(collisions((s) => withAliases(s.activities, s.aliases?.activities))).toEqual([]);
    expect(collisions((s) => withAliases(s.settings, s.aliases?.settings))).toEqual([]);
  });

  it('recognises every language’s words back', () => {
    for (const lang of LANGUAGES) {
      const s = STRINGS[lang];
      for (const key of HEADER_KEYS) expect(headerKeyOf(s.headers[key].toUpperCase()), `${lang} ${key}`).toBe(key);
      for (const key of PERIOD_KINDS) expect(periodKindOf(` ${s.periods[key]} `), `${lang} ${key}`).toBe(key);
      for (const key of BUILTIN_ACTIVITIES) expect(builtinActivityOf(s.activities[key]), `${lang} ${key}`).toBe(key);
      for (const key of SETTING_KEYS) expect(settingKeyOf(s.settings[key]), `${lang} ${key}`).toBe(key);
    }
  });

  it('picks the language from a locale, English as fallback', () => {
    expect(langFromLocale('ko_KR')).toBe('ko');
    expect(langFromLocale('pl-PL')).toBe('pl');
    expect(langFromLocale('ms')).toBe('ms');
    expect(langFromLocale('da_DK')).toBe('da');
    expect(langFromLocale('ru')).toBe('ru');
    expect(langFromLocale('de_DE')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });
});
