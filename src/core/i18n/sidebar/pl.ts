import type { SidebarStrings } from './types';

export const pl = {
  labels: {
    title: 'Zapisz aktywność',
    rep: 'Sprzedawca',
    activity: 'Aktywność',
    quantity: 'Ilość',
    date: 'Data',
    notes: 'Uwagi',
    log: 'Zapisz aktywność',
    logging: 'Zapisywanie…',
    quickAdd: 'Szybkie dodawanie',
    plusOne: '+1 {activity}',
    progress: 'Postęp',
    expectedMarker: 'Oczekiwane na dziś: {expected}',
    noQuotas: 'Sprzedawca {rep} nie ma dziś żadnego obowiązującego limitu.',
    recent: 'Ostatnie wpisy',
    noRecent: 'Nic jeszcze nie zapisano.',
    undo: 'Cofnij',
    undone: 'Usunięto wpis ({rep}): {activity} ({quantity}) z dnia {date}.',
    undoneKept:
      'Usunięto wpis ({rep}): {activity} ({quantity}) z dnia {date}. Wiersz zostaje ze względu na inne dane ({cells}).',
    logged: 'Zapisano: {activity} ({quantity}), sprzedawca: {rep}.',
    duplicate: 'To już zostało zapisane; niczego nie dodano drugi raz.',
    loading: 'Wczytywanie…',
    by: 'autor: {user}',
    burnUp: '{activity}, {period}, na dzień {date}: wykonano {done}, oczekiwane {expected}, cel {target}',
    done: 'Wykonano',
    expected: 'Oczekiwane',
  },
  fields: {
    required: 'Uzupełnij pole „{field}”.',
    notText: 'Pole „{field}” musi zawierać tekst.',
    notANumber: 'Pole „{field}” musi zawierać liczbę, na przykład 3.',
    notPositive: 'Wartość w polu „{field}” musi być większa od 0.',
    tooLarge: 'Wartość w polu „{field}” jest za duża; maksimum to {max}.',
    tooLong: 'Tekst w polu „{field}” jest za długi (liczba znaków: {length}, maksimum: {max}).',
    badDate: 'Pole „{field}” musi zawierać prawidłową datę, na przykład 2026-11-30.',
    futureDate: 'Pole „{field}” zawiera datę z przyszłości; zapisuj tylko to, co już zostało zrobione.',
    badId: 'Formularz nie przesłał identyfikatora wpisu; wczytaj ponownie panel boczny i spróbuj jeszcze raz.',
    tryAgain: 'Ktoś inny właśnie zapisuje dane. Niczego nie zapisano; spróbuj ponownie za chwilę.',
    failed:
      'Nie udało się i niczego nie zapisano. Spróbuj ponownie; jeśli błąd się powtarza, wczytaj ponownie panel boczny.',
    nothingToUndo: 'Nie masz wpisu, który można cofnąć.',
    undoGone: 'Tego wpisu nie ma już w dzienniku; nic nie usunięto.',
    undoNotYours: 'Tylko osoba, która dodała ten wpis, może go cofnąć; nic nie usunięto.',
    notSetUp:
      'Ten arkusz kalkulacyjny nie jest jeszcze przygotowany: najpierw wybierz „Przygotuj arkusze” w menu dodatku.',
    invisible: 'Pole „{field}” nic nie pokazuje: zawiera tylko spacje lub niewidoczne znaki. Wpisz nazwę.',
    totalTooLarge:
      'Suma {activity} dla {rep} byłaby za duża, by ją obliczyć. Nic nie zapisano; popraw zapisane ilości dla {rep}.',
  },
} as const satisfies SidebarStrings;
