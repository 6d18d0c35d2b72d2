import { createHash, type KeyObject, verify } from "node:crypto";
import { gunzipSync } from "node:zlib";
import type { MessageKey, MessageParams } from "@qt/shared/messages/index";
import { AppError } from "../../errors.ts";
import { productVersion } from "../../version.ts";
import {
  ALGORITHM,
  type BodyLine,
  FORMAT_VERSION,
  type Header,
  newerVersion,
  ZBodyLine,
  ZHeader,
  ZSignature,
} from "./format.ts";

/** What a package may unpack to: far above a province's records, far below the server's memory. */
const MAX_UNPACKED = 512 * 1024 * 1024;

/** A refusal of a package; `security`: an audit entry is written (who sent what, why refused). */
export class PackageRefusal extends AppError {
  constructor(
    key: MessageKey,
    params: MessageParams,
    readonly security: boolean,
    readonly header: Header | null,
    readonly sha256: string | null,
  ) {
    super("invalid", key, params);
  }
}

export type ReadPackage = { header: Header; sha256: string; lines: BodyLine[] };

/**
 * Unpacks and checks a package (decision 052) before anything is written: readable, of a format
 * this version knows, signed, the signature verifying against the registered key of the province
 * the header names (and of no other province), every line of a known shape, none missing.
 * `keys`: the registered keys by province; `nameOf`: a province's name for the messages.
 */
export function readPackage(
  bytes: Buffer,
  keys: Map<string, KeyObject>,
  nameOf: (code: string) => { vi: string; en: string },
): ReadPackage {
  const damaged = (header: Header | null = null) => new PackageRefusal("exchange.damaged", {}, false, header, null);
  let text: Buffer;
  try {
    text = gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED });
  } catch {
    throw damaged();
  }
  const firstEnd = text.indexOf(0x0a);
  if (firstEnd < 0) throw damaged();
  const header = parse(text.subarray(0, firstEnd), ZHeader);
  if (!header) throw damaged();
  if (header.formatVersion > FORMAT_VERSION || newerVersion(header.productVersion, productVersion))
    throw new PackageRefusal(
      "exchange.newerFormat",
      { format: String(header.formatVersion), version: header.productVersion, own: productVersion },
      false,
      header,
      null,
    );
  // The signature is the last line; what it signs is every byte before it.
  const body = text.at(-1) === 0x0a ? text.subarray(0, -1) : text;
  const lastStart = body.lastIndexOf(0x0a) + 1;
  const signed = text.subarray(0, lastStart);
  const sha256 = createHash("sha256").update(signed).digest();
  const hex = sha256.toString("hex");
  const province = nameOf(header.provinceCode);
  const signature = lastStart > firstEnd ? parse(body.subarray(lastStart), ZSignature) : null;
  if (!signature || signature.signature.algorithm !== ALGORITHM)
    throw new PackageRefusal("exchange.unsigned", {}, true, header, hex);
  const value = Buffer.from(signature.signature.value, "base64");
  const verifies = (key: KeyObject) => {
    try {
      return verify(null, sha256, key, value);
    } catch {
      return false;
    }
  };
  const own = keys.get(header.provinceCode);
  if (!own || !verifies(own)) {
    const signer = [...keys].find(([code, key]) => code !== header.provinceCode && verifies(key));
    if (signer)
      throw new PackageRefusal("exchange.otherKey", { province, signer: nameOf(signer[0]) }, true, header, hex);
    throw new PackageRefusal(own ? "exchange.badSignature" : "exchange.noKey", { province }, true, header, hex);
  }
  // Signed by the province: from here a bad line is a broken writer, still refused whole.
  const lines: BodyLine[] = [];
  let start = firstEnd + 1;
  while (start < lastStart) {
    const end = text.indexOf(0x0a, start);
    const line = parse(text.subarray(start, end), ZBodyLine);
    if (!line) throw damaged(header);
    lines.push(line);
    start = end + 1;
  }
  const end = lines.at(-1);
  if (end?.t !== "end") throw damaged(header);
  const counts = { approval: 0, site: 0, camera: 0, award: 0, end: 0 };
  for (const l of lines) counts[l.t]++;
  if (
    counts.end !== 1 ||
    counts.approval !== end.approvals ||
    counts.site !== end.sites ||
    counts.camera !== end.cameras ||
    counts.award !== end.awards
  )
    throw damaged(header);
  return { header, sha256: hex, lines };
}

function parse<T>(bytes: Buffer, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) {
  try {
    const r = schema.safeParse(JSON.parse(bytes.toString("utf8")));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
