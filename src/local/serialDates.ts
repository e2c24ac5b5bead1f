/**
 * Serial dates (Sheets' day numbers, serial 0 = 1899-12-30) and instants, read in
 * the spreadsheet's time zone: what a date cell holds and the `Date` a script gets.
 */
import { TZDate } from '@date-fns/tz';
import { MS_PER_DAY, SERIAL_OF_EPOCH } from '../core/day';

/** What the conversion needs of the runtime: the spreadsheet's zone, and the `Date` of the bundle's realm. */
export interface DateRealm {
  readonly spreadsheet: { readonly timeZone: string };
  date(ms: number): Date;
}

export class SerialDates {
  /** Midnights of serial days in {@link midnightZone}: a range passes the same few days on every row. */
  private readonly midnights = new Map<number, number>();
  private midnightZone = '';

  constructor(private readonly realm: DateRealm) {}

  /** A serial date, read as a day (and time) in the spreadsheet's zone, as an instant of the runtime's realm. */
  toDate(serial: number): Date {
    const zone = this.realm.spreadsheet.timeZone;
    if (zone !== this.midnightZone) {
      this.midnights.clear();
      this.midnightZone = zone;
    }
    const day = Math.floor(serial);
    let midnight = this.midnights.get(day);
    if (midnight === undefined) {
      const utc = new Date((day - SERIAL_OF_EPOCH) * MS_PER_DAY);
      midnight = new TZDate(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), zone).getTime();
      this.midnights.set(day, midnight);
    }
    return this.realm.date(midnight + Math.round((serial - day) * MS_PER_DAY));
  }

  /** An instant as a serial date-time in the spreadsheet's zone, as Sheets stores a returned `Date`. */
  toSerial(date: Date): number {
    const local = new TZDate(date.getTime(), this.realm.spreadsheet.timeZone);
    const fields = Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
    );
    return fields / MS_PER_DAY + SERIAL_OF_EPOCH;
  }
}
