/**
 * The add-on's own words in six languages, and sheet names in any of them.
 */
import { nameKey } from '../../text';
import { fill, LANGUAGES, type Lang } from '../index';
import { da } from './da';
import { en } from './en';
import { ko } from './ko';
import { ms } from './ms';
import { pl } from './pl';
import { ru } from './ru';
import { type AppStrings, type NoticeKey, SHEET_KINDS, type SheetKind } from './types';

export * from './types';

export const APP: Readonly<Record<Lang, AppStrings>> = { en, ms, ru, da, pl, ko };

/** A notice in `lang`, its placeholders filled. */
export function notice(lang: Lang, key: NoticeKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(APP[lang].notices[key], params);
}

/** The kind of sheet a sheet name means, in any language. */
export function sheetKindOf(name: string): SheetKind | undefined {
  const word = nameKey(name);
  for (const lang of LANGUAGES) {
    for (const kind of SHEET_KINDS) if (nameKey(APP[lang].sheets[kind]) === word) return kind;
  }
  return undefined;
}
