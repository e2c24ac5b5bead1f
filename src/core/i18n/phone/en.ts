import type { PhoneStrings } from './types';

export const en = {
  labels: {
    openForm: 'Another activity, quantity, date or note…',
    notSaved: 'Not saved — try again: {quantity} {activity} for {rep}, {date}.',
    retry: 'Try again',
    loadFailed: 'The spreadsheet could not be reached. Check the connection and try again.',
    noSpreadsheet:
      "This page is not connected to a spreadsheet: it was deployed without the spreadsheet's id. Ask whoever set it up to deploy it again with the id of the team's spreadsheet.",
    noAccess:
      "The team's spreadsheet cannot be opened with this Google account: it is not shared with you, or it no longer exists. Ask its owner to share it with you, then reload this page.",
    signedInAs: 'Signed in as {user}.',
  },
  fields: {
    failed: 'That did not work, and nothing was saved. Try again; if it keeps failing, reload the page.',
    badId: 'The form sent no entry id; reload the page and try again.',
  },
} as const satisfies PhoneStrings;
