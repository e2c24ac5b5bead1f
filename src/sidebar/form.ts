/**
 * The entry form both pages show (its fields are src/sidebar/fields.html): its
 * words and choices from a state, what it holds, the same checks the server
 * makes before anything is sent, and messages beside the fields they belong
 * to. All user text goes into the page with `textContent`, never as HTML.
 */
import { dayFromIso } from '../core/day';
import { type Field, validateEntry } from '../core/entry';
import { fill } from '../core/fill';
import type { ShownError } from '../core/serverApi';
import type { SidebarState } from '../core/sidebarState';
import { activityControl, activityValue, renderActivities } from './activityPicker';
import { $, element } from './dom';

export const FIELDS: readonly Field[] = ['rep', 'activity', 'quantity', 'date', 'notes'];

/** What the form holds, every field as typed. */
export interface FormValues {
  rep: string;
  activity: string;
  /** As typed (a decimal comma where the language writes one): the server reads it as the form does. */
  quantity: string;
  date: string;
  notes: string;
}

/** An entry as it is sent: its values and the id that keeps a retry from doubling it. */
export interface Entry extends FormValues {
  id: string;
}

/** The date was set by hand: a new day does not move it. */
let dateSet = false;

export const input = (id: string) => $(id) as HTMLInputElement;
const select = (id: string) => $(id) as HTMLSelectElement;
const notes = () => $('notes') as HTMLTextAreaElement;
const control = (field: Field) => (field === 'activity' ? activityControl() : $(field));

/** The rep chosen in the form. */
export const chosenRep = () => select('rep').value;

// ---- Messages -------------------------------------------------------------------

export function notify(text: string): void {
  $('notice').textContent = text;
}

export function clearErrors(): void {
  for (const field of [...FIELDS, 'form']) $(`${field}-error`).textContent = '';
  for (const invalid of document.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
}

/** Each message beside its field (marked invalid; the first one focused), or under the form. */
export function showErrors(errors: readonly ShownError[]): void {
  clearErrors();
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

/** What is wrong with an entry by the server's own rules, in the state's words; `undefined` when it may be sent. */
export function entryErrors(values: FormValues, s: SidebarState): ShownError[] | undefined {
  const checked = validateEntry({ id: 'check', ...values }, dayFromIso(s.today) ?? 0, s.lang);
  return checked.errors?.map((error) => ({
    field: error.field,
    message: fill(s.fields[error.key], {
      field: error.field === 'form' ? '' : s.labels[error.field],
      ...(error.params ?? {}),
    }),
  }));
}

// ---- Rendering --------------------------------------------------------------------

/** The words both pages show in the state's language: the title, the fields' labels, the lists' headings. */
export function renderLabels(s: SidebarState): void {
  const l = s.labels;
  document.documentElement.lang = s.lang;
  document.title = l.title;
  $('title').textContent = l.title;
  for (const field of FIELDS) $(`${field}-label`).textContent = l[field];
  $('progress-heading').textContent = l.progress;
  $('recent-heading').textContent = l.recent;
}

/** The reps and activities to choose from, and today's date unless one was set by hand. */
export function renderChoices(s: SidebarState): void {
  const reps = select('rep');
  reps.replaceChildren(...s.reps.map((rep) => element('option', rep)));
  reps.value = s.rep;
  renderActivities(s);
  const date = input('date');
  date.max = s.today;
  if (!date.value || !dateSet) date.value = s.today;
}

// ---- What the form holds ------------------------------------------------------------

export function formValues(): FormValues {
  return {
    rep: chosenRep(),
    activity: activityValue(),
    quantity: input('quantity').value,
    date: input('date').value,
    notes: notes().value,
  };
}

/** After a save: the form ready for the next entry (a quantity of 1, no notes). */
export function clearEntry(): void {
  input('quantity').value = '1';
  notes().value = '';
}

/** The form holds an entry the server refused, so its fields can be corrected. */
export function fillForm(entry: FormValues): void {
  select('rep').value = entry.rep;
  const list = select('activity');
  if ([...list.options].some((option) => option.value === entry.activity)) list.value = entry.activity;
  input('quantity').value = entry.quantity;
  input('date').value = entry.date;
  notes().value = entry.notes;
}

$('date').addEventListener('input', () => (dateSet = true));
