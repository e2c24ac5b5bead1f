import type { BoardWords } from './types';

export const ru: BoardWords = {
  progress: 'Прогресс',
  allReps: 'Все продавцы',
  byStatus: 'Продавцы по статусам',
  barsBlocked:
    'Без полос прогресса: в {cell} есть данные, записанные не Activity Quota, и они не тронуты. Освободите столбец {column} рядом с таблицей, чтобы их увидеть.',
};
