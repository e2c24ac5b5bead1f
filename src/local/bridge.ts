/**
 * The browser bridge: a small HTTP server on loopback that serves the built
 * Sidebar.html and answers its `google.script.run` calls by running the real
 * dist/Code.js in the local runtime. Browser tests and the playground use it.
 *
 * `google.script.run` is emulated as Apps Script documents it: one request per
 * call, functions whose name ends in `_` refused, success and failure handlers
 * called asynchronously, and only what Google lets cross, both ways
 * (`rpcValues.ts`): the page checks the arguments before sending them (a Date,
 * a function, a DOM element, a circular object fail the call), the server checks
 * them again and checks the result (a Date in it fails the call).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { type Guard, readJson, TOKEN_HEADER } from './guard';
import type { FakeHtmlOutput } from './html';
import { DIST, ROOT } from './paths';
import { rpcArguments, rpcResult } from './rpcValues';
import type { AppsScriptRuntime } from './runtime';

export interface BridgeOptions {
  /** Built files; default dist/. */
  dist?: string;
  /** Milliseconds each server call takes, to see in-flight states. */
  delayMs?: number;
  /** The host to listen on; loopback only. */
  host?: string;
  /**
   * Where the page is served and its calls answered: the sidebar by default
   * (`/sidebar`, dist/Sidebar.html; calls to `/rpc`); a web app's page is what
   * its `doGet` returns (the phone page: `/phone`, calls to `/phone/rpc`).
   */
  route?: BridgeRoute;
  /**
   * The playground's protections (guard.ts): Host, Origin and token checked, the
   * token written into the sidebar for its calls; the locale a page asks is ignored.
   */
  guard?: Guard;
  /** Who a call runs as, given the user the page asks (refuses by throwing); default: the one asked, else the runtime's. */
  userOf?: (asked: string | null | undefined) => string;
}

export interface BridgeRoute {
  page: string;
  rpc: string;
  webApp?: boolean;
}

export const SIDEBAR_ROUTE: BridgeRoute = { page: '/sidebar', rpc: '/rpc' };
export const PHONE_ROUTE: BridgeRoute = { page: '/phone', rpc: '/phone/rpc', webApp: true };

export interface Bridge {
  /** The sidebar's address; add `?user=email` to sign in as someone else, `&locale=ko` for their locale. */
  url: string;
  /** Every server call made through the bridge, in order. */
  calls: { name: string; user: string; args: unknown[] }[];
  close(): Promise<void>;
}

let pageRpcValues: string | undefined;
/** rpcValues.ts for the page, as a script defining `__rpcValues`. */
function rpcValuesScript(): string {
  pageRpcValues ??= buildSync({
    entryPoints: [join(ROOT, 'src/local/rpcValues.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__rpcValues',
    target: 'es2020',
    platform: 'browser',
    write: false,
  }).outputFiles[0]?.text.replace(/<\//g, '<\\/');
  if (!pageRpcValues) throw new Error('rpcValues.ts did not build');
  return pageRpcValues;
}

/**
 * The `google.script` object the page gets in place of Apps Script's own. A call
 * whose arguments may not cross fails without reaching the server, its failure
 * handler called asynchronously with the reason.
 */
const SHIM = (rpc: string, token?: string) => `<script>${rpcValuesScript()}</script><script>
(() => {
  const headers = { 'content-type': 'application/json' };
  ${token ? `headers[${JSON.stringify(TOKEN_HEADER)}] = ${JSON.stringify(token)};` : ''}
  const params = new URLSearchParams(location.search);
  const user = params.get('user');
  const locale = params.get('locale');
  function runner(handlers) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (fn) => runner({ ...handlers, ok: fn });
        if (name === 'withFailureHandler') return (fn) => runner({ ...handlers, fail: fn });
        if (name === 'withUserObject') return (object) => runner({ ...handlers, object });
        return (...args) => {
          let sent;
          try {
            sent = __rpcValues.rpcArguments(args);
          } catch (error) {
            setTimeout(() => handlers.fail && handlers.fail(error, handlers.object));
            return;
          }
          fetch(${JSON.stringify(rpc)}, { method: 'POST', headers, body: JSON.stringify({ name, args: sent, user, locale }) })
            .then((response) => response.json())
            .then((reply) => {
              if ('error' in reply) handlers.fail && handlers.fail(new Error(reply.error), handlers.object);
              else handlers.ok && handlers.ok(reply.value, handlers.object);
            })
            .catch((error) => handlers.fail && handlers.fail(error, handlers.object));
        };
      },
    });
  }
  window.google = { script: { run: runner({}), host: { close() {}, setHeight() {}, setWidth() {} } } };
})();
</script>`;

export function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    // Framed by the playground's own page only; never read as another type.
    'x-frame-options': 'SAMEORIGIN',
    'content-security-policy': "frame-ancestors 'self'",
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

/** A page's `<head>` tag (never `<header>`). */
const HEAD = /<head(?:\s[^>]*)?>/i;

/**
 * A web app's page as Apps Script serves it: what `doGet` returned, its own
 * `<meta name="viewport">` dropped (Apps Script ignores meta tags in the file)
 * and the tags given to `addMetaTag` put in, with its title.
 */
function webAppPage(output: FakeHtmlOutput): string {
  const content = output.getContent().replace(/<meta\s+name=["']?viewport["']?[^>]*>/gi, '');
  const attribute = (text: string) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const tags = output.metaTags.map(
    ({ name, content }) => `<meta name="${attribute(name)}" content="${attribute(content)}">`,
  );
  const title = output.title ? `<title>${attribute(output.title)}</title>` : '';
  const head = HEAD.exec(content);
  if (head) return content.replace(head[0], () => `${head[0]}${tags.join('')}${title}`);
  return `<!doctype html><html><head>${tags.join('')}${title}</head><body>${content}</body></html>`;
}

export interface BridgeHandler {
  /** Answers the page's requests (`GET /sidebar`, `POST /rpc`, or its route's); false for any other request. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  calls: Bridge['calls'];
}

/**
 * The bridge's requests, for a server of one's own (the playground serves the
 * sidebar beside its own pages). `onCall` runs after every server call.
 */
export function bridgeHandler(
  runtime: AppsScriptRuntime,
  options: BridgeOptions & { onCall?: (name: string) => void } = {},
): BridgeHandler {
  const dist = options.dist ?? DIST;
  const route = options.route ?? SIDEBAR_ROUTE;
  const calls: Bridge['calls'] = [];

  /** The page: the sidebar's file, or what a web app's `doGet` answers for the user of the address. */
  function page(url: URL): string {
    if (!route.webApp) return readFileSync(join(dist, 'Sidebar.html'), 'utf8');
    const previousLocale = runtime.userLocale;
    const locale = url.searchParams.get('locale');
    if (locale && !options.guard) runtime.userLocale = locale;
    try {
      const asked = url.searchParams.get('user');
      const who = options.userOf ? options.userOf(asked) : (asked ?? runtime.user);
      return webAppPage(runtime.as(who, () => runtime.call('doGet', { parameter: {} })) as FakeHtmlOutput);
    } finally {
      runtime.userLocale = previousLocale;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const guard = options.guard;
    if (request.method === 'GET' && url.pathname === route.page) {
      if (guard && !guard.admit(request, response, false)) return true;
      send(
        response,
        200,
        'text/html',
        page(url).replace(HEAD, (head) => `${head}${SHIM(route.rpc, guard?.token)}`),
      );
      return true;
    }
    if (url.pathname !== route.rpc) return false;
    if (guard && !guard.admit(request, response, true)) return true;
    if (request.method !== 'POST') return false;
    const body = await readJson(request, response);
    if (!body) return true;
    const { name, args, user, locale } = body as {
      name: string;
      args: unknown[];
      user?: string | null;
      locale?: string | null;
    };
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const reply = (value: unknown) => send(response, 200, 'application/json', JSON.stringify(value));
    let who: string;
    try {
      who = options.userOf ? options.userOf(user) : (user ?? runtime.user);
    } catch (error) {
      reply({ error: (error as Error).message });
      return true;
    }
    calls.push({ name, user: who, args });
    if (typeof name !== 'string' || name.endsWith('_') || !runtime.has(name)) {
      reply({ error: `Script function not found: ${name}` });
      return true;
    }
    const previousLocale = runtime.userLocale;
    if (locale && !guard) runtime.userLocale = locale;
    try {
      // Checked again here: a request need not come from the page's shim.
      const received = rpcArguments(Array.isArray(args) ? args : []);
      const value = runtime.as(who, () => runtime.call(name, ...received));
      // A result that may not cross fails the call (rpcValues.ts).
      send(response, 200, 'application/json', JSON.stringify({ value: rpcResult(value) }));
    } catch (error) {
      const text = (error as { message?: unknown })?.message;
      send(
        response,
        200,
        'application/json',
        JSON.stringify({ error: typeof text === 'string' ? text : String(error) }),
      );
    } finally {
      runtime.userLocale = previousLocale;
      options.onCall?.(name);
    }
    return true;
  }

  return { handle, calls };
}

/** Serves one page alone on a loopback port (`/` and its route's page: the sidebar, or the phone page). */
export function startBridge(runtime: AppsScriptRuntime, options: BridgeOptions = {}): Promise<Bridge> {
  const bridge = bridgeHandler(runtime, options);
  const page = (options.route ?? SIDEBAR_ROUTE).page;
  const server: Server = createServer((request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) request.url = `${page}${request.url.slice(1)}`;
    bridge
      .handle(request, response)
      .then((handled) => {
        if (!handled) send(response, 404, 'text/plain', 'not found');
      })
      .catch((error) => send(response, 500, 'text/plain', String(error)));
  });

  return new Promise((resolve) => {
    server.listen(0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${page}`,
        calls: bridge.calls,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
