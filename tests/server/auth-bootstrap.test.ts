import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin } from "../../server/services/accounts/first-admin.ts";
import { loginToken } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "qt-auth-"));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("first start", () => {
  it("without ADMIN_PASSWORD creates admin with a random password, written once to a 0600 file", async () => {
    const dataDir = tmp();
    const first = await ensureAdmin(t.db, { dataDir });
    if (!first.created || !first.generatedPassword || !first.passwordFile) throw new Error("admin not created");
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(fs.readFileSync(first.passwordFile, "utf8").trim()).toBe(first.generatedPassword);
    expect(fs.statSync(first.passwordFile).mode & 0o777).toBe(0o600);
    await loginToken(t.db, "admin", first.generatedPassword);
    // Second start: nothing changes, ADMIN_PASSWORD does not overwrite the existing password.
    expect(await ensureAdmin(t.db, { dataDir, adminPassword: "Another-admin-pass" })).toEqual({ created: false });
    await loginToken(t.db, "admin", first.generatedPassword);
    const admin = await t.db.user.findUniqueOrThrow({ where: { username: "admin" }, select: { role: true } });
    expect(admin.role).toBe("admin");
  });

  it("with ADMIN_PASSWORD uses it and writes no file", async () => {
    const other = await createTestDb();
    try {
      const dataDir = tmp();
      expect(await ensureAdmin(other.db, { dataDir, adminPassword: "Given-admin-pass" })).toEqual({ created: true });
      expect(fs.existsSync(path.join(dataDir, "admin-password.txt"))).toBe(false);
      await loginToken(other.db, "admin", "Given-admin-pass");
    } finally {
      await other.close();
    }
  });
});
