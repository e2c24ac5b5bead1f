/**
 * The benchmark harness (issue 6): every measurement of one run, its bars, and
 * the table of ratios. `npm run bench` runs it at full size (bench/run.ts);
 * test/bench.test.ts runs it at toy sizes to keep it working.
 */
import { cpus } from 'node:os';
import { systemClock } from '../src/local/clock';
import { type ActionsConfig, type ActionsFigures, actionsTable, judgeActions, measureActions } from './actions';
import { type BundleFigures, measureBundle } from './bundle';
import { type CallCounts, countCalls, sameCounts } from './calls';
import { type EngineFigures, measureEngine, type PairFigures } from './engine';
import { type MemoryFigures, measureMemory } from './memory';
import { compareBoardAndSumifs, type SheetsComparison } from './sheets';
import { measureSidebar, type SidebarFigures } from './sidebar';

export interface BenchConfig {
  /** Board vs SUMIFS at each log size (the bar applies to the largest). */
  sheets: { sizes: number[]; quotas: number; reps: number };
  /** `processes`: fresh processes, each timing `reps` rounds (see bench/engine.ts). */
  engine: { rows: number; quotas: number; reps: number; processes: number };
  calls: { sizes: number[] };
  bundle: { reps: number };
  sidebar: { reps: number; rows: number } | false;
  memory: { rows: number; quotas: number } | false;
  /** Cells, calls and lock time per user action as the log grows (issue 14, bench/actions.ts). */
  actions: ActionsConfig | false;
}

/** What `npm run bench` measures: the sizes of issue 6. */
export const FULL: BenchConfig = {
  sheets: { sizes: [2_000, 20_000], quotas: 60, reps: 5 },
  engine: { rows: 100_000, quotas: 300, reps: 21, processes: 5 },
  calls: { sizes: [10, 10_000, 100_000] },
  bundle: { reps: 15 },
  sidebar: { reps: 7, rows: 1_000 },
  memory: { rows: 100_000, quotas: 300 },
  actions: { sizes: [1_000, 100_000, 1_000_000], logReps: 5, budgetSeconds: 180 },
};

/** Toy sizes: the harness end to end in a few seconds, for the smoke test. */
export const SMOKE: BenchConfig = {
  sheets: { sizes: [50, 200], quotas: 10, reps: 1 },
  engine: { rows: 500, quotas: 10, reps: 2, processes: 2 },
  calls: { sizes: [10, 60] },
  bundle: { reps: 2 },
  sidebar: { reps: 1, rows: 20 },
  memory: { rows: 500, quotas: 10 },
  actions: { sizes: [20, 200], logReps: 2, budgetSeconds: 60 },
};

export interface Bar {
  id: string;
  what: string;
  measured: string;
  limit: string;
  pass: boolean;
  /** Printed, but a miss does not fail the run (a bar waiting for the code it judges). */
  reportOnly?: boolean;
}

/** One line of the printed table: a measure, its baseline, ours, and the ratio. */
export interface TableRow {
  measure: string;
  baseline: string;
  ours: string;
  ratio: string;
  bar: string;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
}

export interface Results {
  date: string;
  machine: Machine;
  sizes: BenchConfig;
  sheets: SheetsComparison[];
  engine: EngineFigures;
  calls: CallCounts[];
  bundle: BundleFigures;
  sidebar?: SidebarFigures;
  memory?: MemoryFigures;
  actions?: ActionsFigures;
  bars: Bar[];
  table: TableRow[];
  pass: boolean;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const x = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)}×`;
const count = (n: number) => n.toLocaleString('en');
const perSecond = (n: number) => `${(n / 1_000_000).toFixed(2)} M rows/s`;

export type Progress = (message: string) => void;

/** Runs every measurement of `config`, in order, and judges the bars. */
export async function runBench(config: BenchConfig, progress: Progress = () => undefined): Promise<Results> {
  const sheets: SheetsComparison[] = [];
  for (const size of config.sheets.sizes) {
    progress(`board vs SUMIFS at ${count(size)} rows…`);
    sheets.push(compareBoardAndSumifs(size, config.sheets.quotas, config.sheets.reps));
  }
  progress(`core vs floor at ${count(config.engine.rows)} rows…`);
  const { rows, quotas, reps, processes } = config.engine;
  const engine = measureEngine(rows, quotas, reps, processes);
  const calls: CallCounts[] = [];
  for (const size of config.calls.sizes) {
    progress(`service calls at ${count(size)} rows…`);
    calls.push(countCalls(size));
  }
  progress('bundle…');
  const bundle = await measureBundle(config.bundle.reps);
  let sidebar: SidebarFigures | undefined;
  if (config.sidebar) {
    progress('sidebar in Chromium…');
    sidebar = await measureSidebar(config.sidebar.reps, config.sidebar.rows);
  }
  let memory: MemoryFigures | undefined;
  if (config.memory) {
    progress(`memory at ${count(config.memory.rows)} rows…`);
    memory = measureMemory(config.memory.rows, config.memory.quotas);
  }
  const actions = config.actions ? measureActions(config.actions, progress) : undefined;
  return judge({
    // When the figures were taken: the report's date, the one read of the machine's clock.
    date: new Date(systemClock.now()).toISOString(),
    machine: machine(),
    sizes: config,
    sheets,
    engine,
    calls,
    bundle,
    ...(sidebar ? { sidebar } : {}),
    ...(memory ? { memory } : {}),
    ...(actions ? { actions } : {}),
  });
}

/** The bars of issue 6, and the table. */
export function judge(results: Omit<Results, 'bars' | 'table' | 'pass'>): Results {
  const { sheets, engine, calls, bundle, sidebar, memory, actions } = results;
  const bars: Bar[] = [];
  const table: TableRow[] = [];
  const largest = sheets.at(-1);
  for (const s of sheets) {
    const barred = s === largest;
    table.push({
      measure: `QUOTA_BOARD vs ${s.sumifsFormulas} SUMIFS, ${count(s.rows)} rows, ${s.quotas} quotas`,
      baseline: ms(s.sumifsMs),
      ours: `${ms(s.boardMs)} (bridge ${ms(s.boardBridgeMs)}, bundle ${ms(s.boardInsideMs)})`,
      ratio: s.speedup >= 1 ? `board ${x(s.speedup)} faster` : `board ${x(1 / s.speedup)} slower`,
      bar: barred ? '≥ 10× faster' : '(growth)',
    });
    if (barred) {
      bars.push({
        id: 'board-vs-sumifs',
        what: `QUOTA_BOARD at least 10× faster than the SUMIFS grid at ${count(s.rows)} rows, same Done values`,
        measured: `${x(s.speedup)}${s.sameAnswers ? '' : ', answers differ'}`,
        limit: '≥ 10×',
        pass: s.speedup >= 10 && s.sameAnswers,
      });
    }
  }
  const engineRow = (how: string, pair: PairFigures, bar: string): TableRow => ({
    measure: `core board vs floor loop, ${count(engine.rows)} rows, ${engine.quotas} quotas: ${how}`,
    baseline: ms(pair.floorMs),
    ours: ms(pair.engineMs),
    ratio: `${x(pair.ratio)} the floor (fastest runs ${x(pair.bestRatio)})`,
    bar,
  });
  const inProcesses = `median of ${engine.processes} processes`;
  table.push({
    ...engineRow(`steady state (${inProcesses})`, engine.steady, '≤ 3×'),
    baseline: `${ms(engine.steady.floorMs)} (${perSecond(engine.floorRowsPerSecond)})`,
    ours: `${ms(engine.steady.engineMs)} (${perSecond(engine.engineRowsPerSecond)})`,
  });
  table.push(engineRow('each run just after a full garbage collection', engine.afterCollection, '—'));
  table.push(engineRow('first call in a fresh process, as Apps Script runs it', engine.cold, '—'));
  bars.push({
    id: 'engine-vs-floor',
    what: `the core's board within 3× of a bare sum loop at ${count(engine.rows)} rows (steady state)`,
    measured: x(engine.steady.ratio),
    limit: '≤ 3×',
    pass: engine.steady.ratio <= 3,
  });
  const firstCalls = calls[0];
  const sizes = calls.map((c) => count(c.rows)).join(' / ');
  const equal = sameCounts(calls) && calls.every((c) => c.logged);
  table.push({
    measure: `service calls: refresh at ${sizes} rows`,
    baseline: `${firstCalls?.refreshTotal ?? '?'} at ${count(firstCalls?.rows ?? 0)}`,
    ours: calls.map((c) => c.refreshTotal).join(' / '),
    ratio: equal ? 'equal' : 'differ',
    bar: 'equal',
  });
  table.push({
    measure: `service calls: logActivity at ${sizes} rows`,
    baseline: `${firstCalls?.logActivityTotal ?? '?'} at ${count(firstCalls?.rows ?? 0)}`,
    ours: calls.map((c) => c.logActivityTotal).join(' / '),
    ratio: equal ? 'equal' : 'differ',
    bar: 'equal',
  });
  bars.push({
    id: 'service-calls',
    what: `refresh and logActivity make the same calls, method by method, at ${sizes} rows`,
    measured: equal ? 'equal' : 'differ',
    limit: 'equal',
    pass: equal,
  });
  const languages = Object.entries(bundle.languageBytes)
    .map(([lang, bytes]) => `${lang} ${kb(bytes)}`)
    .join(', ');
  table.push({
    measure: `dist/Code.js: code (word tables: ${languages})`,
    baseline: '125 KB',
    ours: `${kb(bundle.codeBytes)} of ${kb(bundle.bytes)} (minified ${kb(bundle.minifiedBytes)})`,
    ratio: `${((bundle.codeBytes / (125 * 1024)) * 100).toFixed(0)}% of the bar`,
    bar: '< 125 KB',
  });
  bars.push({
    id: 'bundle-size',
    what: 'the code of dist/Code.js (without the word tables) under 125 KB unminified',
    measured: kb(bundle.codeBytes),
    limit: '< 125 KB',
    pass: bundle.codeBytes < 125 * 1024,
  });
  table.push({
    measure: 'load Code.js into a fresh vm context (minified alongside)',
    baseline: `${ms(bundle.emptyLoadMs)} (empty script)`,
    ours: `${ms(bundle.loadMs)} (minified ${ms(bundle.minifiedLoadMs)})`,
    ratio: `${x(bundle.loadRatio)} the empty load`,
    bar: '—',
  });
  if (sidebar) {
    table.push({
      measure: `sidebar ${kb(bundle.sidebarBytes)}: navigation → ready form (${count(sidebar.rows)}-row log)`,
      baseline: `${ms(sidebar.blankMs)} (blank page)`,
      ours: ms(sidebar.readyMs),
      ratio: `${x(sidebar.ratio)} the blank page`,
      bar: '—',
    });
  }
  if (memory) {
    table.push({
      measure: `memory of the core's board, ${count(memory.rows)} rows, ${memory.quotas} quotas`,
      baseline: `input ${memory.inputOnly.inputHeapMb.toFixed(1)} MB heap`,
      ours: `peak RSS +${memory.boardPeakRssMb.toFixed(1)} MB, heap +${memory.boardHeapAfterMb.toFixed(1)} MB just after`,
      ratio: `${(memory.boardPeakRssMb / Math.max(memory.inputOnly.inputHeapMb, 0.1)).toFixed(2)}× the input`,
      bar: '—',
    });
  }
  if (actions) {
    const judged = judgeActions(actions);
    table.push(...judged.table);
    bars.push(...judged.bars);
  }
  return { ...results, bars, table, pass: bars.every((bar) => bar.pass || bar.reportOnly) };
}

/** The table as Markdown (what bench/results.md and the README show). */
export function markdownTable(results: Results): string {
  const lines = [
    '| measure | baseline | ours | ratio | bar |',
    '| --- | --- | --- | --- | --- |',
    ...results.table.map((row) => `| ${row.measure} | ${row.baseline} | ${row.ours} | ${row.ratio} | ${row.bar} |`),
  ];
  return lines.join('\n');
}

export function markdownReport(results: Results): string {
  const m = results.machine;
  const bars = results.bars.map((bar) => `- ${barLine(bar)}`);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${results.date}: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.platform}.`,
    'Times are medians of interleaved repetitions in one process (cold figures: one fresh process per sample); the ratios are what the bars judge.',
    '',
    markdownTable(results),
    '',
    '## Bars',
    '',
    ...bars,
    '',
    ...(results.actions ? ['## User actions', '', actionsTable(results.actions), ''] : []),
  ].join('\n');
}

/** A bar as one line: PASS, MISS, or a report-only miss. */
export function barLine(bar: Bar): string {
  const verdict = bar.pass ? 'PASS' : bar.reportOnly ? 'MISS (report only)' : 'MISS';
  return `${verdict}  ${bar.what}: ${bar.measured} (bar ${bar.limit})`;
}
