/**
 * `pnpm backup [--out FILE]`: a consistent backup of the database, while the server runs or not
 * (docs/decisions/012). The work is in services/backup; this only reads the options and reports.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "../env.ts";
import { backupFileName } from "../services/backup/dump.ts";
import { backupDatabase } from "../services/backup/run.ts";
import { backupsDir } from "../services/backup/schedule.ts";

const USAGE = `Cách dùng (usage):
  pnpm backup [--out <file>]
Without --out the backup goes to $DATA_DIR/backups/qt-backup-<time>.jsonl.gz. The file holds
password and session hashes: it is made readable by its owner only; keep it that way.`;

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = readEnv();
  const out = path.resolve(values.out ?? path.join(backupsDir(env.dataDir), backupFileName()));
  const end = await backupDatabase(env, out);
  console.log(`Đã sao lưu ${end.rows} dòng của ${end.tables} bảng vào ${out} (backup written).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
