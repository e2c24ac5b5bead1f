/**
 * The Apps Script services besides SpreadsheetApp, in memory: Ui (menus,
 * alerts, sidebars), HtmlService, PropertiesService, LockService, ScriptApp
 * (installable triggers) and CacheService. Each records what the add-on did,
 * so tests can look.
 */
import { performance } from 'node:perf_hooks';
import { SERVICE_NAME } from './counter';

// ---- Ui -------------------------------------------------------------------

export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export interface MenuItem {
  caption: string;
  /** The top-level function the item runs; undefined for a separator. */
  functionName?: string;
  submenu?: FakeMenu;
}

export class FakeMenu {
  readonly [SERVICE_NAME] = 'Menu';
  readonly items: MenuItem[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ caption: '---' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.items.push({ caption: menu.caption, submenu: menu });
    return this;
  }
  addToUi(): void {
    const existing = this.ui.menus.findIndex((menu) => menu.caption === this.caption);
    if (existing >= 0) this.ui.menus.splice(existing, 1, this);
    else this.ui.menus.push(this);
  }
}

export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}

export class FakeHtmlOutput {
  readonly [SERVICE_NAME] = 'HtmlOutput';
  title = '';
  width = 300;
  height = 0;
  constructor(public content: string) {}
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getContent(): string {
    return this.content;
  }
  append(html: string): this {
    this.content += html;
    return this;
  }
  setSandboxMode(_mode: unknown): this {
    return this;
  }
  /** Meta tags given to `addMetaTag`: in a web app, the only ones the page gets. */
  readonly metaTags: { name: string; content: string }[] = [];
  /** Apps Script allows only these names (HtmlOutput.addMetaTag); the emulator refuses others. */
  addMetaTag(name: string, content: string): this {
    if (!['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable'].includes(name)) {
      throw new Error(
        `addMetaTag: the meta tag "${name}" is not allowed (only viewport, apple-mobile-web-app-capable, mobile-web-app-capable)`,
      );
    }
    this.metaTags.push({ name, content });
    return this;
  }
}

/** What `Ui.prompt` returns: the text typed and the button pressed. */
export class FakePromptResponse {
  readonly [SERVICE_NAME] = 'PromptResponse';
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

/** A test's answer to the next prompt: the text typed, and the button (OK when left out). */
export interface PromptAnswer {
  text: string;
  button?: string;
}

export class FakeUi {
  readonly [SERVICE_NAME] = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  readonly menus: FakeMenu[] = [];
  readonly alerts: Alert[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: FakeHtmlOutput[] = [];
  /** What the next alerts answer (a queue; OK/YES when empty). */
  readonly answers: string[] = [];
  /** Prompts shown, as alerts are. */
  readonly prompts: Alert[] = [];
  /** What the next prompts answer (a queue; when empty, nothing typed and OK). */
  readonly promptAnswers: PromptAnswer[] = [];

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, 'Extensions › Activity Quota');
  }
  alert(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): string {
    const hasTitle = buttons !== undefined || (promptOrButtons !== undefined && !(promptOrButtons in BUTTON_SET));
    const alert: Alert = hasTitle
      ? { title: titleOrPrompt, prompt: String(promptOrButtons ?? ''), buttons: buttons ?? 'OK' }
      : { title: '', prompt: titleOrPrompt, buttons: promptOrButtons ?? 'OK' };
    this.alerts.push(alert);
    const answer = this.answers.shift();
    if (answer) return answer;
    return alert.buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK;
  }
  /**
   * `prompt(prompt)`, `prompt(prompt, buttons)` or `prompt(title, prompt, buttons)`,
   * as Apps Script takes them: an input box (always empty at first) and the
   * buttons, OK alone by default. The answer's button must be one the dialog
   * has, or CLOSE (the dialog's own close box).
   */
  prompt(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): FakePromptResponse {
    const hasTitle = buttons !== undefined;
    if (!hasTitle && promptOrButtons !== undefined && !(promptOrButtons in BUTTON_SET)) {
      throw new Error(`Exception: The parameters (String,String) don't match the method signature for Ui.prompt.`);
    }
    const shown: Alert = hasTitle
      ? { title: titleOrPrompt, prompt: String(promptOrButtons ?? ''), buttons }
      : { title: '', prompt: titleOrPrompt, buttons: promptOrButtons ?? 'OK' };
    this.prompts.push(shown);
    const answer = this.promptAnswers.shift() ?? { text: '' };
    const button = answer.button ?? (shown.buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK);
    const offered = shown.buttons === 'OK' ? ['OK'] : shown.buttons.split('_');
    if (button !== BUTTON.CLOSE && !offered.includes(button)) {
      throw new Error(`the test answered ${button} to a prompt with the buttons ${shown.buttons}`);
    }
    return new FakePromptResponse(answer.text, button);
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push(output);
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    output.setTitle(title);
    this.dialogs.push(output);
  }
}

export class FakeHtmlService {
  readonly [SERVICE_NAME] = 'HtmlService';
  readonly SandboxMode = { IFRAME: 'IFRAME' };
  constructor(private readonly files: (name: string) => string) {}
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(String(html));
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.files(name));
  }
}

// ---- PropertiesService ------------------------------------------------------

/**
 * Apps Script's property limits (quotas page: "Properties value size 9kB /
 * val", "Properties total storage 500kB / property store"). The emulator reads
 * them strictly: a kB is 1,000 bytes, and the key's UTF-8 bytes count with its
 * value's, so nothing passes here that Sheets might refuse.
 */
export const PROPERTY_VALUE_BYTES = 9_000;
export const PROPERTY_STORE_BYTES = 500_000;
const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';
const bytesOf = (key: string, value: string) => Buffer.byteLength(key) + Buffer.byteLength(value);

export class FakeProperties {
  readonly [SERVICE_NAME] = 'Properties';
  readonly store = new Map<string, string>();
  /** Bytes (keys and values) the calls have handed back and stored: what a test bounds beside cells. */
  readonly moved = { read: 0, written: 0 };
  getProperty(key: string): string | null {
    const value = this.store.get(key) ?? null;
    if (value !== null) this.moved.read += bytesOf(key, value);
    return value;
  }
  setProperty(key: string, value: string): this {
    return this.setProperties({ [key]: value });
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    for (const [key, value] of this.store) this.moved.read += bytesOf(key, value);
    return Object.fromEntries(this.store);
  }
  /** All or nothing: a value over 9 kB, or a store grown past 500 kB, throws and changes nothing. */
  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    const next = new Map(deleteAllOthers ? [] : this.store);
    let written = 0;
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (bytesOf(key, value) > PROPERTY_VALUE_BYTES) throw new Error(QUOTA);
      next.set(key, value);
      written += bytesOf(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += bytesOf(key, value);
    if (total > PROPERTY_STORE_BYTES) throw new Error(QUOTA);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
    this.moved.written += written;
    return this;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly [SERVICE_NAME] = 'PropertiesService';
  readonly document = new FakeProperties();
  readonly script = new FakeProperties();
  readonly users = new Map<string, FakeProperties>();
  constructor(
    private readonly currentUser: () => string,
    private readonly inDocument: () => boolean = () => true,
  ) {}
  /** The document's store; null outside a document (a web app), as in Apps Script. */
  getDocumentProperties(): FakeProperties | null {
    return this.inDocument() ? this.document : null;
  }
  getScriptProperties(): FakeProperties {
    return this.script;
  }
  getUserProperties(): FakeProperties {
    const user = this.currentUser();
    let properties = this.users.get(user);
    if (!properties) {
      properties = new FakeProperties();
      this.users.set(user, properties);
    }
    return properties;
  }
}

// ---- LockService ------------------------------------------------------------

/**
 * A lock shared by every execution of one document. Apps Script executions run in
 * parallel; the emulator runs them one at a time, so contention is simulated:
 * `holder` is set by a test to make the lock busy for `busyFor` more attempts.
 */
export class LockState {
  holder: string | undefined;
  /** How many further tryLock/waitLock calls find the lock taken by `holder`. */
  busyFor = 0;
  acquisitions = 0;
  timeouts = 0;
  /** Each acquisition's hold, in order of release: what a benchmark reports per user action. */
  readonly holds: LockHold[] = [];
}

/** How long one execution held a lock. */
export interface LockHold {
  /** The top-level function that ran (`logActivity`, `onEdit`…), or `?` outside one. */
  action: string;
  /** Real time from acquiring to release (performance.now), in ms. */
  ms: number;
  /** `releaseLock`, or `end` when the execution ended holding it and Apps Script released it. */
  released: 'releaseLock' | 'end';
}

export class FakeLock {
  readonly [SERVICE_NAME] = 'Lock';
  private held = false;
  /** performance.now() when acquired. */
  private since = 0;
  constructor(
    private readonly state: LockState,
    private readonly owner: string,
    /** The top-level function running, recorded with each hold. */
    private readonly action: () => string = () => '?',
    /** Told of each acquisition, so the execution's end can release what it still holds. */
    private readonly acquired: (lock: FakeLock) => void = () => undefined,
  ) {}
  tryLock(_timeoutInMillis: number): boolean {
    if (this.held) return true;
    if (this.state.holder !== undefined && this.state.holder !== this.owner) {
      if (this.state.busyFor > 0) {
        this.state.busyFor--;
        this.state.timeouts++;
        return false;
      }
      this.state.holder = undefined;
    }
    this.state.holder = this.owner;
    this.state.acquisitions++;
    this.held = true;
    this.since = performance.now();
    this.acquired(this);
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.release('releaseLock');
  }
  /** Releases the lock if held, recording how long it was held. */
  release(how: LockHold['released']): void {
    if (!this.held) return;
    this.state.holds.push({ action: this.action(), ms: performance.now() - this.since, released: how });
    if (this.state.holder === this.owner) this.state.holder = undefined;
    this.held = false;
  }
}

export class FakeLockService {
  readonly [SERVICE_NAME] = 'LockService';
  readonly documentLock = new LockState();
  readonly scriptLock = new LockState();
  private executions = 0;
  /** Locks acquired in the running execution (released or not). */
  private readonly taken = new Set<FakeLock>();
  constructor(
    private readonly currentUser: () => string,
    private readonly inDocument: () => boolean = () => true,
    /** The top-level function running, recorded with each hold. */
    private readonly currentAction: () => string = () => '?',
  ) {}
  /** Each call is a new execution's lock object, as in Apps Script; null outside a document (a web app). */
  getDocumentLock(): FakeLock | null {
    if (!this.inDocument()) return null;
    return this.lock(this.documentLock);
  }
  getScriptLock(): FakeLock {
    return this.lock(this.scriptLock);
  }
  private lock(state: LockState): FakeLock {
    const owner = `${this.currentUser()}#${++this.executions}`;
    return new FakeLock(state, owner, this.currentAction, (lock) => this.taken.add(lock));
  }
  /** An execution ended: Apps Script releases every lock it still holds. */
  endExecution(): void {
    for (const lock of this.taken) lock.release('end');
    this.taken.clear();
  }
  getUserLock(): FakeLock {
    return new FakeLock(new LockState(), this.currentUser());
  }
}

// ---- ScriptApp --------------------------------------------------------------

export const EVENT_TYPE = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE' } as const;

export class FakeTrigger {
  readonly [SERVICE_NAME] = 'Trigger';
  /** The user who made it (it runs as them, and only they see it) and the document it was made in. */
  owner = '';
  document: string | undefined;
  constructor(
    readonly id: string,
    readonly handler: string,
    readonly eventType: string,
    readonly source: string,
    readonly sourceId: string | undefined,
    readonly schedule: { everyDays?: number; everyHours?: number; atHour?: number; timeZone?: string },
  ) {}
  getUniqueId(): string {
    return this.id;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
  getEventType(): string {
    return this.eventType;
  }
  getTriggerSource(): string {
    return this.source;
  }
  getTriggerSourceId(): string | null {
    return this.sourceId ?? null;
  }
}

export class FakeClockTriggerBuilder {
  readonly [SERVICE_NAME] = 'ClockTriggerBuilder';
  private readonly schedule: FakeTrigger['schedule'] = {};
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  everyDays(days: number): this {
    this.schedule.everyDays = days;
    return this;
  }
  everyHours(hours: number): this {
    if (hours < 1) throw new Error('Add-ons may not run time-driven triggers more often than hourly.');
    this.schedule.everyHours = hours;
    return this;
  }
  atHour(hour: number): this {
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(_minute: number): this {
    return this;
  }
  inTimezone(zone: string): this {
    this.schedule.timeZone = zone;
    return this;
  }
  create(): FakeTrigger {
    return this.app.add(this.handler, EVENT_TYPE.CLOCK, 'CLOCK', undefined, this.schedule);
  }
}

export class FakeSpreadsheetTriggerBuilder {
  readonly [SERVICE_NAME] = 'SpreadsheetTriggerBuilder';
  private eventType: string = EVENT_TYPE.ON_EDIT;
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}
  onEdit(): this {
    this.eventType = EVENT_TYPE.ON_EDIT;
    return this;
  }
  onOpen(): this {
    this.eventType = EVENT_TYPE.ON_OPEN;
    return this;
  }
  onChange(): this {
    this.eventType = EVENT_TYPE.ON_CHANGE;
    return this;
  }
  create(): FakeTrigger {
    return this.app.add(this.handler, this.eventType, 'SPREADSHEETS', this.spreadsheetId, {});
  }
}

export class FakeTriggerBuilder {
  readonly [SERVICE_NAME] = 'TriggerBuilder';
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.app, this.handler);
  }
  forSpreadsheet(spreadsheet: { getId(): string } | string): FakeSpreadsheetTriggerBuilder {
    const id = typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId();
    return new FakeSpreadsheetTriggerBuilder(this.app, this.handler, id);
  }
}

export class FakeScriptApp {
  readonly [SERVICE_NAME] = 'ScriptApp';
  readonly AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  readonly EventType = EVENT_TYPE;
  /** Every user's triggers; the script sees only its user's (SPEC §9). */
  readonly triggers: FakeTrigger[] = [];
  private nextId = 1;
  constructor(
    private readonly functionExists: (name: string) => boolean,
    private readonly currentUser: () => string = () => '',
    private readonly currentDocument: () => string | undefined = () => undefined,
  ) {}
  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this, functionName);
  }
  add(
    handler: string,
    eventType: string,
    source: string,
    sourceId: string | undefined,
    schedule: FakeTrigger['schedule'],
  ): FakeTrigger {
    if (!this.functionExists(handler)) throw new Error(`Script function not found: ${handler}`);
    const owner = this.currentUser();
    const document = sourceId ?? this.currentDocument();
    const sameKind = this.triggers.filter(
      (t) => t.eventType === eventType && t.owner === owner && t.document === document,
    );
    if (eventType === EVENT_TYPE.CLOCK && sameKind.length > 0) {
      // SPEC §9: an add-on has at most one trigger of each type per user and document.
      throw new Error(
        'This add-on has created too many time-based triggers in this document for this Google user account.',
      );
    }
    const trigger = new FakeTrigger(String(this.nextId++), handler, eventType, source, sourceId, schedule);
    trigger.owner = owner;
    trigger.document = document;
    this.triggers.push(trigger);
    return trigger;
  }
  /** The current user's triggers of this project (never another user's). */
  getProjectTriggers(): FakeTrigger[] {
    const user = this.currentUser();
    return this.triggers.filter((t) => t.owner === user);
  }
  /** The current user's triggers for one document. */
  getUserTriggers(document: { getId(): string }): FakeTrigger[] {
    const id = document.getId();
    return this.getProjectTriggers().filter((t) => t.document === id);
  }
  /** Deletes one of the current user's triggers; another user's cannot be reached. */
  deleteTrigger(trigger: FakeTrigger): void {
    const index = this.triggers.findIndex((t) => t.id === trigger.getUniqueId() && t.owner === this.currentUser());
    if (index < 0) throw new Error('Trigger not found: it belongs to another user or was deleted.');
    this.triggers.splice(index, 1);
  }
  getOAuthToken(): string {
    return 'local-token';
  }
}

// ---- CacheService -----------------------------------------------------------

export class FakeCache {
  readonly [SERVICE_NAME] = 'Cache';
  private readonly store = new Map<string, { value: string; expires: number }>();
  constructor(private readonly now: () => number) {}
  get(key: string): string | null {
    const entry = this.store.get(key);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.store.delete(key);
      return null;
    }
    return entry.value;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    if (value.length > 100 * 1024) throw new Error('Argument too large: value');
    this.store.set(key, { value, expires: this.now() + Math.min(expirationInSeconds, 21_600) * 1000 });
  }
  remove(key: string): void {
    this.store.delete(key);
  }
}

export class FakeCacheService {
  readonly [SERVICE_NAME] = 'CacheService';
  private readonly document: FakeCache;
  private readonly script: FakeCache;
  private readonly users = new Map<string, FakeCache>();
  constructor(
    private readonly now: () => number,
    private readonly currentUser: () => string,
    private readonly inDocument: () => boolean = () => true,
  ) {
    this.document = new FakeCache(now);
    this.script = new FakeCache(now);
  }
  /** Null outside a document (a web app), as in Apps Script. */
  getDocumentCache(): FakeCache | null {
    return this.inDocument() ? this.document : null;
  }
  getScriptCache(): FakeCache {
    return this.script;
  }
  getUserCache(): FakeCache {
    const user = this.currentUser();
    let cache = this.users.get(user);
    if (!cache) {
      cache = new FakeCache(this.now);
      this.users.set(user, cache);
    }
    return cache;
  }
}
