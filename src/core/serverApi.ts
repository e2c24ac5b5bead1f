/**
 * The contract between the sidebar's (and the phone page's) client and its
 * server (SPEC §5): the three functions' names, parameters and answers. The
 * client calls through {@link ServerApi}; the shells build their entry points
 * from a {@link ServerImpl}, so a change on either side that the other does
 * not follow fails to compile.
 */
import type { EntryInput, Field } from './entry';
import type { SidebarState } from './sidebarState';

export interface ShownError {
  field: Field | 'form';
  message: string;
}

export interface LogResult {
  ok: boolean;
  /** What to tell the user: "Logged 1 Calls for Raj.", or why nothing was saved. */
  message: string;
  errors: ShownError[];
  state?: SidebarState;
}

/** The server functions a page may call; their names are part of SPEC §5's contract. */
export interface ServerApi {
  getSidebarState(rep?: string): SidebarState;
  logActivity(entry: EntryInput): LogResult;
  undoLastEntry(id: string): LogResult;
}

/** Each server function's one parameter, by name, as its top-level function in Code.js takes it. */
export const SERVER_PARAMS: Readonly<Record<keyof ServerApi, string>> = {
  getSidebarState: 'rep',
  logActivity: 'entry',
  undoLastEntry: 'id',
};

/** What a server implements: whatever arrives over the wire (checked there), answered as {@link ServerApi} says. */
export type ServerImpl = { [K in keyof ServerApi]: (arg?: unknown) => ReturnType<ServerApi[K]> };
