/**
 * The shipped file: dist/Code.js's size (as built and minified), where its bytes
 * go (code vs the six languages' word tables), and the time to load it into a
 * fresh V8 context against loading an empty script (what every Apps Script
 * execution pays before our first line runs).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { DIST, ROOT } from '../src/local/paths';
import { interleave } from './stats';

export interface BundleFigures {
  /** dist/Code.js as built (`npm run build`). */
  bytes: number;
  /** The same with `npm run build -- --minify`. */
  minifiedBytes: number;
  /** Unminified bytes of our code, and of each language's word tables (esbuild's metafile). */
  codeBytes: number;
  languageBytes: Record<string, number>;
  /** Median milliseconds to create a context and run the file in it, and to do the same with an empty script. */
  loadMs: number;
  minifiedLoadMs: number;
  emptyLoadMs: number;
  /** loadMs ÷ emptyLoadMs. */
  loadRatio: number;
  sidebarBytes: number;
}

type BuildModule = { bundleSizes(): Promise<{ total: number; code: number; languages: Record<string, number> }> };

/** build.mjs, loaded from the project (it finds src/ from its own location, so it is not bundled). */
async function buildModule(): Promise<BuildModule> {
  return (await import(pathToFileURL(join(ROOT, 'build.mjs')).href)) as BuildModule;
}

/**
 * The minified Code.js exactly as `npm run build -- --minify` writes it, built
 * in a copy of the project so dist/ (which tests and the playground read) is
 * not touched.
 */
export function buildMinified(): string {
  const dir = mkdtempSync(join(tmpdir(), 'activity-quota-minify-'));
  try {
    for (const name of ['src', 'build.mjs', 'appsscript.json', 'package.json']) {
      cpSync(join(ROOT, name), join(dir, name), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['build.mjs', '--minify'], { cwd: dir, stdio: 'pipe' });
    return readFileSync(join(dir, 'dist', 'Code.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Loads `code` into a fresh context. Each load gets a unique trailing comment,
 * so V8's compilation cache (keyed by source) cannot serve a later load: each
 * one parses and compiles, as a new Apps Script execution does.
 */
let serial = 0;
function load(code: string): void {
  const context = vm.createContext({ console });
  vm.runInContext(`${code}\n// load ${serial++}`, context, { filename: 'Code.js' });
}

export async function measureBundle(reps: number): Promise<BundleFigures> {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const minified = buildMinified();
  const sizes = await (await buildModule()).bundleSizes();
  const full = interleave({ reps, warmup: 2 }, { setup: () => code, run: load }, { setup: () => '', run: load });
  const small = interleave({ reps, warmup: 2 }, { setup: () => minified, run: load }, { setup: () => '', run: load });
  return {
    bytes: Buffer.byteLength(code),
    minifiedBytes: Buffer.byteLength(minified),
    codeBytes: sizes.code,
    languageBytes: sizes.languages,
    loadMs: full.a,
    minifiedLoadMs: small.a,
    emptyLoadMs: full.b,
    loadRatio: full.a / full.b,
    sidebarBytes: statSync(join(DIST, 'Sidebar.html')).size,
  };
}
