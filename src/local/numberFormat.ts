/**
 * How a cell shows a number under a Sheets number format: the subset the
 * add-on and its users' sheets use (`0%`, `0.0%`, `#,##0`, `#,##0.##`, `0.00`,
 * and dates such as `yyyy-mm-dd`). Other formats show the number as it is.
 */

/** Digits after the point: `0` places are always shown, `#` places only when needed. */
function decimals(pattern: string): { min: number; max: number } {
  const fraction = pattern.split('.')[1] ?? '';
  return { min: (fraction.match(/0/g) ?? []).length, max: (fraction.match(/[0#]/g) ?? []).length };
}

function fixed(value: number, pattern: string): string {
  const { min, max } = decimals(pattern);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping: pattern.includes(','),
  });
}

/** A date serial's calendar fields, read as UTC (serials carry no zone). */
function showDate(serial: number, pattern: string): string {
  const date = new Date(Math.round((serial - 25_569) * 86_400_000));
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
  if (/[dy]/i.test(format)) return showDate(value, format);
  if (format.endsWith('%')) return `${fixed(value * 100, format.slice(0, -1))}%`;
  if (/^[#,0.]+$/.test(format)) return fixed(value, format);
  return String(value);
}
