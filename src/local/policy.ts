/**
 * What Apps Script lets a script do, by service method: the OAuth scope each
 * method needs (checked against the manifest the runtime loaded) and what each
 * authorisation mode allows (SPEC §9, §10). Every service call of the bundle
 * passes through {@link checkCall}; a call Sheets would refuse throws here
 * with Google's wording. Where Google's rule is vague, the emulator is stricter.
 */

export const SCOPE = {
  currentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/**
 * How the current execution was started, as `ScriptApp.AuthMode` names it,
 * plus `CUSTOM_FUNCTION` (a cell formula calling one of ours) and `LOAD` (the
 * bundle's top-level code, which runs before every execution, even in NONE mode,
 * and so may call no service at all).
 */
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION' | 'LOAD';

const SPREADSHEET_OBJECTS = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'NamedRange',
  'DataValidation',
  'DataValidationBuilder',
  'TextFinder',
]);
/** Open or make another file: the full `spreadsheets` scope. */
const OTHER_FILES = new Set([
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'SpreadsheetApp.open',
  'SpreadsheetApp.create',
]);
/** Shows web content in the editor. */
const SHOWS_UI = /^Ui\.(showSidebar|showModalDialog|showModelessDialog|alert|prompt)$/;
/** What builds the add-on menu: all that AuthMode.NONE may do. */
const MENU = /^(SpreadsheetApp\.getUi|Ui\.(createAddonMenu|createMenu)|Menu\.\w+|Session\.getActiveUserLocale)$/;
/** Calls that read: what a custom function may make of the spreadsheet. */
const READS =
  /^(SpreadsheetApp\.(getActive|getActiveSpreadsheet)|(Spreadsheet|Sheet|Range|NamedRange|DataValidation)\.(get\w*|is\w*|can\w*)|TextFinder\.\w+|Range\.createTextFinder)$/;
const USER_IDENTITY = new Set(['Session.getActiveUser', 'Session.getEffectiveUser']);

/** The scopes a call needs, any one of which will do; none for a call that needs no authorisation. */
export function scopesFor(name: string): readonly string[] {
  const service = name.slice(0, name.indexOf('.'));
  if (OTHER_FILES.has(name)) return [SCOPE.spreadsheets];
  if (SPREADSHEET_OBJECTS.has(service) && name !== 'SpreadsheetApp.getUi')
    return [SCOPE.currentOnly, SCOPE.spreadsheets];
  if (SHOWS_UI.test(name)) return [SCOPE.containerUi];
  if (USER_IDENTITY.has(name)) return [SCOPE.email];
  if (/^(ScriptApp|Trigger|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder)\./.test(name)) {
    return name === 'ScriptApp.getOAuthToken' ? [] : [SCOPE.scriptApp];
  }
  return [];
}

/** True when `mode` refuses the call whatever the scopes. */
function modeRefuses(mode: AuthMode, name: string): boolean {
  const service = name.slice(0, name.indexOf('.'));
  switch (mode) {
    case 'FULL':
      return false;
    case 'LOAD':
      return true;
    case 'NONE':
      // An add-on's onOpen before the user enabled it: build the menu, nothing else.
      return !MENU.test(name) && service !== 'Utilities';
    case 'LIMITED':
      // A simple trigger: the bound spreadsheet, and services that need no authorisation.
      if (OTHER_FILES.has(name) || USER_IDENTITY.has(name) || /^Ui\.show/.test(name)) return true;
      return scopesFor(name).length > 0 && !SPREADSHEET_OBJECTS.has(service) && !/^Ui\.(alert|prompt)$/.test(name);
    case 'CUSTOM_FUNCTION':
      // Read-only (SPEC §9): no writes, no Lock, Properties, user identity, triggers or UI.
      if (SPREADSHEET_OBJECTS.has(service)) return !READS.test(name) || name === 'SpreadsheetApp.getUi';
      return (
        /^(LockService|Lock|PropertiesService|Properties|ScriptApp|Trigger\w*|Ui|Menu|HtmlService)\b/.test(name) ||
        USER_IDENTITY.has(name)
      );
  }
}

/**
 * Throws what Apps Script throws when `name` (`Service.method`) may not run in
 * `mode` with the manifest's `scopes`.
 */
export function checkCall(name: string, mode: AuthMode, scopes: ReadonlySet<string>): void {
  if (modeRefuses(mode, name)) {
    throw new Error(
      mode === 'CUSTOM_FUNCTION'
        ? `You do not have permission to call ${name}`
        : `You do not have permission to call ${name}. Authorization is required to perform that action.`,
    );
  }
  const needed = scopesFor(name);
  if (needed.length > 0 && !needed.some((scope) => scopes.has(scope))) {
    const list = needed.length === 1 ? needed[0] : `(${needed.join(' || ')})`;
    throw new Error(`Specified permissions are not sufficient to call ${name}. Required permissions: ${list}`);
  }
}
