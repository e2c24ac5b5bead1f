/**
 * What build.mjs turns into a top-level function of Code.js: a name, its
 * parameter names and what it runs. The sidebar's server functions become
 * entry points from one {@link ServerImpl}, by the contract the page is typed
 * with (core/serverApi.ts).
 */
import { SERVER_PARAMS, type ServerApi, type ServerImpl } from '../core/serverApi';

/** An entry point; its words for Code.js are in docs.ts, read by build.mjs only. */
export interface EntrySpec {
  name: string;
  params: readonly string[];
  run(...args: unknown[]): unknown;
}

/** The server functions of `server` as entry points, in the contract's order. */
export function serverEntries(server: ServerImpl): EntrySpec[] {
  return (Object.keys(SERVER_PARAMS) as (keyof ServerApi)[]).map((name) => ({
    name,
    params: [SERVER_PARAMS[name]],
    run: (arg?: unknown) => server[name](arg),
  }));
}
