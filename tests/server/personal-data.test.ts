import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { parseCsv, readXlsx } from "./reports-read.ts";

// Issue 23 item 11 / issue 29 item 5: a commune police account reads and exports award
// recipients' names only for its own commune (and the old areas it took over); other units'
// awards still count, with the name withheld; every response carrying names is audited.
// The expected names come from SQL here, not from the code under test.

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let commune: SessionUser;
let admin: SessionUser;
let cookie: string;
let own: Set<string>;
let foreign: Set<string>;
let total: number;
const YEARS = `fromYear=2007&toYear=${new Date().getFullYear()}`;

/** Today's commune that holds the most live awards (its own, or of old areas it took over). */
const AWARDS_BY_COMMUNE = `
  SELECT aw.id, aw.recipient_name AS name,
    (CASE WHEN a.catalog = 'two_level' THEN a.code ELSE s.code END) AS commune
  FROM award aw LEFT JOIN admin_unit a ON a.id = aw.area_id LEFT JOIN admin_unit s ON s.id = a.successor_id
  WHERE aw.deleted_at IS NULL`;

beforeAll(async () => {
  t = await createTestDb("demo");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  const rows = await t.db.$queryRawUnsafe<{ id: number; name: string; commune: string | null }[]>(AWARDS_BY_COMMUNE);
  const byCommune = new Map<string, number>();
  for (const r of rows) if (r.commune) byCommune.set(r.commune, (byCommune.get(r.commune) ?? 0) + 1);
  const [code] = [...byCommune.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!code) throw new Error("the demo data has no award in a commune");
  commune = await makeUser(t.db, { role: "editor", communeCode: code });
  admin = await makeUser(t.db, { role: "admin" });
  cookie = `qt_session=${await sessionFor(t.db, commune.id)}`;
  own = new Set(rows.filter((r) => r.commune === code).map((r) => r.name));
  // Names that only other units' awards carry (a name both have is the commune's to read).
  foreign = new Set(rows.filter((r) => r.commune !== code && !own.has(r.name)).map((r) => r.name));
  total = rows.length;
  expect(own.size).toBeGreaterThan(0);
  expect(foreign.size).toBeGreaterThan(10);
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const caller = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
const namesAudit = (userId: number, entityId: string) =>
  t.db.auditEntry.findMany({ where: { userId, action: "read_names", entityId }, select: { after: true } });

describe("recipients' names outside a commune account's scope", () => {
  it("awards.csv carries every award but no name from another commune, and the export is audited", async () => {
    const res = await app.inject({ method: "GET", url: `/api/reports/awards.csv?${YEARS}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const [header = [], ...body] = parseCsv(res.body.replace(/^\uFEFF/, ""));
    const data = body.filter((r) => /^\d+$/.test(r[0] ?? ""));
    expect(data).toHaveLength(total);
    const at = header.indexOf("Tập thể / cá nhân được khen");
    const names = data.map((r) => r[at] ?? "");
    expect(names.filter((n) => foreign.has(n))).toEqual([]);
    for (const cell of body.flat()) expect(foreign.has(cell), cell).toBe(false);
    expect(names.filter((n) => own.has(n)).length).toBeGreaterThan(0);
    const shown = names.filter((n) => n !== "—").length;
    expect(await namesAudit(commune.id, "awards.csv")).toEqual([
      {
        after: {
          scope: `commune ${commune.scope.kind === "commune" ? commune.scope.code : ""}`,
          names: shown,
          hidden: total - shown,
          via: "http",
        },
      },
    ]);
  });

  it("the Excel workbook's awards sheet withholds them too", async () => {
    const res = await app.inject({ method: "GET", url: `/api/reports/summary.xlsx?${YEARS}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res.rawPayload);
    const cells: string[] = [];
    wb.getWorksheet("Khen thưởng")?.eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    expect(cells.length).toBeGreaterThan(total);
    expect(cells.filter((c) => foreign.has(c))).toEqual([]);
  });

  it("awards.list and awards.get give other units' awards without the name, flagged; an admin reads all", async () => {
    const page = await caller(commune).awards.list({ page: 1, pageSize: 100, fromYear: 2007 });
    expect(page.total).toBe(total);
    for (const a of page.items) {
      expect(foreign.has(a.recipientName ?? "")).toBe(false);
      if (a.recipientName === null) expect(a.nameHidden).toBe(true);
    }
    const hiddenOne = page.items.find((a) => a.nameHidden);
    expect(hiddenOne).toBeDefined();
    const got = await caller(commune).awards.get({ id: hiddenOne?.id ?? 0 });
    expect(got.recipientName).toBeNull();
    const history = await caller(commune).audit.history({ entity: "award", entityId: String(hiddenOne?.id) });
    expect(JSON.stringify(history)).not.toMatch(/"recipientName":"/);

    const all = await caller(admin).awards.list({ page: 1, pageSize: 100, fromYear: 2007 });
    expect(all.items.every((a) => typeof a.recipientName === "string" && !a.nameHidden)).toBe(true);
    const audited = await namesAudit(admin.id, "award.list");
    expect(audited.at(-1)?.after).toMatchObject({ scope: "province", names: all.items.length, hidden: 0 });
  });
});
