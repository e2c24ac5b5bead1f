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

/** Bundles an entry (src/main.ts, the add-on; src/phone.ts, the phone web app) into one IIFE assigned to the global `ActivityQuota`. */
async function bundle(minify, metafile = false, entry = 'src/main.ts') {
  const result = await build({
    entryPoints: [join(root, entry)],
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
 * A page's index.html with each `<!-- INCLUDE file.html -->` line replaced by that
 * file (a path from the page's folder), indented as the marker is: the entry
 * form's fields (src/sidebar/fields.html), written once for the sidebar and the phone page.
 */
async function pageTemplate(dir) {
  const template = await readFile(join(root, dir, 'index.html'), 'utf8');
  const parts = template.split(/^([ \t]*)<!-- INCLUDE (\S+) -->$/m);
  for (let i = 1; i < parts.length; i += 3) {
    const fragment = await readFile(join(root, dir, parts[i + 1]), 'utf8');
    parts[i] = fragment.trimEnd().replace(/^(?=.)/gm, parts[i]);
    parts[i + 1] = '';
  }
  return parts.join('');
}

/**
 * A page (Sidebar.html, Phone.html): its TypeScript bundled and minified, its
 * CSS minified, both inlined into its index.html, so HtmlService serves one file.
 */
async function buildPage(dir, out) {
  const script = await build({
    entryPoints: [join(root, dir, 'main.ts')],
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
    entryPoints: [join(root, dir, 'style.css')],
    bundle: true,
    minify: true,
    write: false,
    charset: 'utf8',
  });
  const template = await pageTemplate(dir);
  // `</` inside the script would end the <script> element early.
  const js = script.outputFiles[0].text.trim().replace(/<\//g, '<\\/');
  const css = style.outputFiles[0].text.trim();
  const html = template.replace(/\/\* STYLE \*\//, () => css).replace(/\/\* SCRIPT \*\//, () => js);
  await writeWhole(out, html);
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
  const sidebarBytes = await buildPage('src/sidebar', join(dist, 'Sidebar.html'));
  const phone = await buildPhone({ minify, docs });
  return { bytes: Buffer.byteLength(output), functions: exported.catalogue.length, sidebarBytes, phone };
}

// ---- The phone web app (SPEC §5b): a deployment of its own, in dist/phone/ ----

export const PHONE_DIST = join(dist, 'phone');
/** The deploy-time setting: the team spreadsheet's id, from the environment or this file. */
export const PHONE_CONFIG = join(root, 'phone.config.json');

/**
 * The team spreadsheet's id the phone page serves: `PHONE_SPREADSHEET_ID`, else
 * `spreadsheetId` in phone.config.json, else '' (the page then says none was
 * configured). A spreadsheet's address is taken for its id. Anything that is not
 * an id fails the build, rather than deploying a page that cannot open its file.
 */
export async function phoneSpreadsheetId(env = process.env) {
  let given = env.PHONE_SPREADSHEET_ID;
  if (given === undefined) {
    const text = await readFile(PHONE_CONFIG, 'utf8').catch((error) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    given = text === undefined ? '' : JSON.parse(text).spreadsheetId;
  }
  const value = String(given ?? '').trim();
  const id = /\/spreadsheets\/d\/([\w-]+)/.exec(value)?.[1] ?? value;
  if (id !== '' && !/^[\w-]{10,}$/.test(id)) {
    throw new Error(
      `the phone page's spreadsheet id "${value}" is not a spreadsheet id or address (PHONE_SPREADSHEET_ID or phone.config.json)`,
    );
  }
  return id;
}

/** dist/phone/Config.js: the one file of the web app that differs between teams. */
export function phoneConfig(spreadsheetId) {
  return [
    '// The team spreadsheet the phone page serves (SPEC §5b). Written by build.mjs from PHONE_SPREADSHEET_ID',
    "// or phone.config.json; '' means none was configured, and the page says so.",
    `const PHONE_SPREADSHEET_ID = ${JSON.stringify(spreadsheetId)};`,
    '',
  ].join('\n');
}

/**
 * dist/phone/: Code.js (the IIFE of src/phone.ts and one top-level function per
 * entry point, `doGet` among them), Config.js, appsscript.json (its own scopes and
 * `webapp` settings) and Phone.html, in `dir`. The add-on's dist/ files are not touched.
 * @param {{ minify?: boolean, docs?: any, spreadsheetId?: string, dir?: string }} [options]
 */
export async function buildPhone({ minify = false, docs, spreadsheetId, dir = PHONE_DIST } = {}) {
  await mkdir(dir, { recursive: true });
  const id = spreadsheetId ?? (await phoneSpreadsheetId());
  const words = docs ?? (await loadDocs());
  const code = await bundle(minify, false, 'src/phone.ts');
  const exported = loadWithoutServices(code);
  checkNoStrays('entry point', words.PHONE_ENTRY_POINTS, exported.entryPoints);
  const entryWords = (spec) => wordsFor('entry point', spec, words.PHONE_ENTRY_POINTS[spec.name], {});
  const parts = [
    '// Activity Quota, the phone page (a web app). Generated by build.mjs from src/: do not edit.',
    code.trimEnd(),
    '',
    "// ---- Entry points: the web app and the page's server functions ----",
    ...exported.entryPoints.map((spec) => wrapper(entryWords(spec), 'entries', false)),
  ];
  const output = `${parts.join('\n\n')}\n`;
  await writeWhole(join(dir, 'Code.js'), output);
  await writeWhole(join(dir, 'Config.js'), phoneConfig(id));
  await writeWhole(join(dir, 'appsscript.json'), await readFile(join(root, 'src/phone/appsscript.json')));
  const pageBytes = await buildPage('src/phone', join(dir, 'Phone.html'));
  return { bytes: Buffer.byteLength(output), pageBytes, configured: id !== '' };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, functions, sidebarBytes, phone } = await buildAll({ minify: process.argv.includes('--minify') });
  const manifest = JSON.parse(await readFile(join(dist, 'appsscript.json'), 'utf8'));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `dist/Code.js: ${kb(bytes)}, ${functions} custom functions; dist/Sidebar.html: ${kb(sidebarBytes)}; dist/appsscript.json: ${manifest.runtimeVersion}`,
  );
  console.log(
    `dist/phone/Code.js: ${kb(phone.bytes)}; dist/phone/Phone.html: ${kb(phone.pageBytes)}; spreadsheet: ${phone.configured ? 'configured' : 'none configured (set PHONE_SPREADSHEET_ID or phone.config.json to deploy it)'}`,
  );
}
