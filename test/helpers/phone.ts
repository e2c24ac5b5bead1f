/**
 * The phone web app (SPEC §5b) in the local runtime: dist/phone/Code.js loaded
 * as a second Apps Script project on the add-on runtime's spreadsheet, run as a
 * web app (no active spreadsheet; it opens the file by id), with its Config.js
 * naming that spreadsheet, as a team's deployment would.
 */
import { join } from 'node:path';
import { phoneConfig } from '../../build.mjs';
import { DIST } from '../../src/local/paths';
import { AppsScriptRuntime, type RuntimeOptions } from '../../src/local/runtime';

export const PHONE_DIST = join(DIST, 'phone');
export const PHONE_BUNDLE = join(PHONE_DIST, 'Code.js');

/**
 * The phone web app on `addOn`'s spreadsheet, on its clock, as its user in its
 * locale; `spreadsheetId` is what its deployment was configured with (default:
 * that spreadsheet's id; '' for none).
 */
export function phoneRuntime(
  addOn: AppsScriptRuntime,
  options: Partial<RuntimeOptions> & { spreadsheetId?: string } = {},
): AppsScriptRuntime {
  const { spreadsheetId = addOn.spreadsheet.id, ...rest } = options;
  return new AppsScriptRuntime({
    bundle: PHONE_BUNDLE,
    files: { 'Config.js': phoneConfig(spreadsheetId) },
    spreadsheet: addOn.spreadsheet,
    webApp: true,
    user: addOn.user,
    userLocale: addOn.userLocale,
    scriptTimeZone: addOn.scriptTimeZone,
    now: { now: () => addOn.currentTime() },
    ...rest,
  });
}
