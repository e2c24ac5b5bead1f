/**
 * `npm start` serves the phone page (SPEC §5b) at /phone: the shipped web app
 * run as its own project on the playground's workbook, so it can be tried on a
 * phone-sized browser; what it logs is saved to the workbook file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser';
import { start, workbookPath } from './helpers/playground';
import { playgroundsInChromium } from './helpers/playgroundPage';

const chromium = playgroundsInChromium();

/** The Activities rows of the saved workbook file. */
async function savedLog(file: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.getWorksheet('Activities')?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('npm start: the phone page', () => {
  it('serves /phone at 360 px, and a "+1" tap there logs one row, saved to the workbook file', async () => {
    const file = workbookPath('team.xlsx');
    const { url } = await start(['--workbook', file]);
    const before = (await savedLog(file)).length;
    const context = await chromium.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await page.goto(`${url}phone`);
    await page.locator('main[aria-busy="false"]').waitFor();
    const plus = page.locator('.plus-one').first();
    const label = (await plus.textContent()) ?? '';
    const activity = label.replace(/^\+1 /, '');
    expect(activity).not.toBe('');
    await plus.tap();
    await page.getByText(`Logged 1 ${activity} for Raj.`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The README's screenshot (src/phone/phone.png) is this one: the sample team, a "+1" just logged.
    await page.screenshot({ path: artifact('phone.png') });
    let rows = await savedLog(file);
    for (let tries = 0; rows.length === before && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await savedLog(file);
    }
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.slice(1, 4)).toEqual(['Raj', activity, 1]);
    await context.close();
  }, 90_000);
});
