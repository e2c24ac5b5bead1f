/**
 * Counts Apps Script service calls, by `Service.method` (e.g. `Range.getValues`),
 * and the spreadsheet cells they move. In Sheets each call is a round trip and
 * each cell read or written is data carried and stored; tests and benchmarks
 * read both.
 */
/** A counted service call, as a {@link CallCounter.hook} sees it. */
export interface ServiceCall {
  /** `Service.method`, e.g. `Range.setValues`. */
  name: string;
  /** The emulator object whose method is called (a FakeRange, a FakeSheet…). */
  target: object;
  args: readonly unknown[];
}

/** Cells one call reads and writes, as a service object's {@link CELLS} method measures them. */
export interface CellCount {
  read: number;
  written: number;
}

/**
 * A service object's own measure of the cells a call of `method` with `args`
 * will move, taken just before the call (a deleted row's neighbours are counted
 * while they are still there); undefined or absent: none. The emulator's
 * Range and Sheet define it (src/local/cells.ts says what each counts).
 */
export const CELLS = Symbol('AppsScriptCells');

export interface CellMeasured {
  [CELLS](method: string, args: readonly unknown[]): CellCount | undefined;
}

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private cellsRead = 0;
  private cellsWritten = 0;
  /**
   * Runs before each counted call, after it is counted. A test can throw from it
   * to make that service call fail as Apps Script's sometimes do (fault injection);
   * the call then has no effect.
   */
  hook: ((call: ServiceCall) => void) | undefined;
  /**
   * Runs before each call is counted: the runtime's platform rules (scopes and
   * auth modes, src/local/policy.ts). Throwing refuses the call.
   */
  guard: ((name: string) => void) | undefined;

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Adds the cells of one call that completed. */
  addCells(cells: CellCount): void {
    this.cellsRead += cells.read;
    this.cellsWritten += cells.written;
  }

  /** Cells read and written by the counted calls since the last {@link reset}. */
  cells(): CellCount {
    return { read: this.cellsRead, written: this.cellsWritten };
  }

  /** Calls of one `Service.method`, or all calls when no name is given. */
  count(name?: string): number {
    if (name !== undefined) return this.counts.get(name) ?? 0;
    let total = 0;
    for (const value of this.counts.values()) total += value;
    return total;
  }

  /** Calls whose name starts with `prefix` (e.g. `Range.set` for every write). */
  countPrefix(prefix: string): number {
    let total = 0;
    for (const [name, value] of this.counts) if (name.startsWith(prefix)) total += value;
    return total;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Forgets every call and cell counted so far. */
  reset(): void {
    this.counts.clear();
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }
}

/** Marks the emulator's classes whose methods are service calls. */
export const SERVICE_NAME = Symbol('AppsScriptServiceName');
/** Read through a counting proxy, gives the object behind it. */
const RAW = Symbol('AppsScriptRawObject');

/** The emulator object behind a counting proxy (or the value itself): for the emulator's own use, uncounted. */
export function unwrap<T>(value: T): T {
  return (value as { [RAW]?: T } | null | undefined)?.[RAW] ?? value;
}

export interface ServiceObject {
  readonly [SERVICE_NAME]: string;
}

function isServiceObject(value: unknown): value is ServiceObject & object {
  return typeof value === 'object' && value !== null && SERVICE_NAME in value;
}

function cellsOf(object: object, method: string, args: readonly unknown[]): CellCount | undefined {
  return CELLS in object ? (object as CellMeasured)[CELLS](method, args) : undefined;
}

/**
 * Wraps a service object so that each method call is counted, and so are calls
 * on the service objects it returns (a Sheet from a Spreadsheet, a Range from a
 * Sheet…). Arrays of service objects are wrapped element by element. A call
 * that completes adds the cells it moved; one that throws (refused, a fault
 * injected by the hook, a bad shape) moved none.
 */
export function counted<T extends object>(target: T, name: string, counter: CallCounter): T {
  const proxies = new WeakMap<object, unknown>();
  const wrap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.some(isServiceObject) ? value.map(wrap) : value;
    if (!isServiceObject(value)) return value;
    let proxy = proxies.get(value);
    if (!proxy) {
      proxy = proxyOf(value, value[SERVICE_NAME]);
      proxies.set(value, proxy);
    }
    return proxy;
  };
  const proxyOf = (object: object, service: string): unknown =>
    new Proxy(object, {
      get(obj, property, receiver) {
        if (property === RAW) return obj;
        const value = Reflect.get(obj, property, receiver);
        if (typeof value !== 'function' || typeof property === 'symbol') return value;
        return (...args: unknown[]) => {
          const name = `${service}.${property}`;
          counter.guard?.(name);
          counter.add(name);
          counter.hook?.({ name, target: obj, args });
          const cells = cellsOf(obj, property, args);
          const result = value.apply(obj, args);
          if (cells) counter.addCells(cells);
          return wrap(result);
        };
      },
    });
  return proxyOf(target, name) as T;
}
