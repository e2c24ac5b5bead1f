/**
 * A typed, promise-based client for `google.script.run`, typed by the contract
 * the shells' entry points are built from (core/serverApi.ts): a call's name,
 * arguments and result are checked by the compiler on both sides.
 */
import type { ServerApi } from '../core/serverApi';

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } };

/**
 * Calls a server function; resolves with its result, rejects with its failure.
 * An optional argument left undefined is left out: `google.script.run` takes no
 * undefined argument (only primitives, null, plain objects and arrays; no Date).
 */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler(reject);
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`no server function ${name}`));
      return;
    }
    const sent: unknown[] = [...args];
    while (sent.length > 0 && sent[sent.length - 1] === undefined) sent.pop();
    fn(...sent);
  });
}
