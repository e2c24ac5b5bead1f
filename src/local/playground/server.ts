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
import { type BridgeHandler, bridgeHandler, PHONE_ROUTE, send } from '../bridge';
import type { Clock } from '../clock';
import { Guard, readJson } from '../guard';
import { DIST } from '../paths';
import { AppsScriptRuntime } from '../runtime';
import { checkEdit, type Edit } from './edit';
import { pageHtml, pageScript } from './html';
import { type PlaygroundOptions, Session } from './session';
import { WorkbookStore } from './store';
import type { PlaygroundState } from './types';

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

/** Starts the session on the store's workbook, then serves it. */
async function startOn(store: WorkbookStore, options: PlaygroundOptions): Promise<Playground> {
  const session = await Session.start(store, options);
  const guard = new Guard();
  const routes = await routesOf(session, guard);
  const server: Server = createServer((request, response) => {
    handle(routes, request, response).catch((error: Error) => send(response, 500, 'text/plain', error.message));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port, address } = server.address() as AddressInfo;
  guard.listening(address, port);
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/`,
    notes: session.notes,
    runtime: session.runtime,
    file: store.path,
    close: async () => {
      await session.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the server answers with: the session, its guard, the sidebar's and the phone's bridges, the page. */
interface Routes {
  session: Session;
  guard: Guard;
  bridge: BridgeHandler;
  phone: BridgeHandler;
  page: string;
}

/** The bridges and the page of this start (the page's script is bundled once). */
async function routesOf(session: Session, guard: Guard): Promise<Routes> {
  const { runtime } = session;
  const userOf = (asked: unknown) => session.userOf(asked);
  const onCall = (name: string) => {
    if (name === 'logActivity' || name === 'undoLastEntry') void session.save();
  };
  const bridge = bridgeHandler(runtime, { guard, userOf, onCall });
  // The phone page (SPEC §5b) at /phone: dist/phone/Code.js as its own web app on this workbook, under the same guard.
  const phone = bridgeHandler(phoneRuntime(runtime, session.clock), { route: PHONE_ROUTE, guard, userOf, onCall });
  const page = pageHtml(guard.token, await pageScript());
  return { session, guard, bridge, phone, page };
}

async function handle(routes: Routes, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { session, guard, bridge, phone } = routes;
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!guard.admit(request, response, url.pathname.startsWith('/api/'))) return;
  if ((await bridge.handle(request, response)) || (await phone.handle(request, response))) return;
  if (request.method === 'GET' && url.pathname === '/') {
    send(response, 200, 'text/html', routes.page);
    return;
  }
  if (url.pathname === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api/state') {
    send(response, 200, 'application/json', JSON.stringify(session.state()));
    return;
  }
  if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
    await post(session, url.pathname, request, response);
    return;
  }
  send(response, 404, 'text/plain', 'not found');
}

/** An action the page asks for: a menu item, a cell typed, the next day. */
async function post(session: Session, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { runtime } = session;
  const body = await readJson(request, response);
  if (!body) return;
  let result: PlaygroundState;
  // A call that may not be made is answered with why, touching nothing (nor the file).
  let who: string;
  let edit: Edit | undefined;
  try {
    who = session.userOf(body.user);
    if (path === '/api/edit') edit = checkEdit(runtime.spreadsheet, body);
  } catch (error) {
    send(response, 200, 'application/json', JSON.stringify(session.state([(error as Error).message])));
    return;
  }
  if (path === '/api/menu') {
    const name = String(body.functionName ?? '');
    const allowed = session.state().menu.some((item) => item.functionName === name);
    result = await session.act(() => {
      if (!allowed) throw new Error(`${name} is not in the add-on menu`);
      runtime.as(who, () => runtime.call(name));
    });
  } else if (edit) {
    const { sheet, a1, value } = edit;
    result = await session.act(() => runtime.as(who, () => runtime.edit(sheet, a1, [[value]])));
  } else if (path === '/api/next-day') {
    result = await session.act(() => session.nextDay());
  } else {
    send(response, 404, 'text/plain', 'not found');
    return;
  }
  send(response, 200, 'application/json', JSON.stringify(result));
}
