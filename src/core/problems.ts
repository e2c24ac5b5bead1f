/**
 * What is wrong with an input, said so that a person can fix it.
 *
 * The core describes a problem by a message key and its parameters; the shell
 * turns it into text in the user's language. Readers of sheets collect problems
 * row by row (a refresh lists them all); custom functions throw the first one.
 */
import { type Lang, type MessageKey, message } from './i18n';

export interface Problem {
  key: MessageKey;
  params: Readonly<Record<string, string | number>>;
  /** 1-based row in the range it came from (the header row is row 1), when it is about a row. */
  row?: number;
}

/** Thrown by the core for input it cannot work with. */
export class QuotaError extends Error {
  constructor(
    readonly problem: Problem,
    lang: Lang = 'en',
  ) {
    super(message(lang, problem.key, problem.params));
    this.name = 'QuotaError';
  }

  /** The message in another language. */
  in(lang: Lang): string {
    return message(lang, this.problem.key, this.problem.params);
  }
}
