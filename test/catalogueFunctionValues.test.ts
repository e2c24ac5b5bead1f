/** Custom functions given wrong types, numbers out of range, impossible dates and huge strings (test/catalogue/functionValues.ts). */
import { FUNCTION_VALUE_CASES } from './catalogue/functionValues';
import { runCatalogue } from './helpers/catalogue';

runCatalogue(FUNCTION_VALUE_CASES);
