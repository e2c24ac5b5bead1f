/**
 * The Activity field (SPEC §5): chosen from a list, so a rep logs what a quota
 * counts. The rep's quota activities come first, then the other known types,
 * then "Other…", which shows a field for a name of one's own with a note that
 * no quota counts it; unless the core reads the typed name as a listed
 * activity (any case or language, by the same name key), which it then is.
 */
import type { SidebarState } from '../core/sidebarState';
import { nameKey } from '../core/text';

/** "Other…": no listed activity has an empty name. */
const OTHER = '';
let state: SidebarState | undefined;

const list = () => document.getElementById('activity') as HTMLSelectElement;
const typed = () => document.getElementById('activity-other') as HTMLInputElement;

function option(text: string, value = text): HTMLOptionElement {
  const element = document.createElement('option');
  element.textContent = text;
  element.value = value;
  return element;
}

function group(label: string, names: string[]): HTMLOptGroupElement {
  const element = document.createElement('optgroup');
  element.label = label;
  element.append(...names.map((name) => option(name)));
  return element;
}

/** The listed activity a typed name means, if any. */
function known(name: string): string | undefined {
  const key = nameKey(name);
  const names = state?.knownActivities ?? {};
  return Object.hasOwn(names, key) ? names[key] : undefined;
}

function update(): void {
  const other = list().value === OTHER && !!state;
  (document.getElementById('activity-box') as HTMLElement).hidden = !other;
  const name = typed().value.trim();
  const match = known(name);
  const l = state?.labels;
  (document.getElementById('activity-note') as HTMLElement).textContent =
    !other || !l || nameKey(name) === ''
      ? ''
      : (match ? l.knownNote : l.customNote).replace('{activity}', () => match ?? name);
}

/** Fills the list from a state, keeping the user's choice when it is still there. */
export function renderActivities(s: SidebarState): void {
  state = s;
  const select = list();
  const chosen = select.options.length > 0 ? select.value : undefined;
  const own = s.activities.slice(0, s.ownActivities);
  const rest = s.activities.slice(s.ownActivities);
  select.replaceChildren(
    ...(own.length > 0
      ? [
          group(
            s.labels.quotaGroup.replace('{rep}', () => s.rep),
            own,
          ),
          group(s.labels.typeGroup, rest),
        ]
      : rest.map((name) => option(name))),
    option(s.labels.other, OTHER),
  );
  if (chosen !== undefined && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
  typed().setAttribute('aria-label', s.labels.otherName);
  update();
}

/** The activity to log: the chosen one, or the typed one (as the listed name it means, if any). */
export function activityValue(): string {
  if (list().value !== OTHER) return list().value;
  return known(typed().value) ?? typed().value;
}

/** Where the Activity field's message belongs and focus goes. */
export function activityControl(): HTMLElement {
  return list().value === OTHER ? typed() : list();
}

list().addEventListener('change', () => {
  update();
  if (list().value === OTHER) typed().focus();
});
typed().addEventListener('input', update);
