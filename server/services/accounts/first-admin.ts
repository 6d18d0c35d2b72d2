import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db.ts";
import { createUser } from "./users.ts";

export const ADMIN_USERNAME = "admin";

/**
 * First start: creates the `admin` account, so that no default password ever exists. With
 * ADMIN_PASSWORD the account gets it; without, a random password is generated, written to
 * `$DATA_DIR/admin-password.txt` (readable by the server's user only) and returned for printing
 * once. An existing admin is left alone: ADMIN_PASSWORD does not overwrite a changed password.
 */
export async function ensureAdmin(
  db: Db,
  opts: { adminPassword?: string; dataDir: string },
): Promise<{ created: false } | { created: true; generatedPassword?: string; passwordFile?: string }> {
  const existing = await db.user.findUnique({ where: { username: ADMIN_USERNAME }, select: { id: true } });
  if (existing) return { created: false };
  const generatedPassword = opts.adminPassword ? undefined : randomBytes(15).toString("base64url");
  const password = opts.adminPassword ?? generatedPassword ?? "";
  const admin = await createUser(
    db,
    { username: ADMIN_USERNAME, displayName: "Quản trị viên", password, role: "admin", districtCode: null },
    null,
  );
  // The demo approvals were seeded before this account existed: the demo admin approved them (decision 025).
  await db.approval.updateMany({
    where: { isDemo: true, state: "approved", approvedById: null },
    data: { approvedById: admin.id },
  });
  if (!generatedPassword) return { created: true };
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const passwordFile = path.join(opts.dataDir, "admin-password.txt");
  fs.writeFileSync(passwordFile, `${generatedPassword}\n`, { mode: 0o600 });
  fs.chmodSync(passwordFile, 0o600);
  return { created: true, generatedPassword, passwordFile };
}
