/**
 * The sidebar's burn-up charts in real Chromium, talking to the real bundle
 * through the browser bridge: one SVG per quota, its figures in words and in a
 * table for screen readers, and the chart moving with an entry.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { SidebarState } from '../src/core/sidebarState';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { artifact, useChromium } from './helpers/browser';
import { openSidebar } from './helpers/sidebar';
import { teamWorkbook } from './helpers/team';

const chromium = useChromium();
const open = (rt: AppsScriptRuntime, query = '') => openSidebar(chromium.browser, rt, { query });

/** Each chart's label, and its table's rows as text. */
async function charts(page: Page): Promise<{ label: string | null; rows: string[][] }[]> {
  return page.locator('#progress li.quota').evaluateAll((items) =>
    items.map((item) => ({
      label: item.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? null,
      rows: [...(item.querySelector('table')?.rows ?? [])].map((tr) => [...tr.cells].map((c) => c.textContent ?? '')),
    })),
  );
}

describe("the sidebar's burn-up charts", () => {
  it('draws one chart per quota whose words and hidden numbers are the quota figures, and moves it with an entry', async () => {
    // Raj, Wednesday 18 November: 50 Calls a week (20 on Monday, 5 today), 100 Emails a month (50 on the 2nd).
    const rt = teamWorkbook();
    const state = rt.call('getSidebarState') as SidebarState;
    const { page, bridge } = await open(rt);
    await expect(page.locator('svg.burn-up[role="img"]').count()).resolves.toBe(state.quotas.length);
    const [calls, emails] = await charts(page);
    expect(calls?.label).toBe('Calls, Week, as of 2026-11-18: 25 done, 20 expected, target 50');
    expect(calls?.rows).toEqual([
      ['Date', 'Done', 'Expected'],
      ['2026-11-16', '20', '10'],
      ['2026-11-17', '20', '20'],
      ['2026-11-18', '25', '30'],
    ]);
    const quota = state.quotas.find((q) => q.activity === 'Emails');
    // Expected as the board shows it: 100 × 4/7 rounded up to the cent (core/shown.ts).
    const expected = quota?.shown.expected;
    expect([expected, quota?.expected]).toEqual(['57.15', 100 * (4 / 7)]);
    expect(emails?.label).toBe(`Emails, Month, as of 2026-11-18: 50 done, ${expected} expected, target 100`);
    // A row per day up to the 18th; each the state's figures.
    expect(emails?.rows).toHaveLength(19);
    expect(emails?.rows[18]?.slice(0, 2)).toEqual(['2026-11-18', '50']);
    // The figures are in words beside the chart, not drawn only: the table is there but takes no room.
    const table = await page.locator('#progress .visually-hidden').first().boundingBox();
    expect(table?.width).toBeLessThanOrEqual(1);
    const svg = await page.locator('svg.burn-up').first().boundingBox();
    expect(svg?.width).toBe(240);
    expect(svg?.height).toBe(64);
    expect((svg?.x ?? 0) + (svg?.width ?? 0)).toBeLessThanOrEqual(300);
    // The target's figure is written on the chart; the Done area has the status colour.
    await expect(page.locator('svg.burn-up').first().locator('text').textContent()).resolves.toBe('50');
    const callsQuota = state.quotas.find((q) => q.activity === 'Calls');
    await expect(page.locator('svg.burn-up').first().locator('polygon').getAttribute('fill')).resolves.toBe(
      callsQuota?.color,
    );
    await page.screenshot({ path: artifact('sidebar-burn-up.png'), fullPage: true });
    expect(statSync(artifact('sidebar-burn-up.png')).size).toBeGreaterThan(1000);

    await page.getByRole('button', { name: '+1 Calls' }).click();
    await page.getByText('Logged 1 Calls for Raj.').waitFor();
    const [moved] = await charts(page);
    expect(moved?.label).toBe('Calls, Week, as of 2026-11-18: 26 done, 20 expected, target 50');
    expect(moved?.rows.at(-1)).toEqual(['2026-11-18', '26', '30']);
    await bridge.close();
  });

  it('shows the chart in the user’s language, and no chart where the series does not add up', async () => {
    const rt = teamWorkbook();
    const ko = await open(rt, '?locale=ko');
    const [calls] = await charts(ko.page);
    expect(calls?.label).toBe(
      SIDEBAR.ko.labels.burnUp
        .replace('{activity}', 'Calls')
        .replace('{period}', '주')
        .replace('{date}', '2026-11-18')
        .replace('{done}', '25')
        .replace('{expected}', '20')
        .replace('{target}', '50'),
    );
    expect(calls?.rows[0]).toEqual([SIDEBAR.ko.labels.date, SIDEBAR.ko.labels.done, SIDEBAR.ko.labels.expected]);
    await ko.page.screenshot({ path: artifact('sidebar-burn-up-ko.png'), fullPage: true });
    await ko.bridge.close();
    // The series lost (a store cleared by someone else): the bars stay, the charts go, until a refresh.
    rt.properties.document.deleteProperty('activityQuota.burnUp.raj');
    const en = await open(rt);
    await expect(en.page.getByRole('progressbar').count()).resolves.toBe(2);
    await expect(en.page.locator('svg.burn-up').count()).resolves.toBe(0);
    await en.bridge.close();
  });
});
