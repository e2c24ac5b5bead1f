/**
 * The local Apps Script runtime: loads the real dist/Code.js into a `node:vm`
 * context whose globals are in-memory emulations of the services the add-on
 * uses, each call counted. Tests, benchmarks and the local playground use it.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { FakeCacheService } from './cache';
import { type Clock, fixedClock } from './clock';
import { CallCounter, counted, SERVICE_NAME, unwrap } from './counter';
import { FormulaWorkbook } from './formulas';
import { FakeHtmlService } from './html';
import { restrictIntl } from './intl';
import { FakeLockService } from './lock';
import { DIST } from './paths';
import { type AuthMode, checkCall } from './policy';
import { FakePropertiesService } from './properties';
import { FakeSpreadsheet, type SpreadsheetOptions } from './spreadsheet';
import { FakeScriptApp, type FakeTrigger } from './triggers';
import { FakeUi } from './ui';
import { FakeDataValidationBuilder } from './validation';

export const DEFAULT_BUNDLE = join(DIST, 'Code.js');

export interface RuntimeOptions extends SpreadsheetOptions {
  /** The signed-in user's email. */
  user?: string;
  /** The script's own time zone (appsscript.json), which the add-on must never use for dates. */
  scriptTimeZone?: string;
  /** The user's locale (Session.getActiveUserLocale), e.g. `ko`. */
  userLocale?: string;
  /**
   * The runtime's clock (required: no runtime reads the machine's time unless
   * given `systemClock`): an instant in ms, which stands still, or a {@link Clock}.
   */
  now: number | Clock;
  /** The bundle to load; default dist/Code.js. */
  bundle?: string;
  /** The manifest whose `oauthScopes` the runtime enforces; default appsscript.json beside the bundle. */
  manifest?: string;
  /**
   * The project's other script files, by name, in place of (or beside) the `.js`
   * files next to the bundle: Apps Script runs all of a project's files in one
   * global scope (e.g. dist/phone/Config.js, the phone page's spreadsheet id).
   */
  files?: Record<string, string>;
  /**
   * A spreadsheet another runtime already holds: this runtime is a second script
   * (another Apps Script project) working on the same file, with its own
   * services, properties and locks. Formulas in its cells stay the other's.
   */
  spreadsheet?: FakeSpreadsheet;
  /** Run as a web app (`doGet`): no active spreadsheet, no document lock or properties; files are opened by id. */
  webApp?: boolean;
}

/** The OAuth scopes a manifest lists; a manifest without the list gets none (we always list them). */
function manifestScopes(path: string): ReadonlySet<string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes?: unknown };
  if (!Array.isArray(manifest.oauthScopes))
    throw new Error(`${path} lists no oauthScopes: the add-on must name its scopes`);
  return new Set(manifest.oauthScopes.map(String));
}

/** The project's script files besides the bundle: the other `.js` files beside it, then `files`, in name order. */
function projectFiles(bundle: string, files: Record<string, string> = {}): Record<string, string> {
  const found: Record<string, string> = {};
  const dir = dirname(bundle);
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.js') && name !== basename(bundle)) found[name] = readFileSync(join(dir, name), 'utf8');
  }
  Object.assign(found, files);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** Names of the top-level functions that a JSDoc block marks `@customfunction`. */
export function customFunctionsOf(code: string): ReadonlySet<string> {
  const names = new Set<string>();
  for (const match of code.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)/g)) {
    if (/@customfunction\b/.test(match[1] ?? '')) names.add(match[2] as string);
  }
  return names;
}

/** The auth mode Apps Script gives a call of `name` (SPEC §9). */
function modeOf(name: string, event: unknown, customFunctions: ReadonlySet<string>): AuthMode {
  if (customFunctions.has(name)) return 'CUSTOM_FUNCTION';
  if (SIMPLE_TRIGGERS.has(name)) {
    const mode = (event as { authMode?: unknown } | undefined)?.authMode;
    return mode === 'NONE' || mode === 'FULL' ? mode : 'LIMITED';
  }
  return 'FULL';
}

const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);

/** Java SimpleDateFormat patterns (what Utilities.formatDate takes) → date-fns patterns. */
function dateFnsPattern(pattern: string): string {
  return pattern.replace(/u/g, 'i').replace(/Z/g, 'xx');
}

/** What a simple trigger receives (the parts the add-on reads). */
export interface TriggerEvent {
  authMode: string;
  source?: unknown;
  range?: unknown;
  value?: unknown;
  oldValue?: unknown;
  user?: unknown;
  triggerUid?: string;
}

export class AppsScriptRuntime {
  readonly calls = new CallCounter();
  readonly spreadsheet: FakeSpreadsheet;
  readonly context: vm.Context;
  /** The vm realm's `Date`: dates handed to the bundle must be made with it. */
  readonly Date: DateConstructor;
  readonly ui = new FakeUi();
  readonly properties: FakePropertiesService;
  readonly locks: FakeLockService;
  readonly scriptApp: FakeScriptApp;
  readonly cache: FakeCacheService;
  user: string;
  scriptTimeZone: string;
  userLocale: string;
  /** What `Date.now()` and `new Date()` read inside the runtime. */
  clock: Clock;
  /** False outside a document (a web app, a trigger of another file): `getActive()` is then null. */
  hasActiveSpreadsheet = true;
  /** The scopes the manifest grants; a call that needs another throws (SPEC §10). */
  readonly scopes: ReadonlySet<string>;
  /** Top-level functions whose JSDoc says `@customfunction`: they run read-only. */
  readonly customFunctions: ReadonlySet<string>;
  /** How the running execution was started; what it may call depends on it. */
  authMode: AuthMode = 'FULL';
  /** The top-level function the running execution started with (what lock holds are recorded under). */
  action: string | undefined;

  constructor(options: RuntimeOptions) {
    this.spreadsheet = options.spreadsheet ?? new FakeSpreadsheet(options);
    if (options.webApp) this.hasActiveSpreadsheet = false;
    this.user = options.user ?? 'rep@example.com';
    this.scriptTimeZone = options.scriptTimeZone ?? 'Etc/UTC';
    this.userLocale = options.userLocale ?? this.spreadsheet.locale;
    this.clock = typeof options.now === 'number' ? fixedClock(options.now) : options.now;
    const currentUser = () => this.user;
    this.properties = new FakePropertiesService(currentUser, () => this.hasActiveSpreadsheet);
    this.locks = new FakeLockService(
      currentUser,
      () => this.hasActiveSpreadsheet,
      () => this.action ?? '?',
    );
    this.scriptApp = new FakeScriptApp(
      (name) => this.has(name),
      currentUser,
      () => (this.hasActiveSpreadsheet ? this.spreadsheet.id : undefined),
    );
    this.cache = new FakeCacheService(
      () => this.currentTime(),
      currentUser,
      () => this.hasActiveSpreadsheet,
    );
    this.context = vm.createContext({ console });
    this.installClock();
    restrictIntl(this.context);
    this.Date = vm.runInContext('Date', this.context) as DateConstructor;
    const bundle = options.bundle ?? DEFAULT_BUNDLE;
    this.installServices(dirname(bundle));
    const code = readFileSync(bundle, 'utf8');
    this.scopes = manifestScopes(options.manifest ?? join(dirname(bundle), 'appsscript.json'));
    this.customFunctions = customFunctionsOf(code);
    this.calls.guard = (name) => checkCall(name, this.authMode, this.scopes);
    // Top-level code runs with no authorisation (SPEC §9): it may call no service.
    this.authMode = 'LOAD';
    vm.runInContext(code, this.context, { filename: 'Code.js' });
    for (const [name, text] of Object.entries(projectFiles(bundle, options.files))) {
      vm.runInContext(text, this.context, { filename: name });
    }
    this.authMode = 'FULL';
    if (!options.spreadsheet) this.spreadsheet.attach(new FormulaWorkbook(this, {}));
  }

  /** The runtime's current instant, from its {@link clock}. */
  currentTime(): number {
    return this.clock.now();
  }

  /** Stops the runtime's clock at `ms` (a test moving time on). */
  set now(ms: number) {
    this.clock = fixedClock(ms);
  }

  /** The runtime's `Date.now()` and `new Date()` follow its {@link clock}. */
  private installClock(): void {
    this.context.__aqNow = () => this.currentTime();
    vm.runInContext(
      `(() => {
        const RealDate = Date;
        const now = __aqNow;
        class ClockDate extends RealDate {
          constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
          static now() { return now(); }
        }
        globalThis.Date = ClockDate;
      })();
      delete globalThis.__aqNow;`,
      this.context,
    );
  }

  private installServices(dir: string): void {
    const spreadsheetApp = {
      [SERVICE_NAME]: 'SpreadsheetApp',
      getActive: () => (this.hasActiveSpreadsheet ? this.spreadsheet : null),
      getActiveSpreadsheet: () => (this.hasActiveSpreadsheet ? this.spreadsheet : null),
      openById: (id: string) => {
        if (id !== this.spreadsheet.id)
          throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
        if (!this.spreadsheet.canOpen(this.user))
          throw new Error('You do not have permission to access the requested document.');
        return this.spreadsheet;
      },
      getUi: () => this.ui,
      newDataValidation: () => new FakeDataValidationBuilder(),
      flush: () => undefined,
    };
    const user = {
      [SERVICE_NAME]: 'User',
      getEmail: () => this.user,
    };
    const session = {
      [SERVICE_NAME]: 'Session',
      getScriptTimeZone: () => this.scriptTimeZone,
      getActiveUserLocale: () => this.userLocale,
      getActiveUser: () => user,
      getEffectiveUser: () => user,
      getTemporaryActiveUserKey: () => `key-${this.user}`,
    };
    const utilities = {
      [SERVICE_NAME]: 'Utilities',
      formatDate: (date: Date, zone: string, pattern: string) =>
        format(date.getTime(), dateFnsPattern(pattern), { in: tz(zone) }),
      getUuid: () => randomUUID(),
      sleep: (_ms: number) => undefined,
    };
    // A project's HTML files are the ones pushed beside its Code.js.
    const html = new FakeHtmlService((name) => readFileSync(join(dir, `${name}.html`), 'utf8'));
    Object.assign(this.context, {
      SpreadsheetApp: counted(spreadsheetApp, 'SpreadsheetApp', this.calls),
      Session: counted(session, 'Session', this.calls),
      Utilities: counted(utilities, 'Utilities', this.calls),
      HtmlService: counted(html, 'HtmlService', this.calls),
      PropertiesService: counted(this.properties, 'PropertiesService', this.calls),
      LockService: counted(this.locks, 'LockService', this.calls),
      ScriptApp: counted(this.scriptApp, 'ScriptApp', this.calls),
      CacheService: counted(this.cache, 'CacheService', this.calls),
    });
  }

  /** Wraps an emulator object as the bundle sees it: every call counted. */
  counted<T extends object>(object: T & { [SERVICE_NAME]: string }): T {
    return counted(object, object[SERVICE_NAME], this.calls);
  }

  /**
   * Calls a top-level function of the bundle, as Apps Script would, in the auth
   * mode it would get: a custom function read-only, a simple trigger in its
   * event's mode, anything else (menu, sidebar, installable trigger) FULL.
   */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.context[name];
    if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
    const outermost = this.action === undefined;
    if (outermost) this.action = name;
    try {
      return this.inMode(modeOf(name, args[0], this.customFunctions), () => fn(...args));
    } finally {
      if (outermost) {
        // The execution ends: Apps Script releases the locks it still holds.
        this.locks.endExecution();
        this.action = undefined;
      }
    }
  }

  /** Runs `fn` as an execution in `mode`. */
  inMode<T>(mode: AuthMode, fn: () => T): T {
    const previous = this.authMode;
    this.authMode = mode;
    try {
      return fn();
    } finally {
      this.authMode = previous;
    }
  }

  /** True when the bundle declares `name` as a top-level function. */
  has(name: string): boolean {
    return typeof this.context[name] === 'function';
  }

  /** A Date of the runtime's realm. */
  date(ms: number): Date {
    return new this.Date(ms);
  }

  /** Runs `fn` as another signed-in user. */
  as<T>(user: string, fn: () => T): T {
    const previous = this.user;
    this.user = user;
    try {
      return fn();
    } finally {
      this.user = previous;
    }
  }

  /** Opens the spreadsheet: the simple `onOpen` trigger, if the bundle has one. */
  open(authMode = 'LIMITED'): void {
    if (this.has('onOpen')) this.call('onOpen', { authMode, source: this.counted(this.spreadsheet) });
  }

  /**
   * A user types into cells: the values are written as typed input, then the
   * simple `onEdit` trigger runs with the edited range (scripts' own writes do not
   * fire it, as in Sheets).
   */
  edit(sheetName: string, a1: string, values: unknown[][]): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    const range = sheet.getRange(a1);
    const oldValue = range.getValue();
    range.setValues(values);
    if (!this.has('onEdit')) return;
    const single = values.length === 1 && values[0]?.length === 1;
    const event: TriggerEvent = {
      authMode: 'LIMITED',
      source: this.counted(this.spreadsheet),
      range: this.counted(range),
      user: { getEmail: () => this.user },
    };
    if (single) {
      event.value = values[0]?.[0];
      event.oldValue = oldValue;
    }
    this.call('onEdit', event);
  }

  /**
   * Runs an installable trigger as Apps Script would: as the user who made it,
   * FULL mode, with its own document active (SPEC §9: a bound script's
   * time-driven trigger has `getActive()`); a deleted trigger never fires.
   */
  fire(trigger: FakeTrigger): void {
    if (!this.scriptApp.triggers.includes(unwrap(trigger))) throw new Error(`trigger ${trigger.id} was deleted`);
    const previous = this.hasActiveSpreadsheet;
    this.hasActiveSpreadsheet = trigger.document === this.spreadsheet.id;
    try {
      this.as(trigger.owner, () => this.call(trigger.handler, { authMode: 'FULL', triggerUid: trigger.id }));
    } finally {
      this.hasActiveSpreadsheet = previous;
    }
  }
}
