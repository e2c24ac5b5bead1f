/**
 * Words of the sidebar (SPEC §5): labels, buttons and the per-field messages of
 * `logActivity`. One file per language, each `satisfies SidebarStrings`.
 */
export const SIDEBAR_LABEL_KEYS = [
  'title',
  'rep',
  'activity',
  'quantity',
  'date',
  'notes',
  'log',
  'logging',
  'quickAdd',
  'plusOne',
  'progress',
  'expectedMarker',
  'noQuotas',
  'recent',
  'noRecent',
  'undo',
  'undone',
  'undoneKept',
  'logged',
  'duplicate',
  'loading',
  'by',
  'burnUp',
  'done',
  'expected',
  'other',
  'otherName',
  'quotaGroup',
  'typeGroup',
  'customNote',
  'knownNote',
] as const;
export type SidebarLabelKey = (typeof SIDEBAR_LABEL_KEYS)[number];

export const FIELD_MESSAGE_KEYS = [
  'required',
  'notANumber',
  'notText',
  'notPositive',
  'tooLarge',
  'tooLong',
  'badDate',
  'futureDate',
  'badId',
  'tryAgain',
  'failed',
  'nothingToUndo',
  'undoGone',
  'undoNotYours',
  'notSetUp',
  'invisible',
  'totalTooLarge',
  'badDecimal',
] as const;
export type FieldMessageKey = (typeof FIELD_MESSAGE_KEYS)[number];

export interface SidebarStrings {
  labels: Record<SidebarLabelKey, string>;
  fields: Record<FieldMessageKey, string>;
}
