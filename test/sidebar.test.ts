/**
 * The sidebar in real Chromium, talking to the real bundle through the
 * browser bridge.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { artifact, useChromium } from './helpers/browser';
import { openSidebar } from './helpers/sidebar';
import { oneEntryWorkbook } from './helpers/team';
import { cellDate, logRows, sheet, snapshot } from './helpers/workbook';

const chromium = useChromium();
const open = (rt: AppsScriptRuntime, query = '', delayMs = 0) => openSidebar(chromium.browser, rt, { query, delayMs });

describe('the sidebar', () => {
  it('logs a typed entry: one row with the right values, progress and recent list updated', async () => {
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt);
    const en = SIDEBAR.en.labels;
    await expect(page.getByLabel(en.rep).inputValue()).resolves.toBe('Raj');
    await expect(page.getByLabel(en.date).inputValue()).resolves.toBe('2026-11-18');
    await expect(page.getByRole('progressbar').first().getAttribute('aria-valuenow')).resolves.toBe('20');
    await page.getByLabel(en.activity, { exact: true }).selectOption('Calls');
    await page.getByLabel(en.quantity).fill('12');
    await page.getByLabel(en.notes).fill('Follow-ups from the webinar');
    bridge.calls.length = 0;
    await page.getByRole('button', { name: en.log }).click();
    await page.getByText('Logged 12 Calls for Raj.').waitFor();
    expect(bridge.calls.map((c) => c.name)).toEqual(['logActivity']);
    const added = logRows(rt).at(-1) ?? [];
    expect(added.slice(0, 6)).toEqual([
      cellDate(rt, '2026-11-18'),
      'Raj',
      'Calls',
      12,
      'Follow-ups from the webinar',
      'raj@example.com',
    ]);
    expect(added[6]).toBeInstanceOf(rt.Date);
    expect(String(added[7])).toMatch(/^[\w-]{8,}$/);
    expect(logRows(rt)).toHaveLength(2);
    await expect(page.getByRole('progressbar').first().getAttribute('aria-valuenow')).resolves.toBe('32');
    await expect(page.locator('#recent li').first().textContent()).resolves.toContain('12 Calls');
    await page.screenshot({ path: artifact('sidebar-logged.png'), fullPage: true });
    expect(statSync(artifact('sidebar-logged.png')).size).toBeGreaterThan(1000);
    await bridge.close();
  });

  it('logs one call for a "+1 Calls" click, and one for a double click', async () => {
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt, '', 150);
    const plus = page.getByRole('button', { name: '+1 Calls' });
    await plus.click();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    expect(logRows(rt)).toHaveLength(2);
    await plus.dblclick();
    await page.waitForFunction(() => document.querySelectorAll('#recent li').length >= 3);
    await page.waitForTimeout(400);
    expect(logRows(rt)).toHaveLength(3);
    expect(bridge.calls.filter((c) => c.name === 'logActivity')).toHaveLength(2);
    await bridge.close();
  });

  it('disables the submit button while a call is in flight', async () => {
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt, '', 400);
    await page.getByLabel('Activity', { exact: true }).selectOption('Demos');
    await page.getByRole('button', { name: 'Log activity' }).click();
    await expect(page.locator('#submit').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#submit').textContent()).resolves.toBe('Logging…');
    await page.getByText('Logged 1 Demos for Raj.').waitFor();
    await expect(page.locator('#submit').isDisabled()).resolves.toBe(false);
    await bridge.close();
  });

  const BAD: [string, Record<string, string>, string, RegExp][] = [
    ['an empty activity', { activity: '' }, 'activity', /Fill in Activity\./],
    ['quantity 0', { quantity: '0' }, 'quantity', /Quantity must be more than 0\./],
    ['quantity −3', { quantity: '-3' }, 'quantity', /Quantity must be more than 0\./],
    ['quantity "abc"', { quantity: 'abc' }, 'quantity', /Quantity must be a number, such as 3\./],
    [
      'a 5,000-character note',
      { notes: 'x'.repeat(5000) },
      'notes',
      /Notes is too long: 5000 characters, the most is 1000\./,
    ],
  ];

  it.each(BAD)('refuses %s with a message at the field, and writes nothing', async (_label, values, field, message) => {
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt);
    const before = snapshot(rt);
    if (values.activity === undefined) await page.getByLabel('Activity', { exact: true }).selectOption('Calls');
    else {
      // Other…, with a name of one's own.
      await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'Other…' });
      await page.getByLabel(SIDEBAR.en.labels.otherName).fill(values.activity);
    }
    await page.getByLabel('Quantity').fill(values.quantity ?? '1');
    if (values.notes) await page.locator('#notes').fill(values.notes);
    await page.getByRole('button', { name: 'Log activity' }).click();
    await expect(page.locator(`#${field}-error`).textContent()).resolves.toMatch(message);
    // A typed activity's message belongs to the field it was typed in.
    const where = field === 'activity' ? 'activity-other' : field;
    await expect(page.locator(`#${where}`).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(snapshot(rt)).toEqual(before);
    await bridge.close();
  });

  it('refuses a date that does not exist, in the form and on the server', async () => {
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt);
    const before = snapshot(rt);
    type Run = { withSuccessHandler(fn: (value: unknown) => void): Record<string, (...args: unknown[]) => void> };
    const reply = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
          const entry = { id: 'bad-date', date: '2026-02-30', rep: 'Raj', activity: 'Calls', quantity: 1, notes: '' };
          run.withSuccessHandler(resolve).logActivity?.(entry);
        }),
    );
    expect(reply).toMatchObject({
      ok: false,
      errors: [{ field: 'date', message: 'Date must be a real date, such as 2026-11-30.' }],
    });
    await page.locator('#date').evaluate((el: HTMLInputElement) => {
      el.value = '2026-02-30';
    });
    await page.getByLabel('Activity', { exact: true }).selectOption('Calls');
    await page.getByRole('button', { name: 'Log activity' }).click();
    await expect(page.locator('#date-error').textContent()).resolves.toMatch(/Fill in Date\.|must be a real date/);
    expect(snapshot(rt)).toEqual(before);
    await bridge.close();
  });

  it('shows HTML in a note as text and runs nothing; stores a formula-like note as text', async () => {
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt);
    const xss = '<img src=x onerror=alert(1)>';
    await page.getByLabel('Activity', { exact: true }).selectOption('Calls');
    await page.locator('#notes').fill(xss);
    await page.getByRole('button', { name: 'Log activity' }).click();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    await expect(page.locator('#recent').textContent()).resolves.toContain(xss);
    await expect(page.locator('#recent img').count()).resolves.toBe(0);
    const injection = '=IMPORTXML("http://x","//a")';
    await page.getByLabel('Activity', { exact: true }).selectOption('Calls');
    await page.locator('#notes').fill(injection);
    await page.getByRole('button', { name: 'Log activity' }).click();
    await page.waitForFunction(() => document.querySelector('#recent')?.textContent?.includes('IMPORTXML'));
    const last = logRows(rt).length + 1;
    expect(sheet(rt, 'Activities').getRange(last, 5).getValue()).toBe(injection);
    expect(sheet(rt, 'Activities').getRange(last, 5).getFormula()).toBe('');
    expect(
      sheet(rt, 'Activities')
        .getRange(last - 1, 5)
        .getValue(),
    ).toBe(xss);
    await bridge.close();
  });

  it("undoes the user's own latest entry, and never another user's", async () => {
    const rt = oneEntryWorkbook();
    const raj = await open(rt);
    await raj.page.getByLabel('Activity', { exact: true }).selectOption('Calls');
    await raj.page.getByLabel('Quantity').fill('7');
    await raj.page.getByRole('button', { name: 'Log activity' }).click();
    await raj.page.getByText('Logged 7 Calls for Raj.').waitFor();
    const mia = await open(rt, '?user=mia@example.com');
    await expect(mia.page.getByLabel('Rep').inputValue()).resolves.toBe('Mia');
    await mia.page.getByLabel('Activity', { exact: true }).selectOption('Emails');
    await mia.page.getByLabel('Quantity').fill('4');
    await mia.page.getByRole('button', { name: 'Log activity' }).click();
    await mia.page.getByText('Logged 4 Emails for Mia.').waitFor();
    expect(logRows(rt)).toHaveLength(3);
    // Raj's Undo removes his 7 calls, not Mia's newer entry.
    await raj.page.getByLabel('Rep').selectOption('Raj');
    await raj.page.locator('button.undo').waitFor();
    await raj.page.locator('button.undo').click();
    await raj.page.getByText("Removed Raj's entry: 7 Calls on 2026-11-18.").waitFor();
    expect(logRows(rt).map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['Raj', 'Calls', 20, 'raj@example.com'],
      ['Mia', 'Emails', 4, 'mia@example.com'],
    ]);
    // Mia sees an Undo only on her own entry.
    await mia.page.reload();
    await mia.page.locator('main[aria-busy="false"]').waitFor();
    await expect(mia.page.locator('button.undo').count()).resolves.toBe(1);
    // An entry Mia logs for Raj shows in Raj's list as hers, without Undo for him.
    await mia.page.getByLabel('Rep').selectOption('Raj');
    await mia.page.getByLabel('Activity', { exact: true }).selectOption('Demos');
    await mia.page.getByLabel('Quantity').fill('2');
    await mia.page.getByRole('button', { name: 'Log activity' }).click();
    await mia.page.getByText('Logged 2 Demos for Raj.').waitFor();
    await raj.page.reload();
    await raj.page.locator('main[aria-busy="false"]').waitFor();
    const demos = raj.page.locator('#recent li', { hasText: '2 Demos' });
    await expect(demos.textContent()).resolves.toContain('by mia@example.com');
    await expect(demos.locator('button.undo').count()).resolves.toBe(0);
    await raj.bridge.close();
    await mia.bridge.close();
  });

  for (const lang of ['ko', 'pl'] as const) {
    it(`shows every label in ${lang === 'ko' ? 'Korean' : 'Polish'} for a user in that locale`, async () => {
      const rt = oneEntryWorkbook();
      const { page, bridge } = await open(rt, `?locale=${lang}`);
      const labels = SIDEBAR[lang].labels;
      for (const field of ['rep', 'activity', 'quantity', 'date', 'notes'] as const) {
        await expect(page.locator(`#${field}-label`).textContent()).resolves.toBe(labels[field]);
      }
      await expect(page.locator('#submit').textContent()).resolves.toBe(labels.log);
      await expect(page.locator('#recent-heading').textContent()).resolves.toBe(labels.recent);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      const visible = await page.locator('main').textContent();
      for (const english of Object.values(SIDEBAR.en.labels)) {
        if (!english.includes('{') && english.length > 3) expect(visible).not.toContain(english);
      }
      await page.screenshot({ path: artifact(`sidebar-${lang}.png`), fullPage: true });
      await bridge.close();
    });
  }

  it('stays small, and logs in one server round trip', async () => {
    const size = statSync(join(import.meta.dirname, '..', 'dist', 'Sidebar.html')).size;
    console.log(`dist/Sidebar.html: ${(size / 1024).toFixed(1)} KB`);
    expect(size).toBeLessThan(40 * 1024);
    const rt = oneEntryWorkbook();
    const { page, bridge } = await open(rt);
    bridge.calls.length = 0;
    await page.getByRole('button', { name: '+1 Emails' }).click();
    await page.getByText('Logged 1 Emails for Raj.').waitFor();
    expect(bridge.calls.map((c) => c.name)).toEqual(['logActivity']);
    await bridge.close();
  });
});
