/**
 * The phone web app's bundle entry (SPEC §5b), a deployment of its own beside
 * the add-on (src/main.ts): esbuild wraps this module in one IIFE assigned to
 * the global `ActivityQuota`, and build.mjs appends a top-level function for
 * each entry point (`doGet` and the page's server functions) into
 * dist/phone/Code.js. Loading it calls no service: it only chooses where the
 * shells keep their lock and memory.
 */
import { PHONE_ENTRIES, usePhoneHost } from './shells/phone';

usePhoneHost();

/** The web app has no custom functions. */
export const catalogue: { name: string; params: unknown[] }[] = [];
export const functions: Record<string, (...args: unknown[]) => unknown> = {};

export const entries: Record<string, (...args: unknown[]) => unknown> = {};
for (const entry of PHONE_ENTRIES) entries[entry.name] = (...args: unknown[]) => entry.run(...args);

export const entryPoints = PHONE_ENTRIES.map(({ name, params }) => ({ name, params }));
