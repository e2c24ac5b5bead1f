/**
 * The life of the playground's workbook file, so that a team's own file is
 * safe with it (SPEC §8):
 *
 * - nothing is written before the first change (a start with no change leaves
 *   the file byte for byte, its time stamp too);
 * - the first write keeps the original beside it (`team (before Activity
 *   Quota).xlsx`, never over an earlier one), unless the playground wrote the
 *   file itself last;
 * - every write goes to a temporary file in the same folder, gets the file's
 *   mode (and owner), and is renamed over it; a symbolic link is followed, so
 *   the file it points at changes and the link stays a link;
 * - a lock file beside it (`team.xlsx.lock`) keeps a second playground off
 *   the file; a lock left by a process that is gone is taken over;
 * - a file changed by another program since it was read (size, time stamp,
 *   content) is never written over: saving stops and {@link WorkbookStore.problem}
 *   says why, for the page;
 * - what the file holds that the playground cannot write back is listed in
 *   {@link WorkbookStore.notes} at start.
 *
 * A `.csv` (a dialer's or CRM's export) is imported as the Activities log into
 * a new workbook beside it; the CSV itself is only read.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import ExcelJSModule from 'exceljs';
import { type CsvTable, importCsv, readCsv } from '../csv';
import type { FakeSpreadsheet } from '../spreadsheet';
import { checkTimeZone, loadWorkbook, PLAYGROUND, type ReadWorkbook, readWorkbook, type WorkbookMeta } from '../xlsx';
import { WorkbookFileError } from '../xlsxScan';
import { syncBook, workbookBytes } from '../xlsxWrite';

interface Fingerprint {
  size: number;
  mtimeMs: number;
  hash: string;
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `dir/stem (label).ext`, or `dir/stem (label 2).ext`…: the first name not taken. */
function freeBeside(file: string, label: string, extension = extname(file)): string {
  const stem = join(dirname(file), basename(file, extname(file)));
  for (let n = 1; ; n++) {
    const name = label
      ? `${stem} (${label}${n > 1 ? ` ${n}` : ''})${extension}`
      : `${stem}${n > 1 ? ` (${n})` : ''}${extension}`;
    if (!existsSync(name) && !existsSync(`${name}.lock`)) return name;
  }
}

interface LockOwner {
  pid: number;
  host: string;
}

function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Takes the lock file, or says which playground holds it; a lock of a process that is gone is taken over. */
function takeLock(lock: string, file: string): void {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), program: PLAYGROUND });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, mine, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') {
        throw new WorkbookFileError(
          `${file} cannot be used: its lock file ${lock} could not be made (${(error as Error).message}). Nothing was changed.`,
        );
      }
    }
    let owner: LockOwner | undefined;
    try {
      owner = JSON.parse(readFileSync(lock, 'utf8')) as LockOwner;
    } catch {
      owner = undefined;
    }
    if (owner && typeof owner.pid === 'number' && alive(owner)) {
      throw new WorkbookFileError(
        `${file} is already open in another playground (process ${owner.pid} on ${owner.host}). Two at once would lose each other's changes: stop that one first (Ctrl+C where it runs). If none is running, delete ${lock}. Nothing was changed.`,
      );
    }
    rmSync(lock, { force: true });
  }
  throw new WorkbookFileError(`${file} is being opened by another playground at this moment. Nothing was changed.`);
}

/** Office programs' own lock files, which say the file is open in Excel or LibreOffice. */
function officeLock(real: string): string | undefined {
  const name = basename(real);
  return [`~$${name}`, `.~lock.${name}#`].map((lock) => join(dirname(real), lock)).find((lock) => existsSync(lock));
}

export interface StoreOptions {
  /** `--time-zone`, checked before anything else. */
  timeZone?: string;
}

export class WorkbookStore {
  /** Lines to print at start: where the work is saved, what is kept, what cannot be. */
  readonly notes: string[] = [];
  /** '' while changes are saved; else why they no longer are (the page shows it). */
  problem = '';
  private book: ExcelJS.Workbook;
  private seen: Fingerprint | undefined;
  private backedUp: boolean;
  private readonly lock: string;
  private readonly release = () => this.close();

  private constructor(
    /** The `.xlsx` the playground saves to, as the user named it (for a CSV, the new workbook). */
    readonly path: string,
    /** The file written: `path` with symbolic links followed. */
    private readonly real: string,
    private readonly read: ReadWorkbook | undefined,
    private readonly csv: ({ file: string } & CsvTable) | undefined,
    /** The bytes as read, for the first write's backup. */
    bytes: Buffer | undefined,
  ) {
    this.lock = `${real}.lock`;
    this.book = read?.book ?? new ExcelJSModule.Workbook();
    this.backedUp = !read || read.own;
    if (bytes) this.seen = { size: bytes.length, mtimeMs: statSync(real).mtimeMs, hash: hashOf(bytes) };
  }

  /** Opens the file the user named (`--workbook`): checks, locks and reads it; throws a WorkbookFileError that says why not. */
  static async open(path: string, options: StoreOptions = {}): Promise<WorkbookStore> {
    if (options.timeZone !== undefined) checkTimeZone(options.timeZone, '--time-zone');
    if (extname(path).toLowerCase() === '.csv') return WorkbookStore.importing(path);
    const exists = existsSync(path);
    if (!exists && !existsSync(dirname(resolve(path)))) {
      throw new WorkbookFileError(`${path} cannot be made: the folder ${dirname(resolve(path))} does not exist.`);
    }
    const real = exists ? realpathSync(path) : resolve(path);
    takeLock(`${real}.lock`, path);
    try {
      if (!exists) return WorkbookStore.started(new WorkbookStore(path, real, undefined, undefined, undefined));
      let bytes: Buffer;
      try {
        bytes = readFileSync(real);
      } catch (error) {
        throw new WorkbookFileError(`${path} could not be read (${(error as Error).message}). Nothing was changed.`);
      }
      const read = await readWorkbook(bytes, path);
      return WorkbookStore.started(new WorkbookStore(path, real, read, undefined, bytes));
    } catch (error) {
      rmSync(`${real}.lock`, { force: true });
      throw error;
    }
  }

  /** A CSV log: read (never written), and a new workbook beside it to hold it. */
  private static async importing(file: string): Promise<WorkbookStore> {
    if (!existsSync(file)) throw new WorkbookFileError(`${file} could not be read: there is no such file.`);
    const table = readCsv(readFileSync(file), file);
    const path = freeBeside(file, '', '.xlsx');
    const real = resolve(path);
    takeLock(`${real}.lock`, path);
    const csv = { file, ...table };
    return WorkbookStore.started(new WorkbookStore(path, real, undefined, csv, undefined));
  }

  private static started(store: WorkbookStore): WorkbookStore {
    process.once('exit', store.release);
    const { path, real, read, csv } = store;
    const link = real !== resolve(path) ? ` (a link to ${real})` : '';
    if (csv) {
      store.notes.push(
        `${csv.file} is read as the Activities log into a new workbook, ${path}, saved after every change; the CSV itself is not changed. Next time, start with --workbook ${JSON.stringify(path)} to go on with it.`,
      );
    } else if (!read) {
      store.notes.push(`Workbook: ${path}, a new one with sample data, saved after every change.`);
    } else if (read.own) {
      store.notes.push(`Workbook: ${path}${link}, saved after every change.`);
    } else {
      store.notes.push(
        `Workbook: ${path}${link}. Nothing is written to it until you change something; the first change keeps the original as ${freeBeside(real, 'before Activity Quota')}.`,
      );
    }
    if (read && read.cannotKeep.length > 0) {
      store.notes.push(
        `${path} holds what the playground cannot write back: ${read.cannotKeep.join('; ')}. Once you change something, the file is saved without them${read.own ? '' : ' (the original keeps them)'}.`,
      );
    }
    const office = officeLock(real);
    if (office) {
      store.notes.push(
        `${path} looks open in Excel or LibreOffice (${basename(office)}): the playground will not save over changes saved there, so close it there first.`,
      );
    }
    return store;
  }

  /** True for a workbook the playground makes now (no file yet): it is written at once. */
  get isNew(): boolean {
    return !this.read;
  }

  /** True when the new workbook should get the sample team (not for an imported log). */
  get sample(): boolean {
    return !this.read && !this.csv;
  }

  /** The settings the playground kept in the file (its zone, locale, days moved on), before it is loaded. */
  get kept(): Partial<WorkbookMeta> {
    const { timeZone, locale, dayOffset } = this.read?.meta ?? {};
    return { timeZone, locale, dayOffset };
  }

  /** Reads the file (or the CSV log) into the empty spreadsheet. */
  load(spreadsheet: FakeSpreadsheet): void {
    if (this.read) loadWorkbook(spreadsheet, this.read);
    if (this.csv) importCsv(spreadsheet, this.csv);
  }

  /** Why the file must not be written now ('' when it may): it changed, moved or vanished since the playground last read or wrote it. */
  private changedOutside(): string {
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(this.real));
    } catch {
      return this.seen ? `${this.path} was moved or deleted while the playground had it open` : '';
    }
    const seen = this.seen;
    if (!seen) return `${this.path} was made by another program after the playground started`;
    if (size === seen.size && mtimeMs === seen.mtimeMs) return '';
    if (size === seen.size && hashOf(readFileSync(this.real)) === seen.hash) {
      seen.mtimeMs = mtimeMs;
      return '';
    }
    return `${this.path} was changed by another program since the playground read it`;
  }

  /**
   * Before a change: '' when it can be saved, else why not (and from then on
   * {@link problem} says so). The server refuses the change, and the page shows it.
   */
  check(): string {
    if (this.problem) return this.problem;
    const why = this.changedOutside();
    if (why) {
      this.problem = `${why}. To keep those changes, the playground no longer saves to it, and what you change here from now on is not saved. Stop the playground and start it again to work on the file as it is now.`;
    }
    return this.problem;
  }

  /** Writes the spreadsheet to the file, keeping the original first; does nothing once {@link check} has found a problem. */
  async save(spreadsheet: FakeSpreadsheet, meta: WorkbookMeta): Promise<void> {
    if (this.check()) return;
    syncBook(spreadsheet, this.book, meta);
    const bytes = await workbookBytes(this.book);
    if (this.check()) return;
    const existing = this.seen ? statSync(this.real) : undefined;
    if (existing && !this.backedUp) {
      copyFileSync(this.real, freeBeside(this.real, 'before Activity Quota'), constants.COPYFILE_EXCL);
    }
    this.backedUp = true;
    const temporary = join(dirname(this.real), `.${basename(this.real)}.saving-${process.pid}`);
    try {
      const fd = openSync(temporary, 'wx', existing ? existing.mode & 0o777 : 0o666);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (existing) {
        // The mode as it was (the umask narrows the one given to open), and the owner where the system lets us.
        chmodSync(temporary, existing.mode & 0o7777);
        try {
          chownSync(temporary, existing.uid, existing.gid);
        } catch {
          // Only root may give a file away; the owner is then ours.
        }
      }
      renameSync(temporary, this.real);
    } finally {
      rmSync(temporary, { force: true });
    }
    this.seen = { size: bytes.length, mtimeMs: statSync(this.real).mtimeMs, hash: hashOf(bytes) };
  }

  /** Lets the file go: removes the lock file if it is still this process's. */
  close(): void {
    process.removeListener('exit', this.release);
    try {
      if ((JSON.parse(readFileSync(this.lock, 'utf8')) as LockOwner).pid === process.pid) rmSync(this.lock);
    } catch {
      // Already gone.
    }
  }
}
