/**
 * The shape of the code (DEVELOPERS.md): a pure core, thin shells, and
 * dependencies pointing inward.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

import { SERVICES as BUNDLE_SERVICES } from '../build.mjs';

const SERVICES: string[] = [...BUNDLE_SERVICES, 'google.script'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Code without comments and string contents, so only real references count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g, "''");
}

function imports(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1] as string);
}

describe('architecture', () => {
  const core = files(join(SRC, 'core'));

  it('has a core', () => {
    expect(core.length).toBeGreaterThan(8);
  });

  it.each(core.map((path) => [relative(SRC, path), path]))('%s touches no Apps Script global', (_name, path) => {
    const text = code(path);
    for (const service of SERVICES)
      expect(text, service).not.toMatch(new RegExp(`\\b${service.replace('.', '\\.')}\\b`));
  });

  it('the core imports only the core and date-fns (time-zone offsets come from Intl.formatToParts, not @date-fns/tz)', () => {
    for (const path of core) {
      for (const spec of imports(path)) {
        const ok =
          spec.startsWith('./') || spec.startsWith('../')
            ? !spec.includes('shells') && !spec.includes('local')
            : spec === 'date-fns';
        expect(ok, `${relative(SRC, path)} imports ${spec}`).toBe(true);
      }
    }
  });

  it('the shells never import the local runtime, and nothing shipped imports HyperFormula', () => {
    for (const path of [...files(join(SRC, 'shells')), ...core, join(SRC, 'main.ts')]) {
      for (const spec of imports(path)) {
        expect(spec.includes('local'), `${relative(SRC, path)} imports ${spec}`).toBe(false);
        expect(spec).not.toBe('hyperformula');
      }
    }
  });
});

describe('one clock', () => {
  const ROOT = join(SRC, '..');
  /**
   * The only files that may read the machine's time: the add-on's clock, the local
   * runtime's, and the sidebar page's (the browser's, compared only with the
   * instant the server says the spreadsheet's day ends).
   */
  const CLOCKS = new Set(['src/shells/clock.ts', 'src/local/clock.ts', 'src/sidebar/clock.ts']);
  const everything = ['src', 'test', 'bench'].flatMap((dir) => files(join(ROOT, dir)));
  /** `Date.now()`, `new Date()` with no argument, and the same through globalThis. */
  const WALL_CLOCK = /\bDate\.now\s*\(|\bnew\s+(?:globalThis\.)?Date\s*\(\s*\)|\bnew\s+Date\s*;/;

  it('finds the files it guards', () => {
    expect(everything.length).toBeGreaterThan(60);
    expect(everything.filter((path) => CLOCKS.has(relative(ROOT, path)))).toHaveLength(3);
  });

  it.each(everything.map((path) => [relative(ROOT, path), path]))(
    '%s reads the time only through the injected clock',
    (name, path) => {
      // The two clocks do read it (else this pattern would be blind); nothing else may.
      expect(WALL_CLOCK.test(code(path)), `${name}: Date.now() or new Date()`).toBe(CLOCKS.has(name));
    },
  );
});

describe('the rooms', () => {
  const all = files(SRC);
  /** Relative imports and re-exports (type-only ones too: a circle of types is still a circle). */
  const edges = (path: string): string[] =>
    [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^;'"]*?from\s+'(\.[^']+)'/gms)].flatMap((m) => {
      const target = resolve(dirname(path), m[1] as string);
      const found = [`${target}.ts`, join(target, 'index.ts'), target].find(
        (p) => existsSync(p) && statSync(p).isFile(),
      );
      return found ? [found] : [];
    });

  it.each(all.map((path) => [relative(SRC, path), path]))('%s is under 400 lines', (_name, path) => {
    expect(readFileSync(path, 'utf8').split('\n').length).toBeLessThanOrEqual(400);
  });

  it('has no import circle in src/', () => {
    const graph = new Map(all.map((path) => [path, edges(path)]));
    // Depth-first search; a module met again while still on the path closes a circle.
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (path: string, trail: string[]): void => {
      state.set(path, 'open');
      for (const next of graph.get(path) ?? []) {
        if (state.get(next) === 'open')
          circles.push([...trail.slice(trail.indexOf(next)), next].map((p) => relative(SRC, p)).join(' → '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(path, 'done');
    };
    for (const path of all) if (!state.has(path)) visit(path, [path]);
    expect(circles).toEqual([]);
    expect(graph.size).toBeGreaterThan(100);
  });
});

describe('test titles', () => {
  const tests = files(join(SRC, '..', 'test'));
  /** Every string that opens a describe/it/test call (each, skip and the like included). */
  const titles = (path: string): string[] =>
    [
      ...readFileSync(path, 'utf8').matchAll(
        /\b(?:describe|it|test)(?:\.\w+)*(?:\((?:[^()]|\([^()]*\))*\))?\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g,
      ),
    ].map((m) => m[2] as string);

  it('finds the titles it guards', () => {
    expect(tests.flatMap(titles).length).toBeGreaterThan(500);
  });

  it.each(tests.map((path) => [relative(join(SRC, '..'), path), path]))(
    '%s names behaviour, not issue numbers',
    (name, path) => {
      expect(name).not.toMatch(/issue|#\d/i);
      expect(titles(path).filter((title) => /\bissues?\b|#\d/i.test(title))).toEqual([]);
    },
  );
});
