/**
 * Service calls of a refresh and of logging one entry, in the local runtime
 * running the shipped bundle: in Sheets each call is a round trip, so their
 * number must not grow with the log.
 */
import { performance } from 'node:perf_hooks';
import { AppsScriptRuntime } from '../src/local/runtime';
import { AS_OF, sheetDateOf, workload, ZONE } from './workload';

export interface CallCounts {
  rows: number;
  refresh: Record<string, number>;
  refreshTotal: number;
  logActivity: Record<string, number>;
  logActivityTotal: number;
  /** Wall time of the refresh and of logActivity (informative: absolute times are noise). */
  refreshMs: number;
  logActivityMs: number;
  /** logActivity appended its row. */
  logged: boolean;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** An email for a rep of the workload, `rep-001@example.com`. */
const emailOf = (rep: string) => `${rep.toLowerCase().replace(/\s+/g, '-')}@example.com`;

/**
 * A workbook set up from the menu, with the workload's team and quotas and
 * `rows` log entries written in one block, the first rep signed in.
 */
export function workbookWithLog(rows: number, quotas = 10): AppsScriptRuntime {
  const probe = workload(0, quotas);
  const first = probe.reps[0] as string;
  const rt = new AppsScriptRuntime({
    timeZone: ZONE,
    locale: 'en_US',
    now: Date.parse(`${AS_OF}T03:00:00Z`),
    user: emailOf(first),
  });
  rt.open();
  rt.call('setUpWorkbook');
  const sheet = (name: string) => {
    const found = rt.spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`setUpWorkbook made no ${name} sheet`);
    return found;
  };
  const load = workload(rows, quotas, sheetDateOf(rt.Date));
  sheet('Team')
    .getRange(2, 1, load.reps.length, 2)
    .setValues(load.reps.map((rep) => [rep, emailOf(rep)]));
  const quotaRows = load.quotas.slice(1);
  sheet('Quotas').getRange(2, 1, quotaRows.length, 6).setValues(quotaRows);
  const logRows = load.activities.slice(1);
  if (logRows.length > 0) {
    // The grid grows first, as a user's pasted log would make it (the emulator's own door), keeping
    // a fresh sheet's 1,000 empty rows below the log at every size, so no size has to add rows to log.
    const activities = sheet('Activities').ensureSize(logRows.length + 1 + 1000, 8);
    activities.getRange(2, 1, logRows.length, 8).setValues(logRows);
  }
  return rt;
}

/** Counts the calls of one refresh and one logActivity on a log of `rows` entries. */
export function countCalls(rows: number): CallCounts {
  const rt = workbookWithLog(rows);
  rt.calls.reset();
  let start = performance.now();
  rt.call('refreshStatus');
  const refreshMs = performance.now() - start;
  const refresh = rt.calls.snapshot();
  const before = rt.spreadsheet.getSheetByName('Activities')?.getLastRow() ?? 0;
  rt.calls.reset();
  start = performance.now();
  const result = rt.call('logActivity', {
    id: `bench-${rows}`,
    date: AS_OF,
    rep: 'Rep 001',
    activity: 'Calls',
    quantity: 1,
    notes: 'benchmark',
  }) as { ok?: boolean };
  const logActivityMs = performance.now() - start;
  const logActivity = rt.calls.snapshot();
  const after = rt.spreadsheet.getSheetByName('Activities')?.getLastRow() ?? 0;
  return {
    rows,
    refresh,
    refreshTotal: total(refresh),
    logActivity,
    logActivityTotal: total(logActivity),
    refreshMs,
    logActivityMs,
    logged: result.ok === true && after === before + 1,
  };
}

/** True when every size made exactly the same calls, method by method, as the first. */
export function sameCounts(results: readonly CallCounts[]): boolean {
  const [first, ...rest] = results;
  if (!first) return false;
  const same = (a: Record<string, number>, b: Record<string, number>) => JSON.stringify(a) === JSON.stringify(b);
  return rest.every((r) => same(r.refresh, first.refresh) && same(r.logActivity, first.logActivity));
}
