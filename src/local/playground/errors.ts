/**
 * What an error cell says when the pointer rests on it, as Sheets shows it: the
 * formula's own message (a custom function's `throw`, a lookup that found
 * nothing), else what the error means.
 */
import { DetailedCellError } from 'hyperformula';
import type { FakeSheet } from '../sheet';

const MEANING: Record<string, string> = {
  '#DIV/0!': 'Division by zero.',
  '#N/A': 'Value not available.',
  '#NAME?': 'Unknown function or name.',
  '#NUM!': 'The result is not a number that can be shown.',
  '#REF!': 'Reference does not exist.',
  '#VALUE!': 'A value has the wrong type.',
  '#CYCLE!': 'Circular dependency detected.',
  '#SPILL!': 'Array result was not expanded because it would overwrite data.',
  '#ERROR!': 'Formula error.',
};

function noteOf(error: DetailedCellError): string {
  const message = error.message.trim();
  if (message.startsWith('Parsing error')) return 'Formula parse error.';
  return message || MEANING[error.value] || error.value;
}

/** The messages of the error cells of a sheet's top-left block (1-based sizes); undefined for other cells. */
export function errorNotes(sheet: FakeSheet, rows: number, columns: number): (string | undefined)[][] {
  const values = sheet.getParent().book.hf.getRangeValues({
    start: { sheet: sheet.hfId, row: 0, col: 0 },
    end: { sheet: sheet.hfId, row: rows - 1, col: columns - 1 },
  });
  return values.map((line) => line.map((value) => (value instanceof DetailedCellError ? noteOf(value) : undefined)));
}
