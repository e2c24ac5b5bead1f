/**
 * Who the user is in the playground (SPEC §8): the one it was started as, or,
 * playing several users, the one chosen in the page among them; a page asking
 * for anyone else is not heard. Each test starts the real `npm start` and
 * drives real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser';
import { start, workbookPath } from './helpers/playground';
import { logInSidebar, open, playgroundsInChromium, showSheet } from './helpers/playgroundPage';

const chromium = playgroundsInChromium();

describe('who the user is', () => {
  /** Rewrites the sidebar's calls to ask for another user, as a page could. */
  async function askAs(page: Page, user: string): Promise<void> {
    await page.route('**/rpc', (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      void route.continue({ postData: JSON.stringify({ ...body, user }) });
    });
  }

  async function loggedBy(page: Page, notes: string): Promise<string[]> {
    await showSheet(page, 'Activities');
    return page.locator('#grid tr').evaluateAll(
      (rows, text) =>
        rows
          .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''))
          .filter((cells) => cells.includes(text))
          .map((cells) => cells[5] ?? ''),
      notes,
    );
  }

  it('is the one the server was started as; a page asking for another is not heard', async () => {
    const started = await start(['--workbook', workbookPath('team.xlsx'), '--user', 'raj@example.com']);
    const page = await open(chromium.browser, started.url);
    expect(await page.locator('#user-choice').isHidden()).toBe(true);
    await askAs(page, 'mia@example.com');
    await logInSidebar(page, 'asked as mia');
    await expect.poll(() => loggedBy(page, 'asked as mia')).toEqual(['raj@example.com']);
    await page.close();
  });

  it('playing several users, is the one chosen in the page, among them only', async () => {
    const started = await start([
      '--workbook',
      workbookPath('team.xlsx'),
      '--users',
      'raj@example.com,mia@example.com',
    ]);
    expect(started.output()).toContain('Playing several users, chosen in the page: raj@example.com, mia@example.com.');
    const page = await open(chromium.browser, started.url);
    await expect(page.locator('#user option').allTextContents()).resolves.toEqual([
      'raj@example.com',
      'mia@example.com',
    ]);
    const reopened = page.waitForEvent('framenavigated', (frame) => frame.url().includes('user=mia%40example.com'));
    await page.getByLabel('Playing as').selectOption('mia@example.com');
    await reopened;
    await logInSidebar(page, 'chosen as mia');
    await expect.poll(() => loggedBy(page, 'chosen as mia')).toEqual(['mia@example.com']);
    await page.screenshot({ path: artifact('playground-users.png') });

    await askAs(page, 'mallory@evil.example');
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.getByLabel('Quantity').fill('2');
    await sidebar.locator('#notes').fill('asked as mallory');
    const refused = page.waitForResponse((response) => response.url().endsWith('/rpc'));
    await sidebar.getByRole('button', { name: 'Log activity' }).click();
    expect(await (await refused).json()).toEqual({
      error: "mallory@evil.example is not one of the playground's users (raj@example.com, mia@example.com).",
    });
    await sidebar.getByText('That did not work, and nothing was saved.').waitFor();
    expect(await loggedBy(page, 'asked as mallory')).toEqual([]);
    await page.close();
  });
});
