import type { PhoneStrings } from './types';

export const ms = {
  labels: {
    openForm: 'Aktiviti, kuantiti, tarikh atau nota lain…',
    notSaved: 'Tidak disimpan — cuba lagi: {quantity} {activity} untuk {rep}, {date}.',
    retry: 'Cuba lagi',
    loadFailed: 'Hamparan tidak dapat dicapai. Semak sambungan dan cuba lagi.',
    noSpreadsheet:
      'Halaman ini tidak disambungkan kepada hamparan: ia dilancarkan tanpa ID hamparan. Minta orang yang menyediakannya melancarkannya semula dengan ID hamparan pasukan.',
    noAccess:
      'Hamparan pasukan tidak dapat dibuka dengan akaun Google ini: ia tidak dikongsi dengan anda, atau ia sudah tiada. Minta pemiliknya berkongsi dengan anda, kemudian muat semula halaman ini.',
    signedInAs: 'Log masuk sebagai {user}.',
  },
  fields: {
    failed: 'Itu tidak berjaya, dan tiada apa-apa disimpan. Cuba lagi; jika masih gagal, muat semula halaman.',
    badId: 'Borang tidak menghantar ID entri; muat semula halaman dan cuba lagi.',
  },
} as const satisfies PhoneStrings;
