import { describe, expect, it } from "vitest";
import { CON_CO, HAI_LANG } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

const s = entryFile();

describe("units.tree", () => {
  it("returns the 18 districts of both old provinces and their 126 + 151 areas before 01/07/2025", async () => {
    const tree = await s.caller(s.users.viewer).units.tree({ on: "2022-06-30" });
    expect(tree).toHaveLength(18);
    const areasIn = (province: string) =>
      tree.filter((d) => d.province?.code === province).reduce((n, d) => n + d.areas.length, 0);
    expect(areasIn("45")).toBe(126);
    expect(areasIn("44")).toBe(151);
    expect(tree.find((d) => d.code === CON_CO)).toEqual({
      code: CON_CO,
      name: "Huyện Cồn Cỏ",
      kind: "huyen",
      former: false,
      province: { code: "45", name: "Tỉnh Quảng Trị" },
      areas: [{ code: CON_CO, name: "Huyện Cồn Cỏ", kind: "huyen", current: false }],
    });
    const haiLang = tree.find((d) => d.code === HAI_LANG);
    expect(haiLang?.areas).toHaveLength(16);
    expect(haiLang?.areas[0]).toEqual({ code: "19681", name: "Thị trấn Diên Sanh", kind: "thi_tran", current: false });
  });

  it("keeps a unit on its last day: 30/06/2025 is the last day of the districts, 30/11/2024 of six Quảng Bình communes", async () => {
    const lastDay = await s.caller(s.users.viewer).units.tree({ on: "2025-06-30" });
    expect(lastDay).toHaveLength(18);
    expect(lastDay.reduce((n, d) => n + d.areas.length, 0)).toBe(119 + 1 + 145);
    const minhHoa = (tree: typeof lastDay) => tree.find((d) => d.code === "452")?.areas.map((a) => a.code) ?? [];
    expect(minhHoa(await s.caller(s.users.viewer).units.tree({ on: "2024-11-30" }))).toContain("18910");
    expect(minhHoa(await s.caller(s.users.viewer).units.tree({ on: "2024-12-01" }))).not.toContain("18910");
  });

  it("from 01/07/2025 lists the 78 communes under the abolished district they lie in", async () => {
    const tree = await s.caller(s.users.viewer).units.tree({ on: "2026-03-10" });
    expect(tree).toHaveLength(18);
    expect(tree.every((d) => d.former)).toBe(true);
    expect(tree.reduce((n, d) => n + d.areas.length, 0)).toBe(78);
    expect(tree.filter((d) => d.province?.code === "44").reduce((n, d) => n + d.areas.length, 0)).toBe(41);
    expect(tree.find((d) => d.code === HAI_LANG)?.areas.map((a) => a.name)).toEqual([
      "Xã Diên Sanh",
      "Xã Vĩnh Định",
      "Xã Hải Lăng",
      "Xã Nam Hải Lăng",
      "Xã Mỹ Thủy",
    ]);
    expect(tree.find((d) => d.code === CON_CO)?.areas).toEqual([
      { code: "19742", name: "Đặc khu Cồn Cỏ", kind: "dac_khu", current: true },
    ]);
  });

  it("without a date lists every old area and today's communes apart, each marked (for list filters)", async () => {
    const tree = await s.caller(s.users.viewer).units.tree();
    expect(tree).toHaveLength(18);
    const areas = tree.flatMap((d) => d.areas);
    expect(areas.filter((a) => !a.current)).toHaveLength(126 + 151);
    expect(areas.filter((a) => a.current)).toHaveLength(78);
    expect(areas.some((a) => a.name.includes(" / "))).toBe(false);
    const haiLang = tree.find((d) => d.code === HAI_LANG)?.areas.filter((a) => a.code === "19681");
    expect(haiLang).toEqual([
      { code: "19681", name: "Thị trấn Diên Sanh", kind: "thi_tran", current: false },
      { code: "19681", name: "Xã Diên Sanh", kind: "xa", current: true },
    ]);
    expect(tree.find((d) => d.code === CON_CO)?.areas.map((a) => a.code)).toEqual([CON_CO, "19742"]);
  });

  it("keeps only the units valid on a date", async () => {
    await s.t.db.adminUnit.update({
      where: { catalog_code: { catalog: "three_level", code: "19681" } },
      data: { validTo: new Date("2020-01-01") },
    });
    const tree = await s.caller(s.users.viewer).units.tree({ on: "2021-05-05" });
    expect(tree.find((d) => d.code === HAI_LANG)?.areas).toHaveLength(15);
    expect(
      (await s.caller(s.users.viewer).units.tree({ on: "2020-01-01" })).find((d) => d.code === HAI_LANG)?.areas,
    ).toHaveLength(16);
    const old = await s.caller(s.users.viewer).units.tree({ on: "2019-05-05" });
    expect(old.some((d) => d.former)).toBe(false);
    expect(old.find((d) => d.code === HAI_LANG)?.areas).toHaveLength(16);
    await expectTrpcError(
      s.caller(s.users.admin).sites.create({
        modelTypeId: await s.typeId("clan-no-crime"),
        areaCode: "19681",
        name: "Họ Trần",
        establishedOn: "2021-01-01",
      }),
      "BAD_REQUEST",
      "Địa bàn không còn hoặc chưa tồn tại vào ngày của bản ghi",
      "areaCode",
    );
  });

  it("needs a login", async () => {
    await expectTrpcError(s.caller(null).units.tree(), "UNAUTHORIZED");
  });
});
