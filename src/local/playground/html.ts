/**
 * The playground's own page: its HTML shell (the grid, the tabs, the menu
 * bar and the sidebar's frame) and its script (page.ts), bundled at start.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../paths';

/** The page's script and style, bundled once per start. */
export async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/local/playground/page.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    charset: 'utf8',
  });
  return (result.outputFiles[0]?.text ?? '').replace(/<\//g, '<\\/');
}

/** The page, with this start's token and script. */
export function pageHtml(token: string, script: string): string {
  return PAGE.replace('%TOKEN%', token).replace('/* SCRIPT */', () => script);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Activity Quota — local playground</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="playground-token" content="%TOKEN%">
<style>
  :root { font: 13px Arial, sans-serif; color: #202124; }
  body { margin: 0; display: grid; grid-template-columns: 1fr 320px; grid-template-rows: auto auto auto 1fr auto; height: 100vh; }
  header { grid-column: 1 / 3; display: flex; gap: 8px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #dadce0; flex-wrap: wrap; }
  header h1 { font-size: 15px; margin: 0 12px 0 0; font-weight: normal; }
  header .today { margin-left: auto; color: #5f6368; }
  button { font: inherit; border: 1px solid #dadce0; background: #fff; border-radius: 4px; padding: 5px 10px; cursor: pointer; }
  button:hover { background: #f1f3f4; }
  button:focus-visible, td:focus-visible { outline: 2px solid #1a73e8; outline-offset: -2px; }
  #bar { grid-column: 1; display: flex; gap: 6px; padding: 4px 12px; border-bottom: 1px solid #dadce0; align-items: center; }
  #bar label { color: #5f6368; min-width: 70px; }
  #formula { flex: 1; font: 13px monospace; padding: 4px; border: 1px solid #dadce0; }
  #grid-wrap { grid-column: 1; overflow: auto; }
  table { border-collapse: collapse; }
  th { background: #f8f9fa; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 1; border: 1px solid #e0e0e0; padding: 2px 6px; }
  th.row { position: sticky; left: 0; }
  td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; height: 18px; }
  td.bold { font-weight: bold; }
  td.spark { min-width: 110px; padding: 3px 4px; }
  td.spark div { display: flex; height: 14px; }
  td.spark span { display: block; height: 100%; }
  td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  tr.frozen-last td { border-bottom: 2px solid #9aa0a6; }
  #tabs { grid-column: 1; display: flex; gap: 2px; padding: 4px 12px; border-top: 1px solid #dadce0; background: #f8f9fa; }
  #tabs button[aria-selected="true"] { background: #e8f0fe; border-color: #1a73e8; color: #1967d2; }
  iframe { grid-column: 2; grid-row: 3 / 6; border: 0; border-left: 1px solid #dadce0; width: 320px; height: 100%; }
  #messages { grid-column: 1 / 3; }
  #messages p { margin: 0; padding: 6px 12px; background: #e8f0fe; border-bottom: 1px solid #d2e3fc; }
  #messages p.error { background: #fce8e6; }
  td.error { position: relative; }
  td.error::after { content: ""; position: absolute; top: 0; right: 0; border: 4px solid transparent; border-top-color: #d93025; border-right-color: #d93025; }
  #tip { position: fixed; z-index: 2; pointer-events: none; max-width: 320px; background: #fff; border: 1px solid #dadce0; border-left: 3px solid #d93025; box-shadow: 0 2px 6px rgba(0,0,0,.2); padding: 6px 10px; white-space: pre-wrap; }
  #tip strong { display: block; color: #d93025; margin-bottom: 2px; }
</style>
</head>
<body>
<header>
  <h1>Activity Quota — local playground</h1>
  <nav id="menu" aria-label="Add-on menu"></nav>
  <button id="next-day" type="button">Next day ›</button>
  <label id="user-choice" hidden>Playing as <select id="user"></select></label>
  <span class="today" id="today"></span>
</header>
<div id="messages" role="status" aria-live="polite"></div>
<div id="bar"><label for="formula" id="address">A1</label><input id="formula" aria-label="Cell contents" autocomplete="off"></div>
<div id="grid-wrap"><table id="grid" aria-label="Sheet"></table></div>
<div id="tabs" role="tablist" aria-label="Sheets"></div>
<iframe id="sidebar" title="Sidebar" src="/sidebar"></iframe>
<div id="tip" role="tooltip" hidden><strong>Error</strong><span></span></div>
<script>/* SCRIPT */</script>
</body>
</html>`;
