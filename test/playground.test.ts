/**
 * `npm start`, the local playground, driven in Chromium. Each test
 * starts the real command (`npm start -- --workbook … --port 0`) on a workbook
 * file of its own, as a newcomer would.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEVERITY_ORDER } from '../src/core/boardView';
import { STATUS_KEYS, STRINGS } from '../src/core/i18n';
import { BAR_COLORS, STATUS_COLORS } from '../src/core/palette';
import { artifact } from './helpers/browser';
import { BOARD_HEADER } from './helpers/fixtures';
import { refusal, start, stop, workbookPath } from './helpers/playground';
import { cellOf, gridRows, open, playgroundsInChromium, showSheet, typeInto } from './helpers/playgroundPage';

const chromium = playgroundsInChromium();

/** The Status board's row (1-based sheet row) for a rep and activity. */
async function boardRow(page: Page, rep: string, activity: string): Promise<{ row: number; cells: string[] }> {
  await showSheet(page, 'Status');
  const rows = await gridRows(page);
  const header = rows[0] ?? [];
  const index = rows.findIndex(
    (cells) => cells[header.indexOf('Rep')] === rep && cells[header.indexOf('Activity')] === activity,
  );
  if (index < 0) throw new Error(`no board row for ${rep} ${activity}`);
  return { row: index + 1, cells: rows[index] ?? [] };
}

async function rowBackground(page: Page, row: number): Promise<string> {
  return cellOf(page, `A${row}`).evaluate((td) => getComputedStyle(td).backgroundColor);
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe('npm start: the playground', () => {
  it('serves the workbook and the sidebar; logging an activity adds the row and recolours the board', async () => {
    const file = workbookPath('team.xlsx');
    const { url } = await start(['--workbook', file]);
    const page = await open(chromium.browser, url);
    await showSheet(page, 'Status');
    const header = (await gridRows(page))[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    // A quota of Raj's that is not met yet, so logging its target makes it Met.
    const open_ = (await gridRows(page)).find(
      (cells) => cells[column('Rep')] === 'Raj' && cells[column('Status')] !== 'Met',
    );
    if (!open_) throw new Error('the sample data has no unmet quota for Raj');
    const activity = open_[column('Activity')] as string;
    const before = await boardRow(page, 'Raj', activity);
    const colourBefore = await rowBackground(page, before.row);

    const sidebar: FrameLocator = page.frameLocator('#sidebar');
    await sidebar.locator('main[aria-busy="false"]').waitFor();
    await sidebar.getByLabel('Activity', { exact: true }).selectOption(activity);
    await sidebar.getByLabel('Quantity').fill(String(open_[column('Target')]).replace(/,/g, ''));
    await sidebar.locator('#notes').fill('playground entry');
    const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/state'));
    await sidebar.getByRole('button', { name: 'Log activity' }).click();
    await refreshed;

    await showSheet(page, 'Activities');
    const logged = (await gridRows(page)).filter((cells) => cells.includes('playground entry'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(activity);
    expect(logged[0]).toContain('Raj');

    const after = await boardRow(page, 'Raj', activity);
    expect(after.cells[column('Status')]).toBe('Met');
    expect(await rowBackground(page, after.row)).toBe(rgb(STATUS_COLORS.met));
    expect(await rowBackground(page, after.row)).not.toBe(colourBefore);
    await page.screenshot({ path: artifact('playground.png') });
    await page.close();
  });

  it("draws each row's progress bar and the team block on the Status tab, as Sheets draws them", async () => {
    const { url } = await start(['--workbook', workbookPath('team.xlsx')]);
    const page = await open(chromium.browser, url, { width: 1900, height: 1000 });
    await showSheet(page, 'Status');
    const rows = await gridRows(page);
    const header = rows[0] ?? [];
    expect(header.slice(0, 13)).toEqual([...BOARD_HEADER, 'Progress']);
    const blank = rows.findIndex((cells) => cells.every((text) => text === ''));
    const reps = rows.slice(1, blank);
    expect(reps.length).toBeGreaterThan(5);
    const number = (text: string | undefined) => Number(String(text).replace(/,/g, ''));
    const statusKey = new Map(STATUS_KEYS.map((key) => [STRINGS.en.statuses[key] as string, key]));
    const severity = reps.map((cells) => SEVERITY_ORDER.indexOf(statusKey.get(cells[10] ?? '') ?? 'noQuota'));
    expect(severity, 'who needs attention first').toEqual([...severity].sort((a, b) => a - b));
    // Each row's bar: Done's share of Target in the status colour, drawn across the cell.
    const barOf = (row: number) =>
      page.locator(`#grid td[data-a1="M${row}"] [role="img"]`).evaluate((line) => {
        const width = line.getBoundingClientRect().width;
        return {
          width,
          segments: [...line.children].map((span) => ({
            share: span.getBoundingClientRect().width / width,
            color: getComputedStyle(span).backgroundColor,
          })),
        };
      });
    for (const [i, cells] of reps.entries()) {
      const bar = await barOf(i + 2);
      const status = statusKey.get(cells[10] ?? '') ?? 'noQuota';
      const share = Math.min(number(cells[6]) / number(cells[5]), 1);
      expect(bar.width).toBeGreaterThan(80);
      expect(bar.segments[0]?.share, `${cells[0]} ${cells[1]}`).toBeCloseTo(share, 2);
      expect(bar.segments[0]?.color).toBe(rgb(BAR_COLORS[status]));
      expect(cells[12], 'a bar cell shows no text').toBe('');
    }
    // The team block: its own header, one row per activity and period, the reps per status in words.
    const teamHeader = rows[blank + 1] ?? [];
    expect([teamHeader[0], teamHeader[11]]).toEqual(['Team', 'Reps by status']);
    const teams = rows.slice(blank + 2).filter((cells) => cells[0] === 'All reps');
    expect(teams.length).toBeGreaterThan(1);
    for (const [i, cells] of teams.entries()) {
      const members = reps.filter((rep) => rep[1] === cells[1] && rep[2] === cells[2]);
      expect(number(cells[5])).toBeCloseTo(
        members.reduce((sum, rep) => sum + number(rep[5]), 0),
        2,
      );
      expect(number(cells[6])).toBeCloseTo(
        members.reduce((sum, rep) => sum + number(rep[6]), 0),
        2,
      );
      const counted = (cells[11] ?? '').split(' · ').reduce((sum, part) => sum + Number.parseInt(part, 10), 0);
      expect(counted, cells[11]).toBe(members.length);
      const bar = await barOf(blank + 3 + i);
      expect(bar.segments[0]?.color).toBe(rgb(BAR_COLORS[statusKey.get(cells[10] ?? '') ?? 'noQuota']));
    }
    await page.screenshot({ path: artifact('board.png') });
    await page.close();
  });

  it('computes a typed QUOTA_ATTAINMENT as the board does, and again after a Target changes; keeps it all across a restart', async () => {
    const file = workbookPath('team.xlsx');
    const first = await start(['--workbook', file]);
    const page = await open(chromium.browser, first.url);
    const board = await boardRow(page, 'Raj', 'Calls');
    const header = (await gridRows(page))[0] ?? [];
    const done = Number(board.cells[header.indexOf('Done')]?.replace(/,/g, ''));
    const target = Number(board.cells[header.indexOf('Target')]?.replace(/,/g, ''));
    expect(target).toBeGreaterThan(0);

    await showSheet(page, 'Team');
    await typeInto(page, 'H2', '=QUOTA_ATTAINMENT(ActivityLog, QuotaTable, "Raj", "Calls", AsOfDate)');
    await showSheet(page, 'Team');
    expect(Number(await cellOf(page, 'H2').textContent())).toBeCloseTo(done / target, 9);

    // The quota Raj's calls are measured against: his own row, else the "*" row.
    await showSheet(page, 'Quotas');
    const quotas = await gridRows(page);
    const qh = quotas[0] ?? [];
    const pick = (rep: string) =>
      quotas.findIndex((cells) => cells[qh.indexOf('Rep')] === rep && cells[qh.indexOf('Activity')] === 'Calls');
    const quotaRow = (pick('Raj') >= 0 ? pick('Raj') : pick('*')) + 1;
    expect(quotaRow).toBeGreaterThan(1);
    const targetColumn = String.fromCharCode(65 + qh.indexOf('Target'));
    await typeInto(page, `${targetColumn}${quotaRow}`, String(target * 2));
    await showSheet(page, 'Team');
    expect(Number(await cellOf(page, 'H2').textContent())).toBeCloseTo(done / (target * 2), 9);
    await page.close();

    // Restart on the same file: the formula, the new target and every entry are still there.
    await stop(first.child);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(file);
    const team = saved.getWorksheet('Team');
    expect(team?.getCell('H2').formula).toBe('QUOTA_ATTAINMENT(ActivityLog, QuotaTable, "Raj", "Calls", AsOfDate)');
    expect(team?.getCell('H2').result).toBeCloseTo(done / (target * 2), 9);
    const log = saved.getWorksheet('Activities');
    expect(log?.actualRowCount).toBeGreaterThan(10);
    const fills = new Set<string>();
    saved.getWorksheet('Status')?.eachRow((row) => {
      const fill = row.getCell(1).fill as { fgColor?: { argb?: string } } | undefined;
      if (fill?.fgColor?.argb) fills.add(`#${fill.fgColor.argb.slice(2).toLowerCase()}`);
    });
    // SPEC §3: as of today no period is over yet, so the sample board shows no Missed (it is in "Last period").
    for (const status of ['met', 'behind', 'atRisk'] as const) expect(fills).toContain(STATUS_COLORS[status]);

    const second = await start(['--workbook', file]);
    const again = await open(chromium.browser, second.url);
    await showSheet(again, 'Team');
    expect(Number(await cellOf(again, 'H2').textContent())).toBeCloseTo(done / (target * 2), 9);
    await showSheet(again, 'Activities');
    expect((await gridRows(again)).filter((cells) => cells.some((text) => text !== '')).length).toBe(
      log?.actualRowCount,
    );
    await again.close();
  });

  it('opens a workbook whose log has its columns in another order and Danish headers', async () => {
    const file = workbookPath('salg.xlsx');
    const book = new ExcelJS.Workbook();
    const log = book.addWorksheet('Salgslog');
    log.addRow(['Antal', 'Aktivitet', 'Sælger', 'Dato', 'Min kolonne']);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    log.addRow([40, 'Opkald', 'Sofie', day('2026-11-02'), 'a']);
    log.addRow([25, 'Opkald', 'Sofie', day('2026-11-16'), 'b']);
    log.getColumn(4).numFmt = 'dd-mm-yyyy';
    const quotas = book.addWorksheet('Kvoter');
    quotas.addRow(['Sælger', 'Aktivitet', 'Periode', 'Mål']);
    quotas.addRow(['Sofie', 'Opkald', 'Måned', 100]);
    await book.xlsx.writeFile(file);

    const { url } = await start(['--workbook', file]);
    const page = await open(chromium.browser, url);
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toContain('Salgslog');
    expect(tabs).toContain('Kvoter');
    expect(tabs).not.toContain('Activities');
    expect(tabs).not.toContain('Quotas');
    const row = await boardRow(page, 'Sofie', 'Calls');
    const header = (await gridRows(page))[0] ?? [];
    expect(row.cells[header.indexOf('Done')]).toBe('65');
    expect(row.cells[header.indexOf('Target')]).toBe('100');
    await showSheet(page, 'Salgslog');
    expect((await gridRows(page))[0]?.slice(0, 5)).toEqual(['Antal', 'Aktivitet', 'Sælger', 'Dato', 'Min kolonne']);
    await page.close();
  });

  it('starts at the moment --now gives, in the sheet zone, and "Next day ›" moves that clock on a day', async () => {
    const file = workbookPath('team.xlsx');
    // 23:30 on Saturday 28 November in Seoul is still the 28th there, whatever the machine's zone.
    const { url } = await start(['--workbook', file, '--now', '2026-11-28T23:30']);
    const page = await open(chromium.browser, url);
    await expect.poll(() => page.locator('#today').textContent()).toContain('Today: 2026-11-28 (Asia/Seoul)');
    const asOf = async () => {
      await showSheet(page, 'Settings');
      return (await gridRows(page)).find((cells) => cells[0] === 'As-of date')?.[1];
    };
    expect(await asOf()).toBe('2026-11-28');
    const moved = page.waitForResponse((response) => response.url().endsWith('/api/next-day'));
    await page.getByRole('button', { name: 'Next day ›' }).click();
    await moved;
    await expect.poll(() => page.locator('#today').textContent()).toContain('Today: 2026-11-29 (Asia/Seoul) · +1 d');
    expect(await asOf()).toBe('2026-11-29');
    await page.close();
  });

  it('refuses a --now it cannot read, says how to write it, and writes nothing', async () => {
    const file = workbookPath('team.xlsx');
    const failure = await refusal(['--workbook', file, '--now', '2026-02-30T09:00']);
    expect(failure.code).toBe(1);
    expect(failure.output).toContain('--now: "2026-02-30T09:00" is not a date and time: write it as 2026-11-20T09:00');
    expect(failure.output).not.toMatch(/\n\s+at /);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['text that is not a workbook', Buffer.from('this is not a spreadsheet\n')],
    ['a workbook cut off halfway', 'truncated'],
  ] as const)('refuses %s with a clear message and leaves the file byte for byte', async (_label, content) => {
    const file = workbookPath('broken.xlsx');
    if (content === 'truncated') {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Activities').addRow(['Date', 'Rep', 'Activity', 'Quantity']);
      const whole = Buffer.from(await book.xlsx.writeBuffer());
      writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    } else {
      writeFileSync(file, content);
    }
    const bytes = readFileSync(file);
    const failure = await refusal(['--workbook', file]);
    expect(failure.code).toBe(1);
    expect(failure.output).toContain(`${file} could not be opened as an .xlsx workbook`);
    expect(failure.output).toContain('It was left exactly as it was');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
