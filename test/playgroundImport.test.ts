/**
 * What `npm start -- --workbook …` takes in: a CSV log (a dialer's or CRM's
 * export) becomes the Activities sheet of a new workbook beside it, by SPEC §2's
 * header rules; a workbook too big for the playground, and a time zone it does
 * not know, are refused with a message before anything is written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser';
import { refusal, start, stop, tempDir } from './helpers/playground';
import { gridRows, open, playgroundsInChromium, showSheet, typeInto } from './helpers/playgroundPage';
import { minimalXlsx } from './helpers/xlsxFiles';

const chromium = playgroundsInChromium();

/** A Danish dialer's export: semicolons, a byte-order mark, days first, a decimal comma, columns of its own. */
const CALLS = [
  'Sælger;Kampagne;Dato;Aktivitet;Antal;Noter;Varighed (s)',
  'Sofie;Jul;02-11-2026;Opkald;40;"ring igen; efter 14";125',
  'Sofie;Jul;16-11-2026;Opkald;25;;80',
  'Sofie;Jul;18-11-2026;Omsætning;"1.250,50";"=HYPERLINK(""x"")";',
  'Mads;Forår;17.11.2026;Møder;2;;',
].join('\r\n');

describe('npm start with a CSV log', () => {
  it('reads it as the Activities log of a new workbook beside it (headers in Danish, any order, own columns kept) and leaves the CSV as it was', async () => {
    const dir = tempDir();
    const csv = join(dir, 'calls.csv');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALLS, 'utf8')]);
    writeFileSync(csv, bytes);
    const workbook = join(dir, 'calls.xlsx');

    const { url, output, child } = await start(['--workbook', csv]);
    await expect
      .poll(output)
      .toContain(`${csv} is read as the Activities log into a new workbook, ${workbook}, saved after every change`);
    expect(output()).toContain(`start with --workbook "${workbook}"`);
    expect(readFileSync(csv).equals(bytes)).toBe(true);
    expect(existsSync(workbook)).toBe(true);

    const page = await open(chromium.browser, url);
    await showSheet(page, 'Activities');
    const log = await gridRows(page);
    expect(log[0]?.slice(0, 7)).toEqual(['Sælger', 'Kampagne', 'Dato', 'Aktivitet', 'Antal', 'Noter', 'Varighed (s)']);
    expect(log[1]?.slice(0, 7)).toEqual(['Sofie', 'Jul', '2026-11-02', 'Opkald', '40', 'ring igen; efter 14', '125']);
    expect(log[3]?.slice(2, 6)).toEqual(['2026-11-18', 'Omsætning', '1250.5', '=HYPERLINK("x")']);
    expect(log[4]?.slice(0, 5)).toEqual(['Mads', 'Forår', '2026-11-17', 'Møder', '2']);

    // A quota for Sofie's calls: the board counts the log's November calls, 40 + 25.
    await showSheet(page, 'Quotas');
    const header = (await gridRows(page))[0] ?? [];
    const column = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    for (const [name, value] of [
      ['Rep', 'Sofie'],
      ['Activity', 'Calls'],
      ['Period', 'Month'],
      ['Target', '100'],
    ]) {
      await typeInto(page, `${column(name as string)}2`, value as string);
      await showSheet(page, 'Quotas');
    }
    await showSheet(page, 'Status');
    const board = await gridRows(page);
    const bh = board[0] ?? [];
    const sofie = board.find(
      (cells) => cells[bh.indexOf('Rep')] === 'Sofie' && cells[bh.indexOf('Activity')] === 'Calls',
    );
    expect(sofie?.[bh.indexOf('Done')]).toBe('65');
    await page.screenshot({ path: artifact('playground-csv.png') });
    await page.close();
    await stop(child);
    expect(readFileSync(csv).equals(bytes)).toBe(true);

    // Imported again: a second workbook, the first one left alone.
    const before = readFileSync(workbook);
    const again = await start(['--workbook', csv]);
    await expect.poll(again.output).toContain(`into a new workbook, ${join(dir, 'calls (2).xlsx')}`);
    await stop(again.child);
    expect(readFileSync(workbook).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['calls (2).xlsx', 'calls.csv', 'calls.xlsx']);
  });
});

describe('npm start refuses what it cannot hold, before writing anything', () => {
  it.each([
    [
      'a sheet of 200,001 rows',
      () =>
        Array.from({ length: 200_001 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''),
      'sheet "Log" has cells down to row 200,001 (as far as A200001), and the playground opens at most 200,000 rows per sheet',
    ],
    [
      'a cell far out (XFD1048576)',
      () => '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
      'sheet "Log" has cells down to row 1,048,576 (as far as XFD1048576), and the playground opens at most 200,000 rows per sheet',
    ],
  ])('%s', async (_label, rows, why) => {
    const file = join(tempDir(), 'big.xlsx');
    const bytes = minimalXlsx([{ name: 'Log', rows: rows() }]);
    writeFileSync(file, bytes);
    const failure = await refusal(['--workbook', file]);
    expect(failure.code).toBe(1);
    expect(failure.output).toContain(`${file} is too big for the playground: ${why}`);
    expect(failure.output).toContain('It was left exactly as it was.');
    expect(failure.output).not.toMatch(/\n\s+at |heap/i);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses a --time-zone it does not know, and writes nothing', async () => {
    const dir = tempDir();
    const fresh = join(dir, 'new.xlsx');
    const option = await refusal(['--workbook', fresh, '--time-zone', 'Mars/Olympus_Mons']);
    // The command line refuses it first, with its usage (exit code 2).
    expect(option.code).toBe(2);
    expect(option.output).toContain('--time-zone Mars/Olympus_Mons: not a time zone');
    expect(existsSync(fresh)).toBe(false);
  });
});
