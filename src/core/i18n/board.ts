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
  /** An older, twelve-column board whose next column holds a user's data: written without its bars. */
  barsBlocked: string;
}

export const BOARD_WORDS: Readonly<Record<Lang, BoardWords>> = {
  en: {
    progress: 'Progress',
    allReps: 'All reps',
    byStatus: 'Reps by status',
    barsBlocked:
      'No progress bars: {cell} holds data Activity Quota did not write, and it is left as it is. Empty column {column} beside the board to see them.',
  },
  ms: {
    progress: 'Kemajuan',
    allReps: 'Semua jurujual',
    byStatus: 'Jurujual mengikut status',
    barsBlocked:
      'Tiada bar kemajuan: {cell} mengandungi data yang tidak ditulis oleh Activity Quota, dan ia dibiarkan. Kosongkan lajur {column} di sebelah papan status untuk melihatnya.',
  },
  ru: {
    progress: 'Прогресс',
    allReps: 'Все продавцы',
    byStatus: 'Продавцы по статусам',
    barsBlocked:
      'Без полос прогресса: в {cell} есть данные, записанные не Activity Quota, и они не тронуты. Освободите столбец {column} рядом с таблицей, чтобы их увидеть.',
  },
  da: {
    progress: 'Fremdrift',
    allReps: 'Alle sælgere',
    byStatus: 'Sælgere efter status',
    barsBlocked:
      'Ingen fremdriftsbjælker: {cell} indeholder data, som Activity Quota ikke har skrevet, og de bliver stående. Tøm kolonne {column} ved siden af oversigten for at se dem.',
  },
  pl: {
    progress: 'Postęp',
    allReps: 'Wszyscy sprzedawcy',
    byStatus: 'Sprzedawcy według statusu',
    barsBlocked:
      'Bez pasków postępu: {cell} zawiera dane, których Activity Quota nie zapisał, i zostają nietknięte. Opróżnij kolumnę {column} obok tabeli, aby je zobaczyć.',
  },
  ko: {
    progress: '진행 상황',
    allReps: '전체 영업 사원',
    byStatus: '상태별 영업 사원',
    barsBlocked:
      '진행 막대 없음: {cell}에 Activity Quota가 쓰지 않은 데이터가 있어 그대로 둡니다. 막대를 보려면 현황표 옆 {column}열을 비우세요.',
  },
};
