import type { BoardWords } from './types';

export const en: BoardWords = {
  progress: 'Progress',
  allReps: 'All reps',
  byStatus: 'Reps by status',
  barsBlocked:
    'No progress bars: {cell} holds data Activity Quota did not write, and it is left as it is. Empty column {column} beside the board to see them.',
};
