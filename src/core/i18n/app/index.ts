/** The add-on's own words in six languages. */
import { fill, type Lang } from '../index';
import { da } from './da';
import { en } from './en';
import { ko } from './ko';
import { ms } from './ms';
import { pl } from './pl';
import { ru } from './ru';
import type { AppStrings, NoticeKey } from './types';

export * from './types';

export const APP: Readonly<Record<Lang, AppStrings>> = { en, ms, ru, da, pl, ko };

/** A notice in `lang`, its placeholders filled. */
export function notice(lang: Lang, key: NoticeKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(APP[lang].notices[key], params);
}
