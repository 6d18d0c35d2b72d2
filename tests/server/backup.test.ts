import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createGunzip, createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner } from "../../server/context.ts";
import type { Db } from "../../server/db.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { createSession } from "../../server/services/accounts/sessions.ts";
import { backupToFile } from "../../server/services/backup/dump.ts";
import { BackupError, productMigrations, verifyBackup } from "../../server/services/backup/format.ts";
import { restoreBackup } from "../../server/services/backup/restore.ts";
import { makeLoginUser } from "../fixtures/sessions.ts";
import { HAI_AN, HAI_BA } from "../fixtures/units.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { entryFile } from "./helpers/entry.ts";

// Backup and restore through the services, on PGlite and (in the PostgreSQL run) on PostgreSQL:
// a restore must give back every row as it was — ids, versions, audit entries, sessions — and the
// same figures, and the next id the database hands out must be the same too.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-backup-"));
const s = entryFile();
let target: TestDb;
const file = path.join(dir, "b.jsonl.gz");

/** Every row of every table (as PostgreSQL writes it), and every sequence: the whole database. */
async function snapshot(db: Db) {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`);
    out[name] = rows.map((r) => r.j).sort();
  }
  const seqs = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1",
  );
  for (const { name } of seqs) {
    const [v] = await db.$queryRawUnsafe<{ v: string }[]>(
      `SELECT last_value::text || is_called::text AS v FROM "${name}"`,
    );
    out[`sequence ${name}`] = [v?.v ?? ""];
  }
  return out;
}

beforeAll(async () => {
  // History the backup must carry: a version bump, a soft delete, audit entries, a live session.
  // Entered before the demo data, whose approved 2007–2022 history would lock these years (decision 025).
  const editor = s.caller(s.users.haiLang);
  const site = await editor.sites.create({
    modelTypeId: await s.typeId("clan-no-crime"),
    areaCode: HAI_AN,
    name: 'Dòng họ Lê — "sao lưu" 🛡️\nhai dòng',
    establishedOn: "2015-06-01",
  });
  await editor.sites.update({ id: site.id, version: 1, areaCode: HAI_BA, establishedOn: "2016-02-29" });
  const gone = await editor.sites.create({
    modelTypeId: await s.typeId("clan-no-crime"),
    areaCode: HAI_AN,
    name: "Nhập nhầm",
    establishedOn: "2020-01-01",
  });
  await editor.sites.remove({ id: gone.id, version: 1, reason: "nhập nhầm" });
  await seed(s.t.db, { demo: true });
  const login = await makeLoginUser(s.t.db, { role: "viewer" });
  await createSession(s.t.db, login.id, { ip: "10.0.0.1", userAgent: "test" });
  target = await createTestDb();
}, 240_000);
afterAll(async () => {
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The overview's figures, without the moment they were computed at. */
const summary = async (db: Db) => {
  const { asOf: _, ...figures } = await createCaller(
    createContextInner({ db, dbKind: s.t.kind, user: s.users.viewer }),
  ).dashboard.summary({});
  return figures;
};
const nextSiteId = async (db: Db) =>
  (await db.$queryRawUnsafe<{ id: string }[]>("SELECT nextval(pg_get_serial_sequence('site', 'id'))::text AS id"))[0]
    ?.id;
let before: Awaited<ReturnType<typeof snapshot>>;

describe("backup and restore", () => {
  it("restores every record, the same figures, and the same next ids", async () => {
    before = await snapshot(s.t.db);
    expect(before.audit_entry?.length).toBeGreaterThan(3);
    expect(before.session?.length).toBe(1);
    await backupToFile(s.t.db, s.t.kind, file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Read in one snapshot: the database itself says so.
    expect((await verifyBackup(file)).header).toMatchObject({ isolation: "repeatable read", version: 1 });

    await restoreBackup(target.db, file);
    expect(await snapshot(target.db)).toEqual(before);
    const restored = await summary(target.db);
    expect(restored).toEqual(await summary(s.t.db));
    expect(restored.siteCount).toBeGreaterThan(0);
    expect(await nextSiteId(target.db)).toBe(await nextSiteId(s.t.db));
  }, 240_000);

  it("replaces what the target holds, never adds to it", async () => {
    await target.db.$executeRawUnsafe("DELETE FROM session");
    await restoreBackup(target.db, file);
    expect(await snapshot(target.db)).toEqual(before);
  }, 240_000);

  it("refuses a backup from a newer schema, a truncated, foreign or missing file, changing nothing", async () => {
    const before = await snapshot(target.db);
    const newer = path.join(dir, "newer.jsonl.gz");
    await gzipLines(newer, [
      `H\t${JSON.stringify({ format: "qt-backup", version: 1, createdAt: "", database: "pglite", isolation: "", migrations: [...productMigrations(), "29991231000000_future"] })}`,
      `E\t${JSON.stringify({ tables: 0, rows: 0 })}`,
    ]);
    await expect(restoreBackup(target.db, newer)).rejects.toThrow(/phiên bản mới hơn.*29991231000000_future/);

    const truncated = path.join(dir, "truncated.jsonl.gz");
    const lines = (await linesOf(file)).slice(0, -10);
    await gzipLines(truncated, lines);
    await expect(restoreBackup(target.db, truncated)).rejects.toThrow(BackupError);

    const foreign = path.join(dir, "foreign.gz");
    fs.writeFileSync(foreign, "not gzip");
    await expect(restoreBackup(target.db, foreign)).rejects.toThrow(/không đọc được bản sao lưu/);
    await expect(restoreBackup(target.db, path.join(dir, "missing.jsonl.gz"))).rejects.toThrow(
      /không đọc được bản sao lưu.*ENOENT/,
    );
    expect(await snapshot(target.db)).toEqual(before);
  }, 240_000);
});

async function linesOf(f: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of fs.createReadStream(f).pipe(createGunzip())) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").trimEnd().split("\n");
}

function gzipLines(f: string, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const gz = createGzip();
    gz.pipe(fs.createWriteStream(f)).on("finish", resolve).on("error", reject);
    gz.end(`${lines.join("\n")}\n`);
  });
}
