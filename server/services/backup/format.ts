import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { bundledMigrations } from "../../db/migrate.ts";

/**
 * The backup file: gzip'd text, one record a line, each a kind letter, a tab and JSON:
 *   H {header}                  first line: format, version, product migration level, when
 *   T {"table", "columns"}      a table follows; its rows come next in dependency order
 *   R <row>                     one row, exactly as PostgreSQL's row_to_json wrote it (never parsed
 *                               in JavaScript, so bigint and numeric keep every digit)
 *   S {"name", "value", "isCalled"}  a sequence, so the next id after a restore is the same
 *   E {"tables", "rows"}        last line: a file without it was cut short and is refused
 * The same file restores into PGlite or PostgreSQL (docs/decisions/012).
 */
export const BACKUP_FORMAT = "qt-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: "pglite" | "postgresql";
  /** The isolation the rows were read under, as the database reported it: "repeatable read". */
  isolation: string;
  /** Names of the migrations applied to the database backed up, in order. */
  migrations: string[];
};
export type TableLine = { table: string; columns: string[] };
export type SequenceLine = { name: string; value: string; isCalled: boolean };
export type EndLine = { tables: number; rows: number };

export type BackupLine =
  | { kind: "H"; value: BackupHeader }
  | { kind: "T"; value: TableLine }
  | { kind: "R"; row: string }
  | { kind: "S"; value: SequenceLine }
  | { kind: "E"; value: EndLine };

export const line = (kind: "H" | "T" | "S" | "E", value: unknown) => `${kind}\t${JSON.stringify(value)}\n`;

/** The migrations this version of the product knows, in order. */
export function productMigrations(): string[] {
  return bundledMigrations().map((m) => m.name);
}

export class BackupError extends Error {}

/** The lines of a backup file, checked as they come: a bad or truncated file throws. */
export async function* readBackup(file: string): AsyncGenerator<BackupLine> {
  const input = createGunzip();
  // pipeline, not pipe: a missing or unreadable file must fail the read below, not the process.
  pipeline(fs.createReadStream(file), input, () => {});
  let n = 0;
  let ended = false;
  try {
    for await (const text of readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      n += 1;
      const kind = text.slice(0, 1);
      const body = text.slice(2);
      if (n === 1 && kind !== "H") throw new BackupError(`${file}: không phải bản sao lưu (not a backup file).`);
      if (ended) throw new BackupError(`${file}: dữ liệu thừa sau dòng kết thúc (data after the end line).`);
      if (kind === "R") yield { kind, row: body };
      else if (kind === "H" || kind === "T" || kind === "S" || kind === "E") {
        ended = kind === "E";
        yield { kind, value: JSON.parse(body) } as BackupLine;
      } else throw new BackupError(`${file}: dòng ${n} không hợp lệ (bad line ${n}).`);
    }
  } finally {
    input.destroy();
  }
  if (!ended) throw new BackupError(`${file}: bản sao lưu bị cắt cụt (the backup is truncated).`);
}

/** The header, checked against this product: refuses another format or a newer schema. */
export async function readHeader(file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  try {
    for await (const l of readBackup(file)) {
      if (l.kind === "H") header = l.value;
      break;
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file}: không đọc được bản sao lưu (cannot read the backup): ${(err as Error).message}`);
  }
  if (header?.format !== BACKUP_FORMAT || header.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(`${file}: định dạng sao lưu không hỗ trợ (unsupported backup format).`);
  }
  const known = new Set(productMigrations());
  const newer = header.migrations.filter((m) => !known.has(m));
  if (newer.length > 0) {
    throw new BackupError(
      `Bản sao lưu từ phiên bản mới hơn (migration ${newer.join(", ")}); hãy nâng cấp phần mềm trước khi khôi phục. ` +
        "(The backup comes from a newer schema; upgrade the product first.)",
    );
  }
  return header;
}

/** Reads a whole backup: its header (checked as readHeader does) and its end line, or throws. */
export async function verifyBackup(file: string): Promise<{ header: BackupHeader; end: EndLine }> {
  const header = await readHeader(file);
  let end: EndLine | undefined;
  for await (const l of readBackup(file)) if (l.kind === "E") end = l.value;
  if (!end) throw new BackupError(`${file}: bản sao lưu bị cắt cụt (the backup is truncated).`);
  return { header, end };
}
