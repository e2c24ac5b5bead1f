/**
 * The bundle's entry. esbuild wraps this module in one IIFE assigned to the
 * global `ActivityQuota`; build.mjs then appends a top-level function for each
 * custom function and entry point, since only those are visible to Sheets.
 *
 * Nothing here may call a service: loading the bundle must be free.
 */

import { ENTRIES } from './shells/entries';
import { spreadsheetEnv } from './shells/env';
import { CATALOGUE, callFunction } from './shells/functions';

/** The custom functions, by name, as the generated wrappers call them. */
export const functions: Record<string, (...args: unknown[]) => unknown> = {};
for (const spec of CATALOGUE) {
  functions[spec.name] = (...args: unknown[]) => {
    let count = args.length;
    while (count > 0 && args[count - 1] === undefined) count--;
    return callFunction(spec, args.slice(0, count), spreadsheetEnv());
  };
}

/** What build.mjs (with docs.ts) and the formula bridge need: names and parameters. */
export const catalogue = CATALOGUE.map(({ name, params }) => ({ name, params }));

/** Triggers, menu actions and (later) the sidebar's server functions, by name. */
export const entries: Record<string, (...args: unknown[]) => unknown> = {};
for (const entry of ENTRIES) entries[entry.name] = (...args: unknown[]) => entry.run(...args);

export const entryPoints = ENTRIES.map(({ name, params }) => ({ name, params }));
