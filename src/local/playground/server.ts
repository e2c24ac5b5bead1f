/**
 * The local playground: the whole add-on running on this machine, no Google
 * account needed. The real dist/Code.js runs in the local runtime; the page
 * shows the workbook (tabs, values, formula results, row colours) beside the
 * real Sidebar.html, has the add-on menu as buttons, fires `onEdit` for every
 * cell typed, and a "Next day" control moves the clock so pacing and period
 * roll-over can be watched. Every change is saved to an `.xlsx` file.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BOARD_NAME } from '../../core/setup';
import { columnLetters } from '../a1';
import { bridgeHandler, PHONE_ROUTE, send } from '../bridge';
import { type Clock, clockStartingAt, parseMoment } from '../clock';
import { Guard, readJson } from '../guard';
import { DIST, ROOT } from '../paths';
import { AppsScriptRuntime } from '../runtime';
import type { FakeSheet } from '../sheet';
import type { WorkbookMeta } from '../xlsx';
import { checkEdit, type Edit } from './edit';
import { errorNotes } from './errors';
import { WorkbookStore } from './store';
import type { GridCell, PlaygroundState } from './types';

const MS_PER_DAY = 86_400_000;
/** Rows and columns the page shows of a sheet beyond its data, to type into. */
const MARGIN_ROWS = 20;
const MARGIN_COLUMNS = 3;
const MIN_COLUMNS = 12;
/** The most rows the page shows of one sheet; the rest stays in the file. */
const MAX_SHOWN_ROWS = 2_000;

export interface PlaygroundOptions {
  /** The `.xlsx` file the workbook lives in; created with sample data when missing. */
  workbook: string;
  port?: number;
  host?: string;
  /** For a new workbook: the spreadsheet's zone and locale. */
  timeZone?: string;
  locale?: string;
  /** The signed-in user; the page cannot choose another. */
  user?: string;
  /** Plays several users: the page chooses among these (and only these); the first is the default. */
  users?: string[];
  /** The clock it runs on (`systemClock` for the machine's); "Next day ›" adds days to it. */
  clock: Clock;
  /**
   * Start at this moment instead (`2026-11-20T09:00`, read in the spreadsheet's
   * zone, or with an offset); the clock runs on from it. Resets the saved day offset.
   */
  now?: string;
}

/** A start-up option the playground cannot use; nothing was written. */
export class OptionError extends Error {
  override name = 'OptionError';
}

function startOf(now: string, zone: string): number {
  try {
    return parseMoment(now, zone);
  } catch (error) {
    throw new OptionError(`--now: ${(error as Error).message}. Nothing was changed.`);
  }
}

export interface Playground {
  url: string;
  runtime: AppsScriptRuntime;
  /** The `.xlsx` file the workbook is saved to (for a CSV, the new workbook beside it). */
  file: string;
  /**
   * What to tell the user at start: where the work is saved, what the file holds
   * that cannot be kept, and options given that did not apply (a new workbook's
   * zone or locale, for an existing file).
   */
  notes: string[];
  close(): Promise<void>;
}

/** The page's script and style, bundled once per start. */
async function pageScript(): Promise<string> {
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

/**
 * The phone web app on the playground's workbook, as its own Apps Script project
 * (its script's lock and properties, its own scopes), deployed for this workbook.
 */
function phoneRuntime(addOn: AppsScriptRuntime, clock: Clock): AppsScriptRuntime {
  return new AppsScriptRuntime({
    bundle: join(DIST, 'phone', 'Code.js'),
    files: { 'Config.js': `const PHONE_SPREADSHEET_ID = ${JSON.stringify(addOn.spreadsheet.id)};\n` },
    spreadsheet: addOn.spreadsheet,
    webApp: true,
    user: addOn.user,
    userLocale: addOn.userLocale,
    now: clock,
  });
}

/** The shown part of a sheet: values as the user sees them, formulas, colours. */
function gridOf(sheet: FakeSheet): PlaygroundState['sheets'][number] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  // As far as the sheet's grid goes (Sheets has no cells past it).
  const rows = Math.min(MAX_SHOWN_ROWS, Math.max(lastRow, 1) + MARGIN_ROWS, sheet.getMaxRows());
  const columns = Math.min(Math.max(lastColumn + MARGIN_COLUMNS, MIN_COLUMNS), sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows, columns);
  const display = range.getDisplayValues();
  const formulas = range.getFormulas();
  const backgrounds = range.getBackgrounds();
  const weights = range.getFontWeights();
  const errors = errorNotes(sheet, rows, columns);
  const cells: GridCell[][] = display.map((line, r) =>
    line.map((text, c) => {
      const cell: GridCell = { text };
      const formula = formulas[r]?.[c];
      const background = backgrounds[r]?.[c];
      if (formula) cell.formula = formula;
      const bar = formula ? sheet.spreadsheet.book.drawing({ sheet: sheet.hfId, row: r, col: c }) : undefined;
      if (bar) cell.bar = bar;
      if (background && background !== '#ffffff') cell.background = background;
      if (weights[r]?.[c] === 'bold') cell.bold = true;
      const note = errors[r]?.[c];
      if (note) cell.note = note;
      return cell;
    }),
  );
  return {
    name: sheet.getName(),
    columns: Array.from({ length: columns }, (_, c) => columnLetters(c)),
    cells,
    frozenRows: sheet.getFrozenRows(),
    totalRows: lastRow,
  };
}

/**
 * Starts the playground. A missing workbook file starts a new workbook, set up
 * and filled with sample data; a CSV log starts a new one holding it; an
 * existing one is read (a file that is not a workbook is refused, and left
 * alone) and set up, which adopts its sheets. The file's life (lock, backup,
 * safe writes, changes by others) is the store's (store.ts).
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const store = await WorkbookStore.open(options.workbook, { timeZone: options.timeZone });
  try {
    return await startOn(store, options);
  } catch (error) {
    store.close();
    throw error;
  }
}

async function startOn(store: WorkbookStore, options: PlaygroundOptions): Promise<Playground> {
  const path = store.path;
  const isNew = store.isNew;
  let base = options.clock;
  const meta: WorkbookMeta = { timeZone: '', locale: '', dayOffset: 0 };
  // The playground's clock: the chosen one, moved on by "Next day ›".
  const clock: Clock = { now: () => base.now() + meta.dayOffset * MS_PER_DAY };
  const runtime = new AppsScriptRuntime({
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: options.locale ?? 'en_US',
    user: options.user ?? options.users?.[0] ?? 'raj@example.com',
    now: clock,
  });
  // The clock is set before the cells are read: formulas computed while reading ask it the time.
  const kept = store.kept;
  meta.dayOffset = options.now === undefined ? (kept.dayOffset ?? 0) : 0;
  if (options.now !== undefined) {
    base = clockStartingAt(startOf(options.now, kept.timeZone ?? runtime.spreadsheet.timeZone));
  }
  store.load(runtime.spreadsheet);
  meta.timeZone = runtime.spreadsheet.timeZone;
  meta.locale = runtime.spreadsheet.locale;
  // Options for a new workbook say so when the file exists and keeps its own.
  const notes: string[] = [...store.notes];
  if (!isNew) {
    for (const [option, given, held] of [
      ['--time-zone', options.timeZone, meta.timeZone],
      ['--locale', options.locale, meta.locale],
    ] as const) {
      if (given !== undefined && given !== held) {
        notes.push(`${option} ${given} does not apply: ${path} exists and keeps its own, ${held}.`);
      }
    }
  }
  runtime.userLocale = runtime.spreadsheet.locale;
  runtime.open();
  runtime.call('setUpWorkbook');
  if (store.sample) runtime.call('insertSampleData');
  runtime.call('refreshStatus');
  // The playground plays a team with the daily refresh on, so "Next day ›" has a trigger to fire.
  if (!runtime.scriptApp.getProjectTriggers().some((trigger) => trigger.handler === 'dailyRefresh')) {
    runtime.call('toggleDailyRefresh');
  }
  // Alerts of the start-up actions are not news to the user.
  runtime.ui.alerts.length = 0;
  // A new workbook is written at once; a user's file not before the first change.
  if (isNew) await store.save(runtime.spreadsheet, meta);

  let saving = Promise.resolve();
  let lastError = '';
  const save = () => {
    saving = saving
      .then(() => store.save(runtime.spreadsheet, meta))
      .then(() => {
        lastError = '';
      })
      .catch((error: Error) => {
        lastError = `The workbook could not be saved to ${path}: ${error.message}`;
      });
    return saving;
  };
  const users = (options.users?.length ?? 0) > 1 ? (options.users as string[]) : [];
  /** Who a call runs as: the user of the start, or, playing several users, the one the page chose among them. */
  const userOf = (asked: unknown): string => {
    if (!users.length || asked === undefined || asked === null) return runtime.user;
    if (typeof asked === 'string' && users.includes(asked)) return asked;
    throw new Error(`${String(asked).slice(0, 100)} is not one of the playground's users (${users.join(', ')}).`);
  };
  const guard = new Guard();
  const onCall = (name: string) => {
    if (name === 'logActivity' || name === 'undoLastEntry') void save();
  };
  const bridge = bridgeHandler(runtime, { guard, userOf, onCall });
  // The phone page (SPEC §5b) at /phone: dist/phone/Code.js as its own web app on this workbook, under the same guard.
  const phone = bridgeHandler(phoneRuntime(runtime, clock), { route: PHONE_ROUTE, guard, userOf, onCall });
  const script = await pageScript();

  function state(alerts: string[] = []): PlaygroundState {
    const today = new Date(runtime.currentTime()).toLocaleDateString('en-CA', { timeZone: meta.timeZone });
    return {
      file: path,
      today,
      dayOffset: meta.dayOffset,
      timeZone: meta.timeZone,
      user: runtime.user,
      users,
      board: runtime.spreadsheet.getRangeByName(BOARD_NAME)?.getSheet().getName() ?? '',
      menu: (runtime.ui.menus[0]?.items ?? [])
        .filter((item) => item.functionName)
        .map((item) => ({ caption: item.caption, functionName: item.functionName as string })),
      sheets: runtime.spreadsheet.sheets.map(gridOf),
      alerts,
      error: store.problem || lastError,
    };
  }

  /** Runs an action as the add-on would, and reports what it told the user. */
  async function act(action: () => void): Promise<PlaygroundState> {
    // A file changed by another program is not written over: the change is refused, and the page says why.
    if (store.check()) return state();
    const before = runtime.ui.alerts.length;
    const toasts = runtime.spreadsheet.toasts.length;
    let failure: string | undefined;
    try {
      action();
    } catch (error) {
      const text = (error as { message?: unknown })?.message;
      failure = typeof text === 'string' ? text : String(error);
    }
    await save();
    const said = [
      ...runtime.ui.alerts.slice(before).map((alert) => alert.prompt),
      ...runtime.spreadsheet.toasts.slice(toasts).map((toast) => toast.message),
    ];
    if (failure) said.push(failure);
    return state(said);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!guard.admit(request, response, url.pathname.startsWith('/api/'))) return;
    if ((await bridge.handle(request, response)) || (await phone.handle(request, response))) return;
    if (request.method === 'GET' && url.pathname === '/') {
      send(
        response,
        200,
        'text/html',
        PAGE.replace('%TOKEN%', guard.token).replace('/* SCRIPT */', () => script),
      );
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (request.method === 'GET' && url.pathname === '/api/state') {
      send(response, 200, 'application/json', JSON.stringify(state()));
      return;
    }
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
      const body = await readJson(request, response);
      if (!body) return;
      let result: PlaygroundState;
      // A call that may not be made is answered with why, touching nothing (nor the file).
      let who: string;
      let edit: Edit | undefined;
      try {
        who = userOf(body.user);
        if (url.pathname === '/api/edit') edit = checkEdit(runtime.spreadsheet, body);
      } catch (error) {
        send(response, 200, 'application/json', JSON.stringify(state([(error as Error).message])));
        return;
      }
      if (url.pathname === '/api/menu') {
        const name = String(body.functionName ?? '');
        const allowed = state().menu.some((item) => item.functionName === name);
        result = await act(() => {
          if (!allowed) throw new Error(`${name} is not in the add-on menu`);
          runtime.as(who, () => runtime.call(name));
        });
      } else if (edit) {
        const { sheet, a1, value } = edit;
        result = await act(() => runtime.as(who, () => runtime.edit(sheet, a1, [[value]])));
      } else if (url.pathname === '/api/next-day') {
        // Morning comes: the user's time-driven triggers fire (the daily refresh moves AsOfDate, rebuilds the board).
        result = await act(() => {
          meta.dayOffset += 1;
          for (const trigger of runtime.scriptApp.getProjectTriggers()) {
            if (trigger.eventType === 'CLOCK') runtime.fire(trigger);
          }
        });
      } else {
        send(response, 404, 'text/plain', 'not found');
        return;
      }
      send(response, 200, 'application/json', JSON.stringify(result));
      return;
    }
    send(response, 404, 'text/plain', 'not found');
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => send(response, 500, 'text/plain', error.message));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port, address } = server.address() as AddressInfo;
  guard.listening(address, port);
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    notes,
    runtime,
    file: path,
    close: async () => {
      await saving;
      store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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
