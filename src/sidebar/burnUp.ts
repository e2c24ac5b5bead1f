/**
 * A quota's burn-up chart in the sidebar (SPEC §5): cumulative Done (a solid
 * line over the status colour) against the pace line (dashed) up to the target
 * (the top line, its figure written), and a dotted mark at the as-of day. The
 * server gives every figure (src/core/burnUp.ts); nothing here knows calendars.
 * Colour is never the only signal: the SVG is one image with a sentence of its
 * figures, and a table with Done and Expected per step is there for screen readers.
 */
import type { SidebarQuota, SidebarState } from '../core/sidebarState';

const W = 240;
const H = 64;
/** Room above the target line for its figure. */
const TOP = 11;
const INK = '#202124';
const PACE = '#5f6368';

function svg(tag: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The chart and its table, or nothing for a quota without a chart. */
export function burnUpChart(
  quota: SidebarQuota,
  labels: SidebarState['labels'],
  number: (value: number) => string,
  fill: (template: string, params: Record<string, string>) => string,
): Element[] {
  const chart = quota.burnUp;
  if (!chart) return [];
  const { steps, expected, done } = chart;
  const top = Math.max(quota.target, ...done, 1);
  const x = (i: number) => ((i / steps.length) * W).toFixed(1);
  const y = (value: number) => (H - 1 - (Math.max(0, value) / top) * (H - 1 - TOP)).toFixed(1);
  const points = (values: number[]) => [`0,${y(0)}`, ...values.map((v, i) => `${x(i + 1)},${y(v)}`)].join(' ');
  const now = x(done.length);
  const label = fill(labels.burnUp, {
    activity: quota.activity,
    period: quota.period,
    date: chart.asOf,
    done: quota.shown.done,
    expected: quota.shown.expected,
    target: quota.shown.target,
  });
  const image = svg('svg', { class: 'burn-up', role: 'img', width: W, height: H, viewBox: `0 0 ${W} ${H}` });
  image.setAttribute('aria-label', label);
  const targetText = svg('text', { x: W - 1, y: Number(y(quota.target)) - 2, 'text-anchor': 'end', fill: INK });
  targetText.textContent = quota.shown.target;
  image.append(
    svg('polygon', { points: `${points(done)} ${now},${y(0)}`, fill: quota.color }),
    svg('line', { x1: 0, x2: W, y1: y(quota.target), y2: y(quota.target), stroke: PACE, 'stroke-width': 1 }),
    targetText,
    svg('polyline', { points: points(expected), fill: 'none', stroke: PACE, 'stroke-dasharray': '4 3' }),
    svg('polyline', { points: points(done), fill: 'none', stroke: INK, 'stroke-width': 2 }),
    svg('line', { x1: now, x2: now, y1: TOP - 2, y2: H, stroke: INK, 'stroke-dasharray': '1 2' }),
  );
  // A table does not shrink to the 1 px a visually hidden element takes: its box does.
  const hidden = document.createElement('div');
  hidden.className = 'visually-hidden';
  const table = hidden.appendChild(document.createElement('table'));
  table.createCaption().textContent = label;
  const row = (cells: string[], tag: 'th' | 'td') => {
    const tr = table.insertRow();
    for (const text of cells) tr.append(Object.assign(document.createElement(tag), { textContent: text }));
  };
  row([labels.date, labels.done, labels.expected], 'th');
  for (const [i, value] of done.entries()) row([steps[i] ?? '', number(value), number(expected[i] ?? 0)], 'td');
  return [image, hidden];
}
