/**
 * What one user action costs as the log grows (issue 14): open the sidebar,
 * log an entry, undo it, the refresh an edit triggers, the daily refresh, and
 * compacting the log, each run through the shipped bundle in the local runtime
 * on workbooks of 1,000, 100,000 and (when feasible) 1,000,000 log rows. For
 * each: service calls, cells read and written (src/local/cells.ts), the
 * document lock's hold time (real time in the emulator), the local wall time,
 * and a modelled Sheets latency (bench/costModel.ts).
 *
 * The workbook is built by writing the log straight into the emulator's sheet
 * (bench/calls.ts `workbookWithLog`). A size whose build, projected linearly
 * from the largest one built (when that is at least a tenth as large), would
 * not fit the time budget twice over (the actions then read the whole log
 * about as long again) is not measured, and the output says so with the
 * figures behind the projection.
 */
import { performance } from 'node:perf_hooks';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { workbookWithLog } from './calls';
import { COST_MODEL, type ModelledCost, modelledLatency } from './costModel';
import type { Bar, Progress, TableRow } from './harness';
import { median } from './stats';
import { AS_OF } from './workload';

export interface ActionsConfig {
  /** Log rows; the first is the baseline the bars compare against. */
  sizes: number[];
  /** Timed logs per size, taken turn about across the sizes (the time bar's median). */
  logReps: number;
  /** Seconds this section may take; a size projected past it is not measured. */
  budgetSeconds: number;
}

/** One action at one log size. */
export interface ActionCost {
  action: string;
  rows: number;
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Total real time the document lock was held during the action (null: not taken). */
  lockMs: number | null;
  /** Wall time of the action in the local runtime (informative: noise on a shared machine). */
  ms: number;
  model: ModelledCost;
  /** The action did what it should (logged, undone, refreshed); false with `note` otherwise. */
  ok: boolean;
  note?: string;
}

export interface SizeFigures {
  rows: number;
  /** Building the workbook (set-up and the log written in one block). */
  buildMs: number;
  /** Resident memory the build added, in MB. */
  buildRssMb: number;
  actions: ActionCost[];
  /** Wall times of every timed log at this size. */
  logMs: number[];
  /** Lock hold of every timed log at this size. */
  logLockMs: number[];
}

export interface ActionsFigures {
  measured: SizeFigures[];
  skipped: { rows: number; reason: string }[];
  /** `compactLog` is in the bundle. */
  compactBuilt: boolean;
  model: string;
}

const count = (n: number) => n.toLocaleString('en');
const LOG = 'log (logActivity)';
const SIDEBAR = 'open sidebar (getSidebarState)';

/** Runs `fn` as one action of `rt`, counting from zero: calls, cells, lock holds, wall time. */
function measure(rt: AppsScriptRuntime, action: string, rows: number, fn: () => string | undefined): ActionCost {
  const holds = rt.locks.documentLock.holds;
  const heldBefore = holds.length;
  rt.calls.reset();
  const start = performance.now();
  let note: string | undefined;
  try {
    note = fn();
  } catch (error) {
    note = `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = performance.now() - start;
  const calls = rt.calls.count();
  const { read, written } = rt.calls.cells();
  const held = holds.slice(heldBefore);
  const lockMs = held.length > 0 ? held.reduce((sum, hold) => sum + hold.ms, 0) : null;
  return {
    action,
    rows,
    calls,
    cellsRead: read,
    cellsWritten: written,
    lockMs,
    ms,
    model: modelledLatency(calls, read + written),
    ok: note === undefined,
    ...(note === undefined ? {} : { note }),
  };
}

/** `undefined` when a sidebar call answered ok, its message otherwise. */
function answered(result: unknown): string | undefined {
  const r = result as { ok?: boolean; message?: string } | undefined;
  return r?.ok === false ? `answered: ${r.message ?? 'not ok'}` : undefined;
}

const entry = (id: string) => ({ id, date: AS_OF, rep: 'Rep 001', activity: 'Calls', quantity: 1, notes: 'benchmark' });

/** Measures every action at every feasible size. */
export function measureActions(config: ActionsConfig, progress: Progress = () => undefined): ActionsFigures {
  const started = performance.now();
  const built: { rt: AppsScriptRuntime; figures: SizeFigures }[] = [];
  const skipped: ActionsFigures['skipped'] = [];
  for (const rows of config.sizes) {
    const last = built.at(-1)?.figures;
    // Projected only from a size at least a tenth as large: a small build is mostly fixed cost.
    if (last && rows > last.rows && last.rows * 10 >= rows) {
      const scale = rows / last.rows;
      const projectedS = (last.buildMs * scale) / 1000;
      const projectedMb = last.buildRssMb * scale;
      // The build alone; each action at the size then costs about as long again (it reads the whole log today).
      const leftS = config.budgetSeconds - (performance.now() - started) / 1000;
      if (projectedS * 2 > leftS) {
        skipped.push({
          rows,
          reason:
            `not measured: building ${count(last.rows)} rows took ${(last.buildMs / 1000).toFixed(1)} s and ` +
            `+${last.buildRssMb.toFixed(0)} MB resident in the emulator, so ${count(rows)} rows projects to ` +
            `~${projectedS.toFixed(0)} s and ~${(projectedMb / 1024).toFixed(1)} GB before any action, with ` +
            `${Math.max(0, leftS).toFixed(0)} s of this section's ${config.budgetSeconds} s budget left`,
        });
        progress(`actions: ${count(rows)} rows not measured (projected ${projectedS.toFixed(0)} s to build)`);
        continue;
      }
    }
    progress(`actions: building a ${count(rows)}-row workbook…`);
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const rt = workbookWithLog(rows);
    const buildMs = performance.now() - start;
    // As a team's workbook is: refreshed since its log was pasted in (onEdit, the daily refresh or the menu).
    rt.call('refreshStatus');
    const buildRssMb = Math.max(0, process.memoryUsage().rss - rssBefore) / 2 ** 20;
    built.push({ rt, figures: { rows, buildMs, buildRssMb, actions: [], logMs: [], logLockMs: [] } });
  }
  const compactBuilt = built[0]?.rt.has('compactLog') ?? false;
  for (const { rt, figures } of built) {
    progress(`actions: open sidebar at ${count(figures.rows)} rows…`);
    figures.actions.push(measure(rt, SIDEBAR, figures.rows, () => answered(rt.call('getSidebarState'))));
  }
  // One untimed log first at each size: the emulator's TextFinder reads the Entry ID column once into its
  // cache (Sheets searches its own cells), which is the local runtime's cost, not the action's.
  for (const { rt } of built) rt.call('logActivity', entry('bench-warm-up'));
  // Logs taken turn about across the sizes, the order reversed each round.
  for (let rep = 0; rep < config.logReps; rep++) {
    const order = rep % 2 === 0 ? built : [...built].reverse();
    for (const { rt, figures } of order) {
      progress(`actions: log ${rep + 1}/${config.logReps} at ${count(figures.rows)} rows…`);
      const before = rt.spreadsheet.getSheetByName('Activities')?.getLastRow() ?? 0;
      const cost = measure(rt, LOG, figures.rows, () => {
        const note = answered(rt.call('logActivity', entry(`bench-log-${rep}`)));
        const after = rt.spreadsheet.getSheetByName('Activities')?.getLastRow() ?? 0;
        return note ?? (after === before + 1 ? undefined : 'no row appended');
      });
      figures.logMs.push(cost.ms);
      if (cost.lockMs !== null) figures.logLockMs.push(cost.lockMs);
      if (rep === 0) figures.actions.push(cost);
    }
  }
  for (const { rt, figures } of built) {
    const { rows } = figures;
    progress(`actions: undo, edit, daily refresh${compactBuilt ? ', compact' : ''} at ${count(rows)} rows…`);
    const lastId = `bench-log-${config.logReps - 1}`;
    figures.actions.push(
      measure(rt, 'undo (undoLastEntry(id))', rows, () => answered(rt.call('undoLastEntry', lastId))),
    );
    figures.actions.push(
      measure(rt, 'edit-triggered refresh (onEdit)', rows, () => {
        rt.edit('Activities', 'E2', [['edited by the benchmark']]);
        return undefined;
      }),
    );
    rt.call('toggleDailyRefresh');
    const trigger = rt.scriptApp.triggers.find((t) => t.handler === 'dailyRefresh');
    figures.actions.push(
      measure(rt, 'daily refresh (trigger)', rows, () => {
        if (!trigger) return 'toggleDailyRefresh made no trigger';
        rt.fire(trigger);
        return undefined;
      }),
    );
    if (compactBuilt) {
      figures.actions.push(measure(rt, 'compact (compactLog)', rows, () => answered(rt.call('compactLog'))));
    }
  }
  return { measured: built.map((b) => b.figures), skipped, compactBuilt, model: COST_MODEL };
}

const fmtMs = (n: number) =>
  `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;
const times = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)}×`;

/** The per-action table: one line per action and size. */
export function actionsTable(figures: ActionsFigures): string {
  const lines = [
    '| action | log rows | service calls | cells read | cells written | lock held (local) | local time | modelled Sheets latency |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const actions = [...new Set(figures.measured.flatMap((s) => s.actions.map((a) => a.action)))];
  for (const action of actions) {
    for (const size of figures.measured) {
      const a = size.actions.find((x) => x.action === action);
      if (!a) continue;
      const lock = a.action === LOG && size.logLockMs.length > 1 ? median(size.logLockMs) : a.lockMs;
      const local = a.action === LOG && size.logMs.length > 1 ? median(size.logMs) : a.ms;
      const model = `${fmtMs(a.model.totalMs)} (calls ${fmtMs(a.model.callsMs)} + cells ${fmtMs(a.model.cellsMs)})`;
      lines.push(
        `| ${a.action}${a.ok ? '' : ` — ${a.note}`} | ${count(a.rows)} | ${count(a.calls)} | ${count(a.cellsRead)} | ` +
          `${count(a.cellsWritten)} | ${lock === null ? '—' : fmtMs(lock)} | ${fmtMs(local)} | ${model} |`,
      );
    }
  }
  const notes = [
    ...(figures.compactBuilt
      ? []
      : ['compact (compactLog): not built yet (the bundle has no compactLog), not measured.']),
    ...figures.skipped.map((s) => `${count(s.rows)} rows: ${s.reason}.`),
    `Log lines: the first timed log's counts; its lock and local time are the median of ${figures.measured[0]?.logMs.length ?? 0} logs taken turn about across the sizes, after one untimed log at each size (the emulator's TextFinder reads the Entry ID column into its cache once).`,
    `${figures.model}.`,
  ];
  return [...lines, '', ...notes.map((n) => `- ${n}`)].join('\n');
}

/**
 * The bars of SPEC §5 (a user action's cost does not grow with the log),
 * against the first size (1,000 rows) measured in the same run: `npm run bench`
 * fails when one is missed.
 */
export function judgeActions(figures: ActionsFigures): { table: TableRow[]; bars: Bar[] } {
  const table: TableRow[] = [];
  const bars: Bar[] = [];
  const base = figures.measured[0];
  const largest = figures.measured.at(-1);
  if (!base || !largest || largest === base) return { table, bars };
  const cellsBar = (id: string, action: string, what: string) => {
    const a = base.actions.find((x) => x.action === action);
    const b = largest.actions.find((x) => x.action === action);
    if (!a || !b) return;
    const ratio = b.cellsRead / Math.max(1, a.cellsRead);
    table.push({
      measure: `cells read per ${what}, ${count(largest.rows)} vs ${count(base.rows)} log rows`,
      baseline: `${count(a.cellsRead)} at ${count(base.rows)}`,
      ours: `${count(b.cellsRead)} at ${count(largest.rows)}`,
      ratio: times(ratio),
      bar: '≤ 2×',
    });
    bars.push({
      id,
      what: `cells read per ${what} at ${count(largest.rows)} rows within 2× of those at ${count(base.rows)}`,
      measured: times(ratio),
      limit: '≤ 2×',
      pass: ratio <= 2 && a.ok && b.ok,
    });
  };
  cellsBar('log-cells-read', LOG, 'log');
  cellsBar('sidebar-cells-read', SIDEBAR, 'sidebar open');
  const mid = figures.measured.find((s) => s.rows === 100_000) ?? largest;
  const baseMs = median(base.logMs);
  const midMs = median(mid.logMs);
  const ratio = midMs / baseMs;
  table.push({
    measure: `log (logActivity) local time, ${count(mid.rows)} vs ${count(base.rows)} log rows (median of ${mid.logMs.length})`,
    baseline: fmtMs(baseMs),
    ours: fmtMs(midMs),
    ratio: times(ratio),
    bar: '≤ 2×',
  });
  bars.push({
    id: 'log-time',
    what: `a log at ${count(mid.rows)} rows within 2× the time of a log at ${count(base.rows)} (local runtime)`,
    measured: times(ratio),
    limit: '≤ 2×',
    pass: ratio <= 2,
  });
  return { table, bars };
}
