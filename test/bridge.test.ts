/**
 * `google.script.run` lets across only what Google lets across, both ways
 * (src/local/rpcValues.ts): the rules on their own, then through the browser
 * bridge with the real sidebar in Chromium.
 */
import vm from 'node:vm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import { type Bridge, startBridge } from '../src/local/bridge';
import { RpcValueError, rpcArguments, rpcResult } from '../src/local/rpcValues';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { launch } from './helpers/browser';
import { NOV18, runtime } from './helpers/runtime';
import { cellDate, sheet } from './helpers/workbook';

describe('values crossing google.script.run', () => {
  it('refuses a Date argument', () => {
    expect(() => rpcArguments(['Raj', new Date(NOV18)])).toThrow(/^arguments\[1\] is a Date: google\.script\.run/);
  });

  it('refuses a function argument', () => {
    expect(() => rpcArguments([() => 1])).toThrow('arguments[0] is a function');
  });

  it('refuses a Date inside an object or an array, naming where it is', () => {
    expect(() => rpcArguments([{ entry: { date: new Date(NOV18) } }])).toThrow('arguments[0].entry.date is a Date');
    expect(() => rpcArguments([{ 'a b': [1, new Date(NOV18)] }])).toThrow('arguments[0]["a b"][1] is a Date');
  });

  it('refuses a circular object, but takes one object reached twice', () => {
    const entry: Record<string, unknown> = { rep: 'Raj' };
    entry.self = entry;
    expect(() => rpcArguments([entry])).toThrow('arguments[0].self is circular (it is arguments[0] again)');
    const list: unknown[] = [1];
    list.push({ back: list });
    expect(() => rpcArguments([list])).toThrow('arguments[0][1].back is circular');
    const shared = { n: 1 };
    expect(rpcArguments([{ a: shared, b: shared }])).toEqual([{ a: { n: 1 }, b: { n: 1 } }]);
  });

  it('refuses other prohibited types: a Map, a class instance, a RegExp, a BigInt', () => {
    class Entry {
      rep = 'Raj';
    }
    expect(() => rpcArguments([new Map()])).toThrow('arguments[0] is a Map');
    expect(() => rpcArguments([[new Entry()]])).toThrow('arguments[0][0] is a Entry');
    expect(() => rpcArguments([/x/])).toThrow('arguments[0] is a RegExp');
    expect(() => rpcArguments([1n])).toThrow('arguments[0] is a BigInt');
    expect(() => rpcArguments([{ rep: 'Raj' }])).not.toThrow();
  });

  it('refuses an undefined argument (an optional one is left out instead)', () => {
    expect(() => rpcArguments([undefined])).toThrow(RpcValueError);
    expect(() => rpcArguments(['Raj', undefined])).toThrow('arguments[1] is undefined');
    expect(rpcArguments([])).toEqual([]);
  });

  it('turns undefined in an array, and a hole, into null', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(rpcArguments([[1, undefined, , 'x']])).toEqual([[1, null, null, 'x']]);
  });

  it('drops an object field that holds undefined', () => {
    const [entry] = rpcArguments([{ rep: 'Raj', notes: undefined, nested: { date: undefined } }]);
    expect(entry).toEqual({ rep: 'Raj', nested: {} });
    expect(Object.keys(entry as object)).toEqual(['rep', 'nested']);
  });

  it('refuses a Date in a result, one made in the runtime’s realm too', () => {
    const rt = runtime({ now: NOV18 });
    expect(() => rpcResult({ recent: [{ at: rt.date(NOV18) }] })).toThrow('result.recent[0].at is a Date');
    expect(() => rpcResult(new Date(NOV18))).toThrow('result is a Date');
    expect(rpcResult(vm.runInContext('({ a: [1, undefined], b: undefined })', rt.context))).toEqual({ a: [1, null] });
    expect(rpcResult(undefined)).toBeNull();
  });
});

/** A set-up workbook with a team and a quota; Raj signed in. */
function workbook(): AppsScriptRuntime {
  const rt = runtime({ now: NOV18, user: 'raj@example.com' });
  rt.call('setUpWorkbook');
  sheet(rt, 'Team')
    .getRange('A2:C2')
    .setValues([['Raj', 'raj@example.com', 'East']]);
  sheet(rt, 'Quotas')
    .getRange('A2:D2')
    .setValues([['*', 'Calls', 'Week', 50]]);
  sheet(rt, 'Activities')
    .getRange('A2:H2')
    .setValues([[cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 20, '', 'raj@example.com', '', 'seed-1']]);
  return rt;
}

type Outcome = { value?: unknown; error?: string };

/**
 * Calls `name` from the page through its `google.script.run`, with arguments
 * made in the page by the expression `args` (an array literal).
 */
function outcome(page: Page, name: string, args: string): Promise<Outcome> {
  return page.evaluate(`new Promise((resolve) => {
    google.script.run
      .withSuccessHandler((value) => resolve({ value }))
      .withFailureHandler((error) => resolve({ error: String(error && error.message) }))
      [${JSON.stringify(name)}](...${args});
  })`);
}

describe('google.script.run through the browser bridge', () => {
  let browser: Browser;
  let rt: AppsScriptRuntime;
  let bridge: Bridge;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    rt = workbook();
    // A server function that answers with a Date, as a careless one would.
    vm.runInContext('function lastLoggedAt() { return { rep: "Raj", at: new Date(0) }; }', rt.context);
    bridge = await startBridge(rt);
    page = await browser.newPage();
    await page.goto(bridge.url);
    // The page's own first call settled (shown or failed), so it is not counted below.
    await page.waitForFunction(
      () =>
        document.querySelector('main')?.getAttribute('aria-busy') === 'false' ||
        Boolean(document.querySelector('#form-error')?.textContent),
    );
  });
  afterAll(async () => {
    await bridge?.close();
    await browser?.close();
  });

  it('fails a call with a Date argument, and never reaches the server', async () => {
    bridge.calls.length = 0;
    const result = await outcome(page, 'getSidebarState', '[new Date(0)]');
    expect(result.error).toMatch(/^arguments\[0\] is a Date/);
    expect(bridge.calls).toEqual([]);
  });

  it('fails a call with a function argument', async () => {
    bridge.calls.length = 0;
    await expect(outcome(page, 'getSidebarState', '[() => "Raj"]')).resolves.toEqual({
      error: expect.stringMatching(/^arguments\[0\] is a function/),
    });
    expect(bridge.calls).toEqual([]);
  });

  it('fails a call with a Date inside the entry, naming the field', async () => {
    bridge.calls.length = 0;
    const result = await outcome(
      page,
      'logActivity',
      '[{ id: "e-1", date: new Date(0), rep: "Raj", activity: "Calls", quantity: "1", notes: "" }]',
    );
    expect(result.error).toMatch(/^arguments\[0\]\.date is a Date/);
    expect(bridge.calls).toEqual([]);
    expect(sheet(rt, 'Activities').getLastRow()).toBe(2);
  });

  it('fails a call with a circular argument', async () => {
    bridge.calls.length = 0;
    const result = await outcome(
      page,
      'getSidebarState',
      '[(() => { const o = { rep: "Raj" }; o.me = o; return o; })()]',
    );
    expect(result.error).toMatch(/^arguments\[0\]\.me is circular/);
    expect(bridge.calls).toEqual([]);
  });

  it('fails a call whose server function returns a Date', async () => {
    bridge.calls.length = 0;
    await expect(outcome(page, 'lastLoggedAt', '[]')).resolves.toEqual({
      error: expect.stringMatching(/^result\.at is a Date/),
    });
    expect(bridge.calls.map((call) => call.name)).toEqual(['lastLoggedAt']);
  });

  it('hands the server null for undefined in an array, and no field for an undefined one', async () => {
    bridge.calls.length = 0;
    const result = await outcome(page, 'getSidebarState', '[{ rep: undefined, reps: ["Raj", undefined] }]');
    expect(result.error).toBeUndefined();
    expect(bridge.calls.map((call) => call.args)).toEqual([[{ reps: ['Raj', null] }]]);
    expect(Object.keys(bridge.calls[0]?.args[0] as object)).toEqual(['reps']);
  });

  it('carries the sidebar’s own calls: getSidebarState, logActivity, undoLastEntry', async () => {
    const own = workbook();
    const sidebar = await startBridge(own);
    const view = await browser.newPage({ viewport: { width: 300, height: 900 } });
    view.on('dialog', (dialog) => {
      throw new Error(`the page opened a dialog: ${dialog.message()}`);
    });
    try {
      const en = SIDEBAR.en.labels;
      await view.goto(sidebar.url);
      await view.locator('main[aria-busy="false"]').waitFor();
      await expect(view.getByLabel(en.rep).inputValue()).resolves.toBe('Raj');
      await view.getByLabel(en.activity, { exact: true }).selectOption('Calls');
      await view.getByLabel(en.quantity).fill('3');
      await view.getByRole('button', { name: en.log }).click();
      await view.getByText('Logged 3 Calls for Raj.').waitFor();
      expect(sheet(own, 'Activities').getLastRow()).toBe(3);
      const loggedId = sheet(own, 'Activities').getRange(3, 8).getValue();
      await view.locator('button.undo').click();
      await view.getByText("Removed Raj's entry: 3 Calls on 2026-11-18.").waitFor();
      expect(sheet(own, 'Activities').getLastRow()).toBe(2);
      await view.getByLabel(en.rep).selectOption('Raj');
      await expect.poll(() => sidebar.calls.length).toBe(4);
      await view.locator('main[aria-busy="false"]').waitFor();
      expect(sidebar.calls.map((call) => call.name)).toEqual([
        'getSidebarState',
        'logActivity',
        'undoLastEntry',
        'getSidebarState',
      ]);
      // The first load leaves the optional rep out rather than sending undefined.
      expect(sidebar.calls[0]?.args).toEqual([]);
      expect(sidebar.calls[3]?.args).toEqual(['Raj']);
      // Undo names the entry it was offered on: the id the page logged it with.
      expect(loggedId).toMatch(/\S/);
      expect(sidebar.calls[2]?.args).toEqual([loggedId]);
      await expect(view.locator('[role="alert"]:not(:empty)').count()).resolves.toBe(0);
    } finally {
      await view.close();
      await sidebar.close();
    }
  });
});
