/**
 * Each runtime is checked by the compiler with only its own platform's types
 * (a tsconfig per folder): the core with neither DOM nor Apps Script nor Node,
 * the shells with Apps Script only, the pages with the DOM only, the local
 * runtime and the benchmarks with Node. `npm run typecheck` runs every one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

function configs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist' || name === 'test-results') return [];
    if (statSync(path).isDirectory()) return configs(path);
    return /^tsconfig.*\.json$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

/** What a program under `config` says of a file holding `code`: '' when it compiles. */
function compile(config: string, code: string): string {
  const dir = join(ROOT, 'test-results', 'tsc-probe', config.replace(/[/.]/g, '_'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe.ts'), `export {};\n${code}\n`);
  const extended = relative(dir, join(ROOT, config));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: extended, files: ['probe.ts'], include: [] }));
  try {
    execFileSync(TSC, ['-p', dir], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

const DOM = 'document.title = "x";';
const APPS_SCRIPT = 'SpreadsheetApp.getActive();';
const NODE = 'process.exit(0);';

describe('a compiler per runtime', () => {
  it('npm run typecheck checks every tsconfig in the project', () => {
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.typecheck as string;
    const checked = [...script.matchAll(/tsc -p (\S+)/g)].map((m) => {
      const target = m[1] as string;
      return target.endsWith('.json') ? target : join(target, 'tsconfig.json');
    });
    expect(checked.sort()).toEqual(configs(ROOT).sort());
    expect(checked.length).toBeGreaterThanOrEqual(7);
  });

  it.each([
    ['src/core/tsconfig.json', { [DOM]: false, [APPS_SCRIPT]: false, [NODE]: false }],
    ['src/shells/tsconfig.json', { [DOM]: false, [APPS_SCRIPT]: true, [NODE]: false }],
    ['src/sidebar/tsconfig.json', { [DOM]: true, [APPS_SCRIPT]: false, [NODE]: false }],
    ['src/local/playground/tsconfig.page.json', { [DOM]: true, [APPS_SCRIPT]: false, [NODE]: false }],
    ['src/local/tsconfig.json', { [DOM]: false, [APPS_SCRIPT]: false, [NODE]: true }],
  ])('%s knows only its own platform', { timeout: 60_000 }, (config, allowed) => {
    for (const [code, ok] of Object.entries(allowed)) {
      const said = compile(config, code);
      if (ok) expect(said, code).toBe('');
      else expect(said, code).toMatch(/error TS2(304|584|580|591)/);
    }
  });
});
