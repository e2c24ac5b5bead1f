/** LockService in memory: document, script and user locks, with contention simulated and holds recorded. */
import { performance } from 'node:perf_hooks';
import { SERVICE_NAME } from './counter';

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
