/**
 * A model of what a user action costs in Google Sheets, from what the local
 * runtime counts (bench/actions.ts): every service call a round trip of fixed
 * cost, every cell read or written a further cost per cell.
 *
 *   modelled latency = calls × ROUND_TRIP_MS + (cells read + cells written) × CELL_MS
 *
 * Both figures are ESTIMATES taken from published measurements, not measured
 * here, and Sheets' real cost depends on the file, the load and its caches
 * (consecutive reads are served from a look-ahead cache, writes are batched
 * until the next read). Use the model to compare actions and log sizes with
 * each other, never as a prediction of a stopwatch.
 *
 * Sources (stored copies, read for this model):
 * - Google, "Best practices" for Apps Script, "Minimize calls to other services"
 *   and "Use batch operations":
 *   https://developers.google.com/apps-script/guides/support/best-practices
 *   (no figures: calls to Sheets are far slower than JavaScript; read and write
 *   in one call each).
 * - Google Apps Script blog, "Optimizing Spreadsheet Operations" (1 June 2010):
 *   http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html
 *   (look-ahead and write caches; interleaving reads and writes defeats them).
 * - Google, "Quotas for Google Services" (limits: 6 min per execution, 30 s for
 *   a custom function or a simple trigger such as onEdit):
 *   https://developers.google.com/apps-script/guides/services/quotas
 * - L. Peralta, "Google Apps Script APIs performance" (100 consecutive runs):
 *   https://ziritione.org/post/apps_script_performance — averages of 30 ms for
 *   PropertiesService getProperty, 62 ms for setProperty, 3 ms for a
 *   CacheService get, 93 ms for a put.
 * - bugbugnow, "GoogleAppsScriptのスプレッドシート処理を高速化する" (March 2019):
 *   https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html — 1,000
 *   getLastRow() calls in a loop ≈ 160 s (≈ 160 ms a call), 1,000
 *   getRange(i, 1).getValue() ≈ 3.1 s (≈ 3 ms a cached read).
 * - Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?" (answer with
 *   measurements; read in a copy at
 *   https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp):
 *   one setValues of 4,000 cells under 50 ms; 400 one-row setValues 164 ms.
 */

/**
 * One service call, in ms. ESTIMATE: published per-call figures run from ~3 ms
 * (a read the look-ahead cache serves) to ~160 ms (an uncached metadata call);
 * 30 ms is the measured average of a PropertiesService read, a middle value.
 */
export const ROUND_TRIP_MS = 30;

/**
 * One cell read or written, in ms. ESTIMATE, an upper bound: one 4,000-cell
 * setValues took under 50 ms, call included (50 / 4,000 = 0.0125 ms a cell).
 * Reads are assumed to cost the same per cell.
 */
export const CELL_MS = 0.0125;

export interface ModelledCost {
  /** calls × ROUND_TRIP_MS */
  callsMs: number;
  /** cells × CELL_MS */
  cellsMs: number;
  totalMs: number;
}

/** The modelled Sheets latency of one action that made `calls` service calls and moved `cells` cells. */
export function modelledLatency(calls: number, cells: number): ModelledCost {
  const callsMs = calls * ROUND_TRIP_MS;
  const cellsMs = cells * CELL_MS;
  return { callsMs, cellsMs, totalMs: callsMs + cellsMs };
}

/** The model in one line, for the printed table and the report. */
export const COST_MODEL = `modelled Sheets latency = calls × ${ROUND_TRIP_MS} ms + cells × ${CELL_MS} ms (estimates from published measurements, bench/costModel.ts)`;
