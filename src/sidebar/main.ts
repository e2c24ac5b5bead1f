/**
 * The sidebar page (SPEC §5): log an activity in seconds, see progress, undo a
 * mistake. All user text goes into the page with `textContent`, never as HTML.
 * The form checks fields with the same rules as the server before it sends;
 * the server checks again, and either saves one row or saves nothing.
 */
import { dayFromIso } from '../core/day';
import { type Field, validateEntry } from '../core/entry';
import { fill } from '../core/fill';
import type { LogResult } from '../core/serverApi';
import type { SidebarEntry, SidebarState } from '../core/sidebarState';
import { activityControl, activityValue, renderActivities } from './activityPicker';
import { call } from './client';
import { watchDay } from './dayWatch';
import { $, element, newId, showNumber } from './dom';
import { quotaCard } from './quotaCard';

const FIELDS: readonly Field[] = ['rep', 'activity', 'quantity', 'date', 'notes'];
let state: SidebarState | undefined;
/** The id of the entry being sent: kept until it is saved, so a retry cannot double it. */
let pendingId: string | undefined;
let busy = false;
/** States being fetched; and every call begun, so a state older than a later call's reply is not shown. */
let loading = 0;
let changes = 0;
/** The date was set by hand: a new day does not move it. */
let dateSet = false;

function input(id: string): HTMLInputElement {
  return $(id) as HTMLInputElement;
}

const control = (field: Field) => (field === 'activity' ? activityControl() : $(field));

/** A quantity as the spreadsheet's locale writes it, to the cent (1,5 in Danish). */
const number = (value: number) => showNumber(value, state?.locale);

// ---- Messages ---------------------------------------------------------------

function clearErrors(): void {
  for (const field of [...FIELDS, 'form']) {
    $(`${field}-error`).textContent = '';
  }
  for (const invalid of document.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
}

function showErrors(errors: readonly { field: Field | 'form'; message: string }[]): void {
  clearErrors();
  let focused = false;
  for (const error of errors) {
    $(`${error.field}-error`).textContent = error.message;
    if (error.field !== 'form') {
      control(error.field).setAttribute('aria-invalid', 'true');
      if (!focused) {
        control(error.field).focus();
        focused = true;
      }
    }
  }
}

function notify(text: string): void {
  $('notice').textContent = text;
}

// ---- Rendering --------------------------------------------------------------

function renderLabels(s: SidebarState): void {
  const l = s.labels;
  document.documentElement.lang = s.lang;
  document.title = l.title;
  $('title').textContent = l.title;
  for (const field of FIELDS) $(`${field}-label`).textContent = l[field];
  $('quick-heading').textContent = l.quickAdd;
  $('progress-heading').textContent = l.progress;
  $('recent-heading').textContent = l.recent;
  if (!busy) $('submit').textContent = l.log;
}

function renderChoices(s: SidebarState): void {
  const select = $('rep') as HTMLSelectElement;
  select.replaceChildren(...s.reps.map((rep) => element('option', rep)));
  select.value = s.rep;
  renderActivities(s);
  const date = input('date');
  date.max = s.today;
  if (!date.value || !dateSet) date.value = s.today;
}

function renderEntry(entry: SidebarEntry, s: SidebarState): HTMLLIElement {
  const item = element('li');
  const what = element('div', undefined, 'what');
  what.append(element('div', `${number(entry.quantity)} ${entry.activity}`));
  const by = !entry.mine && entry.loggedBy !== '' ? fill(s.labels.by, { user: entry.loggedBy }) : '';
  const meta = [entry.date, entry.rep, by, entry.notes].filter((part) => part !== '').join(' · ');
  what.append(element('div', meta, 'meta'));
  item.append(what);
  if (entry.undoable) {
    const undo = element('button', s.labels.undo);
    undo.type = 'button';
    undo.className = 'undo';
    undo.setAttribute('aria-label', `${s.labels.undo}: ${number(entry.quantity)} ${entry.activity}, ${entry.date}`);
    undo.addEventListener('click', () => void undoEntry(entry.id, undo));
    item.append(undo);
  }
  return item;
}

function render(s: SidebarState): void {
  state = s;
  watch.seen(s);
  renderLabels(s);
  renderChoices(s);
  const quick = $('quick');
  quick.replaceChildren(
    ...s.quotas.map((quota) => {
      const button = element('button', fill(s.labels.plusOne, { activity: quota.activity }), 'plus-one');
      button.type = 'button';
      button.disabled = busy;
      button.addEventListener('click', () => void plusOne(quota.activity));
      return button;
    }),
  );
  $('progress').replaceChildren(
    ...(s.quotas.length > 0
      ? s.quotas.map((quota) => quotaCard(quota, s, number))
      : [element('li', fill(s.labels.noQuotas, { rep: s.rep }), 'meta')]),
  );
  $('recent').replaceChildren(
    ...(s.recent.length > 0
      ? s.recent.map((entry) => renderEntry(entry, s))
      : [element('li', s.labels.noRecent, 'meta')]),
  );
  if (!s.ready) notify(s.fields.notSetUp);
  ($('submit') as HTMLButtonElement).disabled = busy || !s.ready;
  document.querySelector('main')?.setAttribute('aria-busy', 'false');
}

function setBusy(on: boolean): void {
  busy = on;
  const submit = $('submit') as HTMLButtonElement;
  submit.disabled = on || !state?.ready;
  if (state) submit.textContent = on ? state.labels.logging : state.labels.log;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.plus-one, .undo')) button.disabled = on;
}

// ---- Actions ----------------------------------------------------------------

/** Sends one entry (after the same checks the server makes) and shows what came back. */
async function send(values: { rep: string; activity: string; quantity: string; date: string; notes: string }) {
  const s = state;
  if (!s || busy) return;
  const today = dayFromIso(s.today) ?? 0;
  const checked = validateEntry({ id: 'check', ...values }, today, s.lang);
  if (checked.errors) {
    showErrors(
      checked.errors.map((error) => ({
        field: error.field,
        message: fill(s.fields[error.key], {
          field: error.field === 'form' ? '' : s.labels[error.field],
          ...(error.params ?? {}),
        }),
      })),
    );
    return;
  }
  clearErrors();
  pendingId = pendingId ?? newId();
  changes++;
  setBusy(true);
  let result: LogResult;
  try {
    result = await call('logActivity', { id: pendingId, ...values });
  } catch {
    setBusy(false);
    showErrors([{ field: 'form', message: s.fields.failed }]);
    return;
  }
  setBusy(false);
  if (!result.ok) {
    showErrors(result.errors.length > 0 ? result.errors : [{ field: 'form', message: result.message }]);
    return;
  }
  pendingId = undefined;
  if (result.state) render(result.state);
  notify(result.message);
  input('quantity').value = '1';
  ($('notes') as HTMLTextAreaElement).value = '';
}

function formValues() {
  return {
    rep: ($('rep') as HTMLSelectElement).value,
    activity: activityValue(),
    quantity: input('quantity').value,
    date: input('date').value,
    notes: ($('notes') as HTMLTextAreaElement).value,
  };
}

async function plusOne(activity: string): Promise<void> {
  if (!state || busy) return;
  pendingId = undefined;
  await newDay();
  await send({ rep: ($('rep') as HTMLSelectElement).value, activity, quantity: '1', date: state.today, notes: '' });
}

async function undoEntry(id: string, button: HTMLButtonElement): Promise<void> {
  if (!state || busy) return;
  button.disabled = true;
  changes++;
  setBusy(true);
  try {
    const result = await call('undoLastEntry', id);
    setBusy(false);
    if (result.state) render(result.state);
    if (result.ok) notify(result.message);
    else showErrors([{ field: 'form', message: result.message }]);
  } catch {
    setBusy(false);
    showErrors([{ field: 'form', message: state.fields.failed }]);
  }
}

/** Fetches the rep's state; a refresh of its own accord (`quiet`) says nothing when it fails. */
async function load(rep?: string, quiet = false): Promise<void> {
  const since = ++changes;
  loading++;
  try {
    const s = await call('getSidebarState', rep);
    if (since === changes) render(s);
  } catch {
    if (!quiet)
      showErrors([{ field: 'form', message: state?.fields.failed ?? 'Something went wrong; reload the sidebar.' }]);
  } finally {
    loading--;
  }
}

const watch = watchDay(
  () => void load(($('rep') as HTMLSelectElement).value, true),
  () => !busy && loading === 0,
);

/** Before a send: a state whose day is over is fetched first, so the entry is dated the new today. */
async function newDay(): Promise<void> {
  if (watch.due()) await load(($('rep') as HTMLSelectElement).value);
}

$('entry').addEventListener('submit', (event) => {
  event.preventDefault();
  void newDay().then(() => send(formValues()));
});
$('date').addEventListener('input', () => (dateSet = true));
// A changed field is a new entry: a retry of the same values keeps its id.
for (const field of [...FIELDS, 'activity-other']) $(field).addEventListener('input', () => (pendingId = undefined));
$('rep').addEventListener('change', () => void load(($('rep') as HTMLSelectElement).value));

void load();
