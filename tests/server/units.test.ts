import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CON_CO, HAI_LANG } from "../fixtures/units.ts";
import { entrySetup, expectTrpcError } from "./helpers/entry.ts";

let s: Awaited<ReturnType<typeof entrySetup>>;
beforeAll(async () => {
  s = await entrySetup();
}, 60_000);
afterAll(() => s.t.close());

describe("units.tree", () => {
  it("returns the 10 districts and 126 commune-level areas on a day before 01/07/2025, Cồn Cỏ its own area", async () => {
    const tree = await s.caller(s.users.viewer).units.tree({ on: "2024-06-01" });
    expect(tree).toHaveLength(10);
    expect(tree.reduce((n, d) => n + d.areas.length, 0)).toBe(126);
    expect(tree.find((d) => d.code === CON_CO)).toEqual({
      code: CON_CO,
      name: "Huyện Cồn Cỏ",
      kind: "huyen",
      former: false,
      areas: [{ code: CON_CO, name: "Huyện Cồn Cỏ", kind: "huyen" }],
    });
    const haiLang = tree.find((d) => d.code === HAI_LANG);
    expect(haiLang?.areas).toHaveLength(16);
    expect(haiLang?.areas[0]).toEqual({ code: "19681", name: "Thị trấn Diên Sanh", kind: "thi_tran" });
  });

  it("from 01/07/2025 lists the 37 new communes under the abolished district they lie in", async () => {
    const tree = await s.caller(s.users.viewer).units.tree({ on: "2026-03-10" });
    expect(tree).toHaveLength(10);
    expect(tree.every((d) => d.former)).toBe(true);
    expect(tree.reduce((n, d) => n + d.areas.length, 0)).toBe(37);
    expect(tree.find((d) => d.code === HAI_LANG)?.areas.map((a) => a.name)).toEqual([
      "Xã Diên Sanh",
      "Xã Vĩnh Định",
      "Xã Hải Lăng",
      "Xã Nam Hải Lăng",
      "Xã Mỹ Thủy",
    ]);
    expect(tree.find((d) => d.code === CON_CO)?.areas).toEqual([
      { code: "19742", name: "Đặc khu Cồn Cỏ", kind: "dac_khu" },
    ]);
  });

  it("without a date merges an old and a new area that share a code (for list filters)", async () => {
    const tree = await s.caller(s.users.viewer).units.tree();
    expect(tree).toHaveLength(10);
    // 126 old areas and 37 new ones, 36 of which reuse an old area's code.
    expect(tree.reduce((n, d) => n + d.areas.length, 0)).toBe(126 + 37 - 36);
    expect(tree.find((d) => d.code === HAI_LANG)?.areas[0]).toEqual({
      code: "19681",
      name: "Xã Diên Sanh / Thị trấn Diên Sanh",
      kind: "xa",
    });
    expect(tree.find((d) => d.code === CON_CO)?.areas.map((a) => a.code)).toEqual([CON_CO, "19742"]);
  });

  it("keeps only the units valid on a date", async () => {
    await s.t.db.adminUnit.update({
      where: { catalog_code: { catalog: "three_level", code: "19681" } },
      data: { validTo: new Date("2020-01-01") },
    });
    const tree = await s.caller(s.users.viewer).units.tree({ on: "2021-05-05" });
    expect(tree.find((d) => d.code === HAI_LANG)?.areas).toHaveLength(15);
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
