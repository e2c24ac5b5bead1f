/**
 * The playground's workbook file, in-process: what a write keeps of a team's
 * own file (ExcelJS keeps comments, merges, links, widths, filters,
 * protection, hidden sheets, drop-down lists, conditional formats), what it
 * cannot keep (listed at start, and then really gone after a change), and
 * drop-down lists and formats of empty rows across a save and a new start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/local/clock';
import { WorkbookStore } from '../src/local/playground/store';
import { zipEntries } from '../src/local/zip';
import { NOV18, runtime } from './helpers/runtime';
import { minimalXlsx, unzip, zip } from './helpers/xlsxFiles';

const opened: WorkbookStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

async function open(file: string): Promise<WorkbookStore> {
  const store = await WorkbookStore.open(file);
  opened.push(store);
  return store;
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'aq-file-'));
}

/** A team's workbook with what people put in one: a log, a user sheet with a comment, a merge, a link… */
async function teamWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const log = book.addWorksheet('Activities', { properties: { tabColor: { argb: 'FFFF0000' } } });
  log.addRow(['Date', 'Rep', 'Activity', 'Quantity', 'Kanal']);
  log.addRow([new Date(Date.UTC(2026, 10, 2)), 'Sofie', 'Calls', 40, 'phone']);
  log.getCell('B2').note = 'asked for a callback';
  log.getColumn(2).width = 30;
  log.autoFilter = 'A1:E2';
  log.getCell('E2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"phone,mail"'] };
  log.addConditionalFormatting({
    ref: 'D2:D10',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        priority: 1,
        formulae: [5],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00FF00' } } },
      },
    ],
  });
  const notes = book.addWorksheet('Notes');
  notes.mergeCells('A1:C1');
  notes.getCell('A1').value = 'Plan for Q4';
  notes.getCell('A2').value = { text: 'handbook', hyperlink: 'https://example.com/handbook' };
  await notes.protect('', { selectLockedCells: true });
  book.addWorksheet('Private', { state: 'hidden' }).getCell('A1').value = 'salaries';
  return Buffer.from(await book.xlsx.writeBuffer());
}

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';

/** Adds to a file what ExcelJS does not write back: a chart, a pivot table, a link to another workbook, macros… */
async function withWhatCannotBeKept(bytes: Buffer): Promise<Buffer> {
  const parts: Record<string, string | Buffer> = await unzip(bytes);
  parts['xl/charts/chart1.xml'] = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
  parts['xl/pivotTables/pivotTable1.xml'] = '<pivotTableDefinition/>';
  parts['xl/externalLinks/externalLink1.xml'] = '<externalLink/>';
  parts['xl/vbaProject.bin'] = Buffer.from('macro');
  const name = '<definedName name="Channels">Activities!$E:$E</definedName>';
  const workbook = (parts['xl/workbook.xml'] as string).replace(
    '<sheets>',
    '<workbookProtection lockStructure="1"/><sheets>',
  );
  parts['xl/workbook.xml'] = workbook.includes('</definedNames>')
    ? workbook.replace('</definedNames>', `${name}</definedNames>`)
    : workbook.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
  const lists = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>Notes!$A$5:$A$7</xm:f></x14:formula1><xm:sqref>F2:F10</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
  parts['xl/worksheets/sheet1.xml'] = (parts['xl/worksheets/sheet1.xml'] as string).replace(
    '</worksheet>',
    `${lists}</worksheet>`,
  );
  return zip(parts);
}

describe('a team’s own workbook file', () => {
  it('lists at start what it cannot write back; after a change exactly those are gone, and the rest is kept', async () => {
    const dir = folder();
    const file = join(dir, 'team.xlsx');
    const original = await withWhatCannotBeKept(await teamWorkbook());
    writeFileSync(file, original);
    // A backup from an earlier try, and Excel's mark that it has the file open.
    const older = join(dir, 'team (before Activity Quota).xlsx');
    writeFileSync(older, 'an earlier backup');
    writeFileSync(join(dir, '~$team.xlsx'), '');
    const backup = join(dir, 'team (before Activity Quota 2).xlsx');

    const store = await open(file);
    const said = store.notes.join('\n');
    expect(said).toContain(`the first change keeps the original as ${backup}.`);
    expect(said).toContain(`${file} looks open in Excel or LibreOffice (~$team.xlsx)`);
    for (const what of [
      'charts (1)',
      'pivot tables (1)',
      'links to other workbooks (1)',
      'macros (1)',
      'workbook protection (of the sheet structure) (1)',
      'drop-down lists in the Excel 2010 form (those pointing at another sheet) (1)',
      'named ranges over whole rows or columns, or holding formulas (Channels)',
    ]) {
      expect(said).toContain(what);
    }
    expect(readFileSync(file).equals(original)).toBe(true);

    const rt = runtime({ now: fixedClock(NOV18) });
    store.load(rt.spreadsheet);
    rt.open();
    rt.call('setUpWorkbook');
    rt.edit('Activities', 'A3', [['2026-11-03']]);
    await store.save(rt.spreadsheet, { timeZone: 'Asia/Seoul', locale: 'en_US', dayOffset: 0 });

    expect(readFileSync(backup).equals(original)).toBe(true);
    expect(readFileSync(older, 'utf8')).toBe('an earlier backup');
    const saved = readFileSync(file);
    const names = zipEntries(saved).map((entry) => entry.name);
    for (const part of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin']) {
      expect(names).not.toContain(part);
    }
    expect(names.some((name) => name.startsWith('xl/externalLinks/'))).toBe(false);
    const text = await unzip(saved);
    expect(text['xl/workbook.xml']).not.toContain('workbookProtection');
    expect(text['xl/workbook.xml']).not.toContain('Channels');
    expect(Object.values(text).join('')).not.toContain('x14:dataValidation');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(saved as unknown as ExcelJS.Buffer);
    const log = book.getWorksheet('Activities') as ExcelJS.Worksheet;
    expect(log.getCell('B2').note).toBe('asked for a callback');
    expect(log.getColumn(2).width).toBe(30);
    expect(log.autoFilter).toBe('A1:E2');
    expect(log.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"phone,mail"'] });
    expect(JSON.stringify((log as unknown as { conditionalFormattings: unknown }).conditionalFormattings)).toContain(
      'greaterThan',
    );
    expect(log.properties.tabColor).toEqual({ argb: 'FFFF0000' });
    expect(log.getCell('E2').value).toBe('phone');
    expect(log.getCell('A3').value).toEqual(new Date(Date.UTC(2026, 10, 3)));
    const notes = book.getWorksheet('Notes') as ExcelJS.Worksheet;
    expect(notes.getCell('B1').isMerged).toBe(true);
    expect(notes.getCell('B1').master.address).toBe('A1');
    expect(notes.getCell('A2').value).toEqual({ text: 'handbook', hyperlink: 'https://example.com/handbook' });
    expect((notes as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(book.getWorksheet('Private')?.state).toBe('hidden');
    // The add-on's own sheets came in beside the team's.
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Quotas', 'Team', 'Status']));
  });

  it('keeps the drop-down lists and formats of empty rows, and a formula whose result is blank, across a save and the next start', async () => {
    const file = join(folder(), 'new.xlsx');
    const first = await open(file);
    const rt = runtime({ now: fixedClock(NOV18) });
    rt.open();
    rt.call('setUpWorkbook');
    rt.edit('Team', 'H3', [['=Z500']]);
    await first.save(rt.spreadsheet, { timeZone: 'Asia/Seoul', locale: 'en_US', dayOffset: 0 });
    first.close();

    const again = await open(file);
    const next = runtime({ now: fixedClock(NOV18) });
    again.load(next.spreadsheet);
    for (const [before, after] of [
      [rt.spreadsheet.getRange('Activities!A2:H999'), next.spreadsheet.getRange('Activities!A2:H999')],
      [rt.spreadsheet.getRange('Quotas!A2:F999'), next.spreadsheet.getRange('Quotas!A2:F999')],
      [rt.spreadsheet.getRange('Settings!A1:B20'), next.spreadsheet.getRange('Settings!A1:B20')],
    ] as const) {
      expect(after.getNumberFormats()).toEqual(before.getNumberFormats());
      const rules = (range: typeof before) =>
        range.getDataValidations().map((line) =>
          line.map((rule) => {
            if (!rule) return null;
            const args = rule
              .getCriteriaValues()
              .map((arg) =>
                typeof arg === 'object' && arg !== null && 'getA1Notation' in arg
                  ? (arg as { getA1Notation(): string }).getA1Notation()
                  : arg,
              );
            return [rule.getCriteriaType(), args, rule.getAllowInvalid(), rule.getHelpText()];
          }),
        );
      expect(rules(after)).toEqual(rules(before));
    }
    expect(next.spreadsheet.getRange('Activities!B500').getNumberFormat()).toBe('@');
    expect(next.spreadsheet.getRange('Team!H3').getFormula()).toBe('=Z500');
    expect(next.spreadsheet.getRange('Quotas!C500').getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
  });

  it('keeps no second copy once the playground wrote the file itself', async () => {
    const dir = folder();
    const file = join(dir, 'team.xlsx');
    const original = await teamWorkbook();
    writeFileSync(file, original);
    const meta = { timeZone: 'Asia/Seoul', locale: 'en_US', dayOffset: 0 };
    for (const text of ['first', 'second']) {
      const store = await open(file);
      const rt = runtime({ now: fixedClock(NOV18) });
      store.load(rt.spreadsheet);
      rt.edit('Notes', 'B5', [[text]]);
      await store.save(rt.spreadsheet, meta);
      store.close();
    }
    const last = await open(file);
    expect(last.notes[0]).toBe(`Workbook: ${file}, saved after every change.`);
    last.close();
    expect(readdirSync(dir).sort()).toEqual(['team (before Activity Quota).xlsx', 'team.xlsx']);
    expect(readFileSync(join(dir, 'team (before Activity Quota).xlsx')).equals(original)).toBe(true);
  });

  it('takes over the lock of a playground that is gone, and is refused by one that runs', async () => {
    const file = join(folder(), 'team.xlsx');
    writeFileSync(file, await teamWorkbook());
    const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: gone, host: hostname() }));
    const store = await open(file);
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await expect(WorkbookStore.open(file)).rejects.toThrow(
      `${file} is already open in another playground (process ${process.pid} on ${hostname()})`,
    );
    store.close();
    expect(readdirSync(join(file, '..'))).toEqual(['team.xlsx']);
  });
});

describe('what the playground refuses to open, with the reason, writing nothing', () => {
  it.each([
    [
      'a sheet wider than Sheets allows',
      '<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZ1"><v>2</v></c></row>',
      'sheet "Log" has cells out to column 475,254 (as far as ZZZZ1), and the playground opens at most 18,278 columns per sheet',
    ],
    [
      'sheets spanning more cells than it holds',
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="150000"><c r="Z150000"><v>2</v></c></row>',
      "its sheets span 3,900,000 cells (rows × columns of each sheet's data), and the playground opens at most 2,000,000",
    ],
  ])('%s', async (_label, rows, why) => {
    const dir = folder();
    const file = join(dir, 'big.xlsx');
    writeFileSync(file, minimalXlsx([{ name: 'Log', rows }]));
    await expect(WorkbookStore.open(file)).rejects.toThrow(`${file} is too big for the playground: ${why}`);
    expect(readdirSync(dir)).toEqual(['big.xlsx']);
  });

  it('a time zone kept in the file that it does not know', async () => {
    const dir = folder();
    const file = join(dir, 'kept.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').getCell('A1').value = 'x';
    book.description = 'Activity Quota playground {"timeZone":"Invalid/Zone","locale":"en_US","dayOffset":0}';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    writeFileSync(file, bytes);
    await expect(WorkbookStore.open(file)).rejects.toThrow(
      `${file} (the time zone kept in it): "Invalid/Zone" is not a time zone`,
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['kept.xlsx']);
  });

  it('a CSV that is not an activity log, naming the columns it lacks', async () => {
    const dir = folder();
    const csv = join(dir, 'contacts.csv');
    writeFileSync(csv, 'Firma,Telefon,Dato\nNordsø ApS,+4512345678,02-11-2026\n');
    await expect(WorkbookStore.open(csv)).rejects.toThrow(
      `${csv} cannot be read as an activity log: its first row has no Rep, Activity or Quantity column. Columns are found by their header, in any order, in English, Malay, Russian, Danish, Polish or Korean (in Danish: Sælger, Aktivitet or Antal). Its first row is: Firma | Telefon | Dato. Nothing was written.`,
    );
    expect(readdirSync(dir)).toEqual(['contacts.csv']);
  });
});

describe('a CSV log as programs export it', () => {
  it('reads Excel’s sep= line, Windows-1252 text, US dates (month first), times with an offset and a quoted line break', async () => {
    const dir = folder();
    const csv = join(dir, 'crm.csv');
    const text = [
      'sep=,',
      'Date,Rep,Activity,Quantity,Notes,Logged at',
      '11/02/2026,Zoë,Calls,"1,250.50","first line',
      'second line",2026-11-02T23:30:00Z',
      '11/16/2026,Zoë,Emails,3,,',
    ].join('\r\n');
    writeFileSync(csv, Buffer.from(text, 'latin1'));
    const store = await open(csv);
    expect(store.path).toBe(join(dir, 'crm.xlsx'));
    const rt = runtime({ now: fixedClock(NOV18) });
    store.load(rt.spreadsheet);
    const log = rt.spreadsheet.getRange('Activities!A1:F3');
    expect(log.getDisplayValues()).toEqual([
      ['Date', 'Rep', 'Activity', 'Quantity', 'Notes', 'Logged at'],
      // 23:30 UTC is 08:30 the next morning in Seoul.
      ['2026-11-02', 'Zoë', 'Calls', '1250.5', 'first line\nsecond line', '2026-11-03 08:30:00'],
      ['2026-11-16', 'Zoë', 'Emails', '3', '', ''],
    ]);
    expect(typeof log.getValues()[1]?.[3]).toBe('number');
    expect(readdirSync(dir)).toEqual(['crm.csv', 'crm.xlsx.lock']);
  });
});
