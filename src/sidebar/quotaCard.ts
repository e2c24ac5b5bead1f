/**
 * A quota's card, the same in the sidebar and on the phone page: its name and
 * status label, a progress bar with the expected-to-date marker, the figures as
 * the board shows them, and the burn-up chart.
 */

import { fill } from '../core/fill';
import type { SidebarQuota, SidebarState } from '../core/sidebarState';
import { burnUpChart } from './burnUp';
import { element } from './dom';

export function quotaCard(quota: SidebarQuota, s: SidebarState, number: (value: number) => string): HTMLLIElement {
  const item = element('li', undefined, 'quota');
  const head = element('div', undefined, 'quota-head');
  head.append(element('span', `${quota.activity} · ${quota.period}`));
  const badge = element('span', quota.statusLabel, 'badge');
  badge.style.background = quota.color;
  head.append(badge);
  const bar = element('div', undefined, 'bar');
  const scale = Math.max(quota.target, quota.done, 1);
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(quota.target));
  bar.setAttribute('aria-valuenow', String(quota.done));
  bar.setAttribute(
    'aria-label',
    `${quota.activity}: ${quota.shown.done} / ${quota.shown.target} (${quota.statusLabel})`,
  );
  const done = element('div', undefined, 'fill');
  done.style.width = `${Math.min(100, (quota.done / scale) * 100)}%`;
  const marker = element('div', undefined, 'marker');
  marker.style.left = `${Math.min(100, (quota.expected / scale) * 100)}%`;
  marker.title = fill(s.labels.expectedMarker, { expected: quota.shown.expected });
  bar.append(done, marker);
  item.append(head, bar, element('div', quota.summary, 'numbers'), ...burnUpChart(quota, s.labels, number, fill));
  return item;
}
