/**
 * `npm start`: builds nothing itself (the npm script runs build.mjs first),
 * starts the playground and prints its address. `npm start -- --help` lists the
 * options (cli.ts).
 *
 * It stops on Ctrl-C, SIGTERM or SIGHUP, and when the shell npm ran it in goes
 * away: npm passes a SIGTERM to that shell only, which does not pass it on, so
 * the server would otherwise keep its port after `npm start` is gone.
 */
import { systemClock } from '../clock';
import { WorkbookFileError } from '../xlsx';
import { type Command, parseCommand, USAGE, UsageError } from './cli';
import { type Playground, startPlayground } from './server';
import { OptionError } from './session';

let command: Command;
try {
  command = parseCommand(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${USAGE}\n\nnpm start: ${error.message}`);
  process.exit(2);
}
if (command.help) {
  console.log(USAGE);
  process.exit(0);
}

let playground: Playground | undefined;
let closing = false;
let asked = false;
/** Stops the server (after the last save) and exits; a second signal while starting exits at once. */
function stop(): void {
  if (asked && !playground) process.exit(1);
  asked = true;
  if (!playground || closing) return;
  closing = true;
  void playground.close().then(() => process.exit(0));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 250).unref();

try {
  playground = await startPlayground({
    workbook: command.workbook,
    port: command.port,
    host: command.host,
    timeZone: command.timeZone,
    locale: command.locale,
    user: command.user,
    users: command.users,
    now: command.now,
    clock: systemClock,
  });
} catch (error) {
  if (error instanceof WorkbookFileError || error instanceof OptionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (asked) stop();
console.log(`Activity Quota playground: ${playground.url}`);
for (const note of playground.notes) console.log(note);
const users = command.users ?? [];
console.log(
  users.length > 1
    ? `Playing several users, chosen in the page: ${users.join(', ')}.`
    : `Signed in as ${playground.runtime.user}.`,
);
console.log(`Workbook: ${command.workbook} (saved after every change). Ctrl+C to stop.`);
