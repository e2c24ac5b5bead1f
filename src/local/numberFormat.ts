/**
 * How a cell shows a number under a Sheets number format: the subset the
 * add-on and its users' sheets use (`0%`, `0.0%`, `#,##0`, `#,##0.##`, `0.00`,
 * and dates such as `yyyy-mm-dd`). Other formats show the number as it is.
 */
import { MS_PER_DAY, SERIAL_OF_EPOCH } from '../core/day';

const DATE_FORMAT = /[dy]/i;

/** True for a number format that shows a date (`yyyy-mm-dd`, `d mmm`…), not for text or numbers. */
export function isDateFormat(format: string): boolean {
  return format !== '@' && DATE_FORMAT.test(format);
}

/** Digits after the point: `0` places are always shown, `#` places only when needed. */
function decimals(pattern: string): { min: number; max: number } {
  const fraction = pattern.split('.')[1] ?? '';
  return { min: (fraction.match(/0/g) ?? []).length, max: (fraction.match(/[0#]/g) ?? []).length };
}

function fixed(value: number, pattern: string): string {
  const { min, max } = decimals(pattern);
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping: pattern.includes(','),
  });
  // As in Sheets: a pattern with a point keeps it when no digit follows ("#,##0.##" shows 5 as "5.").
  return pattern.includes('.') && !text.includes('.') ? `${text}.` : text;
}

/** A date serial's calendar fields, read as UTC (serials carry no zone). */
function showDate(serial: number, pattern: string): string {
  const date = new Date(Math.round((serial - SERIAL_OF_EPOCH) * MS_PER_DAY));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const minutes = pad(date.getUTCMinutes());
  const tokens: Record<string, string> = {
    yyyy: pad(date.getUTCFullYear(), 4),
    'hh:mm': `${pad(date.getUTCHours())}:${minutes}`,
    'mm:ss': `${minutes}:${pad(date.getUTCSeconds())}`,
    mm: pad(date.getUTCMonth() + 1),
    dd: pad(date.getUTCDate()),
    hh: pad(date.getUTCHours()),
    ss: pad(date.getUTCSeconds()),
  };
  // `mm` is the month unless it follows hours or precedes seconds, as in Sheets.
  return pattern.replace(/yyyy|hh:mm|mm:ss|mm|dd|hh|ss/gi, (token) => tokens[token.toLowerCase()] ?? token);
}

/** The text a cell shows for `value` under `format`. */
export function showNumber(value: number, format: string | undefined): string {
  if (!format || format === 'General' || format === '@') return String(value);
  const sections = splitSections(format);
  if (sections.length > 1) return showNumber(value, pickSection(value, sections));
  const literal = /^"([^"]*)"$/.exec(format);
  if (literal) return literal[1] ?? '';
  if (DATE_FORMAT.test(format)) return showDate(value, format);
  if (format.endsWith('%')) return `${fixed(value * 100, format.slice(0, -1))}%`;
  if (/^[#,0.]+$/.test(format)) return fixed(value, format);
  return String(value);
}

/** A format's sections, split at `;` outside quoted text. */
function splitSections(format: string): string[] {
  const sections = [''];
  let quoted = false;
  for (const char of format) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) sections.push('');
    else sections[sections.length - 1] += char;
  }
  return sections;
}

const CONDITION = /^\[(>=|<=|<>|>|<|=)(-?\d+(?:\.\d+)?)\]/;

/**
 * The section that shows `value`: with conditions (`[>=2]"200%+";0%`), the first
 * whose condition holds, else the one without a condition. An unknown condition
 * is an error rather than a guess.
 */
function pickSection(value: number, sections: readonly string[]): string {
  if (!sections.some((section) => section.startsWith('['))) {
    // positive;negative;zero sections: not used by the add-on, so refused rather than shown wrong.
    throw new Error(`The local runtime does not show number format ${sections.join(';')}`);
  }
  for (const section of sections) {
    if (!section.startsWith('[')) continue;
    const match = CONDITION.exec(section);
    if (!match) throw new Error(`Invalid number format: ${sections.join(';')}`);
    const bound = Number(match[2]);
    const holds = {
      '>=': value >= bound,
      '<=': value <= bound,
      '<>': value !== bound,
      '>': value > bound,
      '<': value < bound,
      '=': value === bound,
    }[match[1] as '>='];
    if (holds) return section.slice(match[0].length);
  }
  return sections.find((section) => !section.startsWith('[')) ?? String(value);
}
