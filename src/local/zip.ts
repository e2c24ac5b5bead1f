/**
 * Just enough of the ZIP format to look inside an `.xlsx` before ExcelJS does:
 * the list of its parts (from the central directory) and a part's bytes,
 * inflated as a stream so that a part far bigger than it says (a "zip bomb")
 * is stopped at a limit instead of filling memory.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

export class ZipError extends Error {
  override name = 'ZipError';
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The archive's parts, or a ZipError when the bytes are not a whole ZIP archive. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('it is not a ZIP archive, or it is cut off');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new ZipError('its table of contents is damaged');
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The part's stored (compressed) bytes. */
function stored(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipError(`${entry.name} is damaged`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`${entry.name} is cut off`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Feeds a part's inflated bytes to `onChunk` as they come; stops with a
 * ZipError past `limit` bytes (whatever the directory claims).
 */
export async function zipStream(
  bytes: Buffer,
  entry: ZipEntry,
  limit: number,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const data = stored(bytes, entry);
  const tooBig = () => new ZipError(`${entry.name} holds more than ${limit} bytes`);
  if (entry.method === 0) {
    if (data.length > limit) throw tooBig();
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} is compressed in a way this reader does not know`);
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        reject(tooBig());
        return;
      }
      onChunk(chunk);
    });
    inflate.on('error', () => reject(new ZipError(`${entry.name} is damaged`)));
    inflate.on('end', resolve);
    inflate.end(data);
  });
}

/** A (small) part's whole text. */
export async function zipText(bytes: Buffer, entry: ZipEntry, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  await zipStream(bytes, entry, limit, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
