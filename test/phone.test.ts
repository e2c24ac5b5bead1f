/**
 * The phone page (SPEC §5b) in real Chromium at 360 × 740 with touch, served by
 * the shipped web app's own `doGet` (dist/phone/Code.js in the local runtime,
 * opening the add-on's spreadsheet by id) through the browser bridge.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { fill } from '../src/core/i18n';
import { PHONE } from '../src/core/i18n/phone';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import { type Bridge, PHONE_ROUTE, startBridge } from '../src/local/bridge';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { artifact, useChromium } from './helpers/browser';
import { phoneRuntime } from './helpers/phone';
import { oneEntryWorkbook, RAJ } from './helpers/team';
import { cellDate, logRows, sheet } from './helpers/workbook';

const WIDTH = 360;

/** A set-up workbook with a team of two, two quotas and one entry, refreshed; Raj signed in. */
function workbook(): AppsScriptRuntime {
  const rt = oneEntryWorkbook();
  rt.call('refreshStatus');
  return rt;
}

const chromium = useChromium();
const opened: { context: BrowserContext; bridge: Bridge }[] = [];
afterEach(async () => {
  for (const { context, bridge } of opened.splice(0)) {
    await context.close();
    await bridge.close();
  }
});

/** The page on a phone: 360 × 740, touch, a mobile viewport (which honours only the page's viewport meta tag). */
async function open(rt: AppsScriptRuntime, lang?: 'ko' | 'pl'): Promise<{ page: Page; bridge: Bridge }> {
  const bridge = await startBridge(phoneRuntime(rt), { route: PHONE_ROUTE });
  const context = await chromium.browser.newContext({
    viewport: { width: WIDTH, height: 740 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
    locale: lang === 'ko' ? 'ko-KR' : lang === 'pl' ? 'pl-PL' : 'en-US',
  });
  opened.push({ context, bridge });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`the page opened a dialog: ${dialog.message()}`);
  });
  await page.goto(lang ? `${bridge.url}?locale=${lang}` : bridge.url);
  await page.locator('main[aria-busy="false"]').waitFor();
  return { page, bridge };
}

/** How wide the page is laid out, and every visible control shorter than 44 px (with what it is). */
async function layout(page: Page): Promise<{ scrollWidth: number; short: string[]; controls: number }> {
  return page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [role="button"]'),
    ].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    });
    const short = controls
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => `${el.tagName}#${el.id}.${el.className} ${el.getBoundingClientRect().height}px`);
    const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    return { scrollWidth, short, controls: controls.length };
  });
}

/** The entry each `logActivity` request carried, in order. */
function sentEntries(page: Page): { id: string; activity: string }[] {
  const sent: { id: string; activity: string }[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/phone/rpc')) return;
    const body = request.postDataJSON() as { name: string; args: [{ id: string; activity: string }] };
    if (body.name === 'logActivity') sent.push(body.args[0]);
  });
  return sent;
}

const en = SIDEBAR.en.labels;
const phoneEn = PHONE.en.labels;

describe('the phone page', () => {
  it('fits a 360 px screen with 44 px touch targets, quotas first, the full form one tap away', async () => {
    const rt = workbook();
    const { page } = await open(rt);
    const closed = await layout(page);
    expect(closed.scrollWidth).toBeLessThanOrEqual(WIDTH);
    expect(closed.short).toEqual([]);
    // Two "+1" buttons and the button that opens the form, at least.
    expect(closed.controls).toBeGreaterThanOrEqual(3);
    // The quotas with their progress come before the form's button, which comes before the form.
    const order = await page.evaluate(() =>
      ['progress', 'open-form', 'entry'].map((id) => document.getElementById(id)?.getBoundingClientRect().top ?? -1),
    );
    expect(order[0]).toBeLessThan(order[1] ?? 0);
    await expect(page.getByRole('progressbar').first().getAttribute('aria-valuenow')).resolves.toBe('20');
    await expect(page.locator('#entry').isHidden()).resolves.toBe(true);
    await page.screenshot({ path: artifact('phone-first-open.png') });
    await page.getByRole('button', { name: phoneEn.openForm }).tap();
    await expect(page.locator('#entry').isVisible()).resolves.toBe(true);
    await expect(page.locator('#open-form').getAttribute('aria-expanded')).resolves.toBe('true');
    const open_ = await layout(page);
    expect(open_.scrollWidth).toBeLessThanOrEqual(WIDTH);
    expect(open_.short).toEqual([]);
    expect(open_.controls).toBeGreaterThan(closed.controls + 4);
    await page.screenshot({ path: artifact('phone-form.png'), fullPage: true });
  });

  it('logs exactly one row for a "+1" tap', async () => {
    const rt = workbook();
    const { page, bridge } = await open(rt);
    bridge.calls.length = 0;
    await page.getByRole('button', { name: '+1 Calls' }).tap();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    expect(bridge.calls.map((c) => c.name)).toEqual(['logActivity']);
    expect(logRows(rt)).toHaveLength(2);
    const added = logRows(rt)[1] ?? [];
    expect(added.slice(0, 6)).toEqual([cellDate(rt, '2026-11-18'), 'Raj', 'Calls', 1, '', RAJ]);
    expect(String(added[7])).toMatch(/^[\w-]{8,}$/);
    await expect(page.getByRole('progressbar').first().getAttribute('aria-valuenow')).resolves.toBe('21');
    await expect(page.locator('#recent li').first().textContent()).resolves.toContain('1 Calls');
    await page.screenshot({ path: artifact('phone-logged.png'), fullPage: true });
  });

  it('keeps an entry whose send failed on screen, and logs it once, with the same id, on "Try again"', async () => {
    const rt = workbook();
    const { page } = await open(rt);
    const sent = sentEntries(page);
    // The connection drops for the next call: it never reaches the server.
    await page.route('**/phone/rpc', (route) => route.abort('internetdisconnected'), { times: 1 });
    await page.getByRole('button', { name: '+1 Calls' }).tap();
    const notSaved = fill(phoneEn.notSaved, { quantity: '1', activity: 'Calls', rep: 'Raj', date: '2026-11-18' });
    await page.getByText(notSaved).waitFor();
    expect(logRows(rt)).toHaveLength(1);
    // Nothing else can be sent until it is: a second tap cannot double it.
    await expect(page.getByRole('button', { name: '+1 Calls' }).isDisabled()).resolves.toBe(true);
    expect((await layout(page)).short).toEqual([]);
    await page.screenshot({ path: artifact('phone-not-saved.png') });
    await page.getByRole('button', { name: phoneEn.retry }).tap();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    await expect(page.locator('#problem').isHidden()).resolves.toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.id).toBe(sent[0]?.id);
    expect(logRows(rt)).toHaveLength(2);
    expect(logRows(rt)[1]?.[7]).toBe(sent[0]?.id);
    await expect(page.getByRole('button', { name: '+1 Calls' }).isEnabled()).resolves.toBe(true);
  });

  it('logs once when the entry arrived but its answer was lost: "Try again" finds it already logged', async () => {
    const rt = workbook();
    const { page } = await open(rt);
    const sent = sentEntries(page);
    // The server saves the entry; the answer never reaches the phone.
    await page.route(
      '**/phone/rpc',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: '+1 Emails' }).tap();
    await page.locator('#problem:not([hidden])').waitFor();
    expect(logRows(rt)).toHaveLength(2);
    await page.getByRole('button', { name: phoneEn.retry }).tap();
    await page.getByText(en.duplicate).waitFor();
    expect(sent.map((entry) => entry.id)).toEqual([sent[0]?.id, sent[0]?.id]);
    expect(logRows(rt)).toHaveLength(2);
    expect(logRows(rt)[1]?.slice(1, 4)).toEqual(['Raj', 'Emails', 1]);
  });

  it('keeps an unsaved entry across a reload, and still logs it once with its id', async () => {
    const rt = workbook();
    const { page } = await open(rt);
    const sent = sentEntries(page);
    await page.route('**/phone/rpc', (route) => route.abort('internetdisconnected'), { times: 1 });
    await page.getByRole('button', { name: '+1 Calls' }).tap();
    await page.locator('#problem:not([hidden])').waitFor();
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    await expect(page.locator('#problem-text').textContent()).resolves.toContain('1 Calls for Raj');
    await page.getByRole('button', { name: phoneEn.retry }).tap();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    expect(logRows(rt)).toHaveLength(2);
    expect(logRows(rt)[1]?.[7]).toBe(sent[0]?.id);
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    await expect(page.locator('#problem').isHidden()).resolves.toBe(true);
  });

  it('logs a typed entry from the full form, with the server checks at the fields', async () => {
    const rt = workbook();
    const { page } = await open(rt);
    await page.getByRole('button', { name: phoneEn.openForm }).tap();
    await page.getByLabel(en.activity, { exact: true }).selectOption('Emails');
    await page.getByLabel(en.quantity).fill('0');
    await page.getByRole('button', { name: en.log }).tap();
    await expect(page.locator('#quantity-error').textContent()).resolves.toBe('Quantity must be more than 0.');
    expect(logRows(rt)).toHaveLength(1);
    await page.getByLabel(en.quantity).fill('3');
    await page.getByLabel(en.notes).fill('=1+1');
    await page.getByRole('button', { name: en.log }).tap();
    await page.getByText('Logged 3 Emails for Raj.').waitFor();
    expect(logRows(rt)[1]?.slice(1, 5)).toEqual(['Raj', 'Emails', 3, '=1+1']);
    expect(sheet(rt, 'Activities').getRange(3, 5).getFormula()).toBe('');
  });

  for (const lang of ['ko', 'pl'] as const) {
    it(`is the same page in ${lang === 'ko' ? 'Korean' : 'Polish'}, a failed send included`, async () => {
      const rt = workbook();
      const { page } = await open(rt, lang);
      const labels = SIDEBAR[lang].labels;
      const words = PHONE[lang].labels;
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      await expect(page.locator('#title').textContent()).resolves.toBe(labels.title);
      await expect(page.locator('#open-form').textContent()).resolves.toBe(words.openForm);
      await expect(page.locator('.plus-one').first().textContent()).resolves.toBe(
        fill(labels.plusOne, { activity: 'Calls' }),
      );
      await expect(page.locator('#recent-heading').textContent()).resolves.toBe(labels.recent);
      await page.route('**/phone/rpc', (route) => route.abort('internetdisconnected'), { times: 1 });
      await page.locator('.plus-one').first().tap();
      await page.locator('#problem:not([hidden])').waitFor();
      const notSaved = fill(words.notSaved, { quantity: '1', activity: 'Calls', rep: 'Raj', date: '2026-11-18' });
      await expect(page.locator('#problem-text').textContent()).resolves.toBe(notSaved);
      await expect(page.locator('#retry').textContent()).resolves.toBe(words.retry);
      const failed = await layout(page);
      expect(failed.scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(failed.short).toEqual([]);
      await page.screenshot({ path: artifact(`phone-${lang}-not-saved.png`) });
      await page.locator('#retry').tap();
      await page.getByText(fill(labels.logged, { quantity: '1', activity: 'Calls', rep: 'Raj' })).waitFor();
      expect(logRows(rt)).toHaveLength(2);
      await page.locator('#open-form').tap();
      for (const field of ['rep', 'activity', 'quantity', 'date', 'notes'] as const) {
        await expect(page.locator(`#${field}-label`).textContent()).resolves.toBe(labels[field]);
      }
      await expect(page.locator('#submit').textContent()).resolves.toBe(labels.log);
      const visible = (await page.locator('main').textContent()) ?? '';
      for (const english of [...Object.values(SIDEBAR.en.labels), ...Object.values(PHONE.en.labels)]) {
        if (!english.includes('{') && english.length > 3) expect(visible).not.toContain(english);
      }
      const form = await layout(page);
      expect(form.scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(form.short).toEqual([]);
      await page.screenshot({ path: artifact(`phone-${lang}.png`), fullPage: true });
    });
  }
});
