/**
 * What both pages (SPEC §5, §5b) do with their server, through the typed
 * client: the state last shown; one call from the user at a time (while one is
 * out, nothing else is sent); the rep's state fetched on a change of rep and
 * when the spreadsheet's day is over, and never shown over the answer of a
 * later call; an entry sent; Undo. A page brings its own layout and buttons
 * ({@link PageParts}); the form, lists and messages are the shared ones.
 */
import type { LogResult } from '../core/serverApi';
import type { SidebarState } from '../core/sidebarState';
import { call } from './client';
import { watchDay } from './dayWatch';
import { $ } from './dom';
import { chosenRep, type Entry, notify, renderChoices, renderLabels, showErrors } from './form';
import { renderRecent } from './lists';

/** What a page does its own way. */
export interface PageParts {
  /** Draws what only this page shows of a state; `first`, the first state it shows. */
  draw(s: SidebarState, first: boolean): void;
  /** Sets the page's buttons for a call out (`busy`) or none. */
  buttons(busy: boolean): void;
  /** The words for a call that got no answer. */
  failed(): string;
  /** A state fetched at the user's asking did not come. */
  loadFailed(): void;
  /** A fetch of the state is over, whether it came or not. */
  loadEnded?(): void;
  /** The form was sent (once a state whose day was over has been fetched afresh). */
  submit(): void;
}

export interface Session {
  readonly state: SidebarState | undefined;
  /** A call from the user is out: nothing else is sent. */
  readonly busy: boolean;
  /** Shows a state: the form's words and choices, the recent entries, then the page's own parts. */
  show(s: SidebarState): void;
  /** Fetches the rep's state; a refresh of its own accord (`quiet`) says nothing when it fails. */
  load(rep?: string, quiet?: boolean): Promise<void>;
  /** Before a send: a state whose day is over is fetched first, so the entry is dated the new today. */
  newDay(): Promise<void>;
  /** Sends one entry; its answer, or `undefined` when none came. */
  send(entry: Entry): Promise<LogResult | undefined>;
  undo(id: string): Promise<void>;
}

/** Starts a page's session: the form's submit and the rep's change are wired, and the day watched. */
export function startSession(parts: PageParts): Session {
  let state: SidebarState | undefined;
  let busy = false;
  /** States being fetched; and every call begun, so a state older than a later call's reply is not shown. */
  let loading = 0;
  let changes = 0;

  function setBusy(on: boolean): void {
    busy = on;
    parts.buttons(on);
  }

  function show(s: SidebarState): void {
    const first = state === undefined;
    state = s;
    watch.seen(s);
    renderLabels(s);
    renderChoices(s);
    renderRecent(s, (id) => void undo(id));
    parts.draw(s, first);
    if (!s.ready) notify(s.fields.notSetUp);
  }

  async function load(rep?: string, quiet = false): Promise<void> {
    const since = ++changes;
    loading++;
    try {
      const s = await call('getSidebarState', rep);
      if (since === changes) show(s);
    } catch (_) {
      if (!quiet) parts.loadFailed();
    } finally {
      loading--;
      parts.loadEnded?.();
    }
  }

  async function send(entry: Entry): Promise<LogResult | undefined> {
    changes++;
    setBusy(true);
    try {
      return await call('logActivity', entry);
    } catch (_) {
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function undo(id: string): Promise<void> {
    if (!state || busy) return;
    changes++;
    setBusy(true);
    try {
      const result = await call('undoLastEntry', id);
      setBusy(false);
      if (result.state) show(result.state);
      if (result.ok) notify(result.message);
      else showErrors([{ field: 'form', message: result.message }]);
    } catch (_) {
      setBusy(false);
      showErrors([{ field: 'form', message: parts.failed() }]);
    }
  }

  const watch = watchDay(
    () => void load(chosenRep(), true),
    () => !busy && loading === 0,
  );

  async function newDay(): Promise<void> {
    if (watch.due()) await load(chosenRep());
  }

  $('entry').addEventListener('submit', (event) => {
    event.preventDefault();
    void newDay().then(() => parts.submit());
  });
  $('rep').addEventListener('change', () => void load(chosenRep()));

  return {
    get state() {
      return state;
    },
    get busy() {
      return busy;
    },
    show,
    load,
    newDay,
    send,
    undo,
  };
}
