/**
 * `pnpm rollups:check [--fix]`: recounts the dashboard's roll-ups from the base tables (decision
 * 046) and prints every group that differs; exit 0 when none does, 1 when one does (with --fix the
 * roll-ups are then recomputed), 2 for a database it must not read. On the embedded database it
 * takes the folder's lock like every CLI (server stopped; the server checks daily); on PostgreSQL
 * any time.
 */
import { rebuildRollups, rollupDifferences } from "../services/dashboard/rollups.ts";
import { runCli } from "./run-cli.ts";

const fix = process.argv.includes("--fix");

runCli("Cơ sở dữ liệu chưa được nâng cấp (not upgraded yet).", async (db) => {
  const differences = await rollupDifferences(db);
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
    await rebuildRollups(db);
    console.error("Đã tính lại từ bảng gốc. (Recomputed from the base tables.)");
  }
  return 1;
});
