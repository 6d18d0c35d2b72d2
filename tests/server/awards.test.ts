import { describe, expect, it } from "vitest";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

const s = entryFile();

const base = () => ({
  year: 2021,
  issuer: "provincial_committee" as const,
  form: "certificate_of_merit" as const,
  recipientKind: "collective" as const,
  recipientName: "Ban Công an xã Hải An",
  areaCode: HAI_AN,
  decisionNumber: "123/QĐ-UBND",
});

describe("awards", () => {
  it("creates, warns about a likely duplicate, updates, removes, restores, with history", async () => {
    const award = await s.caller(s.users.haiLang).awards.create(base());
    expect(award).toMatchObject({ version: 1, areaCode: HAI_AN, districtCode: HAI_LANG, warnings: [] });
    const dup = await s.caller(s.users.admin).awards.create({ ...base(), recipientName: "ban cong an xa hai an" });
    expect(dup.warnings[0]?.ids).toEqual([award.id]);
    const updated = await s.caller(s.users.haiLang).awards.update({ id: award.id, version: 1, year: 2022 });
    expect(updated).toMatchObject({ version: 2, year: 2022 });
    await expectTrpcError(
      s.caller(s.users.haiLang).awards.update({ id: award.id, version: 1, year: 2020 }),
      "CONFLICT",
    );
    await s.caller(s.users.haiLang).awards.remove({ id: award.id, version: 2, reason: "sai quyết định" });
    await s.caller(s.users.admin).awards.restore({ id: award.id });
    const history = await s.history(s.users.viewer, "award", award.id);
    expect(history.map((h) => h.action)).toEqual(["restore", "remove", "update", "create"]);
    expect(history[2]?.changes).toEqual([{ field: "year", before: 2021, after: 2022 }]);
  });

  it("keeps province-level awards (no area) for province-wide staff", async () => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.haiLang).awards.create({ ...base(), areaCode: null }),
      "FORBIDDEN",
      "Khen thưởng cấp tỉnh chỉ do cán bộ cấp tỉnh cập nhật.",
    );
    expect(await s.counts()).toEqual(before);
    const award = await s
      .caller(s.users.province)
      .awards.create({ ...base(), areaCode: null, recipientName: "Công an tỉnh" });
    expect(award).toMatchObject({ areaCode: null, districtCode: null });
  });

  it("forbids a district editor to touch another district's award", async () => {
    const award = await s.caller(s.users.haiLang).awards.create({ ...base(), recipientName: "Tổ tự quản số 3" });
    await expectTrpcError(
      s.caller(s.users.dongHa).awards.update({ id: award.id, version: 1, year: 2020 }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      s.caller(s.users.dongHa).awards.remove({ id: award.id, version: 1, reason: "không rõ" }),
      "FORBIDDEN",
    );
    await expectTrpcError(s.caller(s.users.dongHa).awards.create(base()), "FORBIDDEN");
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ["year before 1990", { year: 1989 }, "year", `Năm phải từ 1990 đến ${new Date().getFullYear()}`],
    ["year in the future", { year: 2999 }, "year", `Năm phải từ 1990 đến ${new Date().getFullYear()}`],
    ["empty recipient", { recipientName: "" }, "recipientName", "Vui lòng nhập tên tập thể/cá nhân được khen"],
    ["unknown issuer", { issuer: "king" }, "issuer", "Vui lòng chọn cấp khen thưởng"],
    ["unknown form", { form: "medal" }, "form", "Vui lòng chọn hình thức khen thưởng"],
    ["long decision number", { decisionNumber: "x".repeat(101) }, "decisionNumber", "Số quyết định tối đa 100 ký tự"],
  ];
  it.each(invalid)("rejects %s with BAD_REQUEST and changes nothing", async (_, patch, field, message) => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.admin).awards.create({ ...base(), ...patch } as never),
      "BAD_REQUEST",
      message,
      field,
    );
    expect(await s.counts()).toEqual(before);
  });

  it("lists with filters and accent-free search", async () => {
    await s
      .caller(s.users.admin)
      .awards.create({ ...base(), recipientName: "Ông Nguyễn Văn Khen", recipientKind: "individual", year: 2015 });
    const viewer = s.caller(s.users.viewer);
    expect((await viewer.awards.list({ search: "nguyen van khen" })).total).toBe(1);
    expect((await viewer.awards.list({ search: "khen", recipientKind: "collective" })).total).toBe(0);
    expect((await viewer.awards.list({ search: "khen", fromYear: 2016 })).total).toBe(0);
    expect((await viewer.awards.list({ search: "khen", districtCode: HAI_LANG, toYear: 2015 })).total).toBe(1);
  });
});
