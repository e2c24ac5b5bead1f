/**
 * The sidebar in Chromium: from navigation to an interactive form with the
 * rep's state loaded (`main[aria-busy="false"]`, set once the first
 * getSidebarState reply is rendered), against a blank page from the same server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { bridgeHandler, send } from '../src/local/bridge';
import { launch } from '../test/helpers/browser';
import { workbookWithLog } from './calls';
import { interleaveAsync, median } from './stats';

export interface SidebarFigures {
  /** Log rows in the workbook the sidebar reads its state from. */
  rows: number;
  /** Median ms from navigation start to the ready form, measured in the page. */
  readyMs: number;
  /** Median ms from navigation start to the blank page's load event end. */
  blankMs: number;
  /** readyMs ÷ blankMs. */
  ratio: number;
  /** The same two, as the driving process sees them (goto until ready), for reference. */
  readyWallMs: number;
  blankWallMs: number;
}

/** Records, in the page, when the form becomes ready (ms since navigation start). */
const READY_PROBE = `
  new MutationObserver((records, observer) => {
    const main = document.querySelector('main');
    if (main && main.getAttribute('aria-busy') === 'false') {
      window.__aqReady = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
`;

export async function measureSidebar(reps: number, rows = 1_000): Promise<SidebarFigures> {
  const runtime = workbookWithLog(rows);
  const bridge = bridgeHandler(runtime);
  // One server: the bridge's sidebar and RPC, and an empty page beside them.
  const server = createServer((request, response) => {
    if (request.url === '/blank') {
      send(
        response,
        200,
        'text/html',
        '<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>',
      );
      return;
    }
    bridge
      .handle(request, response)
      .then((handled) => {
        if (!handled) send(response, 404, 'text/plain', 'not found');
      })
      .catch((error) => send(response, 500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const wall = { ready: [] as number[], blank: [] as number[] };
    const open = async (path: string, ready: boolean): Promise<number> => {
      const context = await (browser as Browser).newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(READY_PROBE);
        const start = performance.now();
        await page.goto(`${origin}${path}`);
        if (ready) await page.locator('main[aria-busy="false"]').waitFor();
        (ready ? wall.ready : wall.blank).push(performance.now() - start);
        return ready
          ? await page.evaluate(() => (window as unknown as { __aqReady: number }).__aqReady)
          : await page.evaluate(
              () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
            );
      } finally {
        await context.close();
      }
    };
    const pair = await interleaveAsync(
      reps,
      1,
      () => open('/sidebar', true),
      () => open('/blank', false),
    );
    return {
      rows,
      readyMs: pair.a,
      blankMs: pair.b,
      ratio: pair.a / pair.b,
      readyWallMs: median(wall.ready.slice(-reps)),
      blankWallMs: median(wall.blank.slice(-reps)),
    };
  } finally {
    await browser?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
