/** The sidebar's words in six languages. */
import { fill, type Lang } from '../index';
import { en } from './en';
import type { FieldMessageKey, SidebarStrings } from './types';

export * from './types';

export const SIDEBAR: Readonly<Record<Lang, SidebarStrings>> = { en, ms: en, ru: en, da: en, pl: en, ko: en };

/** A field message in `lang`, its placeholders filled. */
export function fieldMessage(
  lang: Lang,
  key: FieldMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(SIDEBAR[lang].fields[key], params);
}
