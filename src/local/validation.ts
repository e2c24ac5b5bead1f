/** Data validation: SpreadsheetApp's rules, and the builder `newDataValidation()` hands out. */
import { SERVICE_NAME } from './counter';

/** A range whose values a rule lists (a FakeRange, range.ts). */
export interface ListedRange {
  getSheet(): { getName(): string };
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
}

/** A data validation rule, as the builder of SpreadsheetApp makes it. */
export class FakeDataValidation {
  readonly [SERVICE_NAME] = 'DataValidation';
  constructor(
    readonly criteria: string,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.args];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const builder = new FakeDataValidationBuilder();
    builder.criteria = this.criteria;
    builder.args = [...this.args];
    builder.allowInvalid = this.allowInvalid;
    builder.helpText = this.helpText;
    return builder;
  }
}

export class FakeDataValidationBuilder {
  readonly [SERVICE_NAME] = 'DataValidationBuilder';
  criteria = 'ANY';
  args: unknown[] = [];
  allowInvalid = true;
  helpText = '';
  private set(criteria: string, args: unknown[]): this {
    this.criteria = criteria;
    this.args = args;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.set('VALUE_IN_LIST', [values, showDropdown]);
  }
  requireValueInRange(range: ListedRange, showDropdown = true): this {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  /** A tick box: the cell holds TRUE (ticked) or FALSE. */
  requireCheckbox(): this {
    return this.set('CHECKBOX', []);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberBetween(low: number, high: number): this {
    return this.set('NUMBER_BETWEEN', [low, high]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}
