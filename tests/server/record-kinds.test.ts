import { describe, expect, it } from "vitest";
import { TEMPLATE_HEADERS } from "../../server/services/imports/header.ts";
import { createBatch } from "../../server/services/imports/preview.ts";
import { createMany } from "../../server/services/records/create-many.ts";
import { awardReport } from "../../server/services/records/kinds/award.ts";
import { siteKind, siteRow } from "../../server/services/records/kinds/site.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { createTestDb } from "../support/db.ts";
import { setApproval } from "./helpers/approvals.ts";
import { CLAN, entryFile } from "./helpers/entry.ts";
import { xlsx } from "./helpers/imports.ts";

/**
 * A record kind is one module (issue 24, decision 037): the form, the import and the lifecycle's
 * bulk write read the same duplicate rule, search text and headings, and the bulk write checks
 * scope and lock and audits every record it writes.
 */
const s = entryFile();

describe("one kind, one rule", () => {
  it("an imported site and the same site saved by the form: the same duplicate judgement and search text", async () => {
    const file = await xlsx([
      ["Loại mô hình", "Tên điểm mô hình", "Xã, phường, thị trấn", "Huyện, thị xã, thành phố", "Ngày thành lập"],
      [CLAN, "Dòng họ Đặng Hữu", "Hải An", "Hải Lăng", "01/02/2016"],
    ]);
    const api = s.caller(s.users.province).imports;
    const p = await createBatch(s.t.db, { kind: "sites", fileName: "a.xlsx", bytes: file }, s.users.province, "vi");
    expect(p).toMatchObject({ total: 1, ready: 1 });
    await api.commit({ batchId: p.batchId, skipErrors: false });
    const [imported] = await s.t.db.site.findMany({ where: { importBatchId: p.batchId }, select: { id: true } });
    // The form warns about the imported record (name differing only by case and diacritics).
    const saved = await s.caller(s.users.province).sites.create({
      modelTypeId: await s.typeId("clan-no-crime"),
      areaCode: HAI_AN,
      name: "dong ho dang huu",
      establishedOn: "2016-02-01",
    });
    expect(saved.warnings.map((w) => w.ids)).toEqual([[imported?.id]]);
    // …and the import refuses the same row as a duplicate of that record, not of the form's.
    const again = await createBatch(s.t.db, { kind: "sites", fileName: "b.xlsx", bytes: file }, s.users.province, "vi");
    expect(again).toMatchObject({ total: 1, ready: 0, duplicates: 1 });
    // The search text: the same words however the record came in (SQL, not the code under test).
    const texts = await s.t.db.$queryRaw<{ id: number; search_text: string }[]>`
      SELECT id, search_text FROM site WHERE id IN (${imported?.id}, ${saved.id}) ORDER BY id`;
    expect(texts.map((t) => t.search_text)).toEqual([
      "dong ho dang huu xa hai an huyen hai lang",
      "dong ho dang huu xa hai an huyen hai lang",
    ]);
  });

  it("heads a field with one word: the import template's heading is the report column's", () => {
    expect(TEMPLATE_HEADERS.issuer).toBe("Cấp khen thưởng");
    expect(awardReport.columns({ kind: "all" }).map((c) => c.field)).toContain("issuer");
    expect(TEMPLATE_HEADERS.district).toBe("Huyện, thị xã, thành phố");
  });
});

describe("the lifecycle's bulk write", () => {
  it("refuses a row out of the writer's scope and one in an approved unit-year; audits each record once", async () => {
    const area = await s.t.db.adminUnit.findFirstOrThrow({
      where: { catalog: "three_level", code: HAI_AN },
      select: { id: true, name: true, parent: { select: { name: true } } },
    });
    const ref = { id: area.id, name: area.name, districtName: area.parent?.name ?? "" };
    const typeId = await s.typeId("clan-no-crime");
    const row = (name: string, year: number) =>
      siteRow(ref, { modelTypeId: typeId, name, establishedOn: new Date(Date.UTC(year, 4, 1)) });
    await setApproval(s.t.db, HAI_LANG, 2012, "approved");
    const rows = [row("Bulk A", 2013), row("Bulk B", 2012), row("Bulk C", 2014), row("Bulk A", 2013)];
    const auditBefore = await s.t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_entry`;

    // Đông Hà's editor may not write in Hải Lăng: every row refused, nothing written, all or nothing.
    await expect(
      s.t.db.$transaction((tx) =>
        createMany(siteKind, tx, rows, { by: s.users.dongHa, duplicates: "refuse", allOrNothing: true }),
      ),
    ).rejects.toMatchObject({ kind: "forbidden", key: "scope.ownDistrict" });

    const out = await s.t.db.$transaction((tx) =>
      createMany(siteKind, tx, rows, { by: s.users.haiLang, duplicates: "refuse", allOrNothing: false }),
    );
    expect([...out.refused].map(([i, r]) => [i, r.why, r.key])).toEqual([
      [1, "lock", "lock.approved"],
      [3, "duplicate", "import.duplicateInFile"],
    ]);
    const written = out.ids.filter((id): id is number => id !== null);
    expect(written).toHaveLength(2);
    const [stored] = await s.t.db.$queryRaw<{ n: number; names: string }[]>`
      SELECT count(*)::int AS n, string_agg(name, ',' ORDER BY name) AS names FROM site WHERE name LIKE 'Bulk %'`;
    expect(stored).toEqual({ n: 2, names: "Bulk A,Bulk C" });
    const [audit] = await s.t.db.$queryRaw<{ n: number; entries: number; records: number; by: string }[]>`
      SELECT (SELECT count(*)::int FROM audit_entry) AS n,
             count(*)::int AS entries, count(DISTINCT entity_id)::int AS records, max(username) AS by
        FROM audit_entry WHERE entity = 'site' AND action = 'create' AND entity_id = ANY(${written.map(String)})`;
    expect(audit).toEqual({ n: (auditBefore[0]?.n ?? 0) + 2, entries: 2, records: 2, by: s.users.haiLang.username });
  });
});

describe("the demo data", () => {
  it("is written by the bulk write: one audit entry per demo record, by the system", async () => {
    const demo = await createTestDb("demo");
    try {
      const rows = await demo.db.$queryRaw<{ entity: string; records: number; audited: number }[]>`
        WITH r AS (SELECT 'site' AS entity, id FROM site WHERE is_demo
          UNION ALL SELECT 'camera_installation', id FROM camera_installation WHERE is_demo
          UNION ALL SELECT 'award', id FROM award WHERE is_demo)
        SELECT r.entity, count(*)::int AS records,
          count(e.id)::int AS audited
        FROM r LEFT JOIN audit_entry e ON e.entity = r.entity AND e.entity_id = r.id::text
          AND e.action = 'create' AND e.user_id IS NULL AND e.username = ''
        GROUP BY r.entity ORDER BY r.entity`;
      expect(rows.map((r) => r.entity)).toEqual(["award", "camera_installation", "site"]);
      for (const r of rows) expect(r.audited, r.entity).toBe(r.records);
      expect(rows.every((r) => r.records > 0)).toBe(true);
    } finally {
      await demo.close();
    }
  }, 60_000);
});
