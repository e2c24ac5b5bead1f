import type { BoardWords } from './types';

export const ms: BoardWords = {
  progress: 'Kemajuan',
  allReps: 'Semua jurujual',
  byStatus: 'Jurujual mengikut status',
  barsBlocked:
    'Tiada bar kemajuan: {cell} mengandungi data yang tidak ditulis oleh Activity Quota, dan ia dibiarkan. Kosongkan lajur {column} di sebelah papan status untuk melihatnya.',
};
