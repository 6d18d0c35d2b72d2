/**
 * `pnpm audit:verify`: checks the audit log's hash chain (decision 034) and exits 0 with the number
 * of entries checked, or 1 naming the first entry whose content or link does not match. Reads
 * only: on PostgreSQL (DATABASE_URL) while the server runs; on the embedded database (DATA_DIR)
 * when no server holds the folder (PGlite is single-process; the running server checks daily).
 */
import { verifyAuditChain } from "../services/audit/chain.ts";
import { runCli } from "./run-cli.ts";

runCli(
  "Cơ sở dữ liệu chưa được nâng cấp lên phiên bản này; hãy khởi động máy chủ một lần rồi chạy lại. " +
    "(The database is not upgraded to this version yet: start the server once, then run this again.)",
  async (db) => {
    const check = await verifyAuditChain(db);
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
  },
);
