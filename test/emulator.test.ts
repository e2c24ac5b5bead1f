/**
 * The local runtime's own promises, beyond what the add-on's tests exercise:
 * what cells show under number formats, and what custom functions receive.
 */
import { describe, expect, it } from 'vitest';
import { showNumber } from '../src/local/numberFormat';
import { NOV18, runtime } from './helpers/runtime';
import { cellDate } from './helpers/workbook';

describe('number formats in the emulator', () => {
  it.each([
    [0.41666, '0%', '42%'],
    [1.1, '0.0%', '110.0%'],
    [31091, '#,##0', '31,091'],
    [34545.5428, '#,##0.#', '34,545.5'],
    [12, '#,##0.##', '12.'],
    [12.5, '#,##0.##', '12.5'],
    [12, '#,##0', '12'],
    [25.3, '[>=2]"200%+";0%', '200%+'],
    [0.99, '[>=2]"200%+";0%', '99%'],
    [2.5, '0.00', '2.50'],
    [46349, 'yyyy-mm-dd', '2026-11-23'],
    [46349, 'dd-mm-yyyy', '23-11-2026'],
    [46349.75, 'yyyy-mm-dd hh:mm:ss', '2026-11-23 18:00:00'],
    [7, 'General', '7'],
    [7, '@', '7'],
  ])('shows %s under %s as %s', (value, format, shown) => {
    expect(showNumber(value, format)).toBe(shown);
  });

  it('refuses a format it cannot show rather than show it wrong', () => {
    expect(() => showNumber(-3, '0;(0)')).toThrow(/does not show number format 0;\(0\)/);
    expect(() => showNumber(3, '[>>2]"x";0')).toThrow(/Invalid number format/);
  });

  it('shows what the cells show through getDisplayValues', () => {
    const rt = runtime({ now: NOV18 });
    const sheet = rt.spreadsheet.insertSheet('Report');
    sheet.getRange('A1:C1').setValues([[cellDate(rt, '2026-11-23'), 0.5, 1234.5]]);
    sheet.getRange('B1:C1').setNumberFormats([['0%', '#,##0.0']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['2026-11-23', '50%', '1,234.5']]);
  });
});

describe('custom functions in the emulator', () => {
  it('receive a date-formatted cell of a range as a Date, whoever wrote it', () => {
    const rt = runtime({ now: NOV18 });
    const log = rt.spreadsheet.insertSheet('Log');
    // A script writes Dates (stored as serials with a date format), as the sidebar does.
    log.getRange('A1:D3').setValues([
      ['Date', 'Rep', 'Activity', 'Quantity'],
      [cellDate(rt, '2026-11-02'), 'Raj', 'Calls', 30],
      [cellDate(rt, '2026-12-01'), 'Raj', 'Calls', 5],
    ]);
    const report = rt.spreadsheet.insertSheet('Report');
    report.getRange('A1').setFormula('=ACTIVITY_TOTAL(Log!A1:D3, "Raj", "Calls", DATE(2026,11,1), DATE(2026,11,30))');
    expect(report.getRange('A1').getValue()).toBe(30);
  });
});
