/**
 * Words of the phone page (SPEC §5b), beside the sidebar's, which it also
 * uses: its own buttons, the entry kept on screen when a send fails, and the
 * web app's checks when it opens the team's spreadsheet. `fields` rewords the
 * sidebar's messages that name the sidebar. One file per language, each
 * `satisfies PhoneStrings`.
 */
import type { FieldMessageKey } from '../sidebar/types';

export const PHONE_LABEL_KEYS = [
  'openForm',
  'notSaved',
  'retry',
  'loadFailed',
  'noSpreadsheet',
  'noAccess',
  'signedInAs',
] as const;
export type PhoneLabelKey = (typeof PHONE_LABEL_KEYS)[number];

/** The sidebar's messages the phone words its own way ("reload the page", not "the sidebar"). */
export const PHONE_FIELD_KEYS = ['failed', 'badId'] as const satisfies readonly FieldMessageKey[];

export interface PhoneStrings {
  labels: Record<PhoneLabelKey, string>;
  fields: Record<(typeof PHONE_FIELD_KEYS)[number], string>;
}
