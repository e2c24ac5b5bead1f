/** The sidebar in Chromium, served for a runtime by the browser bridge. */
import type { Browser, Page } from 'playwright-core';
import { type Bridge, startBridge } from '../../src/local/bridge';
import type { AppsScriptRuntime } from '../../src/local/runtime';

/**
 * The sidebar of `rt` in a 300 px page, once its first state is shown; a
 * dialog fails the test. `query` is added to its address, `delayMs` delays each
 * server answer. With `pageClock`, the page's clock is stopped at the runtime's
 * instant (Playwright's fake timers: `Date.now()` and `setInterval` in the page
 * move only when the test moves them).
 */
export async function openSidebar(
  browser: Browser,
  rt: AppsScriptRuntime,
  options: { query?: string; delayMs?: number; pageClock?: boolean } = {},
): Promise<{ page: Page; bridge: Bridge }> {
  const bridge = await startBridge(rt, { delayMs: options.delayMs ?? 0 });
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  page.on('dialog', (dialog) => {
    throw new Error(`the page opened a dialog: ${dialog.message()}`);
  });
  if (options.pageClock) {
    await page.clock.install({ time: rt.currentTime() - 1000 });
    await page.clock.pauseAt(rt.currentTime());
  }
  await page.goto(`${bridge.url}${options.query ?? ''}`);
  await page.locator('main[aria-busy="false"]').waitFor();
  return { page, bridge };
}
