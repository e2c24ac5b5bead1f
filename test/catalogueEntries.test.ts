/** logActivity and undoLastEntry refusing bad entries and malformed logs, the workbook untouched (test/catalogue/entries.ts). */
import { ENTRY_CASES } from './catalogue/entries';
import { runCatalogue } from './helpers/catalogue';

runCatalogue(ENTRY_CASES);
