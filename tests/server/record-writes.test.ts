import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { CON_CO, HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { XA_GIO_LINH } from "./helpers/approvals.ts";

/**
 * A create through the lifecycle (issue 27, item 2; decision 053's follow-up): few statements, and
 * what it returns and audits is the record as stored, although it is no longer read back.
 */
let t: TestDb;
let admin: SessionUser;
let haiLang: SessionUser;
/** Statements Prisma sent while `counting` (BEGIN is not in Prisma's query log, COMMIT is). */
let sent: string[] = [];
let counting = false;
beforeAll(async () => {
  t = await createTestDb("reference", {
    onQuery: (sql) => {
      if (counting) sent.push(sql);
    },
  });
  admin = await makeUser(t.db, { role: "admin" });
  haiLang = await makeUser(t.db, { role: "editor", districtCode: HAI_LANG });
}, 60_000);
afterAll(() => t?.close());

const caller = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));

async function statementsOf<R>(write: () => Promise<R>): Promise<{ result: R; statements: string[] }> {
  sent = [];
  counting = true;
  try {
    return { result: await write(), statements: sent };
  } finally {
    counting = false;
  }
}

const camera = (areaCode: string, installedOn = "2019-05-01") => ({
  areaCode,
  installedOn,
  cameras: 4,
  recorders: 1,
  memoryCards: 2,
  costVnd: 40_000_000,
  fundingSource: "socialized" as const,
});

/** The record's one audit entry's `after`, by SQL. */
async function audited(entity: string, id: number) {
  const rows = await t.db.$queryRaw<{ after: Record<string, unknown> }[]>`
    SELECT "after" FROM audit_entry WHERE entity = ${entity} AND entity_id = ${String(id)} AND action = 'create'`;
  expect(rows).toHaveLength(1);
  return rows[0]?.after;
}

describe("a record's create", () => {
  it("sends 7 statements for an installation: area, duplicates, lock, lock check, insert, audit, commit", async () => {
    // Counted by hand from the lifecycle: resolveArea (1), the duplicate check (1), then in the
    // transaction the unit-year's lock taken (1) and its approval checked (1), the row inserted with
    // nothing read back (1), its audit entry (1), COMMIT (1). Before: 19 (Prisma read the area's
    // parent, former district, successor and child count, and the new row's 7 relations, apart).
    const { result, statements } = await statementsOf(() => caller(haiLang).cameras.create(camera(HAI_AN)));
    expect(result).toMatchObject({ areaCode: HAI_AN, districtCode: HAI_LANG, version: 1 });
    expect(statements).toHaveLength(7);
    expect(statements.filter((q) => /^\s*INSERT/i.test(q))).toHaveLength(2);
  });

  it("returns and audits the record as a read of it shows it, for every kind and kind of area", async () => {
    const c = caller(admin);
    const site = await c.sites.create({
      modelTypeId: (await t.db.modelType.findUniqueOrThrow({ where: { code: "security-camera" } })).id,
      areaCode: HAI_AN,
      name: "Camera an ninh thôn Hải Lâm",
      establishedOn: "2018-01-01",
    });
    const made = [
      { entity: "site", saved: site, read: (id: number) => c.sites.get({ id }) },
      ...[
        camera(HAI_AN),
        { ...camera(HAI_AN), siteId: site.id, notes: "Cổng chợ" },
        camera(CON_CO), // a district with no communes is its own area
        camera(XA_GIO_LINH, "2025-09-01"), // a commune of today, on its former district's land
      ].map((input) => ({ entity: "camera_installation", input })),
      ...[
        { areaCode: HAI_AN, siteId: site.id },
        { areaCode: null }, // province level
      ].map((place) => ({
        entity: "award",
        input: {
          year: 2021,
          issuer: "provincial_police" as const,
          form: "certificate" as const,
          recipientKind: "collective" as const,
          recipientName: `Tổ camera ${Math.random()}`,
          ...place,
        },
      })),
    ];
    for (const m of made) {
      let saved: { id: number; warnings: unknown; unchanged: boolean } & Record<string, unknown>;
      let read: Record<string, unknown>;
      if ("saved" in m) {
        saved = m.saved;
        read = await m.read(saved.id);
      } else if (m.entity === "award") {
        saved = await c.awards.create(m.input as Parameters<typeof c.awards.create>[0]);
        read = await c.awards.get({ id: saved.id });
      } else {
        saved = await c.cameras.create(m.input as Parameters<typeof c.cameras.create>[0]);
        read = await c.cameras.get({ id: saved.id });
      }
      const { warnings: _w, unchanged: _u, ...record } = saved;
      expect(record).toEqual(read);
      // The audit keeps the record as its API shows it (JSON: no undefined, no Date).
      expect(await audited(m.entity, saved.id)).toEqual(JSON.parse(JSON.stringify(read)));
    }
    const linked = await c.cameras.get({
      id: (await t.db.cameraInstallation.findFirstOrThrow({ where: { siteId: site.id } })).id,
    });
    expect(linked).toMatchObject({ siteId: site.id, siteName: "Camera an ninh thôn Hải Lâm", siteRemoved: false });
  });
});

describe("a record's update, removal and restore", () => {
  it("read the stored row once and not again after the write; return and audit the record as a read shows it", async () => {
    // Counted by hand from the lifecycle: the stored row read with its relations (8: the row, its
    // area, the commune of today, the linked site, the area's parent, former district and
    // successor, the site's model type), for an update the area by code (1) and the duplicate check
    // (1), then in the transaction the unit-year's lock (1) and its check (1), the update (1), the
    // audit entry (1), COMMIT (1). Before: 8 more, the row read back after the update.
    const c = caller(admin);
    const made = await c.cameras.create(camera(HAI_AN));
    const writes = [
      { action: "update", n: 15, write: () => c.cameras.update({ id: made.id, version: 1, cameras: 9 }) },
      // To another area (a district without communes): its relations are resolveArea's.
      { action: "update", n: 15, write: () => c.cameras.update({ id: made.id, version: 2, areaCode: CON_CO }) },
      { action: "remove", n: 13, write: () => c.cameras.remove({ id: made.id, version: 3, reason: "Nhập trùng" }) },
      { action: "restore", n: 13, write: () => c.cameras.restore({ id: made.id }) },
    ];
    for (const w of writes) {
      const { result, statements } = await statementsOf(w.write);
      expect(statements).toHaveLength(w.n);
      expect(statements.filter((q) => /^\s*UPDATE/i.test(q))).toHaveLength(1);
      const { warnings: _w, unchanged: _u, ...record } = result as typeof result & { warnings?: []; unchanged?: false };
      const read = await c.cameras.get({ id: made.id });
      expect(record).toEqual(read);
      const [entry] = await t.db.$queryRaw<{ after: Record<string, unknown> }[]>`
        SELECT "after" FROM audit_entry WHERE entity = 'camera_installation' AND entity_id = ${String(made.id)}
          AND action = ${w.action} ORDER BY id DESC LIMIT 1`;
      expect(entry?.after).toEqual(JSON.parse(JSON.stringify(read)));
    }
    expect(await c.cameras.get({ id: made.id })).toMatchObject({
      version: 5,
      areaCode: CON_CO,
      cameras: 9,
      deletedAt: null,
    });
  });

  it("a site's update that changes its model type reads the row back (a relation it does not know)", async () => {
    const c = caller(admin);
    const types = await t.db.modelType.findMany({ orderBy: { id: "asc" }, take: 2 });
    const site = await c.sites.create({
      modelTypeId: types[0]?.id as number,
      areaCode: HAI_AN,
      name: "Mô hình đổi loại",
      establishedOn: "2019-01-01",
    });
    const saved = await c.sites.update({ id: site.id, version: 1, modelTypeId: types[1]?.id as number });
    const { warnings: _w, unchanged: _u, ...record } = saved;
    expect(record).toEqual(await c.sites.get({ id: site.id }));
    expect(record).toMatchObject({ modelTypeId: types[1]?.id });
  });
});
