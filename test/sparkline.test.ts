/**
 * The emulator's SPARKLINE (src/local/sparkline.ts): a bar chart drawn into its
 * cell, whose value reads as "" through Apps Script; stricter than Sheets about
 * its options and data, never kinder.
 */
import { describe, expect, it } from 'vitest';
import type { AppsScriptRuntime } from '../src/local/runtime';
import type { FakeSheet } from '../src/local/sheet';
import { NOV18, runtime } from './helpers/runtime';

function chartSheet(): { rt: AppsScriptRuntime; chart: FakeSheet } {
  const rt = runtime({ now: NOV18 });
  return { rt, chart: rt.spreadsheet.insertSheet('Chart') };
}

/** What a cell draws, by its A1 address on the Chart sheet. */
function drawing(rt: AppsScriptRuntime, chart: FakeSheet, a1: string) {
  const range = chart.getRange(a1);
  return rt.spreadsheet.book.drawing({ sheet: chart.hfId, row: range.getRow() - 1, col: range.getColumn() - 1 });
}

const BAR = '"charttype","bar"';

describe('SPARKLINE bars in the emulator', () => {
  it('reads as "" through getValues and getDisplayValues, keeps its formula, and draws its segments', () => {
    const { rt, chart } = chartSheet();
    const formula = `=SPARKLINE({3,1},{${BAR};"max",8;"color1","#009e73";"color2","#9aa0a6"})`;
    chart.getRange('A1:B1').setValues([[formula, 'next']]);
    expect(chart.getRange('A1:B1').getValues()).toEqual([['', 'next']]);
    expect(chart.getRange('A1').getDisplayValues()).toEqual([['']]);
    expect(chart.getRange('A1').getFormula()).toBe(formula);
    expect(drawing(rt, chart, 'A1')).toEqual({
      kind: 'bar',
      rtl: false,
      segments: [
        { share: 0.375, color: '#009e73' },
        { share: 0.125, color: '#9aa0a6' },
      ],
    });
    expect(drawing(rt, chart, 'B1')).toBeUndefined();
  });

  it('scales to the sum without max, cuts off at the end of the cell, alternates its two colours, and draws right to left with rtl', () => {
    const { rt, chart } = chartSheet();
    chart.getRange('A1').setFormula(`=SPARKLINE({1,1,2},{${BAR}})`);
    expect(drawing(rt, chart, 'A1')?.segments.map((s) => s.share)).toEqual([0.25, 0.25, 0.5]);
    const colours = drawing(rt, chart, 'A1')?.segments.map((s) => s.color);
    expect(colours?.[0]).toBe(colours?.[2]);
    expect(colours?.[0]).not.toBe(colours?.[1]);
    // TRUE() rather than TRUE: HyperFormula reads a bare TRUE in an inline array as a name (#NAME?), where Sheets takes both.
    chart.getRange('A2').setFormula(`=SPARKLINE({6,6},{${BAR};"max",8;"rtl",TRUE()})`);
    expect(drawing(rt, chart, 'A2')).toMatchObject({ rtl: true, segments: [{ share: 0.75 }, { share: 0.25 }] });
  });

  it('plots a range with its options in a range, and follows when the data changes or rows move', () => {
    const { rt, chart } = chartSheet();
    chart.getRange('A2:C2').setValues([[2, 3, 5]]);
    chart.getRange('E2:F3').setValues([
      ['charttype', 'bar'],
      ['max', 20],
    ]);
    chart.getRange('G2').setFormula('=SPARKLINE(A2:C2, E2:F3)');
    expect(drawing(rt, chart, 'G2')?.segments.map((s) => s.share)).toEqual([0.1, 0.15, 0.25]);
    chart.getRange('C2').setValue(15);
    expect(drawing(rt, chart, 'G2')?.segments.map((s) => s.share)).toEqual([0.1, 0.15, 0.75]);
    chart.insertRowsAfter(1, 1);
    expect(chart.getRange('G3').getFormula()).toBe('=SPARKLINE(A3:C3, E3:F4)');
    expect(drawing(rt, chart, 'G3')?.segments.map((s) => s.share)).toEqual([0.1, 0.15, 0.75]);
    expect(drawing(rt, chart, 'G2')).toBeUndefined();
  });

  it.each([
    ['an option no bar chart has', `{${BAR};"linewidth",2}`],
    ['a misspelt option', `{${BAR};"colour1","#ff0000"}`],
    ['an option name in capitals', `{"CHARTTYPE","bar"}`],
    ['the same option twice', `{${BAR};"max",4;"max",5}`],
    ['a colour by name', `{${BAR};"color1","red"}`],
    ['a max that is text', `{${BAR};"max","40"}`],
    ['a max of 0', `{${BAR};"max",0}`],
    ['rtl as text', `{${BAR};"rtl","true"}`],
    ['an unknown way to treat empty cells', `{${BAR};"empty","skip"}`],
    ['an unknown chart type', `{"charttype","pie"}`],
    ['a line chart (not emulated)', `{"charttype","line"}`],
    ['no chart type (Sheets draws a line)', `{"max",4}`],
    ['options in one column', `{"charttype";"bar"}`],
  ])('gives #ERROR! for %s', (_label, options) => {
    const { rt, chart } = chartSheet();
    chart.getRange('A1').setFormula(`=SPARKLINE({1,2},${options})`);
    expect(chart.getRange('A1').getValues()).toEqual([['#ERROR!']]);
    expect(drawing(rt, chart, 'A1')).toBeUndefined();
  });

  it.each([
    ['text', '{"a",2}'],
    ['a negative number', '{-1,2}'],
    ['two rows and two columns', '{1,2;3,4}'],
    ['TRUE', '{TRUE(),2}'],
  ])('gives #N/A for data with %s', (_label, data) => {
    const { rt, chart } = chartSheet();
    chart.getRange('A1').setFormula(`=SPARKLINE(${data},{${BAR}})`);
    expect(chart.getRange('A1').getValues()).toEqual([['#N/A']]);
    expect(drawing(rt, chart, 'A1')).toBeUndefined();
  });

  it('takes a blank or a text data cell only when "empty" or "nan" says what to do with it', () => {
    const { rt, chart } = chartSheet();
    chart.getRange('A1:C1').setValues([[1, '', 3]]);
    // "3" as text: a plain-text cell keeps it (a General cell would read it as the number 3).
    chart.getRange('B2').setNumberFormat('@');
    chart.getRange('A2:C2').setValues([[1, '3', 'x']]);
    const shares = (a1: string) => drawing(rt, chart, a1)?.segments.map((s) => s.share);
    chart
      .getRange('E1:E6')
      .setFormulas([
        [`=SPARKLINE(A1:C1,{${BAR}})`],
        [`=SPARKLINE(A1:C1,{${BAR};"empty","ignore"})`],
        [`=SPARKLINE(A1:C1,{${BAR};"empty","zero"})`],
        [`=SPARKLINE(A2:B2,{${BAR};"nan","convert"})`],
        [`=SPARKLINE(A2:C2,{${BAR};"nan","convert"})`],
        [`=SPARKLINE(A2:C2,{${BAR};"nan","ignore"})`],
      ]);
    expect(chart.getRange('E1:E6').getValues()).toEqual([['#N/A'], [''], [''], [''], ['#N/A'], ['']]);
    expect(shares('E2')).toEqual([0.25, 0.75]);
    // Zero keeps the blank's place, so the third value takes the first colour again.
    expect(shares('E3')).toEqual([0.25, 0, 0.75]);
    expect(drawing(rt, chart, 'E3')?.segments[2]?.color).toBe(drawing(rt, chart, 'E3')?.segments[0]?.color);
    expect(shares('E4')).toEqual([0.25, 0.75]);
    expect(shares('E6')).toEqual([1]);
  });

  it("takes arguments as Apps Script writes them whatever the locale: a locale's own separators do not parse", () => {
    const { rt, chart } = chartSheet();
    chart.getRange('A1:A2').setFormulas([[`=SPARKLINE({1,2};{${BAR}})`], [`=SPARKLINE({1\\2},{"charttype"\\"bar"})`]]);
    expect(chart.getRange('A1:A2').getValues()).toEqual([['#ERROR!'], ['#ERROR!']]);
    expect(drawing(rt, chart, 'A1')).toBeUndefined();
  });
});
