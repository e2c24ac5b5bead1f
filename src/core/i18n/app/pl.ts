import type { AppStrings } from './types';

export const pl = {
  sheets: { activities: 'Aktywności', quotas: 'Limity', team: 'Zespół', settings: 'Ustawienia', status: 'Status' },
  archive: 'Archiwum',
  menu: {
    openSidebar: 'Zapisz aktywność',
    setUp: 'Przygotuj arkusze',
    sampleData: 'Wstaw przykładowe dane',
    refresh: 'Odśwież status',
    dailyToggle: 'Włącz/wyłącz codzienne odświeżanie',
    compact: 'Kompaktuj dziennik…',
  },
  notices: {
    compactAsk:
      'Zsumować wpisy sprzed którego dnia (RRRR-MM-DD)? Zostaw puste, aby użyć {date}, początku poprzedniego kwartału. Wpisy jednego dnia dla jednego sprzedawcy i aktywności staną się jednym wierszem z ich sumą; oryginalne wiersze zostaną najpierw skopiowane do arkusza archiwum.',
    compactBadDate: '„{value}” nie jest dniem sprzed dzisiaj: wpisz go jako RRRR-MM-DD. Niczego nie zmieniono.',
    compacted: 'Zsumowano {entries} wpisów w {rows} wierszy; oryginały są w arkuszu {sheet}.',
    compactNothing:
      'Nie ma czego kompaktować: żaden dzień przed {date} nie ma więcej niż jednego wpisu dla tego samego sprzedawcy i aktywności. Niczego nie zmieniono.',
    compactKept: 'Wiersze sprzed {date} ({count}) zostają bez zmian: mają coś obok wpisu albo nie da się ich odczytać.',
    rolledUp: 'Zsumowane wpisy: {count}',
    archiveTitle: 'Wiersze zsumowane przez Kompaktuj dziennik, skopiowane tutaj bez zmian.',
    busy: 'Ktoś inny właśnie zapisuje dane. Niczego nie zmieniono; spróbuj ponownie za chwilę.',
    setUpBoth:
      'Przygotowanie: utworzono arkusze: {created}; dodano brakujące kolumny w arkuszach: {sheets}. Istniejące dane pozostały bez zmian.',
    setUpCompleted:
      'Przygotowanie: dodano brakujące kolumny w arkuszach: {sheets}. Istniejące dane pozostały bez zmian.',
    setUpCreated: 'Przygotowano arkusze, utworzono: {created}. Istniejące dane pozostały nienaruszone.',
    setUpNothing: 'Arkusze są już przygotowane; niczego nie zmieniono.',
    sampleInserted:
      'Dodano przykładowe dane (sprzedawcy: {reps}, wiersze aktywności: {rows}, limity: {quotas}) z datami w okolicach {today}.',
    sampleNotEmpty:
      'Przykładowe dane można wstawić tylko do pustego pliku: arkusz {sheet} zawiera już dane, więc niczego nie dodano.',
    refreshed: 'Odświeżono status na dzień {date} (wiersze: {rows}).',
    refreshProblems: 'Pominięte wiersze: {count}; ich listę znajdziesz pod tabelą w arkuszu {sheet}.',
    problemsTitle: 'Pominięte wiersze',
    problemRow: '{sheet}, wiersz {row}: {message}',
    boardCut:
      'Tabela ucięta w wierszu {row}: {cell} zawiera dane, których Activity Quota nie zapisał, i zostają nietknięte. Przenieś je, aby zobaczyć wszystkie wiersze ({rows}).',
    duplicateQuota:
      'zakres limitów, wiersz {row}: ten sam sprzedawca, aktywność i daty co w wierszu {other}; obowiązuje niższy wiersz, więc usuń jeden z nich',
    missingSheet: 'Nie ma jeszcze arkusza {sheet}: najpierw wybierz „{setUp}”.',
    dailyOn:
      'Codzienne odświeżanie jest włączone: każdego ranka data stanu zmienia się na dzisiejszą, a tabela statusu jest tworzona od nowa.',
    dailyOff: 'Codzienne odświeżanie jest wyłączone.',
    dailyOffOther:
      'Codzienne odświeżanie jest wyłączone. Włączył(a) je {owner}; ten wyzwalacz zatrzyma się sam przy następnym uruchomieniu.',
    dailyOffSomeone:
      'Codzienne odświeżanie jest wyłączone. Włączył je inny użytkownik; ten wyzwalacz zatrzyma się sam przy następnym uruchomieniu.',
    failed: 'Nie udało się: {message}. Możesz bezpiecznie spróbować ponownie.',
  },
} as const satisfies AppStrings;
