/**
 * The catalogue of bad input as a whole (helpers/catalogue.ts): its cases,
 * run by the catalogue*.test.ts files one kind each, cover every kind and
 * every topic.
 */
import { describe, expect, it } from 'vitest';
import { ENTRY_CASES } from './catalogue/entries';
import { FUNCTION_TABLE_CASES } from './catalogue/functionTables';
import { FUNCTION_VALUE_CASES } from './catalogue/functionValues';
import { REFRESH_CASES } from './catalogue/refresh';
import { SET_UP_CASES } from './catalogue/setUp';

const CASES = [...FUNCTION_VALUE_CASES, ...FUNCTION_TABLE_CASES, ...ENTRY_CASES, ...SET_UP_CASES, ...REFRESH_CASES];

describe('the catalogue of bad input', () => {
  it('has at least 60 cases, covering every kind and every topic', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    const topics = new Set(CASES.map((c) => c.topic));
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect([...kinds].sort()).toEqual(['custom function', 'logActivity', 'refresh', 'set-up', 'undoLastEntry']);
    expect(topics.size).toBe(10);
    expect(new Set(CASES.map((c) => `${c.kind} · ${c.label}`)).size).toBe(CASES.length);
  });
});
