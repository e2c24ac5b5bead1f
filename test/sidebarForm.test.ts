/**
 * The sidebar's form in real Chromium against dist/Code.js: the activity chosen
 * from a list (with "Other…" for a name of one's own), quantities written the
 * user's way, and a sidebar left open past midnight that follows the day. The
 * page's clock is Playwright's (`page.clock`), the server's the runtime's: no
 * test waits for real time to pass.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fill } from '../src/core/i18n';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { artifact, useChromium } from './helpers/browser';
import { NOV18, runtime } from './helpers/runtime';
import { openSidebar } from './helpers/sidebar';
import { RAJ, setUpTeam } from './helpers/team';
import { cellDate, logRows, sheet, snapshot } from './helpers/workbook';

/** Wednesday 18 November 2026, 23:59 in Seoul (the spreadsheet's zone). */
const LATE_NOV18 = Date.parse('2026-11-18T14:59:00Z');
/** Thursday 19 November 2026, 00:00:30 in Seoul. */
const EARLY_NOV19 = Date.parse('2026-11-18T15:00:30Z');

/**
 * A set-up workbook with a team and quotas (one on a name of Mia's own); Raj
 * signed in. Its As-of date is left blank, so the board is as of today (SPEC §2).
 */
function workbook(now = NOV18): AppsScriptRuntime {
  const rt = runtime({ now, user: RAJ });
  setUpTeam(rt, [
    ['*', 'Calls', 'Day', 10, '', ''],
    ['Raj', 'Emails', 'Month', 100, '', ''],
    ['Mia', 'Referrals', 'Month', 5, '', ''],
  ]);
  rt.spreadsheet.getRangeByName('AsOfDate')?.setValue('');
  sheet(rt, 'Activities')
    .getRange('A2:H2')
    .setValues([[cellDate(rt, '2026-11-18'), 'Raj', 'Calls', 4, '', RAJ, '', 'seed-1']]);
  rt.call('refreshStatus');
  return rt;
}

const chromium = useChromium();
/** The sidebar, its page clock stopped at the runtime's instant (openSidebar's `pageClock`). */
const open = (rt: AppsScriptRuntime, query = '', delayMs = 0) =>
  openSidebar(chromium.browser, rt, { query, delayMs, pageClock: true });

const en = SIDEBAR.en.labels;
const activity = (page: Page) => page.getByLabel(en.activity, { exact: true });

/** The server calls the page sends, recorded as it sends them (not when the server gets them). */
function sent(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc')) names.push((JSON.parse(request.postData() ?? '{}') as { name: string }).name);
  });
  return names;
}

describe('the activity, chosen from a list', () => {
  it("lists the rep's quota activities first, then the other known types, then Other…; logs the one chosen", async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt);
    const groups = await page
      .locator('#activity optgroup')
      .evaluateAll((list) =>
        (list as HTMLOptGroupElement[]).map((g) => [g.label, [...g.children].map((o) => o.textContent)]),
      );
    expect(groups).toEqual([
      ['Quotas of Raj', ['Calls', 'Emails']],
      [
        'Other types',
        [
          'Social contacts',
          'Meetings',
          'Demos',
          'Statements of work',
          'Opportunities',
          'Revenue',
          'Units',
          'Referrals',
        ],
      ],
    ]);
    await expect(page.locator('#activity > option').allTextContents()).resolves.toEqual([en.other]);
    await expect(activity(page).inputValue()).resolves.toBe('Calls');
    await expect(page.locator('#activity-other').isVisible()).resolves.toBe(false);
    await activity(page).selectOption('Demos');
    await page.getByLabel(en.quantity).fill('2');
    await page.getByRole('button', { name: en.log }).click();
    await page.getByText('Logged 2 Demos for Raj.').waitFor();
    expect(logRows(rt).at(-1)?.slice(1, 4)).toEqual(['Raj', 'Demos', 2]);
    // Mia's list starts with her own quotas: Calls (everyone's) and Referrals.
    await page.getByLabel(en.rep).selectOption('Mia');
    await page.locator('#activity optgroup[label="Quotas of Mia"]').waitFor({ state: 'attached' });
    await expect(page.locator('#activity optgroup').first().locator('option').allTextContents()).resolves.toEqual([
      'Calls',
      'Referrals',
    ]);
    // The choice stays as it was: Demos is still listed.
    await expect(activity(page).inputValue()).resolves.toBe('Demos');
    // "+1" still logs its own activity, whatever the list shows.
    await page.getByRole('button', { name: '+1 Referrals' }).click();
    await page.getByText('Logged 1 Referrals for Mia.').waitFor();
    expect(logRows(rt).at(-1)?.slice(1, 4)).toEqual(['Mia', 'Referrals', 1]);
    await bridge.close();
  });

  it('"Other…" shows a field for a name of one\'s own, says no quota counts it, and logs it as typed', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt);
    await activity(page).selectOption({ label: en.other });
    const other = page.getByLabel(en.otherName);
    await expect(other.isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('activity-other');
    await other.fill('Coffee chats');
    const note = page.locator('#activity-note');
    await expect(note.textContent()).resolves.toBe('No quota counts "Coffee chats": it is logged as a new type.');
    await expect(other.getAttribute('aria-describedby')).resolves.toContain('activity-note');
    await page.screenshot({ path: artifact('sidebar-other-activity.png'), fullPage: true });
    await page.getByRole('button', { name: en.log }).click();
    await page.getByText('Logged 1 Coffee chats for Raj.').waitFor();
    expect(logRows(rt).at(-1)?.slice(1, 4)).toEqual(['Raj', 'Coffee chats', 1]);
    await bridge.close();
  });

  it('reads a typed name the core knows (any case, another language, a Quotas name) as that activity', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt);
    await activity(page).selectOption({ label: en.other });
    const other = page.getByLabel(en.otherName);
    const note = page.locator('#activity-note');
    for (const [typed, listed] of [
      ['  EMAILS ', 'Emails'],
      ['Звонки', 'Calls'],
      ['referrals', 'Referrals'],
      ['SOW', 'Statements of work'],
    ] as const) {
      await other.fill(typed);
      await expect(note.textContent(), typed).resolves.toBe(`Logged as ${listed}.`);
    }
    await other.fill('звонки');
    await page.getByRole('button', { name: en.log }).click();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    expect(logRows(rt).at(-1)?.slice(1, 4)).toEqual(['Raj', 'Calls', 1]);
    // It counted: Raj's Calls went from 4 to 5.
    await expect(page.getByRole('progressbar').first().getAttribute('aria-valuenow')).resolves.toBe('5');
    await bridge.close();
  });

  it('shows every new word in Danish for a Danish user', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt, '?locale=da');
    const da = SIDEBAR.da.labels;
    await expect(page.locator('#activity optgroup').first().getAttribute('label')).resolves.toBe(
      fill(da.quotaGroup, { rep: 'Raj' }),
    );
    await expect(page.locator('#activity optgroup').first().locator('option').allTextContents()).resolves.toEqual([
      'Opkald',
      'E-mails',
    ]);
    await page.getByLabel(da.activity, { exact: true }).selectOption({ label: da.other });
    await page.getByLabel(da.otherName).fill('Kaffemøder');
    await expect(page.locator('#activity-note').textContent()).resolves.toBe(
      fill(da.customNote, { activity: 'Kaffemøder' }),
    );
    await bridge.close();
  });
});

describe('the quantity, written the user’s way', () => {
  it('logs "1,5" as 1.5 for a Danish user, and says so with a comma', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt, '?locale=da');
    const da = SIDEBAR.da.labels;
    await page.getByLabel(da.quantity).fill('1,5');
    await page.getByRole('button', { name: da.log }).click();
    const said = fill(da.logged, { quantity: '1,5', activity: 'Opkald', rep: 'Raj' });
    await page.getByText(said).waitFor();
    expect(logRows(rt).at(-1)?.slice(1, 4)).toEqual(['Raj', 'Opkald', 1.5]);
    // Sent as typed, read by the server by the same rule.
    expect(bridge.calls.find((c) => c.name === 'logActivity')?.args[0]).toMatchObject({ quantity: '1,5' });
    await page.screenshot({ path: artifact('sidebar-danish-decimal.png'), fullPage: true });
    await bridge.close();
  });

  it('logs "1 000,5" as 1000.5 for a Polish user', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt, '?locale=pl');
    const pl = SIDEBAR.pl.labels;
    await page.getByLabel(pl.quantity).fill('1 000,5');
    await page.getByRole('button', { name: pl.log }).click();
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent !== '');
    expect(logRows(rt).at(-1)?.slice(2, 4)).toEqual(['Połączenia', 1000.5]);
    await bridge.close();
  });

  const REFUSED: [string, string, string][] = [
    ['en', '1,5', 'Quantity: write decimals with a point, such as 1.5.'],
    ['da', '1.5', fill(SIDEBAR.da.fields.badDecimal, { field: SIDEBAR.da.labels.quantity })],
    ['ru', '1,5,5', fill(SIDEBAR.ru.fields.notANumber, { field: SIDEBAR.ru.labels.quantity })],
  ];

  it.each(REFUSED)(
    'refuses a quantity in %s written "%s" at the field with a message, and the sheet is unchanged',
    async (lang, typed, text) => {
      const rt = workbook();
      const { page, bridge } = await open(rt, `?locale=${lang}`);
      const names = sent(page);
      const before = snapshot(rt);
      const labels = SIDEBAR[lang as 'en'].labels;
      await page.getByLabel(labels.quantity).fill(typed);
      await page.getByRole('button', { name: labels.log }).click();
      await expect(page.locator('#quantity-error').textContent()).resolves.toBe(text);
      await expect(page.locator('#quantity').getAttribute('aria-invalid')).resolves.toBe('true');
      if (lang === 'en') await page.screenshot({ path: artifact('sidebar-quantity-refused.png'), fullPage: true });
      // The form's own check stopped it; the server refuses it the same way when sent anyway.
      expect(names).toEqual([]);
      type Run = { withSuccessHandler(fn: (value: unknown) => void): Record<string, (...args: unknown[]) => void> };
      const reply = await page.evaluate(
        (quantity) =>
          new Promise((resolve) => {
            const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
            const entry = { id: 'direct-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity, notes: '' };
            run.withSuccessHandler(resolve).logActivity?.(entry);
          }),
        typed,
      );
      expect(reply).toMatchObject({ ok: false, errors: [{ field: 'quantity', message: text }] });
      expect(snapshot(rt)).toEqual(before);
      await bridge.close();
    },
  );
});

describe('a sidebar left open past midnight', () => {
  const dateValue = (page: Page) => page.locator('#date').evaluate((el: HTMLInputElement) => [el.value, el.max]);
  const calls = (page: Page) => page.getByRole('progressbar').first();

  it('asks for fresh state once the spreadsheet’s day is over, moves its date to the new today, and "+1" logs on it', async () => {
    const rt = workbook(LATE_NOV18);
    const { page, bridge } = await open(rt);
    await expect(dateValue(page)).resolves.toEqual(['2026-11-18', '2026-11-18']);
    // Raj's Calls quota is a Day quota: 4 of 10 on Wednesday.
    await expect(calls(page).getAttribute('aria-label')).resolves.toBe('Calls: 4 / 10 (On track)');
    await page.screenshot({ path: artifact('sidebar-before-midnight.png'), fullPage: true });
    const names = sent(page);
    // 23:59:45 on the page: the timer has looked, and the day is not over.
    await page.clock.runFor(45_000);
    expect(names).toEqual([]);
    // Midnight passes in Seoul, for the server and then for the page.
    rt.now = EARLY_NOV19;
    await page.clock.runFor(60_000);
    await page.waitForFunction(() => (document.getElementById('date') as HTMLInputElement).value === '2026-11-19');
    expect(names).toEqual(['getSidebarState']);
    await expect(dateValue(page)).resolves.toEqual(['2026-11-19', '2026-11-19']);
    // Thursday's Day quota starts from nothing.
    await expect(calls(page).getAttribute('aria-label')).resolves.toBe('Calls: 0 / 10 (On track)');
    await page.screenshot({ path: artifact('sidebar-next-day.png'), fullPage: true });
    await page.getByRole('button', { name: '+1 Calls' }).click();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    expect(logRows(rt).at(-1)?.slice(0, 4)).toEqual([cellDate(rt, '2026-11-19'), 'Raj', 'Calls', 1]);
    await expect(calls(page).getAttribute('aria-label')).resolves.toBe('Calls: 1 / 10 (On track)');
    await bridge.close();
  });

  it('keeps a date set by hand, and a "+1" just after midnight logs on the new day before the timer has looked', async () => {
    const rt = workbook(LATE_NOV18);
    const { page, bridge } = await open(rt);
    await page.getByLabel(en.date).fill('2026-11-17');
    rt.now = EARLY_NOV19;
    // The page's clock moves past midnight without any timer firing (a laptop lid opened).
    await page.clock.setSystemTime(EARLY_NOV19);
    bridge.calls.length = 0;
    await page.getByRole('button', { name: '+1 Calls' }).click();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    // The state of the new day first, then the entry, dated that day.
    expect(bridge.calls.map((c) => c.name)).toEqual(['getSidebarState', 'logActivity']);
    expect(bridge.calls[1]?.args[0]).toMatchObject({ date: '2026-11-19' });
    expect(logRows(rt).at(-1)?.slice(0, 4)).toEqual([cellDate(rt, '2026-11-19'), 'Raj', 'Calls', 1]);
    // The date typed by hand stays; the new today is now allowed.
    await expect(dateValue(page)).resolves.toEqual(['2026-11-17', '2026-11-19']);
    await page.getByRole('button', { name: en.log }).click();
    await page.waitForFunction(() => document.querySelectorAll('#recent li').length === 3);
    expect(logRows(rt).at(-1)?.slice(0, 4)).toEqual([cellDate(rt, '2026-11-17'), 'Raj', 'Calls', 1]);
    await bridge.close();
  });

  it('refreshes when the window comes back after a while, at most once in 30 s, and never while a send is in flight', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt, '', 300);
    const focus = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const shown = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const names = sent(page);
    await focus();
    expect(names).toEqual([]);
    // Mia logs 3 calls for Raj elsewhere while Raj's sidebar sits in the background.
    rt.as('mia@example.com', () =>
      rt.call('logActivity', { id: 'mia-1', date: '2026-11-18', rep: 'Raj', activity: 'Calls', quantity: 3 }),
    );
    await page.clock.fastForward(31_000);
    expect(names).toEqual([]);
    await shown();
    await expect.poll(() => calls(page).getAttribute('aria-label')).toBe('Calls: 7 / 10 (On track)');
    expect(names).toEqual(['getSidebarState']);
    await focus();
    await shown();
    expect(names).toEqual(['getSidebarState']);
    // A send in flight: coming back asks nothing.
    await page.clock.fastForward(31_000);
    names.length = 0;
    await page.getByRole('button', { name: '+1 Calls' }).click();
    await focus();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    expect(names).toEqual(['logActivity']);
    await bridge.close();
  });
});
