/**
 * `npm start -- --workbook team.xlsx` on a team's own file, driven in Chromium:
 * the file is left byte for byte until the first change; that change keeps the
 * original beside it, writes through a symbolic link and keeps the file's
 * mode; a second playground is kept off the file; a file changed by another
 * program is never written over. And the playground's own work survives its
 * restarts: a spilled QUOTA_STATUS, a formula whose result is blank, and the
 * text format of the log's empty rows.
 */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser';
import { refusal, start, stop, tempDir } from './helpers/playground';
import { cellOf, editorOf, gridRows, open, playgroundsInChromium, showSheet, typeInto } from './helpers/playgroundPage';

const chromium = playgroundsInChromium();

/** A team's export: a log with a comment, a sheet of their own with merged cells, a hidden sheet. */
async function teamFile(path: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const log = book.addWorksheet('Activities');
  log.addRow(['Date', 'Rep', 'Activity', 'Quantity']);
  log.addRow([new Date(Date.UTC(2026, 10, 2)), 'Sofie', 'Calls', 40]);
  log.getCell('B2').note = 'asked for a callback';
  const notes = book.addWorksheet('Notes');
  notes.mergeCells('A1:C1');
  notes.getCell('A1').value = 'Plan for Q4';
  book.addWorksheet('Private', { state: 'hidden' }).getCell('A1').value = 'salaries';
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  writeFileSync(path, bytes);
  return bytes;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('npm start on a team’s own file', () => {
  it('leaves it byte for byte until the first change; that change keeps the original beside it, goes through the link and keeps mode 0600', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'mine'));
    const real = join(dir, 'shared', 'team.xlsx');
    const link = join(dir, 'mine', 'team.xlsx');
    const original = await teamFile(real);
    chmodSync(real, 0o600);
    symlinkSync(real, link);
    const { mtimeMs } = statSync(real);
    const backup = join(dir, 'shared', 'team (before Activity Quota).xlsx');

    // A start, a look around, a stop: nothing written, not even the time stamp.
    const first = await start(['--workbook', link]);
    await expect
      .poll(first.output)
      .toContain(
        `Nothing is written to it until you change something; the first change keeps the original as ${backup}.`,
      );
    const look = await open(chromium.browser, first.url);
    await showSheet(look, 'Status');
    await showSheet(look, 'Notes');
    expect(readFileSync(real).equals(original)).toBe(true);
    await look.close();
    await stop(first.child);
    expect(readFileSync(real).equals(original)).toBe(true);
    expect(statSync(real).mtimeMs).toBe(mtimeMs);
    expect(readdirSync(join(dir, 'shared'))).toEqual(['team.xlsx']);

    // A change: the original is kept beside the file, the file changes through the link.
    const second = await start(['--workbook', link]);
    const page = await open(chromium.browser, second.url);
    await showSheet(page, 'Notes');
    await typeInto(page, 'B3', 'call Sofie back');
    await page.screenshot({ path: artifact('playground-own-file.png') });
    await page.close();
    await stop(second.child);

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(backup).equals(original)).toBe(true);
    expect(mode(backup)).toBe(0o600);
    expect(readFileSync(real).equals(original)).toBe(false);
    expect(mode(real)).toBe(0o600);
    expect(readdirSync(join(dir, 'shared')).sort()).toEqual(['team (before Activity Quota).xlsx', 'team.xlsx']);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(real);
    expect(saved.getWorksheet('Notes')?.getCell('B3').value).toBe('call Sofie back');
    expect(saved.getWorksheet('Notes')?.getCell('B1').master.address).toBe('A1');
    expect(saved.getWorksheet('Activities')?.getCell('B2').note).toBe('asked for a callback');
    expect(saved.getWorksheet('Private')?.state).toBe('hidden');
  });

  it('keeps a second playground off the file, naming the first, and lets it go when the first stops', async () => {
    const file = join(tempDir(), 'team.xlsx');
    await teamFile(file);
    const first = await start(['--workbook', file]);
    const pid = Number(readFileSync(`${file}.lock`, 'utf8').match(/"pid":(\d+)/)?.[1]);
    const second = await refusal(['--workbook', file]);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`${file} is already open in another playground (process ${pid} on `);
    expect(second.output).toContain('stop that one first');
    expect(second.output).not.toMatch(/\n\s+at /);
    await stop(first.child);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('never writes over a file another program changed: the change is refused and the page says why', async () => {
    const file = join(tempDir(), 'team.xlsx');
    await teamFile(file);
    const { url } = await start(['--workbook', file]);
    const page = await open(chromium.browser, url);
    await showSheet(page, 'Notes');

    // Someone saves the file in Excel meanwhile.
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.readFile(file);
    (theirs.getWorksheet('Notes') as ExcelJS.Worksheet).getCell('A5').value = 'added in Excel';
    const bytes = Buffer.from(await theirs.xlsx.writeBuffer());
    writeFileSync(file, bytes);

    await typeInto(page, 'B3', 'typed in the playground');
    const error = page.locator('#messages p.error');
    await expect
      .poll(() => error.textContent())
      .toContain(`${file} was changed by another program since the playground read it`);
    await expect.poll(() => error.textContent()).toContain('what you change here from now on is not saved');
    expect(await cellOf(page, 'B3').textContent()).toBe('');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    await page.close();
  });
});

describe('npm start keeps the playground’s own work across restarts', () => {
  it('a spilled QUOTA_STATUS, a formula whose result is blank, and =1+1 typed in an empty Rep cell (stays text)', async () => {
    const file = join(tempDir(), 'team.xlsx');
    const first = await start(['--workbook', file]);
    const page = await open(chromium.browser, first.url);
    await showSheet(page, 'Status');
    await typeInto(page, 'N2', '=QUOTA_STATUS(ActivityLog, QuotaTable, Team!A2:A20, {"Calls","Emails"}, AsOfDate)');
    await showSheet(page, 'Status');
    const spilled = (await gridRows(page)).slice(1, 20).map((cells) => cells.slice(13, 15));
    // Team!A2:A20 holds a few reps, then blanks: the spill's last rows are blank.
    expect(spilled[0]?.[0]).toMatch(/^(Met|On track|Behind|At risk|Missed|No quota)$/);
    expect(spilled[18]).toEqual(['', '']);
    await showSheet(page, 'Team');
    await typeInto(page, 'H3', '=Z500');
    await page.close();
    await stop(first.child);

    const second = await start(['--workbook', file]);
    const again = await open(chromium.browser, second.url);
    await showSheet(again, 'Status');
    expect((await gridRows(again)).slice(1, 20).map((cells) => cells.slice(13, 15))).toEqual(spilled);
    expect(await editorOf(again, 'N2')).toBe(
      '=QUOTA_STATUS(ActivityLog, QuotaTable, Team!A2:A20, {"Calls","Emails"}, AsOfDate)',
    );
    await showSheet(again, 'Team');
    expect(await editorOf(again, 'H3')).toBe('=Z500');
    expect(await cellOf(again, 'H3').textContent()).toBe('');

    // The log's Rep column is plain text, empty rows too: a formula typed there stays the text typed.
    await showSheet(again, 'Activities');
    const row = (await gridRows(again)).findIndex((cells) => cells.every((text) => text === '')) + 1;
    expect(row).toBeGreaterThan(2);
    await typeInto(again, `B${row}`, '=1+1');
    await showSheet(again, 'Activities');
    expect(await cellOf(again, `B${row}`).textContent()).toBe('=1+1');
    await again.screenshot({ path: artifact('playground-restart.png') });
    await again.close();
    await stop(second.child);

    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(file);
    expect(saved.getWorksheet('Activities')?.getCell(`B${row}`).value).toBe('=1+1');
    expect(saved.getWorksheet('Team')?.getCell('H3').formula).toBe('Z500');
    expect(saved.getWorksheet('Status')?.getCell('N2').formula).toBe(
      'QUOTA_STATUS(ActivityLog, QuotaTable, Team!A2:A20, {"Calls","Emails"}, AsOfDate)',
    );
  });
});
