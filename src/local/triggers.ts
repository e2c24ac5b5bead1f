/** ScriptApp in memory: installable triggers (time-driven and spreadsheet), each its user's. */
import { SERVICE_NAME } from './counter';

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
