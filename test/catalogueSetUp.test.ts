/** "Set up workbook" on malformed workbooks, keeping every cell the user wrote (test/catalogue/setUp.ts). */
import { SET_UP_CASES } from './catalogue/setUp';
import { runCatalogue } from './helpers/catalogue';

runCatalogue(SET_UP_CASES);
