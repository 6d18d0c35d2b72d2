/**
 * `pnpm rollups:check [--fix]`: recounts the dashboard's roll-ups from the base tables (decision
 * 046) and prints every group that differs; exit 0 when none does, 1 when one does (with --fix the
 * roll-ups are then recomputed), 2 for a database it must not read. On the embedded database it
 * takes the folder's lock like every CLI (server stopped; the server checks daily); on PostgreSQL
 * any time.
 */
import fs from "node:fs";
import path from "node:path";
import { migrationState, refusal } from "../db/migrate.ts";
import { claimDataDir, connect } from "../db/open.ts";
import { readEnv } from "../env.ts";
import { rebuildRollups, rollupDifferences } from "../services/dashboard/rollups.ts";

async function main(): Promise<number> {
  const env = readEnv();
  const fix = process.argv.includes("--fix");
  if (!env.DATABASE_URL && !fs.existsSync(path.join(env.dataDir, "pg", "PG_VERSION"))) {
    console.error(
      `Không có cơ sở dữ liệu trong ${env.dataDir} (no database in this folder; set DATA_DIR or DATABASE_URL).`,
    );
    return 2;
  }
  const claim = await claimDataDir(env);
  try {
    const conn = await connect(env);
    try {
      const session = await conn.session();
      const state = await migrationState(session).finally(() => session.release());
      const refused =
        refusal(state) ?? (state.pending.length > 0 ? "Cơ sở dữ liệu chưa được nâng cấp (not upgraded yet)." : null);
      if (refused) {
        console.error(refused);
        return 2;
      }
      const differences = await rollupDifferences(conn.db);
      if (differences.length === 0) {
        console.log("Số liệu tổng hợp khớp với đếm lại. (Roll-ups equal a recount from the base tables.)");
        return 0;
      }
      for (const d of differences) {
        console.error(`${d.table} [${d.group}]: lưu ${d.stored}, đếm lại ${d.recounted} (stored, recounted)`);
      }
      console.error(
        `SỐ LIỆU TỔNG HỢP SAI LỆCH: ${differences.length} nhóm. (ROLL-UPS DIFFER in ${differences.length} groups.)`,
      );
      if (fix) {
        await rebuildRollups(conn.db);
        console.error("Đã tính lại từ bảng gốc. (Recomputed from the base tables.)");
      }
      return 1;
    } finally {
      await conn.close();
    }
  } finally {
    await claim.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
