import type { BoardWords } from './types';

export const pl: BoardWords = {
  progress: 'Postęp',
  allReps: 'Wszyscy sprzedawcy',
  byStatus: 'Sprzedawcy według statusu',
  barsBlocked:
    'Bez pasków postępu: {cell} zawiera dane, których Activity Quota nie zapisał, i zostają nietknięte. Opróżnij kolumnę {column} obok tabeli, aby je zobaczyć.',
};
