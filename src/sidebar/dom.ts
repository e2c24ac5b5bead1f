/**
 * What the sidebar and the phone page (SPEC §5, §5b) both build their pages
 * with: elements by id, new elements with their text (never HTML), numbers in
 * the spreadsheet's locale, and fresh entry ids. Templates are filled by
 * core/fill.ts.
 */

export function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A fresh entry id: random, never from the clock (128 bits where `randomUUID` is missing). */
export function newId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  if (uuid) return uuid;
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A quantity as the spreadsheet's locale writes it, to the cent (1,5 in Danish). */
export function showNumber(value: number, locale: string | undefined): string {
  try {
    return value.toLocaleString(locale || 'en-US', { maximumFractionDigits: 2 });
  } catch (_) {
    return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}
