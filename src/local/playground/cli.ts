/**
 * `npm start`'s command line: its options, their usage text, and the checks that
 * refuse a bad one before anything starts.
 */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm start -- [options]

Serves the local playground: the add-on on a workbook file, in the browser.

  --workbook FILE    the .xlsx file to open; a missing one is created with
                     sample data (default: playground.xlsx)
  --port N           the port to listen on; 0 takes a free one (default: 8080)
  --host ADDRESS     the address to listen on (default: 127.0.0.1, this machine only)
  --time-zone ZONE   a new workbook's time zone, like Asia/Seoul (default: this machine's)
  --locale LOCALE    a new workbook's locale, like ko_KR (default: en_US)
  --user EMAIL       who the user is (default: raj@example.com)
  --users A,B,...    play several users: the page chooses among these
                     (the first one, or --user, to start with)
  --now MOMENT       start the clock at this moment, like 2026-11-20T09:00
                     (in the workbook's time zone)
  -h, --help         show this text`;

/** A command line that cannot be used: the message is one line, for after the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  help: boolean;
  workbook: string;
  port: number;
  host: string;
  timeZone?: string;
  locale?: string;
  user?: string;
  users?: string[];
  now?: string;
}

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

function zoneOk(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads the arguments after `npm start --`; throws a UsageError for a bad one. */
export function parseCommand(args: string[]): Command {
  let values: ReturnType<typeof read>['values'];
  try {
    values = read(args).values;
  } catch (error) {
    // Node's own words, without its error code: "Unknown option '--prot'".
    const text = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '.');
    throw new UsageError(text ?? String(error));
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    throw new UsageError(`--port ${values.port}: give a port number from 0 to 65535.`);
  }
  const zone = values['time-zone'];
  if (zone !== undefined && !zoneOk(zone)) {
    throw new UsageError(`--time-zone ${zone}: not a time zone; write one like Asia/Seoul or Europe/Copenhagen.`);
  }
  if (values.locale !== undefined && !/^[a-z]{2,3}(_([A-Z]{2}|\d{3}))?$/.test(values.locale)) {
    throw new UsageError(`--locale ${values.locale}: write a locale like en_US, ko_KR or da.`);
  }
  const users = values.users?.split(',').map((user) => user.trim());
  for (const email of [values.user, ...(users ?? [])]) {
    if (email !== undefined && !EMAIL.test(email)) {
      throw new UsageError(`${email || '""'} is not an email address (--user, --users).`);
    }
  }
  if (users && values.user !== undefined && !users.includes(values.user)) {
    throw new UsageError(`--user ${values.user} is not one of --users ${users.join(',')}.`);
  }
  return {
    help: values.help === true,
    workbook: values.workbook,
    port,
    host: values.host,
    timeZone: zone,
    locale: values.locale,
    user: values.user,
    users,
    now: values.now,
  };
}

function read(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      workbook: { type: 'string', default: 'playground.xlsx' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'time-zone': { type: 'string' },
      locale: { type: 'string' },
      user: { type: 'string' },
      users: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
