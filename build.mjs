/**
 * Builds dist/ for clasp: Code.js (one IIFE plus generated top-level wrappers with
 * their JSDoc) and appsscript.json. Usage: `node build.mjs [--minify]`.
 *
 * The wrappers are written from the catalogue that the bundle itself exports
 * (names and parameters), with their words from src/shells/docs.ts, which the
 * bundle does not contain: the bundle is loaded in a vm whose Apps Script
 * services all throw, which also proves that loading it calls no service.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const GLOBAL = 'ActivityQuota';
export const SERVICES = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'Session',
  'CacheService',
  'Utilities',
  'Logger',
];

/**
 * Writes a file of dist/ whole or not at all (a temporary file renamed over it),
 * so tests and the playground reading dist/ while a build runs never see half a file.
 */
async function writeWhole(path, content) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

/** Bundles src/main.ts into one IIFE assigned to the global `ActivityQuota`. */
async function bundle(minify, metafile = false) {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    treeShaking: true,
    // What ships is always syntax- and identifier-minified, line breaks kept: Sheets
    // parses all of Code.js on every call, and a stack trace's line still reads as code.
    minify,
    minifySyntax: true,
    minifyIdentifiers: true,
    legalComments: 'none',
    write: false,
    charset: 'utf8',
    metafile,
  });
  return metafile ? result : result.outputFiles[0].text;
}

/** The word tables: one file per language and surface under src/core/i18n, e.g. `app/ko.ts`. */
const WORD_TABLE = /src\/core\/i18n\/(?:[a-z]+\/)?([a-z]{2})\.ts$/;

/**
 * Where the bundle's bytes go (unminified): the code, and the word tables of each
 * language. The bar on size is on the code; the languages grow with their words.
 */
/** @returns {Promise<{ total: number, code: number, languages: Record<string, number> }>} */
export async function bundleSizes() {
  const result = await bundle(false, true);
  const [output] = Object.values(result.metafile.outputs);
  /** @type {{ total: number, code: number, languages: Record<string, number> }} */
  const sizes = { total: Buffer.byteLength(result.outputFiles[0].text), code: 0, languages: {} };
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const lang = WORD_TABLE.exec(path)?.[1];
    if (lang) sizes.languages[lang] = (sizes.languages[lang] ?? 0) + bytesInOutput;
    else sizes.code += bytesInOutput;
  }
  return sizes;
}

/**
 * Sidebar.html: the page's TypeScript bundled and minified, its CSS minified,
 * both inlined into src/sidebar/index.html, so HtmlService serves one file.
 */
async function buildSidebar() {
  const script = await build({
    entryPoints: [join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
    charset: 'utf8',
  });
  const style = await build({
    entryPoints: [join(root, 'src/sidebar/style.css')],
    bundle: true,
    minify: true,
    write: false,
    charset: 'utf8',
  });
  const template = await readFile(join(root, 'src/sidebar/index.html'), 'utf8');
  // `</` inside the script would end the <script> element early.
  const js = script.outputFiles[0].text.trim().replace(/<\//g, '<\\/');
  const css = style.outputFiles[0].text.trim();
  const html = template.replace(/\/\* STYLE \*\//, () => css).replace(/\/\* SCRIPT \*\//, () => js);
  await writeWhole(join(dist, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

/** Loads the bundle with every service throwing; returns what it exports. */
function loadWithoutServices(code) {
  const context = { console };
  for (const name of SERVICES) {
    context[name] = new Proxy(
      {},
      {
        get() {
          throw new Error(`the bundle called ${name} while loading; top-level code must call no service`);
        },
      },
    );
  }
  vm.createContext(context);
  vm.runInContext(`${code}\nthis.${GLOBAL} = ${GLOBAL};`, context, { filename: 'Code.js' });
  return context[GLOBAL];
}

function docLine(text) {
  return String(text).replace(/\*\//g, '*\u2215').replace(/\s+/g, ' ').trim();
}

/** src/shells/docs.ts, compiled and imported: the words of the wrappers' JSDoc. */
async function loadDocs() {
  const result = await build({
    entryPoints: [join(root, 'src/shells/docs.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
  });
  const source = Buffer.from(result.outputFiles[0].text).toString('base64');
  return import(`data:text/javascript;base64,${source}`);
}

/**
 * The words for one function or entry point. Throws (failing the build) for a
 * name or parameter docs.ts has no words for.
 */
export function wordsFor(kind, spec, doc, shared) {
  if (!doc) throw new Error(`src/shells/docs.ts has no words for the ${kind} ${spec.name}`);
  const params = spec.params.map((param) => {
    const name = typeof param === 'string' ? param : param.name;
    const words = doc.params?.[name] ?? shared[name];
    if (!words) throw new Error(`src/shells/docs.ts has no words for parameter ${name} of ${spec.name}`);
    return { name, optional: typeof param === 'string' ? false : Boolean(param.optional), ...words };
  });
  return { name: spec.name, summary: doc.summary, params, returns: doc.returns };
}

/** Words in docs.ts for a name the catalogue does not have: a rename left behind. */
export function checkNoStrays(kind, docs, specs) {
  const names = new Set(specs.map((spec) => spec.name));
  const strays = Object.keys(docs).filter((name) => !names.has(name));
  if (strays.length > 0) throw new Error(`src/shells/docs.ts has words for unknown ${kind}s: ${strays.join(', ')}`);
}

/** One top-level function with its JSDoc block. */
function wrapper({ name, summary, params, returns }, target, customFunction) {
  const names = params.map((param) => param.name);
  const lines = ['/**', ` * ${docLine(summary)}`, ' *'];
  for (const param of params) {
    const optional = param.optional ? ' (optional)' : '';
    lines.push(` * @param {${param.type}} ${param.name}${optional} ${docLine(param.text)}`);
  }
  if (returns) lines.push(` * @return {${returns.type}} ${docLine(returns.text)}`);
  if (customFunction) lines.push(' * @customfunction');
  lines.push(' */');
  lines.push(`function ${name}(${names.join(', ')}) {`);
  lines.push(`  return ${GLOBAL}.${target}.${name}(${names.join(', ')});`);
  lines.push('}');
  return lines.join('\n');
}

export async function buildAll({ minify = false } = {}) {
  await mkdir(dist, { recursive: true });
  const code = await bundle(minify);
  const exported = loadWithoutServices(code);
  const docs = await loadDocs();
  checkNoStrays('custom function', docs.FUNCTIONS, exported.catalogue);
  checkNoStrays('entry point', docs.ENTRY_POINTS, exported.entryPoints);
  const functionWords = (spec) => wordsFor('custom function', spec, docs.FUNCTIONS[spec.name], docs.PARAMS);
  const entryWords = (spec) => wordsFor('entry point', spec, docs.ENTRY_POINTS[spec.name], {});
  const parts = [
    '// Activity Quota for Google Sheets. Generated by build.mjs from src/: do not edit.',
    code.trimEnd(),
    '',
    '// ---- Custom functions (generated from the catalogue in src/shells/functions.ts and docs.ts) ----',
    ...exported.catalogue.map((spec) => wrapper(functionWords(spec), 'functions', true)),
  ];
  if (exported.entryPoints?.length) {
    parts.push('', '// ---- Entry points: triggers, menu actions, sidebar API ----');
    parts.push(...exported.entryPoints.map((spec) => wrapper(entryWords(spec), 'entries', false)));
  }
  const output = `${parts.join('\n\n')}\n`;
  await writeWhole(join(dist, 'Code.js'), output);
  await writeWhole(join(dist, 'appsscript.json'), await readFile(join(root, 'appsscript.json')));
  const sidebarBytes = await buildSidebar();
  return { bytes: Buffer.byteLength(output), functions: exported.catalogue.length, sidebarBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, functions, sidebarBytes } = await buildAll({ minify: process.argv.includes('--minify') });
  const manifest = JSON.parse(await readFile(join(dist, 'appsscript.json'), 'utf8'));
  console.log(
    `dist/Code.js: ${(bytes / 1024).toFixed(1)} KB, ${functions} custom functions; dist/Sidebar.html: ${(sidebarBytes / 1024).toFixed(1)} KB; dist/appsscript.json: ${manifest.runtimeVersion}`,
  );
}
