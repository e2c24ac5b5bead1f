/**
 * `npm start` as a newcomer runs it, for tests: the real command on a workbook
 * file of the test's own, on a pinned clock, and plain HTTP calls to it. Its
 * page in Chromium: helpers/playgroundPage.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/local/paths';

/** Friday 20 November 2026, 9 a.m. in Seoul: every playground here starts on this clock. */
export const NOW = '2026-11-20T09:00';

export interface Started {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

export interface Ran {
  code: number | null;
  output: string;
}

export interface Failed {
  code: number;
  output: string;
}

const running: ChildProcess[] = [];

function spawnStart(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return { child, output: () => output };
}

/**
 * Runs `npm start` with `args` (port 0; Seoul and the pinned clock unless `args`
 * sets `--time-zone` or `--now`); resolves once it prints its address, rejects
 * with what it said if it exits first. {@link stopAll} stops it.
 */
export function start(args: string[]): Promise<Started> {
  const zone = args.includes('--time-zone') ? [] : ['--time-zone', 'Asia/Seoul'];
  const clock = args.includes('--now') ? [] : ['--now', NOW];
  const { child, output } = spawnStart(['--port', '0', ...zone, ...clock, ...args]);
  running.push(child);
  return new Promise((resolve, reject) => {
    const look = () => {
      const url = /playground: (http:\/\/\S+)/.exec(output())?.[1];
      // The lines after the address are printed with it: wait for the last one.
      if (url && output().includes('Ctrl+C to stop')) resolve({ url, port: Number(new URL(url).port), child, output });
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code) =>
      reject(Object.assign(new Error(`npm start exited with ${code}`), { code, output: output() })),
    );
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

/** Runs `npm start -- args` to its end (for options that stop it at once; not stopped by `stopAll`, so tests may run it side by side). */
export function run(args: string[]): Promise<Ran> {
  const { child, output } = spawnStart(args);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output: output() })));
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

/** Stops a start and everything it ran (its whole process group), as Ctrl+C does, and waits until it is gone. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // The group is gone already.
  }
  await done;
}

/** Stops every start of the test file; for `afterEach`. */
export async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map(stop));
}

/** A new folder of the test's own. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'aq-playground-'));
}

/** A path named `name` in a new folder: a workbook that is not there yet. */
export function workbookPath(name: string): string {
  return join(tempDir(), name);
}

export interface Answer {
  status: number;
  body: string;
}

/** One HTTP request to the playground's port, with exactly these headers (Host included). */
export function call(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/** The token a start wrote into its page, read as the page's own browser would. */
export async function tokenOf(started: Started): Promise<string> {
  const page = await call(started.port, { path: '/', headers: { host: `127.0.0.1:${started.port}` } });
  const token = /name="playground-token" content="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error('the page carries no token');
  return token;
}

/** The workbook as the playground shows it, asked with the start's own token and Host. */
export async function workbookState(started: Started): Promise<unknown> {
  const answer = await call(started.port, {
    path: '/api/state',
    headers: { host: `127.0.0.1:${started.port}`, 'x-playground-token': await tokenOf(started) },
  });
  if (answer.status !== 200) throw new Error(`state: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body);
}
