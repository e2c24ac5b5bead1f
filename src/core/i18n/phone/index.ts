/** The phone page's words in six languages (the rest are the sidebar's). */
import type { Lang } from '../types';
import { da } from './da';
import { en } from './en';
import { ko } from './ko';
import { ms } from './ms';
import { pl } from './pl';
import { ru } from './ru';
import type { PhoneStrings } from './types';

export * from './types';

export const PHONE: Readonly<Record<Lang, PhoneStrings>> = { en, ms, ru, da, pl, ko };
