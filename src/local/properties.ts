/** PropertiesService in memory: the document's, the script's and each user's store, with Apps Script's limits. */
import { SERVICE_NAME } from './counter';

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
