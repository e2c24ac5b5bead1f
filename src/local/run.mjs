#!/usr/bin/env node
/**
 * Runs one of the local tools written in TypeScript on Node 20, which cannot
 * run TypeScript itself: esbuild (already a dev dependency) bundles the entry,
 * leaving npm packages external, into node_modules/.cache/activity-quota/, and
 * Node imports the result with the remaining arguments.
 *
 *   node src/local/run.mjs src/local/playground/main.ts --port 8080
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node src/local/run.mjs <entry.ts> [arguments…]');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'node_modules', '.cache', 'activity-quota');
mkdirSync(cache, { recursive: true });
const outfile = join(cache, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.mjs`);
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  // The bundle runs from the cache, which may be a symlink into another checkout's
  // node_modules: src/local/paths.ts must find the project from the entry instead.
  define: { 'import.meta.dirname': JSON.stringify(dirname(resolve(entry))) },
});
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], resolve(entry), ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
