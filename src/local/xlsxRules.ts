/**
 * Data validation between the emulator (SpreadsheetApp's rules) and the file
 * (Excel's): the kinds setup uses each have an Excel form that Excel, Sheets
 * and the next start read back. A rule of the file with no emulator kind (a
 * custom formula, a text length…) is left in the file as it was.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from './a1';
import type { SheetParent } from './sheet';
import { FakeDataValidation, type ListedRange } from './validation';

/** Excel's longest list written in the rule itself ("a,b,c"). */
const MAX_LIST = 255;
/** How a "valid date" rule is written: on or after 1 January 1900. */
const FIRST_DATE = new Date(Date.UTC(1900, 0, 1));
const CHECKBOX = ['TRUE', 'FALSE'];

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The Excel form of an emulator rule; undefined when Excel has none (a list too long to write inline). */
export function excelRule(rule: FakeDataValidation): ExcelJS.DataValidation | undefined {
  const strict = rule.allowInvalid ? {} : { showErrorMessage: true, errorStyle: 'stop' };
  const help = rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {};
  const base = { allowBlank: true, ...strict, ...help };
  const [first, second] = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const values = (first as unknown[]).map(String);
      const list = `"${values.join(',')}"`;
      if (values.some((value) => /[,"]/.test(value)) || list.length > MAX_LIST + 2) return undefined;
      return { type: 'list', formulae: [list], ...base };
    }
    case 'VALUE_IN_RANGE': {
      const range = first as ListedRange;
      const cell = (row: number, col: number) => `$${columnLetters(col - 1)}$${row}`;
      const area = `${cell(range.getRow(), range.getColumn())}:${cell(range.getLastRow(), range.getLastColumn())}`;
      return { type: 'list', formulae: [`${quoteSheet(range.getSheet().getName())}!${area}`], ...base };
    }
    case 'CHECKBOX':
      return { type: 'list', formulae: [`"${CHECKBOX.join(',')}"`], ...base };
    case 'DATE_IS_VALID_DATE':
      return { type: 'date', operator: 'greaterThanOrEqual', formulae: [FIRST_DATE], ...base };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [first], ...base };
    case 'NUMBER_BETWEEN':
      return { type: 'decimal', operator: 'between', formulae: [first, second], ...base };
    default:
      return undefined;
  }
}

/** Splits Excel's inline list `"a,b,c"`; undefined when the formula is not one. */
function inlineList(formula: unknown): string[] | undefined {
  const text = String(formula ?? '');
  return /^".*"$/s.test(text) ? text.slice(1, -1).split(',') : undefined;
}

/** The emulator rule for an Excel one, or undefined when the emulator has no such kind. */
export function emulatorRule(
  rule: ExcelJS.DataValidation,
  spreadsheet: Pick<SheetParent, 'getRange'>,
): FakeDataValidation | undefined {
  const allowInvalid = !(rule.showErrorMessage && (rule.errorStyle ?? 'stop') === 'stop');
  const help = rule.showInputMessage ? (rule.prompt ?? '') : '';
  const make = (criteria: string, args: unknown[]) => new FakeDataValidation(criteria, args, allowInvalid, help);
  const [first, second] = rule.formulae ?? [];
  if (rule.type === 'list') {
    const values = inlineList(first);
    if (values) {
      const upper = values.map((value) => value.trim().toUpperCase());
      return upper.length === 2 && upper.every((value, i) => value === CHECKBOX[i])
        ? make('CHECKBOX', [])
        : make('VALUE_IN_LIST', [values, true]);
    }
    try {
      return make('VALUE_IN_RANGE', [spreadsheet.getRange(String(first).replace(/\$/g, '')), true]);
    } catch {
      return undefined;
    }
  }
  if (rule.type === 'date' && rule.operator === 'greaterThanOrEqual' && first instanceof Date) {
    return first.getTime() === FIRST_DATE.getTime() ? make('DATE_IS_VALID_DATE', []) : undefined;
  }
  if (rule.type === 'decimal' && typeof first === 'number') {
    if (rule.operator === 'greaterThanOrEqual') return make('NUMBER_GREATER_THAN_OR_EQUAL_TO', [first]);
    if (rule.operator === 'between' && typeof second === 'number') return make('NUMBER_BETWEEN', [first, second]);
  }
  return undefined;
}
