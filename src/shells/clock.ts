/**
 * The add-on's one clock. Every "what time is it?" in the shipped code asks
 * here, and nowhere else (an architecture test holds every other file to it).
 * In Sheets this is the platform's clock; in the local runtime, the `Date` of
 * the script's realm follows the runtime's injected clock, so tests pin it.
 */

/** Milliseconds since the epoch, now. */
export function now(): number {
  return Date.now();
}

/** The current instant as a `Date` (for a "Logged at" cell). */
export function nowDate(): Date {
  return new Date(now());
}
