/**
 * The playground answers only the pages it served itself (SPEC §8): a page on
 * another origin replaying what the real page sends changes nothing, a foreign
 * Host gets no data, an oversized body or an edit outside the sheet is refused
 * while the server stays up. Who the user is: playgroundUsers.test.ts. Each
 * test starts the real `npm start` and drives real Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/local/guard';
import { artifact } from './helpers/browser';
import { call, type Started, start, stop, tokenOf, workbookPath, workbookState } from './helpers/playground';
import { cellOf, logInSidebar, open, playgroundsInChromium, showSheet, typeInto } from './helpers/playgroundPage';

const chromium = playgroundsInChromium();

const SIXTY_FOUR_MB = 64 * 1024 * 1024;

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What the real page sends while a user edits a cell, uses the menu, moves a day and logs in the sidebar. */
async function captureRequests(url: string): Promise<Sent[]> {
  const page = await open(chromium.browser, url);
  const sent: Promise<Sent>[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/') || path === '/rpc') {
      sent.push(
        request
          .allHeaders()
          .then((headers) => ({ method: request.method(), path, headers, body: request.postData() ?? '' })),
      );
    }
  });
  await showSheet(page, 'Quotas');
  await typeInto(page, 'D2', '1');
  const menu = page.waitForResponse((response) => response.url().endsWith('/api/menu'));
  await page.getByRole('button', { name: 'Insert sample data' }).click();
  await menu;
  const moved = page.waitForResponse((response) => response.url().endsWith('/api/next-day'));
  await page.getByRole('button', { name: 'Next day ›' }).click();
  await moved;
  await logInSidebar(page, 'captured entry');
  await page.waitForResponse((response) => response.url().endsWith('/api/state'));
  const requests = await Promise.all(sent);
  await page.close();
  return requests;
}

/** A second tiny server: the attacker's page, on another origin. */
async function attackerSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><html lang="en"><head><title>Free prizes</title></head><body><h1>Free prizes</h1><ol id="tried"></ol><iframe name="sink" title="sink"></iframe></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** The file's bytes (null while it is not written) and the workbook the playground shows. */
async function snapshot(file: string, started: Started): Promise<{ bytes: Buffer | null; state: unknown }> {
  return { bytes: existsSync(file) ? readFileSync(file) : null, state: await workbookState(started) };
}

describe('the playground answers only its own pages', () => {
  it('a page on another origin replaying the real page’s requests (from another start, or with this start’s token) changes nothing', async () => {
    const earlier = await start(['--workbook', workbookPath('earlier.xlsx')]);
    const captured = await captureRequests(earlier.url);
    await stop(earlier.child);
    const paths = new Set(captured.map((request) => request.path));
    for (const path of ['/api/edit', '/api/menu', '/api/next-day', '/api/state', '/rpc']) expect(paths).toContain(path);
    const staleToken = captured[0]?.headers['x-playground-token'] as string;
    expect(staleToken).toMatch(/^[\w-]{40,}$/);

    const file = workbookPath('team.xlsx');
    const victim = await start(['--workbook', file]);
    const token = await tokenOf(victim);
    expect(token).not.toBe(staleToken);
    const host = `127.0.0.1:${victim.port}`;
    const own = { host, origin: `http://${host}`, 'content-type': 'application/json', 'x-playground-token': token };
    // A real change first, by the rules, so the file is written and the snapshot has something to keep.
    const made = await call(victim.port, {
      method: 'POST',
      path: '/api/edit',
      headers: own,
      body: JSON.stringify({ sheet: 'Team', a1: 'H1', value: 'kept' }),
    });
    expect(made.status).toBe(200);
    const before = await snapshot(file, victim);
    expect(before.bytes).not.toBeNull();

    // The attacker's page replays every request the real page made, three ways a browser allows.
    const site = await attackerSite();
    const attacker = await chromium.browser.newPage({ viewport: { width: 900, height: 700 } });
    await attacker.goto(site.url);
    const tried = await attacker.evaluate(
      async ({ target, requests, token }) => {
        const list = document.getElementById('tried') as HTMLOListElement;
        const outcomes: string[] = [];
        const note = (text: string) => {
          outcomes.push(text);
          const item = document.createElement('li');
          item.textContent = text;
          list.append(item);
        };
        const attempt = async (label: string, send: () => Promise<Response>) => {
          try {
            const response = await send();
            note(
              `${label}: ${response.type} ${response.status} ${response.type === 'opaque' ? '' : await response.text()}`,
            );
          } catch (error) {
            note(`${label}: blocked (${(error as Error).name})`);
          }
        };
        for (const request of requests) {
          const url = new URL(request.path, target).href;
          const body = request.method === 'POST' ? request.body : undefined;
          const json = { 'content-type': 'application/json' };
          await attempt(`${request.path} as captured`, () =>
            fetch(url, {
              method: request.method,
              headers: { ...json, 'x-playground-token': request.headers['x-playground-token'] ?? '' },
              body,
            }),
          );
          await attempt(`${request.path} with this start's token`, () =>
            fetch(url, { method: request.method, headers: { ...json, 'x-playground-token': token }, body }),
          );
          await attempt(`${request.path} as a simple request`, () =>
            fetch(url, { method: request.method, mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
          );
          if (body) {
            note(`${request.path} beacon: ${navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))}`);
            // A form post of the same JSON (enctype text/plain writes name=value).
            const form = document.createElement('form');
            form.method = 'POST';
            form.action = url;
            form.enctype = 'text/plain';
            form.target = 'sink';
            const field = document.createElement('input');
            field.name = body.slice(0, -1);
            field.value = '}';
            form.append(field);
            document.body.append(form);
            form.submit();
            await new Promise((resolve) => setTimeout(resolve, 150));
            note(`${request.path} form post sent`);
          }
        }
        return outcomes;
      },
      { target: victim.url, requests: captured, token },
    );
    await attacker.screenshot({ path: artifact('playground-attacker.png'), fullPage: true });
    await attacker.close();
    await new Promise<void>((resolve) => site.server.close(() => resolve()));
    // The browser asks before sending a token or JSON across origins, and the playground never says yes.
    const asked = tried.filter((line) => / (as captured|with this start's token):/.test(line));
    expect(asked.length).toBe(captured.length * 2);
    for (const line of asked) expect(line).toMatch(/: blocked \(TypeError\)$/);
    // What it sends without asking (text/plain, no token) it cannot read: opaque.
    for (const line of tried.filter((text) => text.includes('as a simple request')))
      expect(line).toMatch(/: opaque 0 $/);

    // The same requests straight from a program, with each check met but one: all refused.
    const refusals: [string, Record<string, string>, number][] = [
      ['as captured (another start’s token and origin)', { host }, 403],
      ['another start’s token, this origin', { ...own, 'x-playground-token': staleToken }, 403],
      ['this start’s token, a foreign origin', { ...own, origin: site.url.slice(0, -1) }, 403],
      [
        'this start’s token, no origin',
        { host, 'content-type': 'application/json', 'x-playground-token': token },
        403,
      ] as [string, Record<string, string>, number],
      ['this start’s token and origin, text/plain', { ...own, 'content-type': 'text/plain' }, 415],
      ['no token', { host, origin: own.origin, 'content-type': 'application/json' }, 403],
    ];
    for (const request of captured.filter((sent) => sent.method === 'POST')) {
      for (const [label, headers, status] of refusals) {
        const sent = label.startsWith('as captured') ? { ...request.headers, ...headers } : headers;
        const answer = await call(victim.port, {
          method: 'POST',
          path: request.path,
          headers: sent,
          body: request.body,
        });
        expect(answer.status, `${request.path} ${label}`).toBe(status);
        expect(answer.body, `${request.path} ${label}`).toMatch(/^Refused: /);
      }
    }
    const stale = await call(victim.port, { path: '/api/state', headers: { host, 'x-playground-token': staleToken } });
    expect(stale.status).toBe(403);
    expect(stale.body).not.toContain('Raj');

    const after = await snapshot(file, victim);
    expect(after.state).toEqual(before.state);
    expect(after.bytes?.equals(before.bytes as Buffer)).toBe(true);
    // The server still does what its own page asks.
    const page = await open(chromium.browser, victim.url);
    await showSheet(page, 'Team');
    await typeInto(page, 'H2', 'still answering');
    await showSheet(page, 'Team');
    await expect(cellOf(page, 'H2').textContent()).resolves.toBe('still answering');
    await page.screenshot({ path: artifact('playground-after-attack.png') });
    await page.close();
  });

  it('gives a foreign Host no data: not the page, its token, the workbook nor the sidebar', async () => {
    const started = await start(['--workbook', workbookPath('team.xlsx')]);
    const token = await tokenOf(started);
    for (const host of [
      `evil.example:${started.port}`,
      `127.0.0.1.evil.example:${started.port}`,
      'evil.example',
      `127.0.0.1:${started.port + 1}`,
    ]) {
      const requests: { method?: string; path: string; headers?: Record<string, string>; body?: string }[] = [
        { path: '/' },
        { path: '/sidebar' },
        { path: '/api/state', headers: { 'x-playground-token': token } },
        {
          method: 'POST',
          path: '/rpc',
          headers: { origin: `http://${host}`, 'content-type': 'application/json', 'x-playground-token': token },
          body: JSON.stringify({ name: 'getSidebarState', args: [] }),
        },
      ];
      for (const request of requests) {
        const answer = await call(started.port, { ...request, headers: { ...request.headers, host } });
        expect(answer.status, `${host} ${request.path}`).toBe(421);
        expect(answer.body).toBe(`This playground answers only at ${started.url}`);
      }
    }
    // Its own Host is answered.
    expect((await call(started.port, { path: '/', headers: { host: `127.0.0.1:${started.port}` } })).status).toBe(200);
    expect((await call(started.port, { path: '/', headers: { host: `localhost:${started.port}` } })).status).toBe(200);
  });

  it('refuses a 64 MB body with 413 as soon as it passes the cap, and answers the next request', async () => {
    const started = await start(['--workbook', workbookPath('team.xlsx')]);
    const page = await open(chromium.browser, started.url);
    // From the real page, with its token: the browser reads the 413.
    const status = await page.evaluate(async (size) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="playground-token"]')?.content ?? '';
      // A Blob: Chromium sends it far faster than a 64 MB string.
      const body = new Blob(['{"sheet":"Team","a1":"H3","value":"', new Uint8Array(size).fill(120), '"}']);
      const response = await fetch('/api/edit', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-playground-token': token },
        body,
      });
      return `${response.status} ${await response.text()}`;
    }, SIXTY_FOUR_MB);
    expect(status).toBe(`413 Refused: a request may carry at most ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes`);
    // Streamed without a length (chunked), to the sidebar's door: refused while reading.
    const token = await tokenOf(started);
    const host = `127.0.0.1:${started.port}`;
    const chunked = await call(started.port, {
      method: 'POST',
      path: '/rpc',
      headers: {
        host,
        origin: `http://${host}`,
        'content-type': 'application/json',
        'x-playground-token': token,
        'transfer-encoding': 'chunked',
      },
      body: Buffer.alloc(SIXTY_FOUR_MB, 32),
    });
    expect(chunked.status).toBe(413);
    // The next good request works, and the refused one wrote nothing.
    await showSheet(page, 'Team');
    await typeInto(page, 'H3', 'after the big one');
    await showSheet(page, 'Team');
    await expect(cellOf(page, 'H3').textContent()).resolves.toBe('after the big one');
    await page.screenshot({ path: artifact('playground-after-413.png') });
    expect(started.child.exitCode).toBeNull();
    await page.close();
  }, 120_000);

  it('refuses an edit outside the sheet or of a range with a message, writing nothing, and stays up', async () => {
    const file = workbookPath('team.xlsx');
    const started = await start(['--workbook', file]);
    const token = await tokenOf(started);
    const host = `127.0.0.1:${started.port}`;
    const edit = async (a1: string, value = 'x') => {
      const answer = await call(started.port, {
        method: 'POST',
        path: '/api/edit',
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json', 'x-playground-token': token },
        body: JSON.stringify({ sheet: 'Team', a1, value }),
      });
      expect(answer.status).toBe(200);
      return (JSON.parse(answer.body) as { alerts: string[] }).alerts;
    };
    expect(await edit('H1', 'written first')).toEqual([]);
    const before = await snapshot(file, started);
    expect(before.bytes).not.toBeNull();
    expect(await edit('XFD150000')).toEqual([
      'XFD150000 is outside the sheet Team, which has 1,000 rows and 26 columns (A1:Z1000).',
    ]);
    expect(await edit('A1:XFD1048576')).toEqual([
      'Type into one cell at a time: "A1:XFD1048576" is not one cell (like B2).',
    ]);
    expect(await edit('Z1001')).toEqual([
      'Z1001 is outside the sheet Team, which has 1,000 rows and 26 columns (A1:Z1000).',
    ]);
    expect(await edit('H4', 'x'.repeat(50_001))).toEqual([
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    ]);
    const after = await snapshot(file, started);
    expect(after.state).toEqual(before.state);
    expect(after.bytes?.equals(before.bytes as Buffer)).toBe(true);
    expect(await edit('Z1000', 'last cell')).toEqual([]);
    expect(readFileSync(file).equals(before.bytes as Buffer)).toBe(false);
  });
});
