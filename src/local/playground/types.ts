/** What the playground's server tells its page. */
import type { BarDrawing } from '../sparkline';

export interface GridCell {
  /** The value as the sheet shows it. */
  text: string;
  formula?: string;
  background?: string;
  bold?: boolean;
  /** A SPARKLINE bar, drawn across the cell as Sheets draws it (its text is empty). */
  bar?: BarDrawing;
  /** An error cell's message, shown on hover as Sheets does. */
  note?: string;
}

export interface PlaygroundState {
  /** The `.xlsx` file the workbook is saved to. */
  file: string;
  /** Today on the playground's clock, in the spreadsheet's zone (YYYY-MM-DD). */
  today: string;
  dayOffset: number;
  timeZone: string;
  /** Who the playground's user is (the server decides: `--user`). */
  user: string;
  /** Playing several users (`--users`): the ones the page may choose among; else empty. */
  users: string[];
  /** The sheet the Status board is on: the page opens on it. */
  board: string;
  /** The add-on menu as onOpen built it. */
  menu: { caption: string; functionName: string }[];
  sheets: {
    name: string;
    columns: string[];
    cells: GridCell[][];
    frozenRows: number;
    /** Rows with data, which may be more than the page shows. */
    totalRows: number;
  }[];
  /** What the last action told the user (alerts, toasts, errors). */
  alerts: string[];
  /** Set when the last save failed. */
  error: string;
}
