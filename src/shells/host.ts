/**
 * Where the entry shells run (SPEC §5, §5b): the lock that orders the writes of
 * many users, the store that keeps what the add-on remembers of the board (its
 * fingerprint, the burn-up series), and the words of the few messages that name
 * the page. The add-on runs in its document: the document lock and the
 * document's properties. A web app has no document (Apps Script gives null for
 * both), so its bundle chooses its own once, when it loads ({@link useHost}),
 * without calling any service. The spreadsheet itself is a parameter of each
 * shell: `SpreadsheetApp.getActive()` in the add-on, the one opened by id in a web app.
 */
import type { Lang } from '../core/i18n';
import { fill } from '../core/i18n';
import { type FieldMessageKey, SIDEBAR } from '../core/i18n/sidebar';

type Lock = GoogleAppsScript.Lock.Lock;
type Properties = GoogleAppsScript.Properties.Properties;

export interface Host {
  lock(): Lock | null;
  properties(): Properties | null;
  /** Messages worded for this host's page, in place of the sidebar's. */
  fields?: Readonly<Record<Lang, Partial<Record<FieldMessageKey, string>>>>;
}

const DOCUMENT: Host = {
  lock: () => LockService.getDocumentLock(),
  properties: () => PropertiesService.getDocumentProperties(),
};

let host: Host = DOCUMENT;

/** A bundle's entry chooses where it runs, once, at load (a web app: its script's own lock and store). */
export function useHost(chosen: Host): void {
  host = chosen;
}

/** How long a change waits for the lock before saying "try again". */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `work` holding the lock every change to the log is made under (the
 * document's, or a web app's script lock), so that changes from many users
 * are neither lost nor doubled (SPEC §8). `busy()` answers when the lock stays
 * taken, `none()` where there is no lock at all (nothing is then written).
 */
export function withDocumentLock<T>(work: () => T, busy: () => T, none: () => T = busy): T {
  const lock = host.lock();
  if (!lock) return none();
  if (!lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Where the board's fingerprint and the burn-up series are kept. */
export function keptProperties(): Properties {
  const properties = host.properties();
  if (!properties) throw new Error('Activity Quota: no property store here (not in a document)');
  return properties;
}

/** A field message in `lang`, worded for the host's page, its placeholders filled. */
export function hostMessage(
  lang: Lang,
  key: FieldMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(host.fields?.[lang]?.[key] ?? SIDEBAR[lang].fields[key], params);
}
