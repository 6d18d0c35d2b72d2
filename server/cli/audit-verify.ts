/**
 * `pnpm audit:verify`: checks the audit log's hash chain (decision 034) and exits 0 with the number
 * of entries checked, or 1 naming the first entry whose content or link does not match. Reads
 * only: on PostgreSQL (DATABASE_URL) while the server runs; on the embedded database (DATA_DIR)
 * when no server holds the folder (PGlite is single-process; the running server checks daily).
 */
import fs from "node:fs";
import path from "node:path";
import { migrationState, refusal } from "../db/migrate.ts";
import { claimDataDir, connect } from "../db/open.ts";
import { readEnv } from "../env.ts";
import { verifyAuditChain } from "../services/audit/chain.ts";

async function main(): Promise<number> {
  const env = readEnv();
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
      const refused = refusal(state);
      if (refused) {
        console.error(refused);
        return 2;
      }
      if (state.pending.length > 0) {
        console.error(
          "Cơ sở dữ liệu chưa được nâng cấp lên phiên bản này; hãy khởi động máy chủ một lần rồi chạy lại. " +
            "(The database is not upgraded to this version yet: start the server once, then run this again.)",
        );
        return 2;
      }
      const check = await verifyAuditChain(conn.db);
      if (check.broken) {
        const what =
          check.broken.reason === "content"
            ? "nội dung không khớp mã băm (its content does not match its hash)"
            : "liên kết tới mục trước không khớp (its link to the previous entry does not match)";
        console.error(
          `NHẬT KÝ KIỂM TRA BỊ SỬA: mục ${check.broken.id} — ${what}; ${check.checked} mục trước đó khớp. ` +
            `(AUDIT LOG TAMPERED: entry ${check.broken.id}; ${check.checked} entries before it match.)`,
        );
        return 1;
      }
      console.log(
        `Nhật ký kiểm tra nguyên vẹn: đã kiểm ${check.checked} mục; mã băm cuối ${check.lastHash || "(trống)"}. ` +
          `(Audit log intact: ${check.checked} entries checked; last hash ${check.lastHash || "(none)"}.)`,
      );
      return 0;
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
