/**
 * The playground's page (`npm start`, helpers/playground.ts) driven in
 * Chromium as a user drives it: sheet tabs, the grid, cells typed through the
 * cell editor.
 */
import type { Browser, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { useChromium } from './browser';
import { stopAll } from './playground';

/** Chromium for a test file of playgrounds (useChromium); every playground started is stopped after each test. */
export function playgroundsInChromium(): { readonly browser: Browser } {
  const chromium = useChromium();
  afterEach(stopAll);
  return chromium;
}

/** The playground's page at `url`, once it is ready. */
export async function open(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.locator(`#grid[data-sheet="${name}"]`).waitFor();
}

/** The grid's rows as text, header row of the sheet first (column letters left out). */
export async function gridRows(page: Page): Promise<string[][]> {
  return page
    .locator('#grid tr')
    .evaluateAll((rows) =>
      rows.slice(1).map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
}

export function cellOf(page: Page, a1: string) {
  return page.locator(`#grid td[data-a1="${a1}"]`);
}

/** Types into a cell of the sheet shown through the cell editor, as a user does, and waits for the answer. */
export async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await cellOf(page, a1).click();
  await page.locator('#formula').fill(text);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/edit'));
  await page.locator('#formula').press('Enter');
  await answered;
}

/** What the cell editor shows for a cell: its formula, or its value. */
export async function editorOf(page: Page, a1: string): Promise<string> {
  await cellOf(page, a1).click();
  return page.locator('#formula').inputValue();
}

/** Logs 3 Calls with `notes` through the page's sidebar and waits for the server's answer. */
export async function logInSidebar(page: Page, notes: string): Promise<void> {
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('main[aria-busy="false"]').waitFor();
  await sidebar.getByLabel('Activity', { exact: true }).selectOption('Calls');
  await sidebar.getByLabel('Quantity').fill('3');
  await sidebar.locator('#notes').fill(notes);
  const logged = page.waitForResponse(
    (response) => response.url().endsWith('/rpc') && response.request().postData()?.includes('logActivity') === true,
  );
  await sidebar.getByRole('button', { name: 'Log activity' }).click();
  await logged;
}
