/**
 * Measurements that need a process of their own (a fresh V8, nothing else
 * allocated): `bench/run.ts --child <kind> …` runs one and prints its figures as
 * the last line of JSON.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../src/local/paths';

/** Runs `bench/run.ts --child <args…>` in a new Node process (`--expose-gc`) and parses its last line. */
export function runChild<T>(args: readonly string[]): T {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', join(ROOT, 'src/local/run.mjs'), join(ROOT, 'bench/run.ts'), '--child', ...args],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as T;
}
