/**
 * The playground page: sheet tabs and a grid of the workbook, a cell editor
 * (type and press Enter: the server writes it as typed input and fires
 * `onEdit`), the add-on menu as buttons, and "Next day". The sidebar is the
 * real Sidebar.html in an iframe; after it logs or undoes an entry the grid is
 * refreshed. All text goes in with `textContent`.
 *
 * Every call carries the token the server wrote into this page. The page does
 * not say who the user is, unless the playground plays several users: then it
 * sends the one chosen among them.
 */
import type { BarDrawing } from '../sparkline';
import type { PlaygroundState } from './types';

let state: PlaygroundState | undefined;
let current = 0;
let selected = { row: 0, col: 0 };
/** Playing several users: the one chosen in the page. */
let chosen: string | undefined;
let opened = false;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = element<HTMLTableElement>('grid');
const formula = element<HTMLInputElement>('formula');
const address = element<HTMLLabelElement>('address');

const token = document.querySelector<HTMLMetaElement>('meta[name="playground-token"]')?.content ?? '';

async function call(path: string, init: RequestInit, withAlerts: boolean): Promise<void> {
  const response = await fetch(path, { ...init, headers: { ...init.headers, 'x-playground-token': token } });
  if (response.ok) show(await response.json(), withAlerts);
  else element('messages').replaceChildren(paragraph(await response.text(), 'error'));
}

function post(path: string, body: Record<string, unknown> = {}): Promise<void> {
  const json = JSON.stringify(chosen ? { ...body, user: chosen } : body);
  return call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json }, true);
}

function reload(): Promise<void> {
  return call('/api/state', {}, false);
}

function show(next: PlaygroundState, withAlerts = true): void {
  state = next;
  if (!opened) {
    opened = true;
    current = Math.max(
      0,
      next.sheets.findIndex((sheet) => sheet.name === next.board),
    );
    renderUsers();
  }
  current = Math.min(current, next.sheets.length - 1);
  renderMenu();
  renderTabs();
  renderGrid();
  element('today').textContent =
    `Today: ${next.today} (${next.timeZone})${next.dayOffset ? ` · +${next.dayOffset} d` : ''}${chosen ? '' : ` · ${next.user}`}`;
  const messages = element('messages');
  if (withAlerts || next.error) {
    messages.replaceChildren(
      ...next.alerts.map((text) => paragraph(text)),
      ...(next.error ? [paragraph(next.error, 'error')] : []),
    );
  }
  document.body.dataset.ready = 'true';
}

function paragraph(text: string, className = ''): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function renderMenu(): void {
  const menu = element('menu');
  // The sidebar is always open beside the grid, so its menu item has no button.
  const items = (state?.menu ?? []).filter((item) => item.functionName !== 'openSidebar');
  if (menu.childElementCount === items.length) return;
  menu.replaceChildren(
    ...items.map((item) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = item.caption;
      button.addEventListener('click', () => void post('/api/menu', { functionName: item.functionName }));
      return button;
    }),
  );
}

/** Playing several users: a choice among them; the sidebar is opened again as the one chosen. */
function renderUsers(): void {
  const users = state?.users ?? [];
  if (users.length < 2) return;
  const select = element<HTMLSelectElement>('user');
  select.replaceChildren(...users.map((user) => new Option(user, user, false, user === state?.user)));
  chosen = select.value;
  element('user-choice').hidden = false;
  select.addEventListener('change', () => {
    chosen = select.value;
    element<HTMLIFrameElement>('sidebar').src = `/sidebar?user=${encodeURIComponent(chosen)}`;
  });
}

function renderTabs(): void {
  element('tabs').replaceChildren(
    ...(state?.sheets ?? []).map((sheet, index) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(index === current));
      tab.textContent = sheet.name;
      tab.addEventListener('click', () => {
        current = index;
        selected = { row: 0, col: 0 };
        renderTabs();
        renderGrid();
      });
      return tab;
    }),
  );
}

function renderGrid(): void {
  const sheet = state?.sheets[current];
  if (!sheet) return;
  grid.dataset.sheet = sheet.name;
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const letters of sheet.columns) {
    const th = document.createElement('th');
    th.textContent = letters;
    head.append(th);
  }
  const rows = sheet.cells.map((line, r) => {
    const tr = document.createElement('tr');
    if (r + 1 === sheet.frozenRows) tr.className = 'frozen-last';
    const th = document.createElement('th');
    th.className = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    line.forEach((cell, c) => {
      const td = document.createElement('td');
      td.textContent = cell.text;
      td.dataset.a1 = `${sheet.columns[c]}${r + 1}`;
      td.tabIndex = -1;
      if (cell.background) td.style.background = cell.background;
      if (cell.bold) td.classList.add('bold');
      if (cell.bar) drawBar(td, cell.bar);
      if (cell.note) {
        td.classList.add('error');
        td.dataset.note = cell.note;
      }
      if (r === selected.row && c === selected.col) td.classList.add('selected');
      td.addEventListener('click', () => select(r, c));
      tr.append(td);
    });
    return tr;
  });
  grid.replaceChildren(head, ...rows);
  element('tip').hidden = true;
  select(selected.row, selected.col, false);
}

/**
 * A SPARKLINE bar as Sheets draws it: across the cell, each segment its share of
 * the width, in its colour, from the left (from the right with rtl); the rest of
 * the cell is its background.
 */
function drawBar(td: HTMLTableCellElement, bar: BarDrawing): void {
  td.classList.add('spark');
  const line = document.createElement('div');
  line.style.flexDirection = bar.rtl ? 'row-reverse' : 'row';
  line.setAttribute('role', 'img');
  line.setAttribute('aria-label', bar.segments.map((s) => `${Math.round(s.share * 1000) / 10}%`).join(' + '));
  for (const segment of bar.segments) {
    const span = document.createElement('span');
    span.style.width = `${segment.share * 100}%`;
    span.style.background = segment.color;
    line.append(span);
  }
  td.append(line);
}

function select(row: number, col: number, focus = true): void {
  const sheet = state?.sheets[current];
  const cell = sheet?.cells[row]?.[col];
  if (!sheet || !cell) return;
  grid.querySelector('td.selected')?.classList.remove('selected');
  grid.querySelector(`td[data-a1="${sheet.columns[col]}${row + 1}"]`)?.classList.add('selected');
  selected = { row, col };
  address.textContent = `${sheet.columns[col]}${row + 1}`;
  formula.value = cell.formula ?? cell.text;
  if (focus) formula.focus();
}

formula.addEventListener('keydown', (event) => {
  const sheet = state?.sheets[current];
  if (event.key !== 'Enter' || !sheet) return;
  event.preventDefault();
  const a1 = `${sheet.columns[selected.col]}${selected.row + 1}`;
  const value = formula.value;
  selected = { row: selected.row + 1, col: selected.col };
  void post('/api/edit', { sheet: sheet.name, a1, value });
});

element('next-day').addEventListener('click', () => void post('/api/next-day'));

// An error cell's message on hover (or when selected), as Sheets shows it.
const tip = element('tip');
function showTip(target: EventTarget | null): void {
  const td = target instanceof HTMLElement ? target.closest('td') : null;
  if (!td?.dataset.note) return;
  (tip.lastElementChild as HTMLElement).textContent = td.dataset.note;
  const box = td.getBoundingClientRect();
  tip.style.left = `${box.left}px`;
  tip.style.top = `${box.bottom + 2}px`;
  tip.hidden = false;
  td.setAttribute('aria-describedby', 'tip');
}
grid.addEventListener('mouseover', (event) => showTip(event.target));
grid.addEventListener('focusin', (event) => showTip(event.target));
grid.addEventListener('mouseout', () => {
  tip.hidden = true;
});

// The sidebar changes the workbook through its own calls; show their effect.
const sidebar = element<HTMLIFrameElement>('sidebar');
sidebar.addEventListener('load', () => {
  const win = sidebar.contentWindow as (Window & { fetch: typeof fetch }) | null;
  if (!win) return;
  const original = win.fetch.bind(win);
  win.fetch = (async (...args: Parameters<typeof fetch>) => {
    const response = await original(...args);
    if (String(args[0]).includes('/rpc'))
      void response
        .clone()
        .text()
        .then(() => reload());
    return response;
  }) as typeof fetch;
});

void reload();
