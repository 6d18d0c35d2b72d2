/**
 * `pnpm restore FILE [--force]`: loads a backup into the configured database — a new data
 * directory or an empty PostgreSQL database, or with --force one whose content it replaces
 * (docs/decisions/012). The work is in services/backup; this only reads the options and reports.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "../env.ts";
import { restoreDatabase } from "../services/backup/run.ts";

const USAGE = `Cách dùng (usage):
  pnpm restore <file> [--force]
Restores into $DATA_DIR (embedded database) or DATABASE_URL (PostgreSQL), which must be empty;
--force replaces everything the target holds. Stop the server first.`;

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { force: { type: "boolean" }, help: { type: "boolean" } },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 1;
    return;
  }
  const end = await restoreDatabase(readEnv(), path.resolve(file), { force: values.force === true });
  console.log(`Đã khôi phục ${end.rows} dòng của ${end.tables} bảng từ ${file} (restored).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
