import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "../../server/services/imports/preview.ts";
import { entrySetup } from "./helpers/entry.ts";
import { xlsx } from "./helpers/imports.ts";

let s: Awaited<ReturnType<typeof entrySetup>>;
beforeAll(async () => {
  s = await entrySetup();
}, 60_000);
afterAll(() => s.t.close());

const CLAN = "Dòng họ không có tội phạm";

/** A sites list as a district police office keeps it: title rows, merged title, numbering row, total row. */
async function messySites() {
  return xlsx(
    [
      ["DANH SÁCH MÔ HÌNH DÒNG HỌ KHÔNG CÓ TỘI PHẠM"],
      ["Công an huyện Hải Lăng"],
      ["(Tính đến ngày 31/12/2022)"],
      [],
      [
        "STT",
        "Tên mô hình",
        "Loại mô hình",
        "Xã, phường, thị trấn",
        "Huyện/TX/TP",
        "Năm thành lập",
        "Số hộ",
        "Ghi chú",
      ],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
      [1, "Dòng họ Lê", CLAN, "Hải An", "Hải Lăng", new Date(Date.UTC(2015, 2, 15)), "1.131", "=cmd|' /C calc'!A0"],
      [2, "Dòng họ Nguyễn", CLAN, "Phường 1", "Đông Hà", "15/03/2015", 45, null],
      [3, "Dòng họ Trần", CLAN, "P. 1", "TX Quảng Trị", "15-3-2015", 30, null],
      [4, "Dòng họ Phan", CLAN, "Hải Ann", "Hải Lăng", 2016, 20, null],
      [5, "Dòng họ Hồ", CLAN, "TT. Khe Sanh", "Hướng Hóa", "2016", 20, null],
      [6, "Dòng họ Lê", CLAN, "Xã Hải An", "Hải Lăng", "15/03/2015", 12, null],
      [7, "Dòng họ Võ", "Mô hình xyz", "Hải Ba", "Hải Lăng", "2017", 5, null],
      ["Tổng cộng", null, null, null, null, null, 1263, null],
    ],
    { merges: ["A1:H1", "A2:H2"], dateCells: ["F7"] },
  );
}

describe("reading a messy sites list", () => {
  it("finds the header under the title rows, maps the columns and judges every row", async () => {
    const preview = await createBatch(
      s.t.db,
      { kind: "sites", fileName: "ds.xlsx", bytes: await messySites() },
      s.users.province,
      "vi",
    );
    expect(preview.headerRow).toBe(5);
    expect(preview.columns.map((c) => c.field)).toEqual([
      null,
      "name",
      "modelType",
      "area",
      "district",
      "establishedOn",
      "households",
      "notes",
    ]);
    console.log(
      JSON.stringify(
        preview.errors.map((e) => e.message),
        null,
        1,
      ),
    );
    expect(preview).toMatchObject({ total: 7, ready: 4, duplicates: 1, errorRows: 2, yearOnly: 3 });
  });
});
