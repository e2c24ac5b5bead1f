/**
 * `npm start`: builds nothing itself (the npm script runs build.mjs first),
 * starts the playground and prints its address.
 *
 *   npm start -- [--workbook team.xlsx] [--port 8080] [--time-zone Asia/Seoul] [--locale ko_KR]
 *                [--user raj@example.com] [--now 2026-11-20T09:00]
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock';
import { WorkbookFileError } from '../xlsx';
import { OptionError, startPlayground } from './server';

const { values } = parseArgs({
  options: {
    workbook: { type: 'string', default: 'playground.xlsx' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'time-zone': { type: 'string' },
    locale: { type: 'string' },
    user: { type: 'string' },
    now: { type: 'string' },
  },
});

try {
  const playground = await startPlayground({
    workbook: values.workbook,
    port: Number(values.port),
    host: values.host,
    timeZone: values['time-zone'],
    locale: values.locale,
    user: values.user,
    now: values.now,
    clock: systemClock,
  });
  console.log(`Activity Quota playground: ${playground.url}`);
  for (const note of playground.notes) console.log(note);
  console.log('Ctrl+C to stop.');
  const stop = () => {
    void playground.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof WorkbookFileError || error instanceof OptionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
