/**
 * `npm start` serves the phone page (SPEC §5b) at /phone: the shipped web app
 * run as its own project on the playground's workbook, so it can be tried on a
 * phone-sized browser; what it logs is saved to the workbook file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launch } from './helpers/browser';

const ROOT = join(import.meta.dirname, '..');
let browser: Browser;
let child: ChildProcess | undefined;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child?.on('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
});

/** `npm start` on a new workbook, Friday 20 November 2026 at 9 a.m. in Seoul; resolves with its address. */
function start(workbook: string): Promise<string> {
  const args = ['start', '--', '--port', '0', '--time-zone', 'Asia/Seoul', '--now', '2026-11-20T09:00'];
  child = spawn('npm', [...args, '--workbook', workbook], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /playground: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child?.stdout?.on('data', onData);
    child?.stderr?.on('data', onData);
    child?.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
  });
}

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
    const file = join(mkdtempSync(join(tmpdir(), 'aq-phone-')), 'team.xlsx');
    const url = await start(file);
    const before = (await savedLog(file)).length;
    const context = await browser.newContext({
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
