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
import { fill } from '../core/fill';
import { PHONE } from '../core/i18n/phone';
import { type Lang, langFromLocale } from '../core/i18n/types';
import type { ShownError } from '../core/serverApi';
import type { SidebarState } from '../core/sidebarState';
import { $, newId } from '../sidebar/dom';
import {
  clearEntry,
  clearErrors,
  type Entry,
  entryErrors,
  fillForm,
  formValues,
  notify,
  showErrors as showFormErrors,
} from '../sidebar/form';
import { plusOneButton, renderProgress } from '../sidebar/lists';
import { startSession } from '../sidebar/session';

/** Where an entry waits until the server has answered for it, across a reload. */
const STORE = 'activityQuota.phone.pending';

/** The entry being sent, or not saved (`failed`, with the server's reason when it gave one). */
let pending: { entry: Entry; failed: boolean; message?: string } | undefined;
let loadFailed = false;

const lang = (): Lang => session.state?.lang ?? langFromLocale(navigator.language);
const words = () => PHONE[lang()].labels;
const button = (id: string) => $(id) as HTMLButtonElement;

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

/** As the form's, and a message for a field opens the form, so it is seen. */
function showErrors(errors: readonly ShownError[]): void {
  if (errors.some((error) => error.field !== 'form')) openForm(true);
  showFormErrors(errors);
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

function draw(s: SidebarState, first: boolean): void {
  loadFailed = false;
  $('open-form').textContent = words().openForm;
  $('who').textContent = s.rep;
  renderProgress(s, (quota) => [plusOneButton(s, quota.activity, (activity) => void plusOne(activity))]);
  // With no quota there is nothing to +1: the form is what there is.
  if (first && s.quotas.length === 0) openForm(true);
  renderProblem();
  buttons();
}

/** While a call is out, nothing else is sent; while an entry is not saved, only it can be sent (Try again). */
function buttons(on = session.busy): void {
  const s = session.state;
  const blocked = on || !!pending?.failed || !s?.ready;
  button('submit').disabled = blocked;
  for (const plus of document.querySelectorAll<HTMLButtonElement>('.plus-one')) plus.disabled = blocked;
  for (const undo of document.querySelectorAll<HTMLButtonElement>('.undo')) undo.disabled = on;
  button('retry').disabled = on;
  if (s) $('submit').textContent = on ? s.labels.logging : s.labels.log;
}

// ---- Actions ------------------------------------------------------------------

/**
 * Sends one entry and shows what came back. No answer, or the server unable to
 * save it now (the lock busy, a failure), keeps it for a retry with the same id;
 * a refusal of its fields shows them in the form, where they can be corrected.
 */
async function send(entry: Entry): Promise<void> {
  if (session.busy) return;
  clearErrors();
  pending = { entry, failed: false };
  keep(entry);
  renderProblem();
  if (session.state) notify(session.state.labels.logging);
  const result = (await session.send(entry)) ?? { ok: false, message: '', errors: [] };
  const again = !result.ok && result.errors.length === 0;
  pending = again ? { entry, failed: true, message: result.message } : undefined;
  if (!again) keep(undefined);
  // The buttons again, now that what became of the entry is known.
  buttons();
  notify('');
  if (result.state) session.show(result.state);
  renderProblem();
  if (again) return;
  if (!result.ok) {
    if ($('entry').hidden) fillForm(entry);
    showErrors(result.errors);
    return;
  }
  notify(result.message);
  clearEntry();
}

/** The form's entry, after the same checks the server makes. */
function submitForm(): void {
  const s = session.state;
  if (!s || session.busy || pending?.failed) return;
  const values = formValues();
  const errors = entryErrors(values, s);
  if (errors) showErrors(errors);
  else void send({ id: newId(), ...values });
}

async function plusOne(activity: string): Promise<void> {
  if (!session.state || session.busy || pending?.failed) return;
  await session.newDay();
  const s = session.state;
  if (!s || session.busy) return;
  await send({ id: newId(), rep: s.rep, activity, quantity: '1', date: s.today, notes: '' });
}

const session = startSession({
  draw,
  buttons,
  failed: () => PHONE[lang()].fields.failed,
  loadFailed: () => (loadFailed = true),
  loadEnded: () => {
    renderProblem();
    document.querySelector('main')?.setAttribute('aria-busy', 'false');
  },
  submit: submitForm,
});

$('open-form').addEventListener('click', () => openForm($('entry').hidden === true));
$('retry').addEventListener('click', () => {
  if (pending?.failed) void send(pending.entry);
  else void session.load(session.state?.rep);
});

const waiting = kept();
if (waiting) pending = { entry: waiting, failed: true };
$('open-form').textContent = words().openForm;
renderProblem();
void session.load();
