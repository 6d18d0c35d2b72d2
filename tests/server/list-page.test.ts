import { beforeAll, describe, expect, it } from "vitest";
import { siteRow } from "../../prisma/seed/factories.ts";
import { sites } from "../../server/services/records/kinds/site.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

// Record lists are kept per input while the data version is unchanged, and count only when the
// page does not show where the list ends (server/services/records.ts `listPage`, decision 013).
const s = entryFile();
let clan: number;
const SITES = 45;
beforeAll(async () => {
  clan = await s.typeId("clan-no-crime");
  const area = await s.t.db.adminUnit.findFirstOrThrow({
    where: { code: HAI_AN },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  const ref = { id: area.id, name: area.name, districtName: area.parent?.name ?? "" };
  await s.t.db.site.createMany({
    data: Array.from({ length: SITES }, (_, i) =>
      siteRow(ref, { modelTypeId: clan, name: `Điểm số ${i + 1}`, establishedOn: new Date(Date.UTC(2010, 0, 1 + i)) }),
    ),
  });
}, 60_000);

const list = (input: Record<string, unknown>) => s.caller(s.users.viewer).sites.list({ pageSize: 20, ...input });

describe("record list pages", () => {
  it("gives the filter's total on every page: full, last, past the end, and a short first page", async () => {
    expect(await list({ page: 1 })).toMatchObject({ total: SITES });
    const last = await list({ page: 3 });
    expect(last.items).toHaveLength(SITES - 40);
    expect(last.total).toBe(SITES);
    expect(await list({ page: 9 })).toEqual({ items: [], total: SITES });
    const one = await list({ search: "diem so 17" });
    expect(one.items.map((i) => i.name)).toEqual(["Điểm số 17"]);
    expect(one.total).toBe(1);
    expect(await list({ search: "khong co diem nao" })).toEqual({ items: [], total: 0 });
  });

  it("answers a repeated page from the cache, and a write through the API or straight to the table drops it", async () => {
    const input = { page: 1, pageSize: 5, dir: "asc", sort: "establishedOn" } as const;
    const first = await sites.list(s.t.db, input, s.users.viewer);
    expect(await sites.list(s.t.db, input, s.users.viewer)).toBe(first);

    const created = await s.caller(s.users.haiLang).sites.create({
      modelTypeId: clan,
      areaCode: HAI_AN,
      districtCode: HAI_LANG,
      name: "Điểm sớm nhất",
      establishedOn: "2001-01-01",
    });
    const afterCreate = await sites.list(s.t.db, input, s.users.viewer);
    expect(afterCreate.total).toBe(first.total + 1);
    expect(afterCreate.items[0]?.id).toBe(created.id);

    // Not only the services: the trigger behind the data version sees any writer (psql, scripts).
    await s.t.db.$executeRaw`UPDATE site SET name = 'Đổi ngoài ứng dụng' WHERE id = ${created.id}`;
    const afterSql = await sites.list(s.t.db, input, s.users.viewer);
    expect(afterSql.items[0]?.name).toBe("Đổi ngoài ứng dụng");
  });

  it("matches a model type by its new name after a rename", async () => {
    expect(await list({ search: "mo hinh doi ten" })).toEqual({ items: [], total: 0 });
    const type = await s.t.db.modelType.findUniqueOrThrow({ where: { id: clan }, select: { version: true } });
    await s.caller(s.users.admin).modelTypes.update({ id: clan, version: type.version, name: "Mô hình đổi tên" });
    const renamed = await list({ search: "mo hinh doi ten" });
    expect(renamed.total).toBe(await s.t.db.site.count({ where: { modelTypeId: clan, deletedAt: null } }));
    expect(renamed.items[0]?.modelTypeName).toBe("Mô hình đổi tên");
  });

  it("refuses deleted rows to a non-admin even when an admin's identical page is cached", async () => {
    const input = { page: 1, includeDeleted: true };
    const admin = await s.caller(s.users.admin).sites.list(input);
    expect(admin.total).toBeGreaterThan(0);
    await expectTrpcError(list(input), "FORBIDDEN");
    await s.caller(s.users.admin).cameras.list(input);
    await expectTrpcError(s.caller(s.users.viewer).cameras.list(input), "FORBIDDEN");
    await s.caller(s.users.admin).awards.list(input);
    await expectTrpcError(s.caller(s.users.viewer).awards.list(input), "FORBIDDEN");
  });
});
