/**
 * The catalogue of bad input: one table of cases across the custom functions,
 * logActivity/undoLastEntry, set-up and refresh on malformed sheets (the cases
 * are in test/catalogue/, one file a kind; each catalogue*.test.ts runs one).
 * Every case checks what the user is told (a message that names the function
 * or field and says how to fix it) and that nothing the user wrote changed
 * (SPEC §8). Each run prints how many cases it tried, by kind and by topic.
 *
 * What "nothing changed" means, by kind:
 * - custom function: the whole workbook snapshot is identical after the call,
 *   and so are the arguments;
 * - logActivity, undoLastEntry: the whole workbook snapshot is identical;
 * - set-up: every cell of the sheets that were there keeps its value, formula,
 *   format and colour, except that empty cells of a header row may receive the
 *   headers it lacks (README "Set up workbook"); a set-up workbook is left
 *   identical;
 * - refresh: the board is rewritten, and every other sheet keeps its values,
 *   formulas, formats, dropdowns and colours, except that Quotas data rows may
 *   be recoloured with a status colour (README "Refresh status"); each problem
 *   is listed by sheet and row under the board.
 */
import { afterAll, describe, it } from 'vitest';
import type { AppsScriptRuntime } from '../../src/local/runtime';
import { sheet } from './workbook';

export type Kind = 'custom function' | 'logActivity' | 'undoLastEntry' | 'set-up' | 'refresh';
export type Topic =
  | 'wrong type'
  | 'out-of-range number'
  | 'impossible date'
  | 'huge string'
  | 'missing, duplicated or renamed column'
  | 'merged or blank header cells'
  | 'overlapping quotas, From after To'
  | 'unknown rep or activity'
  | 'Unicode names and languages'
  | 'sheet renamed or deleted';

export interface Case {
  kind: Kind;
  topic: Topic;
  label: string;
  run(): void;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole message, exactly. */
export const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

/** Nothing left that says the log is ours: renamed, its named range and its header gone (SPEC §2). */
export function loseTheLog(rt: AppsScriptRuntime): void {
  sheet(rt, 'Activities').setName('Log 2026');
  rt.spreadsheet.removeNamedRange('ActivityLog');
  sheet(rt, 'Log 2026').getRange('A1:H1').clearContent();
}

/** Runs `cases`, one test each, and prints how many were tried, by kind and by topic. */
export function runCatalogue(cases: Case[]): void {
  const tried = new Map<string, number>();
  describe('the catalogue of bad input', () => {
    it.each(cases.map((c) => [`${c.kind} · ${c.topic} · ${c.label}`, c] as const))('%s', (_name, c) => {
      c.run();
      tried.set(c.kind, (tried.get(c.kind) ?? 0) + 1);
      tried.set(`topic:${c.topic}`, (tried.get(`topic:${c.topic}`) ?? 0) + 1);
    });

    afterAll(() => {
      const line = ([name, n]: [string, number]) => `  ${name.padEnd(40)} ${String(n).padStart(3)}`;
      const kinds = [...tried].filter(([key]) => !key.startsWith('topic:'));
      const topics = [...tried]
        .filter(([key]) => key.startsWith('topic:'))
        .map(([key, n]): [string, number] => [key.slice(6), n]);
      const total = kinds.reduce((sum, [, n]) => sum + n, 0);
      console.log(
        [
          `catalogue: ${total} of ${cases.length} cases tried`,
          'by kind:',
          ...kinds.map(line),
          'by topic:',
          ...topics.map(line),
        ].join('\n'),
      );
    });
  });
}
