/** The sidebar's words in six languages. */
import { fill, type Lang } from '../index';
import { da } from './da';
import { en } from './en';
import { ko } from './ko';
import { ms } from './ms';
import { pl } from './pl';
import { ru } from './ru';
import type { FieldMessageKey, SidebarStrings } from './types';

export * from './types';

export const SIDEBAR: Readonly<Record<Lang, SidebarStrings>> = { en, ms, ru, da, pl, ko };

/** A field message in `lang`, its placeholders filled. */
export function fieldMessage(
  lang: Lang,
  key: FieldMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(SIDEBAR[lang].fields[key], params);
}
