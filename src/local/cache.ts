/** CacheService in memory: the document's, the script's and each user's cache, entries expiring on the runtime's clock. */
import { SERVICE_NAME } from './counter';

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
