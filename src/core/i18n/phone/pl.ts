import type { PhoneStrings } from './types';

export const pl = {
  labels: {
    openForm: 'Inna aktywność, liczba, data lub notatka…',
    notSaved: 'Nie zapisano — spróbuj ponownie: {quantity} {activity} dla {rep}, {date}.',
    retry: 'Spróbuj ponownie',
    loadFailed: 'Nie udało się połączyć z arkuszem. Sprawdź połączenie i spróbuj ponownie.',
    noSpreadsheet:
      'Ta strona nie jest połączona z arkuszem: wdrożono ją bez identyfikatora arkusza. Poproś osobę, która ją konfigurowała, o ponowne wdrożenie z identyfikatorem arkusza zespołu.',
    noAccess:
      'Arkusza zespołu nie można otworzyć na tym koncie Google: nie jest Ci udostępniony albo już nie istnieje. Poproś właściciela o udostępnienie, a potem wczytaj stronę ponownie.',
    signedInAs: 'Zalogowano jako {user}.',
  },
  fields: {
    failed: 'Nie udało się i nic nie zapisano. Spróbuj ponownie; jeśli błąd się powtarza, wczytaj stronę ponownie.',
    badId: 'Formularz nie przesłał identyfikatora wpisu; wczytaj stronę ponownie i spróbuj jeszcze raz.',
  },
} as const satisfies PhoneStrings;
