/**
 * The Status board's own words beyond the table headers: its Progress column
 * and its team block (SPEC §2 Status), in the six languages.
 */
import type { Lang } from '../types';
import { da } from './da';
import { en } from './en';
import { ko } from './ko';
import { ms } from './ms';
import { pl } from './pl';
import { ru } from './ru';
import type { BoardWords } from './types';

export type { BoardWords } from './types';

export const BOARD_WORDS: Readonly<Record<Lang, BoardWords>> = { en, ms, ru, da, pl, ko };
