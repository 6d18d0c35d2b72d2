import { describe, expect, it } from "vitest";
import { HAI_AN } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

const s = entryFile();

describe("modelTypes", () => {
  it("lists the catalogue for everyone logged in", async () => {
    const list = await s.caller(s.users.viewer).modelTypes.list();
    expect(list.total).toBeGreaterThan(30);
    expect(list.items.find((t) => t.code === "security-camera")).toMatchObject({ category: "camera", siteCount: 0 });
    expect(
      (await s.caller(s.users.viewer).modelTypes.list({ category: "religious" })).items.every(
        (t) => t.category === "religious",
      ),
    ).toBe(true);
  });

  it("lets only admins create and update; codes are unique; audit is written", async () => {
    const input = { code: "safe-market", name: "Chợ an toàn", category: "residential" as const };
    await expectTrpcError(
      s.caller(s.users.province).modelTypes.create(input),
      "FORBIDDEN",
      "Chức năng này chỉ dành cho quản trị viên.",
    );
    const before = await s.counts();
    const created = await s.caller(s.users.admin).modelTypes.create(input);
    expect(created).toMatchObject({ version: 1, code: "safe-market", siteCount: 0 });
    expect(await s.counts()).toEqual({ ...before, types: before.types + 1, audit: before.audit + 1 });
    await expectTrpcError(
      s.caller(s.users.admin).modelTypes.create(input),
      "BAD_REQUEST",
      "Mã loại mô hình đã tồn tại",
      "code",
    );
    await expectTrpcError(
      s.caller(s.users.admin).modelTypes.create({ ...input, code: "Chợ" }),
      "BAD_REQUEST",
      "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang",
    );
    const updated = await s
      .caller(s.users.admin)
      .modelTypes.update({ id: created.id, version: 1, name: "Chợ văn minh, an toàn" });
    expect(updated).toMatchObject({ version: 2, name: "Chợ văn minh, an toàn" });
    await expectTrpcError(
      s.caller(s.users.admin).modelTypes.update({ id: created.id, version: 1, name: "X" }),
      "CONFLICT",
    );
  });

  it("two admins adding one code at once: one type, the other told the code is taken", async () => {
    const input = { code: "race-code", name: "Cùng lúc", category: "residential" as const };
    const results = await Promise.allSettled([
      s.caller(s.users.admin).modelTypes.create(input),
      s.caller(s.users.admin).modelTypes.create(input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Mã loại mô hình") });
    expect(await s.t.db.modelType.count({ where: { code: "race-code" } })).toBe(1);
  });

  it("refuses to move a type with sites into or out of the religious group", async () => {
    const clan = await s.typeId("clan-no-crime");
    await s
      .caller(s.users.admin)
      .sites.create({ modelTypeId: clan, areaCode: HAI_AN, name: "Họ Lê", establishedOn: "2012-01-01" });
    await expectTrpcError(
      s.caller(s.users.admin).modelTypes.update({ id: clan, version: 1, category: "religious" }),
      "BAD_REQUEST",
      "Loại mô hình đã có điểm, không đổi được sang/ra khỏi nhóm tôn giáo",
      "category",
    );
  });
});
