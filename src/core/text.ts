/**
 * The one key names are compared on (SPEC §8): "Calls", " calls ", "CALLS",
 * "Ｃａｌｌｓ" and "Calls" with a zero-width space, bidi mark, soft hyphen,
 * word joiner, BOM or variation selector in it are one name.
 */

/** Unicode's default-ignorable code points: characters that show nothing. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Unicode white space: JavaScript's `\s` (NBSP, ideographic space, line separators…) and NEL. */
const SPACES = /[\s\u0085]+/g;

/**
 * A name's key: invisible characters dropped, then NFKC (full-width and
 * compatibility forms read as the plain ones), white space of any kind trimmed
 * and folded to one space, lower case. `""` for a name that shows nothing.
 */
export function nameKey(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(SPACES, ' ').trim().toLowerCase();
}
