/** Per-cell attributes, stored row by row so that deleting rows can splice them. */
export class CellAttributes<T> {
  private rows: (Map<number, T> | undefined)[] = [];
  get(row: number, col: number): T | undefined {
    return this.rows[row]?.get(col);
  }
  set(row: number, col: number, value: T | undefined): void {
    let line = this.rows[row];
    if (value === undefined) {
      line?.delete(col);
      return;
    }
    if (!line) {
      line = new Map();
      this.rows[row] = line;
    }
    line.set(col, value);
  }
  deleteRows(row: number, count: number): void {
    this.rows.splice(row, count);
  }
  /** Every cell that has a value: 0-based row and column. */
  *entries(): Generator<[number, number, T]> {
    for (const [row, line] of this.rows.entries()) {
      if (line) for (const [col, value] of line) yield [row, col, value];
    }
  }
  insertRows(row: number, count: number): void {
    this.rows.splice(row, 0, ...new Array<undefined>(count));
  }
}
