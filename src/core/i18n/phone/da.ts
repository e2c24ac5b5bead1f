import type { PhoneStrings } from './types';

export const da = {
  labels: {
    openForm: 'En anden aktivitet, antal, dato eller note…',
    notSaved: 'Ikke gemt — prøv igen: {quantity} {activity} for {rep}, {date}.',
    retry: 'Prøv igen',
    loadFailed: 'Regnearket kunne ikke nås. Tjek forbindelsen, og prøv igen.',
    noSpreadsheet:
      'Denne side er ikke forbundet med et regneark: den blev udrullet uden regnearkets id. Bed den, der satte den op, om at udrulle den igen med id’et for teamets regneark.',
    noAccess:
      'Teamets regneark kan ikke åbnes med denne Google-konto: det er ikke delt med dig, eller det findes ikke længere. Bed ejeren om at dele det med dig, og genindlæs så siden.',
    signedInAs: 'Logget ind som {user}.',
  },
  fields: {
    failed: 'Det lykkedes ikke, og intet blev gemt. Prøv igen; hvis det bliver ved med at fejle, så genindlæs siden.',
    badId: 'Formularen sendte intet post-id; genindlæs siden, og prøv igen.',
  },
} as const satisfies PhoneStrings;
