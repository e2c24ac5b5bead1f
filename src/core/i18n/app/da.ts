import type { AppStrings } from './types';

export const da = {
  sheets: { activities: 'Aktiviteter', quotas: 'Kvoter', team: 'Team', settings: 'Indstillinger', status: 'Status' },
  menu: {
    openSidebar: 'Registrer aktivitet',
    setUp: 'Opsæt regneark',
    sampleData: 'Indsæt eksempeldata',
    refresh: 'Opdater status',
    dailyToggle: 'Slå daglig opdatering til/fra',
  },
  notices: {
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
