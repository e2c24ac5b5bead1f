/**
 * Driving `npm start` (the playground) as a user does: the real command on a
 * pinned clock, its page in Chromium, cells typed through the cell editor.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');

export interface Started {
  url: string;
  child: ChildProcess;
  output: () => string;
}

export interface Failed {
  code: number;
  output: string;
}

/** Friday 20 November 2026, 9 a.m. in Seoul: the playgrounds here start on this clock. */
export const NOW = '2026-11-20T09:00';

/** Every playground started, to stop after each test. */
export const running: ChildProcess[] = [];

/**
 * Runs `npm start` with `args` on a pinned clock (`--now`, unless `args` sets it);
 * resolves with the address it prints, or rejects with what it said on exit.
 */
export function start(args: string[]): Promise<Started> {
  const clock = args.includes('--now') ? [] : ['--now', NOW];
  const zone = args.includes('--time-zone') ? [] : ['--time-zone', 'Asia/Seoul'];
  const child = spawn('npm', ['start', '--', '--port', '0', ...zone, ...clock, ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /playground: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child, output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(Object.assign(new Error(`npm start exited with ${code}`), { code, output })));
  });
}

/** Runs `npm start` expecting it to refuse: resolves with its exit code and what it said. */
export async function refusal(args: string[]): Promise<Failed> {
  return start(args).then(
    () => {
      throw new Error(`the playground started with ${args.join(' ')}`);
    },
    (error: Failed) => error,
  );
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

/** Stops a playground as Ctrl+C does, and waits until it is gone. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child);
  process.kill(-child.pid, 'SIGTERM');
  await done;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'aq-playground-'));
}

export async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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

/** Types into a cell through the cell editor, as a user does, and waits for the answer. */
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
