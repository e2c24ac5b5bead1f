/**
 * The sidebar follows the spreadsheet's day: a sidebar left open past midnight
 * must not log "+1" on yesterday. The server says when its today ends
 * (`nextDayAt`, in the spreadsheet's zone by the server's clock, with its `now`
 * so the browser's own clock need not agree); the page asks for fresh state
 * once that moment has passed (on a timer, and when the window comes back), and
 * whenever the window comes back after a while. Never while a call is in flight.
 */
import type { SidebarState } from '../core/sidebarState';
import { pageNow } from './clock';

/** How often the timer looks, and the least time between two refreshes on coming back. */
export const EVERY_MS = 30_000;

export interface DayWatch {
  /** A state arrived: remember when its day ends, on the page's clock. */
  seen(state: SidebarState): void;
  /** The state's day is over. */
  due(): boolean;
}

export function watchDay(refresh: () => void, idle: () => boolean): DayWatch {
  let dueAt = Number.POSITIVE_INFINITY;
  let last = pageNow();
  const due = () => pageNow() >= dueAt;
  const check = (back: boolean) => {
    if (!idle() || !(due() || (back && pageNow() - last >= EVERY_MS))) return;
    last = pageNow();
    refresh();
  };
  setInterval(() => check(false), EVERY_MS);
  window.addEventListener('focus', () => check(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check(true);
  });
  return {
    seen(state) {
      last = pageNow();
      dueAt = state.nextDayAt - (state.now - last);
    },
    due,
  };
}
