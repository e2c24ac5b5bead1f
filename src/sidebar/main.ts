/**
 * The sidebar page (SPEC §5): log an activity in seconds, see progress, undo a
 * mistake, in the spreadsheet's narrow side panel: the form first, then a
 * "+1" button per quota, the quotas' progress and the recent entries. All user
 * text goes into the page with `textContent`, never as HTML.
 * The form checks fields with the same rules as the server before it sends;
 * the server checks again, and either saves one row or saves nothing.
 */
import type { SidebarState } from '../core/sidebarState';
import { $, newId } from './dom';
import {
  chosenRep,
  clearEntry,
  clearErrors,
  entryErrors,
  FIELDS,
  type FormValues,
  formValues,
  notify,
  showErrors,
} from './form';
import { plusOneButton, renderProgress } from './lists';
import { startSession } from './session';

/** The id of the entry being sent: kept until it is saved, so a retry cannot double it. */
let pendingId: string | undefined;

const submit = () => $('submit') as HTMLButtonElement;

function draw(s: SidebarState): void {
  $('quick-heading').textContent = s.labels.quickAdd;
  if (!session.busy) submit().textContent = s.labels.log;
  $('quick').replaceChildren(
    ...s.quotas.map((quota) => {
      const button = plusOneButton(s, quota.activity, (activity) => void plusOne(activity));
      button.disabled = session.busy;
      return button;
    }),
  );
  renderProgress(s);
  submit().disabled = session.busy || !s.ready;
  document.querySelector('main')?.setAttribute('aria-busy', 'false');
}

function buttons(on: boolean): void {
  const s = session.state;
  submit().disabled = on || !s?.ready;
  if (s) submit().textContent = on ? s.labels.logging : s.labels.log;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.plus-one, .undo')) button.disabled = on;
}

const failed = () => session.state?.fields.failed ?? 'Something went wrong; reload the sidebar.';

/** Sends one entry (after the same checks the server makes) and shows what came back. */
async function send(values: FormValues): Promise<void> {
  const s = session.state;
  if (!s || session.busy) return;
  const errors = entryErrors(values, s);
  if (errors) {
    showErrors(errors);
    return;
  }
  clearErrors();
  pendingId = pendingId ?? newId();
  const result = await session.send({ id: pendingId, ...values });
  if (!result) {
    showErrors([{ field: 'form', message: s.fields.failed }]);
    return;
  }
  if (!result.ok) {
    showErrors(result.errors.length > 0 ? result.errors : [{ field: 'form', message: result.message }]);
    return;
  }
  pendingId = undefined;
  if (result.state) session.show(result.state);
  notify(result.message);
  clearEntry();
}

async function plusOne(activity: string): Promise<void> {
  const s = session.state;
  if (!s || session.busy) return;
  pendingId = undefined;
  await session.newDay();
  await send({ rep: chosenRep(), activity, quantity: '1', date: (session.state ?? s).today, notes: '' });
}

const session = startSession({
  draw,
  buttons,
  failed,
  loadFailed: () => showErrors([{ field: 'form', message: failed() }]),
  submit: () => void send(formValues()),
});

// A changed field is a new entry: a retry of the same values keeps its id.
for (const field of [...FIELDS, 'activity-other']) $(field).addEventListener('input', () => (pendingId = undefined));

void session.load();
