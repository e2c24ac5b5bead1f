/**
 * `npm start`'s command line and first page, as a newcomer meets them: usage
 * for `--help` and for a bad option, a word for options an existing workbook
 * cannot take, a stop that frees the port, the Status tab first, and an error
 * cell that says what is wrong when the pointer rests on it.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser';
import { call, exited, run, start, tokenOf, workbookPath } from './helpers/playground';
import { cellOf, open, playgroundsInChromium, typeInto } from './helpers/playgroundPage';

const chromium = playgroundsInChromium();

const STACK = /\n\s+at /;

/** True when nothing listens on the port any more. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('npm start: the command line', () => {
  it('prints its usage for --help, and exits 0', async () => {
    const { code, output } = await run(['--help']);
    expect(code).toBe(0);
    expect(output).toContain('Usage: npm start -- [options]');
    for (const option of [
      '--workbook FILE',
      '--port N',
      '--time-zone ZONE',
      '--locale LOCALE',
      '--user EMAIL',
      '--users A,B,...',
      '--now MOMENT',
      '-h, --help',
    ]) {
      expect(output).toContain(option);
    }
    expect(output).not.toMatch(STACK);
    expect(output).not.toContain('ERR_PARSE_ARGS');
  });

  // Side by side: each runs the whole `npm start` (build included) to its refusal.
  it.concurrent.for<[string[], string]>([
    [['--prot', '80'], "npm start: Unknown option '--prot'"],
    [['team.xlsx'], "npm start: Unexpected argument 'team.xlsx'. This command does not take positional arguments"],
    [['--port', 'eighty'], 'npm start: --port eighty: give a port number from 0 to 65535.'],
    [
      ['--time-zone', 'Mars/Olympus_Mons'],
      'npm start: --time-zone Mars/Olympus_Mons: not a time zone; write one like Asia/Seoul or Europe/Copenhagen.',
    ],
    [['--locale', 'Korean'], 'npm start: --locale Korean: write a locale like en_US, ko_KR or da.'],
    [['--users', 'raj@example.com,mia'], 'npm start: mia is not an email address (--user, --users).'],
    [
      ['--users', 'raj@example.com,mia@example.com', '--user', 'ana@example.com'],
      'npm start: --user ana@example.com is not one of --users raj@example.com,mia@example.com.',
    ],
  ])(
    'refuses %j with its usage and one line saying why, exit code 2, nothing written',
    async ([args, message], { expect }) => {
      const file = workbookPath('team.xlsx');
      const { code, output } = await run(['--workbook', file, ...args]);
      expect(code).toBe(2);
      expect(output).toContain('Usage: npm start -- [options]');
      const lines = output.trimEnd().split('\n');
      expect(lines.filter((line) => line.startsWith('npm start: '))).toEqual([message]);
      expect(output).not.toMatch(STACK);
      expect(existsSync(file)).toBe(false);
    },
  );

  it('says on start that --time-zone and --locale do not apply to an existing workbook', async () => {
    const file = workbookPath('team.xlsx');
    const first = await start(['--workbook', file, '--locale', 'en_US']);
    // One change, so the workbook is written.
    const host = `127.0.0.1:${first.port}`;
    const made = await call(first.port, {
      method: 'POST',
      path: '/api/edit',
      headers: {
        host,
        origin: `http://${host}`,
        'content-type': 'application/json',
        'x-playground-token': await tokenOf(first),
      },
      body: JSON.stringify({ sheet: 'Team', a1: 'H1', value: 'written' }),
    });
    expect(made.status).toBe(200);
    expect(first.output()).not.toContain('does not apply');
    process.kill(-(first.child.pid as number), 'SIGTERM');
    await exited(first.child);

    const again = await start(['--workbook', file, '--time-zone', 'Europe/Copenhagen', '--locale', 'da_DK']);
    expect(again.output()).toContain(
      `--time-zone Europe/Copenhagen does not apply: ${file} exists and keeps its own, Asia/Seoul.`,
    );
    expect(again.output()).toContain(`--locale da_DK does not apply: ${file} exists and keeps its own, en_US.`);
  });

  it.each([
    ['SIGTERM to npm alone (as `kill` does)', 'npm', 'SIGTERM'],
    ['Ctrl-C (SIGINT to the whole foreground group)', 'group', 'SIGINT'],
  ] as const)('stops everything and frees the port on %s', async (_label, target, signal) => {
    const started = await start(['--workbook', workbookPath('team.xlsx')]);
    expect(await portFree(started.port)).toBe(false);
    const pid = started.child.pid as number;
    process.kill(target === 'npm' ? pid : -pid, signal);
    await exited(started.child);
    await expect.poll(() => portFree(started.port), { timeout: 10_000, interval: 100 }).toBe(true);
  });
});

describe('npm start: the page', () => {
  it('opens on the Status tab, and an error cell shows its message on hover', async () => {
    const started = await start(['--workbook', workbookPath('team.xlsx')]);
    const page = await open(chromium.browser, started.url);
    await expect(page.locator('#grid').getAttribute('data-sheet')).resolves.toBe('Status');
    await expect(page.getByRole('tab', { selected: true }).textContent()).resolves.toBe('Status');
    await page.screenshot({ path: artifact('playground-first-tab.png') });

    await page.getByRole('tab', { name: 'Team' }).click();
    const cells = {
      H2: [
        '=QUOTA_ATTAINMENT(ActivityLog, QuotaTable, "Raj", "Calls", "someday")',
        '#ERROR!',
        'QUOTA_ATTAINMENT: date: "someday" is not a date; pass a date such as DATE(2026,11,30) or AsOfDate',
      ],
      H3: ['=1/0', '#DIV/0!', 'Division by zero.'],
    };
    for (const [a1, [formula]] of Object.entries(cells)) await typeInto(page, a1, formula as string);
    const tip = page.getByRole('tooltip');
    for (const [a1, [, shown, message]] of Object.entries(cells)) {
      const cell = cellOf(page, a1);
      await expect(cell.textContent()).resolves.toBe(shown);
      await cell.hover();
      await tip.waitFor();
      await expect(tip.textContent()).resolves.toBe(`Error${message}`);
      await expect(cell.getAttribute('aria-describedby')).resolves.toBe('tip');
      if (a1 === 'H2') await page.screenshot({ path: artifact('playground-error-hover.png') });
    }
    // Off the cell, the message goes; a cell without an error has none.
    await cellOf(page, 'A1').hover();
    await tip.waitFor({ state: 'hidden' });
    await page.close();
  });
});
