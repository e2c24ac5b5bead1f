/**
 * The phone page (SPEC §5b): the sidebar's form and rules, laid out for a
 * 360 px screen. The rep's quotas come first, each with its progress and a big
 * "+1" button; the full form is one tap away. All user text goes into the page
 * with `textContent`, never as HTML.
 *
 * A phone's connection drops: an entry whose send fails (or whose answer never
 * comes) stays on screen, "not saved — try again", and is kept in the browser's
 * storage until the server has answered for it. Trying again sends the same
 * entry with the same id, so the server appends it once whether or not the
 * first send arrived; until then no other entry can be sent.
 */
import { dayFromIso } from '../core/day';
import { type Field, validateEntry } from '../core/entry';
import { fill } from '../core/fill';
import { PHONE } from '../core/i18n/phone';
import { LANGUAGES, type Lang } from '../core/i18n/types';
import type { LogResult } from '../core/serverApi';
import type { SidebarEntry, SidebarQuota, SidebarState } from '../core/sidebarState';
import { activityControl, activityValue, renderActivities } from '../sidebar/activityPicker';
import { call } from '../sidebar/client';
import { watchDay } from '../sidebar/dayWatch';
import { $, element, newId, showNumber } from '../sidebar/dom';
import { quotaCard } from '../sidebar/quotaCard';

interface Entry {
  id: string;
  rep: string;
  activity: string;
  /** As typed (a decimal comma where the language writes one): the server reads it as the form does. */
  quantity: string;
  date: string;
  notes: string;
}

const FIELDS: readonly Field[] = ['rep', 'activity', 'quantity', 'date', 'notes'];
/** Where an entry waits until the server has answered for it, across a reload. */
const STORE = 'activityQuota.phone.pending';

let state: SidebarState | undefined;
/** The entry being sent, or not saved (`failed`, with the server's reason when it gave one). */
let pending: { entry: Entry; failed: boolean; message?: string } | undefined;
let loadFailed = false;
let busy = false;
let loading = 0;
let changes = 0;
/** The date was set by hand: a new day does not move it. */
let dateSet = false;

const browserLang = (): Lang => {
  const code = String(navigator.language || '')
    .slice(0, 2)
    .toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Lang) : 'en';
};
const words = () => PHONE[state?.lang ?? browserLang()].labels;
const number = (value: number) => showNumber(value, state?.locale);
const input = (id: string) => $(id) as HTMLInputElement;
const button = (id: string) => $(id) as HTMLButtonElement;
const control = (field: Field) => (field === 'activity' ? activityControl() : $(field));

// ---- The entry kept until it is saved -----------------------------------------

function keep(entry: Entry | undefined): void {
  try {
    if (entry) localStorage.setItem(STORE, JSON.stringify(entry));
    else localStorage.removeItem(STORE);
  } catch (_) {
    // No storage (a private window): the entry stays on screen only.
  }
}

function kept(): Entry | undefined {
  try {
    const entry = JSON.parse(localStorage.getItem(STORE) ?? 'null') as Partial<Entry> | null;
    const texts =
      entry &&
      ['id', 'rep', 'activity', 'quantity', 'date', 'notes'].every((k) => typeof entry[k as keyof Entry] === 'string');
    return texts ? (entry as Entry) : undefined;
  } catch (_) {
    return undefined;
  }
}

// ---- Messages -------------------------------------------------------------------

function clearErrors(): void {
  for (const field of [...FIELDS, 'form']) $(`${field}-error`).textContent = '';
  for (const invalid of document.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
}

function showErrors(errors: readonly { field: Field | 'form'; message: string }[]): void {
  clearErrors();
  if (errors.some((error) => error.field !== 'form')) openForm(true);
  let focused = false;
  for (const error of errors) {
    $(`${error.field}-error`).textContent = error.message;
    if (error.field === 'form') continue;
    control(error.field).setAttribute('aria-invalid', 'true');
    if (!focused) {
      control(error.field).focus();
      focused = true;
    }
  }
}

function notify(text: string): void {
  $('notice').textContent = text;
}

/** The box at the top when something did not go through: the unsaved entry, or the state that did not load. */
function renderProblem(): void {
  const w = words();
  const failed = pending?.failed ? pending : undefined;
  $('problem').hidden = !failed && !loadFailed;
  const e = failed?.entry;
  const text = e
    ? fill(w.notSaved, { quantity: e.quantity, activity: e.activity, rep: e.rep, date: e.date })
    : w.loadFailed;
  $('problem-text').textContent = failed?.message ? `${failed.message} ${text}` : text;
  $('retry').textContent = w.retry;
}

// ---- Rendering ----------------------------------------------------------------

function openForm(open: boolean): void {
  $('entry').hidden = !open;
  $('open-form').setAttribute('aria-expanded', String(open));
}

function renderLabels(s: SidebarState): void {
  const l = s.labels;
  document.documentElement.lang = s.lang;
  document.title = l.title;
  $('title').textContent = l.title;
  for (const field of FIELDS) $(`${field}-label`).textContent = l[field];
  $('progress-heading').textContent = l.progress;
  $('recent-heading').textContent = l.recent;
  $('open-form').textContent = words().openForm;
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

function renderQuota(quota: SidebarQuota, s: SidebarState): HTMLLIElement {
  const item = quotaCard(quota, s, number);
  const plus = element('button', fill(s.labels.plusOne, { activity: quota.activity }), 'plus-one');
  plus.type = 'button';
  plus.addEventListener('click', () => void plusOne(quota.activity));
  item.append(plus);
  return item;
}

function renderEntry(entry: SidebarEntry, s: SidebarState): HTMLLIElement {
  const item = element('li');
  const what = element('div', undefined, 'what');
  what.append(element('div', `${number(entry.quantity)} ${entry.activity}`));
  const by = !entry.mine && entry.loggedBy !== '' ? fill(s.labels.by, { user: entry.loggedBy }) : '';
  what.append(element('div', [entry.date, entry.rep, by, entry.notes].filter((p) => p !== '').join(' · '), 'meta'));
  item.append(what);
  if (entry.undoable) {
    const undo = element('button', s.labels.undo, 'undo');
    undo.type = 'button';
    undo.setAttribute('aria-label', `${s.labels.undo}: ${number(entry.quantity)} ${entry.activity}, ${entry.date}`);
    undo.addEventListener('click', () => void undoEntry(entry.id));
    item.append(undo);
  }
  return item;
}

function render(s: SidebarState): void {
  const first = state === undefined;
  state = s;
  loadFailed = false;
  watch.seen(s);
  renderLabels(s);
  renderChoices(s);
  $('who').textContent = s.rep;
  $('progress').replaceChildren(
    ...(s.quotas.length > 0
      ? s.quotas.map((quota) => renderQuota(quota, s))
      : [element('li', fill(s.labels.noQuotas, { rep: s.rep }), 'meta')]),
  );
  $('recent').replaceChildren(
    ...(s.recent.length > 0 ? s.recent.map((e) => renderEntry(e, s)) : [element('li', s.labels.noRecent, 'meta')]),
  );
  // With no quota there is nothing to +1: the form is what there is.
  if (first && s.quotas.length === 0) openForm(true);
  if (!s.ready) notify(s.fields.notSetUp);
  renderProblem();
  setBusy(busy);
}

/** While a call is out, nothing else is sent; while an entry is not saved, only it can be sent (Try again). */
function setBusy(on: boolean): void {
  busy = on;
  const blocked = on || !!pending?.failed || !state?.ready;
  button('submit').disabled = blocked;
  for (const plus of document.querySelectorAll<HTMLButtonElement>('.plus-one')) plus.disabled = blocked;
  for (const undo of document.querySelectorAll<HTMLButtonElement>('.undo')) undo.disabled = on;
  button('retry').disabled = on;
  if (state) $('submit').textContent = on ? state.labels.logging : state.labels.log;
}

// ---- Actions ------------------------------------------------------------------

/**
 * Sends one entry and shows what came back. No answer, or the server unable to
 * save it now (the lock busy, a failure), keeps it for a retry with the same id;
 * a refusal of its fields shows them in the form, where they can be corrected.
 */
async function send(entry: Entry): Promise<void> {
  if (busy) return;
  clearErrors();
  pending = { entry, failed: false };
  keep(entry);
  changes++;
  setBusy(true);
  renderProblem();
  if (state) notify(state.labels.logging);
  let result: LogResult;
  try {
    result = await call('logActivity', entry);
  } catch (_) {
    result = { ok: false, message: '', errors: [] };
  }
  const again = !result.ok && result.errors.length === 0;
  pending = again ? { entry, failed: true, message: result.message } : undefined;
  if (!again) keep(undefined);
  setBusy(false);
  notify('');
  if (result.state) render(result.state);
  renderProblem();
  if (again) return;
  if (!result.ok) {
    if ($('entry').hidden) fillForm(entry);
    showErrors(result.errors);
    return;
  }
  notify(result.message);
  input('quantity').value = '1';
  ($('notes') as HTMLTextAreaElement).value = '';
}

/** The form holds an entry the server refused, so its fields can be corrected. */
function fillForm(entry: Entry): void {
  ($('rep') as HTMLSelectElement).value = entry.rep;
  const list = $('activity') as HTMLSelectElement;
  if ([...list.options].some((option) => option.value === entry.activity)) list.value = entry.activity;
  input('quantity').value = entry.quantity;
  input('date').value = entry.date;
  ($('notes') as HTMLTextAreaElement).value = entry.notes;
}

function formValues(): Omit<Entry, 'id'> {
  return {
    rep: ($('rep') as HTMLSelectElement).value,
    activity: activityValue(),
    quantity: input('quantity').value,
    date: input('date').value,
    notes: ($('notes') as HTMLTextAreaElement).value,
  };
}

/** The form's entry, after the same checks the server makes. */
function submitForm(): void {
  const s = state;
  if (!s || busy || pending?.failed) return;
  const values = formValues();
  const checked = validateEntry({ id: 'check', ...values }, dayFromIso(s.today) ?? 0, s.lang);
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
  void send({ id: newId(), ...values });
}

async function plusOne(activity: string): Promise<void> {
  if (!state || busy || pending?.failed) return;
  await newDay();
  if (!state || busy) return;
  await send({ id: newId(), rep: state.rep, activity, quantity: '1', date: state.today, notes: '' });
}

async function undoEntry(id: string): Promise<void> {
  if (!state || busy) return;
  changes++;
  setBusy(true);
  try {
    const result = await call('undoLastEntry', id);
    setBusy(false);
    if (result.state) render(result.state);
    if (result.ok) notify(result.message);
    else showErrors([{ field: 'form', message: result.message }]);
  } catch (_) {
    setBusy(false);
    showErrors([{ field: 'form', message: PHONE[state.lang].fields.failed }]);
  }
}

/** Fetches the rep's state; a refresh of its own accord (`quiet`) says nothing when it fails. */
async function load(rep?: string, quiet = false): Promise<void> {
  const since = ++changes;
  loading++;
  try {
    const s = await call('getSidebarState', rep);
    if (since === changes) render(s);
  } catch (_) {
    if (!quiet) loadFailed = true;
  } finally {
    loading--;
    renderProblem();
    document.querySelector('main')?.setAttribute('aria-busy', 'false');
  }
}

const watch = watchDay(
  () => void load(($('rep') as HTMLSelectElement).value, true),
  () => !busy && loading === 0,
);

/** Before a send: a state whose day is over is fetched first, so "+1" is dated the new today. */
async function newDay(): Promise<void> {
  if (watch.due()) await load(($('rep') as HTMLSelectElement).value);
}

$('entry').addEventListener('submit', (event) => {
  event.preventDefault();
  void newDay().then(submitForm);
});
$('open-form').addEventListener('click', () => openForm($('entry').hidden === true));
$('retry').addEventListener('click', () => {
  if (pending?.failed) void send(pending.entry);
  else void load(state?.rep);
});
$('date').addEventListener('input', () => (dateSet = true));
$('rep').addEventListener('change', () => void load(($('rep') as HTMLSelectElement).value));

const waiting = kept();
if (waiting) pending = { entry: waiting, failed: true };
$('open-form').textContent = words().openForm;
renderProblem();
void load();
