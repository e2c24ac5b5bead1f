import type { BoardWords } from './types';

export const da: BoardWords = {
  progress: 'Fremdrift',
  allReps: 'Alle sælgere',
  byStatus: 'Sælgere efter status',
  barsBlocked:
    'Ingen fremdriftsbjælker: {cell} indeholder data, som Activity Quota ikke har skrevet, og de bliver stående. Tøm kolonne {column} ved siden af oversigten for at se dem.',
};
