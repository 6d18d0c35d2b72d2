import { createInflateRaw } from "node:zlib";
import { appError } from "../../errors.ts";
import type { ReadBudget } from "./limits.ts";

/**
 * The one reader of an uploaded .xlsx's zip (issue 23, decision 024). The file is in memory; its
 * central directory is the only list of entries, and an entry is only ever read through `inflate`
 * below, which counts every byte it produces against the ceilings while it inflates. So the check
 * sees exactly what the spreadsheet reader sees: an entry left out of the central directory is never
 * read, a size the zip declares is never believed, and nothing is written to disk.
 */
export type ZipEntry = { name: string; method: number; compressed: number; dataStart: number };

/** At most this much in all is inflated from one file (a 20 MB sheet of records unpacks to 10–20×). */
export const MAX_UNPACKED = 400 * 1024 * 1024;
/** An entry may unpack to at most this many times its packed size… */
const MAX_RATIO = 200;
/** …once above this size (tiny XML parts compress extremely well). */
const SMALL = 1024 * 1024;
/** A workbook has a few dozen parts; thousands are not a spreadsheet. */
const MAX_ENTRIES = 5000;

/** Entries are handed over in pieces of this size at most, so no step holds the event loop for long. */
const CHUNK = 64 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const damaged = () => appError("invalid", "import.damaged");

/** The entries of the central directory, checked: not encrypted, stored or deflated, local header in place. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = buf.readUInt16LE(eocd + 10);
  if (count > MAX_ENTRIES) throw damaged();
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw damaged();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const local = buf.readUInt32LE(at + 42);
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    // Bit 0 of the flags: the entry is encrypted (zip-level password).
    if (flags & 1) throw appError("invalid", "import.encrypted");
    if (method !== 0 && method !== 8) throw damaged();
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw damaged();
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    // ZIP64 sizes (0xFFFFFFFF) or data past the end: a 20 MB upload never needs them.
    if (dataStart + compressed > buf.length) throw damaged();
    if (out.has(name)) throw damaged();
    out.set(name, { name, method, compressed, dataStart });
  }
  return out;
}

/**
 * The bytes of one entry as they are inflated, in chunks, never more than the ceilings allow:
 * the entry's own (200× its packed size above 1 MB) and what is left of the file's total
 * (`budget.unpacked`). Over either, the inflation stops and the file is refused as a zip bomb.
 */
export async function* inflate(buf: Buffer, entry: ZipEntry, budget: ReadBudget): AsyncGenerator<Buffer> {
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressed);
  const own = Math.max(SMALL, entry.compressed * MAX_RATIO);
  let size = 0;
  const count = (n: number) => {
    size += n;
    budget.unpacked += n;
    if (size > own || budget.unpacked > MAX_UNPACKED) throw appError("invalid", "import.zipBomb");
    budget.check();
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) {
      count(Math.min(CHUNK, data.length - at));
      yield data.subarray(at, at + CHUNK);
    }
    return;
  }
  const stream = createInflateRaw({ chunkSize: CHUNK });
  stream.end(data);
  try {
    for await (const chunk of stream) {
      count(chunk.length);
      yield chunk as Buffer;
    }
  } catch (err) {
    if (err instanceof Error && "code" in err && String(err.code).startsWith("Z_")) throw damaged();
    throw err;
  } finally {
    stream.destroy();
  }
}
