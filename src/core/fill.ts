/**
 * Fills a template's `{name}` placeholders; a name not given stays as written.
 * On its own, with no import, so the pages can use it without bundling the
 * word tables of every language (src/core/i18n/index.ts re-exports it).
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
