/**
 * The page's clock: the browser's. It never decides the day (the server says
 * when the spreadsheet's day ends); the page only compares it with that instant.
 * The one place in the page that reads the time, so tests drive it (Playwright's clock).
 */
export function pageNow(): number {
  return Date.now();
}
