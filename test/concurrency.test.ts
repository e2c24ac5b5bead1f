/**
 * Many reps logging at once on a year's log (SPEC §5, §8): every entry is saved
 * once. Apps Script runs each call on its own; what keeps them apart is the
 * document lock (a busy lock says "try again" and writes nothing) and the entry
 * id (a retry of a sent entry, whether its reply was lost or the lock was busy,
 * appends nothing more). The test plays 50 reps against a log of 100,000 rows:
 * other executions holding the lock at random, replies lost at random, and each
 * form retrying with its entry's own id until it hears "saved".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { LogResult } from '../src/core/serverApi';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { RAJ, teamWorkbook } from './helpers/team';
import { cellDate, sheet } from './helpers/workbook';

const REPS = 50;
const ROWS = 100_000;

/** A team of 50 reps with a Calls quota each, and a log of `rows` entries. */
function bigTeam(rows: number): AppsScriptRuntime {
  const rt = teamWorkbook();
  const reps = Array.from({ length: REPS }, (_, i) => `Rep ${i + 1}`);
  sheet(rt, 'Team')
    .getRange(2, 1, REPS, 3)
    .setValues(reps.map((rep, i) => [rep, `rep${i + 1}@example.com`, i % 2 ? 'East' : 'West']));
  const log = sheet(rt, 'Activities');
  log.insertRowsAfter(log.getMaxRows(), rows);
  log
    .getRange(6, 1, rows, 8)
    .setValues(
      Array.from({ length: rows }, (_, i) => [
        cellDate(rt, `2026-11-${String(1 + (i % 18)).padStart(2, '0')}`),
        reps[i % REPS],
        i % 3 ? 'Calls' : 'Emails',
        1,
        '',
        RAJ,
        '',
        `year-${i}`,
      ]),
    );
  rt.call('refreshStatus');
  return rt;
}

describe('50 reps logging at once on a log of 100,000 rows', () => {
  it('saves 50 rows, none lost or doubled, through busy locks and lost replies, and keeps the board exact', () => {
    const rt = bigTeam(ROWS);
    const before = sheet(rt, 'Activities').getLastRow();
    const schedule = fc.sample(fc.record({ busy: fc.nat(2), lostReplies: fc.nat(2), order: fc.nat() }), {
      numRuns: REPS,
      seed: 20261202,
    });
    // Each rep's form: its entry, its id, and whether it has heard "saved".
    const forms = schedule.map((plan, i) => ({
      plan,
      user: `rep${i + 1}@example.com`,
      entry: { id: `at-once-${i}`, date: '2026-11-18', rep: `Rep ${i + 1}`, activity: 'Calls', quantity: 1 + (i % 4) },
      saved: false,
      tries: 0,
    }));
    let busyReplies = 0;
    // Round after round, every form not yet saved sends (in an order that changes), as reps' browsers would.
    for (let round = 0; forms.some((f) => !f.saved); round++) {
      expect(round).toBeLessThan(20);
      const waiting = forms
        .filter((f) => !f.saved)
        .sort((a, b) => ((a.plan.order + round) % 7) - ((b.plan.order + round) % 7));
      for (const form of waiting) {
        form.tries++;
        if (form.plan.busy > 0) {
          // Another execution holds the document lock for longer than this call waits.
          form.plan.busy--;
          rt.locks.documentLock.holder = 'another-execution';
          rt.locks.documentLock.busyFor = 1;
        }
        const result = rt.as(form.user, () => rt.call('logActivity', form.entry)) as LogResult;
        if (!result.ok) {
          expect(result.message).toBe(SIDEBAR.en.fields.tryAgain);
          busyReplies++;
          continue;
        }
        if (form.plan.lostReplies > 0) {
          // Saved, but the reply never reached the browser: the form sends the same entry again.
          form.plan.lostReplies--;
          continue;
        }
        expect([SIDEBAR.en.labels.duplicate, `Logged ${form.entry.quantity} Calls for ${form.entry.rep}.`]).toContain(
          result.message,
        );
        form.saved = true;
      }
    }
    expect(busyReplies).toBeGreaterThan(0);
    expect(forms.filter((f) => f.tries > 1).length).toBeGreaterThan(10);
    const log = sheet(rt, 'Activities');
    expect(log.getLastRow()).toBe(before + REPS);
    const ids = log
      .getRange(before + 1, 8, REPS, 1)
      .getValues()
      .map((row) => row[0]);
    expect([...ids].sort()).toEqual(forms.map((f) => f.entry.id).sort());
    // The board moved on entry by entry; a full refresh agrees with it.
    const status = sheet(rt, 'Status');
    const kept = status
      .getDataRange()
      .getValues()
      .map((row) => row.map((v) => (v instanceof rt.Date ? v.getTime() : v)));
    rt.call('refreshStatus');
    const full = status
      .getDataRange()
      .getValues()
      .map((row) => row.map((v) => (v instanceof rt.Date ? v.getTime() : v)));
    expect(kept).toEqual(full);
  }, 300_000);
});
