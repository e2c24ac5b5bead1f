/**
 * A time zone's offset from UTC at an instant, from `Intl.DateTimeFormat`'s
 * `formatToParts` (ES2017) alone.
 *
 * Not from `timeZoneName: "longOffset"`: whether Apps Script's V8 accepts that
 * option is undocumented, and where it does not, every formula would fail
 * (SPEC §10). The wall-clock fields of the instant in the zone, read back as if
 * they were UTC, differ from the instant by exactly the offset.
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;

/** One formatter per zone: building one costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

/** True when `zone` is a time zone this runtime knows (IANA names, as Sheets uses). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    formatIn(zone);
    return true;
  } catch (_) {
    return false;
  }
}

/**
 * Minutes to add to UTC to get the wall clock of `zone` at the instant `ms`
 * (e.g. 540 in Asia/Seoul, -480 in Los Angeles in winter; a fraction for the
 * local mean times of the 19th century). NaN for a zone the runtime does not know.
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  let format: Intl.DateTimeFormat;
  try {
    format = formatIn(zone);
  } catch (_) {
    return Number.NaN;
  }
  const field = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  let beforeChrist = false;
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'era') beforeChrist = /^B/i.test(part.value);
    else if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
  }
  const year = beforeChrist ? 1 - field.year : field.year;
  // Some engines write midnight as hour 24 even with h23.
  const wall = new Date(Date.UTC(year, field.month - 1, field.day, field.hour % 24, field.minute, field.second));
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year >= 0 && year < 100) wall.setUTCFullYear(year);
  const whole = ms - (((ms % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND);
  return (wall.getTime() - whole) / MS_PER_MINUTE;
}
