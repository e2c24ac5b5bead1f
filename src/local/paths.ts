/**
 * Where the project's files are, found from this module's own location by
 * walking up to the project's package.json, so the local tools work the same
 * when vitest loads them from src/ and when src/local/run.mjs bundles them
 * elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function projectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'activity-quota') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the activity-quota project is not above ${start}`);
    dir = parent;
  }
}

export const ROOT = projectRoot(import.meta.dirname ?? process.cwd());
/** The built files clasp pushes: Code.js, Sidebar.html, appsscript.json. */
export const DIST = join(ROOT, 'dist');
