import type { AppStrings } from './types';

export const da = {
  sheets: { activities: 'Aktiviteter', quotas: 'Kvoter', team: 'Team', settings: 'Indstillinger', status: 'Status' },
  archive: 'Arkiv',
  menu: {
    openSidebar: 'Registrer aktivitet',
    setUp: 'Opsæt regneark',
    sampleData: 'Indsæt eksempeldata',
    refresh: 'Opdater status',
    dailyToggle: 'Slå daglig opdatering til/fra',
    compact: 'Komprimer loggen…',
  },
  notices: {
    compactAsk:
      'Saml posterne dateret før hvilken dag (ÅÅÅÅ-MM-DD)? Lad feltet stå tomt for {date}, starten af det forrige kvartal. Hver dags poster for én sælger og aktivitet bliver til én række med deres sum; de oprindelige rækker kopieres først til et arkivark.',
    compactBadDate: '"{value}" er ikke en dag før i dag: skriv den som ÅÅÅÅ-MM-DD. Intet blev ændret.',
    compacted: '{entries} poster samlet i {rows} rækker; originalerne ligger i {sheet}.',
    compactNothing:
      'Intet at komprimere: ingen dag før {date} har mere end én post for samme sælger og aktivitet. Intet blev ændret.',
    compactKept:
      '{count} rækker før {date} bliver stående: de indeholder noget ved siden af posten, eller de kan ikke læses.',
    rolledUp: '{count} poster samlet',
    archiveTitle: 'Rækker samlet af Komprimer loggen, kopieret hertil som de var.',
    busy: 'En anden gemmer lige nu. Intet blev ændret; prøv igen om et øjeblik.',
    setUpBoth:
      'Opsætning: oprettede {created} og tilføjede de manglende kolonner i {sheets}. Eksisterende data er ikke ændret.',
    setUpCompleted: 'Opsætning: de manglende kolonner er tilføjet i {sheets}. Eksisterende data er ikke ændret.',
    setUpCreated: 'Opsætning: oprettede {created}. Eksisterende data blev ikke ændret.',
    setUpNothing: 'Regnearket er allerede sat op; intet blev ændret.',
    sampleInserted:
      'Eksempeldata tilføjet: {reps} sælgere, {rows} aktivitetsrækker og {quotas} kvoter, dateret omkring {today}.',
    sampleNotEmpty:
      'Eksempeldata kan kun indsættes i et tomt regneark: arket {sheet} indeholder allerede data, så intet blev tilføjet.',
    refreshed: 'Status opdateret pr. {date}: {rows} rækker.',
    refreshProblems: '{count} rækker blev sprunget over; se listen under oversigten på arket {sheet}.',
    problemsTitle: 'Rækker sprunget over',
    problemRow: '{sheet}, række {row}: {message}',
    boardCut:
      'Oversigten er afkortet ved række {row}: {cell} indeholder data, som Activity Quota ikke har skrevet, og de bliver stående. Flyt dem for at se alle {rows} rækker.',
    duplicateQuota:
      'kvoteområdet, række {row}: samme sælger, aktivitet og datoer som række {other}; den nederste række gælder, så slet en af dem',
    missingSheet: 'Arket {sheet} findes ikke endnu: vælg først "{setUp}".',
    dailyOn:
      'Daglig opdatering er slået til: hver morgen flyttes opgørelsesdatoen til i dag, og statusoversigten bygges op på ny.',
    dailyOff: 'Daglig opdatering er slået fra.',
    dailyOffOther:
      'Daglig opdatering er slået fra. {owner} havde slået den til; den udløser stopper af sig selv ved næste kørsel.',
    dailyOffSomeone:
      'Daglig opdatering er slået fra. En anden bruger havde slået den til; den udløser stopper af sig selv ved næste kørsel.',
    failed: 'Det lykkedes ikke: {message}. Du kan roligt prøve igen.',
  },
} as const satisfies AppStrings;
