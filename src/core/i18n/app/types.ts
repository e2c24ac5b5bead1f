/**
 * Words of the add-on's own surfaces: sheet names, the menu, and what it tells
 * the user after an action. One file per language, each `satisfies AppStrings`.
 */
export const SHEET_KINDS = ['activities', 'quotas', 'team', 'settings', 'status'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const MENU_KEYS = ['openSidebar', 'setUp', 'sampleData', 'refresh', 'dailyToggle', 'compact'] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export const NOTICE_KEYS = [
  'setUpCreated',
  'setUpCompleted',
  'setUpBoth',
  'setUpNothing',
  'sampleInserted',
  'sampleNotEmpty',
  'refreshed',
  'refreshProblems',
  'problemsTitle',
  'problemRow',
  'boardCut',
  'duplicateQuota',
  'missingSheet',
  'dailyOn',
  'dailyOff',
  'dailyOffOther',
  'dailyOffSomeone',
  'failed',
  'compactAsk',
  'compactBadDate',
  'compacted',
  'compactNothing',
  'compactKept',
  'rolledUp',
  'archiveTitle',
  'busy',
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

export interface AppStrings {
  sheets: Record<SheetKind, string>;
  /** The archive sheet Compact log copies the original rows to (not a table of ours). */
  archive: string;
  menu: Record<MenuKey, string>;
  notices: Record<NoticeKey, string>;
}
