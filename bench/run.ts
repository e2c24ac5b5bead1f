/**
 * `npm run bench`: runs the benchmarks of issue 6 at full size, prints the
 * table, writes bench/results.md and bench/results.json, and exits non-zero
 * when a bar is missed (report-only bars, those of issue 14 for now, are
 * printed but do not fail it). Run through src/local/run.mjs (Node 20 runs no
 * TypeScript): `node src/local/run.mjs bench/run.ts [--smoke]`.
 *
 * `--child memory <rows> <quotas> <input|board>` is the memory measurement's
 * child process (bench/memory.ts); `--child engine <rows> <quotas> <reps>
 * <engine-first|floor-first>` times the core and the floor (bench/engine.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../src/local/paths';
import { actionsTable } from './actions';
import { engineChild } from './engine';
import { barLine, FULL, markdownReport, markdownTable, runBench, SMOKE } from './harness';
import { memoryChild } from './memory';

const args = process.argv.slice(2);

if (args[0] === '--child' && args[1] === 'memory') {
  const [rows, quotas, mode] = args.slice(2);
  console.log(JSON.stringify(memoryChild(Number(rows), Number(quotas), mode === 'board')));
} else if (args[0] === '--child' && args[1] === 'engine') {
  const [rows, quotas, reps, order] = args.slice(2).map(String);
  console.log(
    JSON.stringify(
      engineChild(Number(rows), Number(quotas), Number(reps), order === 'floor-first' ? order : 'engine-first'),
    ),
  );
} else {
  const smoke = args.includes('--smoke');
  const started = performance.now();
  const results = await runBench(smoke ? SMOKE : FULL, (message) => console.log(message));
  console.log('');
  console.log(markdownTable(results));
  console.log('');
  if (results.actions) {
    console.log('User actions as the log grows:\n');
    console.log(actionsTable(results.actions));
    console.log('');
  }
  for (const bar of results.bars) console.log(barLine(bar));
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${seconds.toFixed(0)} s in all.`);
  if (!smoke) {
    writeFileSync(join(ROOT, 'bench', 'results.md'), markdownReport(results));
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('Wrote bench/results.md and bench/results.json.');
  }
  if (!results.pass) {
    console.log('A bar was missed.');
    process.exitCode = 1;
  }
}
