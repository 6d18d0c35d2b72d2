import { inflateRawSync } from "node:zlib";
import { appError } from "../../errors.ts";

/**
 * Limits of what an .xlsx may unpack to. A 20 MB sheet of real records unpacks to about 10–20
 * times its size; a zip bomb to thousands of times. The sizes a zip declares can lie, so every
 * entry is inflated here with a hard ceiling (zlib stops at `maxOutputLength`) before ExcelJS reads
 * the file: a lie costs at most the ceiling, never the machine's memory.
 */
const MAX_TOTAL = 400 * 1024 * 1024;
const MAX_RATIO = 200;
/** Below this an entry's ratio is not judged (tiny XML parts compress extremely well). */
const SMALL = 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Entry = { name: string; flags: number; method: number; compressed: number; local: number };

function entries(buf: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw appError("BAD_REQUEST", "import.damaged");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw appError("BAD_REQUEST", "import.damaged");
    const nameLen = buf.readUInt16LE(at + 28);
    out.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      local: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLen),
    });
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** Refuses an encrypted, damaged or bomb-like zip; returns the names of its entries. */
export function checkZip(buf: Buffer): string[] {
  let total = 0;
  const list = entries(buf);
  for (const e of list) {
    // Bit 0 of the flags: the entry is encrypted (zip-level password).
    if (e.flags & 1) throw appError("BAD_REQUEST", "import.encrypted");
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL)
      throw appError("BAD_REQUEST", "import.damaged");
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    const data = buf.subarray(start, start + e.compressed);
    const ceiling = Math.min(MAX_TOTAL - total, Math.max(SMALL, e.compressed * MAX_RATIO));
    if (e.method === 0) {
      total += data.length;
    } else if (e.method === 8) {
      try {
        const size = inflateRawSync(data, { maxOutputLength: ceiling + 1 }).length;
        if (size > ceiling) throw new RangeError("ceiling");
        total += size;
      } catch (err) {
        if (err instanceof RangeError) throw appError("BAD_REQUEST", "import.zipBomb");
        throw appError("BAD_REQUEST", "import.damaged");
      }
    } else {
      throw appError("BAD_REQUEST", "import.damaged");
    }
    if (total > MAX_TOTAL) throw appError("BAD_REQUEST", "import.zipBomb");
  }
  return list.map((e) => e.name);
}
