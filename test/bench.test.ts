/**
 * The benchmark harness, end to end at toy sizes, so `npm run bench`
 * keeps working. Times are never asserted (they are noise on shared machines):
 * only that every figure is measured, the ratios computed and the results
 * structured, and the counts (not times) that must hold at any size.
 */
import { describe, expect, it } from 'vitest';
import { markdownReport, type Results, runBench, SMOKE } from '../bench/harness';
import { sumifsSheet } from '../bench/sheets';
import { median } from '../bench/stats';
import { workload } from '../bench/workload';

const positive = (n: number) => Number.isFinite(n) && n > 0;

describe('the benchmark harness at toy sizes', () => {
  let results: Results;

  it('runs every measurement and judges every bar', async () => {
    results = await runBench(SMOKE);
    expect(results.bars.map((bar) => bar.id)).toEqual([
      'board-vs-sumifs',
      'engine-vs-floor',
      'service-calls',
      'bundle-size',
      'log-cells-read',
      'sidebar-cells-read',
      'log-time',
    ]);
    for (const bar of results.bars) expect(typeof bar.pass).toBe('boolean');
    // Every bar decides the run, those of a log's cost at a year's volume (SPEC §5) among them.
    expect(results.pass).toBe(results.bars.every((bar) => bar.pass));
    expect(results.bars.filter((bar) => bar.reportOnly)).toEqual([]);
    expect(results.bars.map((bar) => bar.id)).toEqual(
      expect.arrayContaining(['log-cells-read', 'sidebar-cells-read', 'log-time']),
    );
    expect(results.machine.cpus).toBeGreaterThan(0);
  }, 120_000);

  it('compares the board with SUMIFS on the same data, with the same answers', () => {
    expect(results.sheets.map((s) => s.rows)).toEqual(SMOKE.sheets.sizes);
    for (const s of results.sheets) {
      expect(s.sameAnswers).toBe(true);
      expect(s.sumifsFormulas).toBe(SMOKE.sheets.quotas);
      for (const n of [s.boardMs, s.sumifsMs, s.speedup, s.boardInsideMs, s.boardBridgeMs])
        expect(positive(n)).toBe(true);
      expect(s.speedup).toBeCloseTo(s.sumifsMs / s.boardMs);
      expect(s.samples.board).toHaveLength(SMOKE.sheets.reps);
    }
  });

  it('measures the core against the floor on the same rows: steady, after a collection, and cold', () => {
    const { engine } = results;
    expect(engine.rows).toBe(SMOKE.engine.rows);
    expect(engine.boardRows).toBe(SMOKE.engine.quotas);
    expect(engine.processes).toBe(SMOKE.engine.processes);
    expect(positive(engine.engineRowsPerSecond)).toBe(true);
    for (const [how, pair] of Object.entries({
      steady: engine.steady,
      afterCollection: engine.afterCollection,
      cold: engine.cold,
    })) {
      for (const n of [pair.engineMs, pair.floorMs, pair.ratio, pair.bestRatio]) expect(positive(n), how).toBe(true);
      expect(pair.processRatios, how).toHaveLength(SMOKE.engine.processes);
      expect(pair.ratio, how).toBe(median(pair.processRatios));
      const { reps, processes } = SMOKE.engine;
      const samples = how === 'cold' ? processes : reps * processes;
      expect(pair.samples.engine, how).toHaveLength(samples);
      expect(pair.samples.floor, how).toHaveLength(samples);
    }
    // The bar judges the steady state, printed to two or three figures.
    const measured = results.bars.find((bar) => bar.id === 'engine-vs-floor')?.measured ?? '';
    expect(Number.parseFloat(measured)).toBeCloseTo(engine.steady.ratio, 1);
  });

  it('counts the same service calls at every size, and logActivity logs', () => {
    expect(results.calls.map((c) => c.rows)).toEqual(SMOKE.calls.sizes);
    for (const c of results.calls) {
      expect(c.logged).toBe(true);
      expect(c.refresh).toEqual(results.calls[0]?.refresh);
      expect(c.logActivity).toEqual(results.calls[0]?.logActivity);
      expect(c.refresh['Range.setValues']).toBe(1);
    }
    expect(results.bars.find((bar) => bar.id === 'service-calls')?.pass).toBe(true);
  });

  it('sizes the bundle, minified and not, and times its load against an empty script', () => {
    const { bundle } = results;
    expect(bundle.minifiedBytes).toBeLessThan(bundle.bytes);
    expect(bundle.codeBytes).toBeLessThan(bundle.bytes);
    expect(Object.keys(bundle.languageBytes).sort()).toEqual(['da', 'en', 'ko', 'ms', 'pl', 'ru']);
    for (const n of [bundle.loadMs, bundle.emptyLoadMs, bundle.minifiedLoadMs, bundle.loadRatio])
      expect(positive(n)).toBe(true);
    expect(bundle.sidebarBytes).toBeGreaterThan(0);
  });

  it('times the sidebar against a blank page, and measures memory in child processes', () => {
    const { sidebar, memory } = results;
    for (const n of [sidebar?.readyMs, sidebar?.blankMs, sidebar?.ratio]) expect(n).toBeGreaterThan(0);
    expect(memory?.withBoard.rowsOut).toBe(SMOKE.engine.quotas + 1);
    expect(memory?.withBoard.peakRssMb).toBeGreaterThan(0);
    // A heap difference at 500 rows is within the noise of a collection: measured, not judged, here.
    expect(Number.isFinite(memory?.inputOnly.inputHeapMb)).toBe(true);
  });

  it('measures every user action at every size: calls, cells, lock hold, modelled latency', () => {
    const actions = results.actions;
    expect(actions?.measured.map((s) => s.rows)).toEqual(SMOKE.actions ? SMOKE.actions.sizes : []);
    for (const size of actions?.measured ?? []) {
      const names = size.actions.map((a) => a.action.split(' ')[0]);
      expect(names).toEqual([
        'open',
        'log',
        'undo',
        'edit-triggered',
        'daily',
        ...(actions?.compactBuilt ? ['compact'] : []),
      ]);
      for (const a of size.actions) {
        expect(a.ok, `${a.action}: ${a.note}`).toBe(true);
        expect(a.calls).toBeGreaterThan(0);
        expect(a.cellsRead).toBeGreaterThan(0);
        expect(a.model.totalMs).toBeCloseTo(a.model.callsMs + a.model.cellsMs);
      }
      // Logging and undoing hold the document lock; the hold is timed.
      for (const name of ['log', 'undo'])
        expect(size.actions.find((a) => a.action.startsWith(name))?.lockMs).toBeGreaterThan(0);
      expect(size.logMs).toHaveLength(SMOKE.actions ? SMOKE.actions.logReps : 0);
    }
    const report = markdownReport(results);
    expect(report).toContain('## User actions');
    expect(report).toContain('modelled Sheets latency');
  });

  it('reports one table row per measure, in Markdown', () => {
    expect(results.table).toHaveLength(results.sheets.length + 9 + 3);
    const report = markdownReport(results);
    expect(report).toContain('| measure | baseline | ours | ratio | bar |');
    for (const bar of results.bars) expect(report).toContain(bar.what);
  });
});

describe('the SUMIFS grid', () => {
  it('has one formula per rep and activity, over the whole log', () => {
    const load = workload(30, 10);
    const grid = sumifsSheet(load.reps, 30);
    const formulas = grid.flat().filter((cell) => typeof cell === 'string' && cell.startsWith('=SUMIFS('));
    expect(formulas).toHaveLength(10);
    expect(formulas[0]).toContain('Activities!$D$2:$D$31');
  });
});
