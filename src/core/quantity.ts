/**
 * A quantity as a person types it in their own language (SPEC §5, §7), read the
 * same way by the sidebar's form and by the server. The decimal mark is the
 * locale's, as CLDR (`Intl.NumberFormat`) has it: a comma in Danish, Polish and
 * Russian; a point in English, Malay and Korean (Malaysia writes 1.5 and 1,500).
 * Digits may be grouped by threes with the other mark or a space: "1.000" and
 * "1 000" are a thousand in Danish, "1,000" in English.
 */
import type { Lang } from './i18n';

export function decimalMark(lang: Lang): '.' | ',' {
  return lang === 'da' || lang === 'pl' || lang === 'ru' ? ',' : '.';
}

/** A quantity in `lang`'s way of writing it: 1,5 in Danish. */
export function showQuantity(value: number, lang: Lang): string {
  return String(value).replace('.', decimalMark(lang));
}

/**
 * The number `text` means in `lang`; NaN when it is no number; `mark` when it
 * has the other decimal mark where that mark cannot be grouping (English "1,5",
 * Danish "1.5"): refused rather than guessed, with a message that shows how.
 */
export function readQuantity(text: string, lang: Lang): number | 'mark' {
  const [mark, other] = decimalMark(lang) === ',' ? [',', '\\.'] : ['\\.', ','];
  const match = new RegExp(`^([-+]?)(\\d{1,3}(?:[\\s${other}]\\d{3})+|\\d*)(?:${mark}(\\d*))?(e[-+]?\\d+)?$`, 'i').exec(
    text.trim(),
  );
  if (match && /\d/.test(`${match[2]}${match[3]}`)) {
    return Number(`${match[1]}${match[2]?.replace(/\D/g, '') || 0}.${match[3] || 0}${match[4] ?? ''}`);
  }
  return new RegExp(`^[-+]?\\d*${other}\\d+$`).test(text.trim()) ? 'mark' : Number.NaN;
}
