/** Custom functions given malformed tables, unknown names, other languages and lost sheets (test/catalogue/functionTables.ts). */
import { FUNCTION_TABLE_CASES } from './catalogue/functionTables';
import { runCatalogue } from './helpers/catalogue';

runCatalogue(FUNCTION_TABLE_CASES);
