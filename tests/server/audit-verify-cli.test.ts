import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteExtensions } from "../../server/db/adapter.ts";
import { copyPreparedDataDir } from "../support/data-dirs.ts";

// `pnpm audit:verify` as an operator runs it, on an embedded database folder no server holds
// (issue 29 item 1): 0 and the count on an untouched log, 1 naming the entry changed with SQL,
// a clear refusal for a database of a newer version.

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-audit-verify-"));
// A folder a first start made (migrations and reference data; tests/support/data-dirs.ts), where
// the user CLI below adds an account, instead of creating the folder itself: 10 s of CPU less.
copyPreparedDataDir("reference", dataDir);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(file: string, args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(root, file), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, LOG_LEVEL: "warn", SEED_DEMO: "false", ...env },
    timeout: 240_000,
  });
}

async function sql<T>(text: string): Promise<T[]> {
  const pg = await PGlite.create({ dataDir: path.join(dataDir, "pg"), extensions: pgliteExtensions });
  try {
    return (await pg.query<T>(text)).rows;
  } finally {
    await pg.close();
  }
}

describe("pnpm audit:verify", () => {
  it("counts an untouched log, names the entry changed with SQL, refuses a newer version's database", async () => {
    // A real database folder, used as an operator would: the user CLI opens it and adds an account.
    for (const name of ["audit-a"]) {
      const made = run("server/cli/user.ts", ["add", name, "--role", "viewer"], { NEW_PASSWORD: "Passw0rd-audit-1" });
      expect(made.status, made.stderr).toBe(0);
    }
    const [{ n }] = (await sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_entry")) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(1);
    const ok = run("server/cli/audit-verify.ts");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${n} entries checked`);

    const [{ id }] = (await sql<{ id: number }>(
      "SELECT min(id)::int AS id FROM audit_entry WHERE username = '' AND action = 'create'",
    )) as [{ id: number }];
    await sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
    await sql(`UPDATE audit_entry SET after = jsonb_set(after, '{role}', '"admin"') WHERE id = ${id}`);
    await sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
    const bad = run("server/cli/audit-verify.ts");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`entry ${id};`);

    await sql(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ('x-newer', 'x', now(), '29991231000000_from_the_future', 1)`,
    );
    const newer = run("server/cli/audit-verify.ts");
    expect(newer.status).toBe(2);
    expect(newer.stderr).toContain("newer version");
  }, 600_000);
});
