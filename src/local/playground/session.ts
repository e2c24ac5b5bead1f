/**
 * The playground's session: the add-on's runtime on the workbook file, on the
 * playground's clock, started as a user's first open would start it; what the
 * page is shown, and each action the page asks for, saved to the file after.
 */
import { MS_PER_DAY } from '../../core/day';
import { BOARD_NAME } from '../../core/setup';
import { type Clock, clockStartingAt, parseMoment } from '../clock';
import { AppsScriptRuntime } from '../runtime';
import type { WorkbookMeta } from '../xlsx';
import type { WorkbookStore } from './store';
import type { PlaygroundState } from './types';
import { gridOf } from './view';

export interface PlaygroundOptions {
  /** The `.xlsx` file the workbook lives in; created with sample data when missing. */
  workbook: string;
  port?: number;
  host?: string;
  /** For a new workbook: the spreadsheet's zone and locale. */
  timeZone?: string;
  locale?: string;
  /** The signed-in user; the page cannot choose another. */
  user?: string;
  /** Plays several users: the page chooses among these (and only these); the first is the default. */
  users?: string[];
  /** The clock it runs on (`systemClock` for the machine's); "Next day ›" adds days to it. */
  clock: Clock;
  /**
   * Start at this moment instead (`2026-11-20T09:00`, read in the spreadsheet's
   * zone, or with an offset); the clock runs on from it. Resets the saved day offset.
   */
  now?: string;
}

/** A start-up option the playground cannot use; nothing was written. */
export class OptionError extends Error {
  override name = 'OptionError';
}

function startOf(now: string, zone: string): number {
  try {
    return parseMoment(now, zone);
  } catch (error) {
    throw new OptionError(`--now: ${(error as Error).message}. Nothing was changed.`);
  }
}

/**
 * The runtime on the store's workbook. Its clock is the chosen one (or one
 * starting at `--now`), moved on by "Next day ›"; it is set before the cells
 * are read, since formulas computed while reading ask it the time.
 */
function loadRuntime(
  store: WorkbookStore,
  options: PlaygroundOptions,
): { runtime: AppsScriptRuntime; clock: Clock; meta: WorkbookMeta } {
  let base = options.clock;
  const meta: WorkbookMeta = { timeZone: '', locale: '', dayOffset: 0 };
  const clock: Clock = { now: () => base.now() + meta.dayOffset * MS_PER_DAY };
  const runtime = new AppsScriptRuntime({
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: options.locale ?? 'en_US',
    user: options.user ?? options.users?.[0] ?? 'raj@example.com',
    now: clock,
  });
  const kept = store.kept;
  meta.dayOffset = options.now === undefined ? (kept.dayOffset ?? 0) : 0;
  if (options.now !== undefined) {
    base = clockStartingAt(startOf(options.now, kept.timeZone ?? runtime.spreadsheet.timeZone));
  }
  store.load(runtime.spreadsheet);
  meta.timeZone = runtime.spreadsheet.timeZone;
  meta.locale = runtime.spreadsheet.locale;
  return { runtime, clock, meta };
}

/** The store's notes, and the options for a new workbook that do not apply: the file exists and keeps its own. */
function startNotes(store: WorkbookStore, options: PlaygroundOptions, meta: WorkbookMeta): string[] {
  const notes: string[] = [...store.notes];
  if (store.isNew) return notes;
  for (const [option, given, held] of [
    ['--time-zone', options.timeZone, meta.timeZone],
    ['--locale', options.locale, meta.locale],
  ] as const) {
    if (given !== undefined && given !== held) {
      notes.push(`${option} ${given} does not apply: ${store.path} exists and keeps its own, ${held}.`);
    }
  }
  return notes;
}

/** Opens the workbook as the add-on's user would: set up, sample data in a new one, status, the daily refresh on. */
function setUp(runtime: AppsScriptRuntime, sample: boolean): void {
  runtime.userLocale = runtime.spreadsheet.locale;
  runtime.open();
  runtime.call('setUpWorkbook');
  if (sample) runtime.call('insertSampleData');
  runtime.call('refreshStatus');
  // The playground plays a team with the daily refresh on, so "Next day ›" has a trigger to fire.
  if (!runtime.scriptApp.getProjectTriggers().some((trigger) => trigger.handler === 'dailyRefresh')) {
    runtime.call('toggleDailyRefresh');
  }
  // Alerts of the start-up actions are not news to the user.
  runtime.ui.alerts.length = 0;
}

export class Session {
  /** Playing several users: the ones the page may choose among (none: the start's user only). */
  readonly users: string[];
  private saving = Promise.resolve();
  private lastError = '';

  private constructor(
    private readonly store: WorkbookStore,
    readonly runtime: AppsScriptRuntime,
    /** The playground's clock: the chosen one, moved on by "Next day ›". */
    readonly clock: Clock,
    private readonly meta: WorkbookMeta,
    /** What to tell the user at start (see `Playground.notes`). */
    readonly notes: string[],
    users: string[] | undefined,
  ) {
    this.users = (users?.length ?? 0) > 1 ? (users as string[]) : [];
  }

  /**
   * Starts on the store's workbook: read, set up (a new one filled with sample
   * data and written at once; a user's file not before the first change).
   */
  static async start(store: WorkbookStore, options: PlaygroundOptions): Promise<Session> {
    const { runtime, clock, meta } = loadRuntime(store, options);
    const notes = startNotes(store, options, meta);
    setUp(runtime, store.sample);
    if (store.isNew) await store.save(runtime.spreadsheet, meta);
    return new Session(store, runtime, clock, meta, notes, options.users);
  }

  /** Saves the workbook after what is being saved; a failure is told on the page, not thrown. */
  save(): Promise<void> {
    this.saving = this.saving
      .then(() => this.store.save(this.runtime.spreadsheet, this.meta))
      .then(() => {
        this.lastError = '';
      })
      .catch((error: Error) => {
        this.lastError = `The workbook could not be saved to ${this.store.path}: ${error.message}`;
      });
    return this.saving;
  }

  /** Who a call runs as: the user of the start, or, playing several users, the one the page chose among them. */
  userOf(asked: unknown): string {
    if (!this.users.length || asked === undefined || asked === null) return this.runtime.user;
    if (typeof asked === 'string' && this.users.includes(asked)) return asked;
    throw new Error(`${String(asked).slice(0, 100)} is not one of the playground's users (${this.users.join(', ')}).`);
  }

  /** What the page shows, with what the add-on just told the user. */
  state(alerts: string[] = []): PlaygroundState {
    const { runtime, meta } = this;
    const today = new Date(runtime.currentTime()).toLocaleDateString('en-CA', { timeZone: meta.timeZone });
    return {
      file: this.store.path,
      today,
      dayOffset: meta.dayOffset,
      timeZone: meta.timeZone,
      user: runtime.user,
      users: this.users,
      board: runtime.spreadsheet.getRangeByName(BOARD_NAME)?.getSheet().getName() ?? '',
      menu: (runtime.ui.menus[0]?.items ?? [])
        .filter((item) => item.functionName)
        .map((item) => ({ caption: item.caption, functionName: item.functionName as string })),
      sheets: runtime.spreadsheet.sheets.map(gridOf),
      alerts,
      error: this.store.problem || this.lastError,
    };
  }

  /** Runs an action as the add-on would, and reports what it told the user. */
  async act(action: () => void): Promise<PlaygroundState> {
    const { runtime } = this;
    // A file changed by another program is not written over: the change is refused, and the page says why.
    if (this.store.check()) return this.state();
    const before = runtime.ui.alerts.length;
    const toasts = runtime.spreadsheet.toasts.length;
    let failure: string | undefined;
    try {
      action();
    } catch (error) {
      const text = (error as { message?: unknown })?.message;
      failure = typeof text === 'string' ? text : String(error);
    }
    await this.save();
    const said = [
      ...runtime.ui.alerts.slice(before).map((alert) => alert.prompt),
      ...runtime.spreadsheet.toasts.slice(toasts).map((toast) => toast.message),
    ];
    if (failure) said.push(failure);
    return this.state(said);
  }

  /** Morning comes: the user's time-driven triggers fire (the daily refresh moves AsOfDate, rebuilds the board). */
  nextDay(): void {
    this.meta.dayOffset += 1;
    for (const trigger of this.runtime.scriptApp.getProjectTriggers()) {
      if (trigger.eventType === 'CLOCK') this.runtime.fire(trigger);
    }
  }

  /** Waits for the last save, then lets the file go (its lock). */
  async close(): Promise<void> {
    await this.saving;
    this.store.close();
  }
}
