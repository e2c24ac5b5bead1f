/**
 * Names as a user may paste them: with characters that show nothing (Unicode's
 * default-ignorable code points), full-width letters, and unusual spaces.
 */

/** One or more characters of each kind that shows nothing. */
export const INVISIBLE: Readonly<Record<string, string>> = {
  'a zero-width space': '\u200b',
  'zero-width joiners': '\u200c\u200d',
  'a left-to-right mark': '\u200e',
  'a right-to-left mark': '\u200f',
  'bidi embeddings and overrides': '\u202a\u202b\u202c\u202d\u202e',
  'bidi isolates': '\u2066\u2067\u2068\u2069',
  'a soft hyphen': '\u00ad',
  'a word joiner': '\u2060',
  'a byte-order mark': '\ufeff',
  'a variation selector': '\ufe0f',
  'a supplementary variation selector': '\u{e0100}',
  'a combining grapheme joiner': '\u034f',
  'Hangul fillers': '\u115f\u1160\u3164\uffa0',
  'a Mongolian vowel separator': '\u180e',
};

/** Every kind at once. */
export const ALL_INVISIBLE = Object.values(INVISIBLE).join('');

/** `text` with `chars` before, inside (after its first character) and after it. */
export function sprinkle(text: string, chars: string): string {
  const [first = '', ...rest] = [...text];
  return `${chars}${first}${chars}${rest.join('')}${chars}`;
}

/** Full-width forms of ASCII letters and digits ("Ｃａｌｌｓ"), the way some keyboards type them. */
export function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A name written every way that must still mean it: each kind of invisible character, all of them, full width, odd spaces. */
export function variants(name: string): { kind: string; text: string }[] {
  return [
    ...Object.entries(INVISIBLE).map(([kind, chars]) => ({ kind, text: sprinkle(name, chars) })),
    { kind: 'every invisible kind at once', text: sprinkle(name, ALL_INVISIBLE) },
    { kind: 'full-width letters', text: fullWidth(name) },
    { kind: 'no-break and ideographic spaces, upper case', text: `\u00a0${name.toUpperCase()}\u3000\u0085` },
    {
      kind: 'mixed: invisible, full width and spaces',
      text: `\u202a${fullWidth(sprinkle(name, '\u200b\u00ad'))}\u00a0\u202c`,
    },
  ];
}
