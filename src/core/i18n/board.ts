/**
 * The Status board's own words beyond the table headers: its Progress column
 * and its team block (SPEC §2 Status), in the six languages.
 */
import type { Lang } from './types';

export interface BoardWords {
  /** Header of the progress bar column. */
  progress: string;
  /** First cell of each team row: the sums are over every rep on the board. */
  allReps: string;
  /** Header of the team block's column that counts reps per status. */
  byStatus: string;
}

export const BOARD_WORDS: Readonly<Record<Lang, BoardWords>> = {
  en: { progress: 'Progress', allReps: 'All reps', byStatus: 'Reps by status' },
  ms: { progress: 'Kemajuan', allReps: 'Semua jurujual', byStatus: 'Jurujual mengikut status' },
  ru: { progress: 'Прогресс', allReps: 'Все продавцы', byStatus: 'Продавцы по статусам' },
  da: { progress: 'Fremdrift', allReps: 'Alle sælgere', byStatus: 'Sælgere efter status' },
  pl: { progress: 'Postęp', allReps: 'Wszyscy sprzedawcy', byStatus: 'Sprzedawcy według statusu' },
  ko: { progress: '진행 상황', allReps: '전체 영업 사원', byStatus: '상태별 영업 사원' },
};
