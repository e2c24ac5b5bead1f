/**
 * The lists both pages show under the same ids: the rep's quotas (each a card,
 * src/sidebar/quotaCard.ts), the recent entries (with Undo where the server
 * allows it) and the "+1" buttons. Quantities are written as the spreadsheet's
 * locale writes them.
 */
import { fill } from '../core/fill';
import type { SidebarEntry, SidebarQuota, SidebarState } from '../core/sidebarState';
import { $, element, showNumber } from './dom';
import { quotaCard } from './quotaCard';

/** A quantity as the state's spreadsheet writes it, to the cent (1,5 in Danish). */
const numberIn = (s: SidebarState) => (value: number) => showNumber(value, s.locale);

/** A "+1 Calls" button. */
export function plusOneButton(s: SidebarState, activity: string, plusOne: (activity: string) => void) {
  const button = element('button', fill(s.labels.plusOne, { activity }), 'plus-one');
  button.type = 'button';
  button.addEventListener('click', () => plusOne(activity));
  return button;
}

/** The rep's quotas, each card followed by what `extra` gives for it (the phone's "+1"); a line when there is none. */
export function renderProgress(s: SidebarState, extra: (quota: SidebarQuota) => Node[] = () => []): void {
  $('progress').replaceChildren(
    ...(s.quotas.length > 0
      ? s.quotas.map((quota) => {
          const item = quotaCard(quota, s, numberIn(s));
          item.append(...extra(quota));
          return item;
        })
      : [element('li', fill(s.labels.noQuotas, { rep: s.rep }), 'meta')]),
  );
}

function renderEntry(entry: SidebarEntry, s: SidebarState, undo: (id: string) => void): HTMLLIElement {
  const number = numberIn(s);
  const item = element('li');
  const what = element('div', undefined, 'what');
  what.append(element('div', `${number(entry.quantity)} ${entry.activity}`));
  const by = !entry.mine && entry.loggedBy !== '' ? fill(s.labels.by, { user: entry.loggedBy }) : '';
  const meta = [entry.date, entry.rep, by, entry.notes].filter((part) => part !== '').join(' · ');
  what.append(element('div', meta, 'meta'));
  item.append(what);
  if (entry.undoable) {
    const button = element('button', s.labels.undo, 'undo');
    button.type = 'button';
    button.setAttribute('aria-label', `${s.labels.undo}: ${number(entry.quantity)} ${entry.activity}, ${entry.date}`);
    button.addEventListener('click', () => undo(entry.id));
    item.append(button);
  }
  return item;
}

/** The recent entries, with Undo where the user may take one back. */
export function renderRecent(s: SidebarState, undo: (id: string) => void): void {
  $('recent').replaceChildren(
    ...(s.recent.length > 0
      ? s.recent.map((entry) => renderEntry(entry, s, undo))
      : [element('li', s.labels.noRecent, 'meta')]),
  );
}
