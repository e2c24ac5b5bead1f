/** "Refresh status" on malformed sheets, listing each problem under the board (test/catalogue/refresh.ts). */
import { REFRESH_CASES } from './catalogue/refresh';
import { runCatalogue } from './helpers/catalogue';

runCatalogue(REFRESH_CASES);
