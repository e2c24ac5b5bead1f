/**
 * The playground's door (SPEC §8): a server on the user's machine that answers
 * only the pages it served itself.
 *
 * - Every request must name the host:port the server listens at in `Host`, so
 *   a page on another name that resolves to this machine (DNS rebinding) gets
 *   a 421 and nothing else.
 * - Every call that reads or changes the workbook carries the per-start token
 *   the server wrote into its own pages, in the `x-playground-token` header. A
 *   page on another origin cannot read those pages, and a custom header makes
 *   the browser ask first (a preflight this server never grants).
 * - Every POST comes from the page's own origin (`Origin`), with a JSON body:
 *   `text/plain` and form posts, which browsers send without asking, are refused.
 * - A body is read only up to `MAX_BODY_BYTES`: past it the server answers 413
 *   at once, keeps nothing more, and drops the connection if the sender goes on.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TOKEN_HEADER = 'x-playground-token';
/** The largest body taken: an edit or a sidebar call is a few kilobytes. */
export const MAX_BODY_BYTES = 1_048_576;
/** How long the rest of a refused body is drained (so the sender reads the 413) before the connection is dropped. */
const DRAIN_MS = 2_000;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function refuse(response: ServerResponse, status: number, message: string): false {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(message);
  return false;
}

export class Guard {
  /** Written into the pages the server serves; sent back with every call. */
  readonly token = randomBytes(32).toString('base64url');
  private readonly hosts = new Set<string>();
  private address = '';

  /** The address the server listens at, once it does: the Host its pages use. */
  listening(host: string, port: number): void {
    const name = host.includes(':') ? `[${host}]` : host;
    this.address = `http://${name}:${port}/`;
    this.hosts.add(`${name}:${port}`.toLowerCase());
    if (LOOPBACK.has(host)) this.hosts.add(`localhost:${port}`);
  }

  /**
   * Checks a request before anything is served; a refused one is answered here
   * and false returned. `api`: it reads or changes the workbook, so it needs the
   * token (every POST does).
   */
  admit(request: IncomingMessage, response: ServerResponse, api: boolean): boolean {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!this.hosts.has(host)) return refuse(response, 421, `This playground answers only at ${this.address}`);
    const method = request.method ?? '';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      return refuse(response, 405, `${method} is not answered here`);
    }
    if (method === 'POST') {
      if (request.headers.origin !== `http://${host}`) {
        return refuse(response, 403, 'Refused: the request does not come from the playground page');
      }
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') return refuse(response, 415, 'Refused: send JSON (application/json)');
    }
    if ((api || method === 'POST') && !this.knows(request.headers[TOKEN_HEADER])) {
      return refuse(response, 403, 'Refused: this page is from another start of the playground; reload it');
    }
    return true;
  }

  private knows(sent: string | string[] | undefined): boolean {
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    const token = Buffer.from(this.token);
    return given.length === token.length && timingSafeEqual(given, token);
  }
}

/**
 * The request's JSON object, read up to the cap. Past the cap the server answers
 * 413 at once and keeps nothing more; a body that is not a JSON object gets a
 * 400. Either way undefined, the request answered.
 */
export function readJson(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<Record<string, unknown> | undefined> {
  const tooLarge = () =>
    refuse(response, 413, `Refused: a request may carry at most ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes`);
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) {
    tooLarge();
    drain(request);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Record<string, unknown> | undefined) => {
      done = true;
      chunks.length = 0;
      resolve(value);
    };
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      tooLarge();
      drain(request);
      finish(undefined);
    });
    request.on('end', () => {
      if (done) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = undefined;
      }
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
        finish(body as Record<string, unknown>);
      } else {
        refuse(response, 400, 'Refused: the body is not a JSON object');
        finish(undefined);
      }
    });
    request.on('error', () => {
      if (!done) finish(undefined);
    });
  });
}

/**
 * After a 413: the rest of the body is thrown away as it comes, so the sender
 * can read the answer (closing on unread data resets the connection first), and
 * the connection is dropped if the sender is still going after DRAIN_MS.
 */
function drain(request: IncomingMessage): void {
  const timer = setTimeout(() => request.destroy(), DRAIN_MS);
  timer.unref();
  request.on('end', () => clearTimeout(timer));
  request.on('close', () => clearTimeout(timer));
  request.resume();
}
