import { describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { createBatch } from "../../server/services/imports/preview.ts";
import { makeUser } from "../fixtures/users.ts";
import { CLAN, entryFile, expectTrpcError } from "./helpers/entry.ts";
import { xlsx } from "./helpers/imports.ts";

/**
 * Accepting a suggested name in place (issue 22): one call turns every cell of the column that
 * reads the misspelt name into the suggestion, the preview is judged again, the change is audited;
 * a name that was not suggested, another's batch, a viewer or a committed batch changes nothing.
 */
const s = entryFile();

const FULL = "Dòng họ không có tội phạm và tệ nạn xã hội";
const HEAD = ["Tên mô hình", "Loại mô hình", "Xã, phường, thị trấn", "Huyện/TX/TP", "Năm thành lập", "Số hộ"];

/** Two rows misspell "Hải An" the same way (D3, D5), one the model type (B4). */
const file = () =>
  xlsx([
    HEAD,
    ["Dòng họ Lê", CLAN, "Hải An", "Hải Lăng", "2015", 10],
    ["Dòng họ Phan", CLAN, " Hải Ann ", "Hải Lăng", "2016", 20],
    ["Dòng họ Võ", "Dòng họ không có tội phạm và tệ nạn xã hoj", "Hải Ba", "Hải Lăng", "2017", 5],
    ["Dòng họ Hồ", CLAN, "Hải Ann", "Hải Lăng", "2018", 7],
  ]);

const upload = async (user: SessionUser) =>
  createBatch(s.t.db, { kind: "sites", fileName: "goi-y.xlsx", bytes: await file() }, user, "vi");

const cellsOf = async (batchId: number) =>
  (await s.t.db.importRow.findMany({ where: { batchId }, orderBy: { row: "asc" }, select: { cells: true } })).map(
    (r) => (r.cells as unknown[])[2],
  );

describe("accepting a suggestion in the preview", () => {
  it("replaces every cell of the column reading the value, judges the rows again and audits it", async () => {
    const p = await upload(s.users.province);
    expect(p).toMatchObject({ total: 4, ready: 1, errorRows: 3 });
    expect(p.errors.map((e) => [e.row, e.column, e.params.value, e.params.suggestions])).toEqual([
      [3, "C", "Hải Ann", "Xã Hải An"],
      [4, "B", "Dòng họ không có tội phạm và tệ nạn xã hoj", FULL],
      [5, "C", "Hải Ann", "Xã Hải An"],
    ]);
    const api = s.caller(s.users.province).imports;
    const after = await api.accept({ batchId: p.batchId, column: "C", value: "Hải Ann", to: "Xã Hải An" });
    expect(after).toMatchObject({ total: 4, ready: 3, errorRows: 1, status: "preview" });
    expect(after.errors.map((e) => e.row)).toEqual([4]);
    expect(await cellsOf(p.batchId)).toEqual(["Hải An", "Xã Hải An", "Hải Ba", "Xã Hải An"]);
    const audit = await s.t.db.auditEntry.findFirstOrThrow({
      where: { entity: "import_batch", entityId: String(p.batchId) },
    });
    expect(audit).toMatchObject({
      action: "update",
      username: s.users.province.username,
      before: { column: "C", value: "Hải Ann", rows: [3, 5] },
      after: { column: "C", value: "Xã Hải An" },
    });
    const typeFixed = await api.accept({
      batchId: p.batchId,
      column: "B",
      value: "Dòng họ không có tội phạm và tệ nạn xã hoj",
      to: FULL,
    });
    expect(typeFixed).toMatchObject({ ready: 4, errorRows: 0 });
    expect(await api.commit({ batchId: p.batchId, skipErrors: false })).toEqual({ created: 4, skipped: 0 });
    await expectTrpcError(
      api.accept({ batchId: p.batchId, column: "C", value: "Hải Ba", to: "Xã Hải Ba" }),
      "CONFLICT",
    );
  });

  it("refuses a name that was not suggested, another's batch and a viewer, and changes nothing", async () => {
    const p = await upload(s.users.province);
    const api = s.caller(s.users.province).imports;
    const cells = await cellsOf(p.batchId);
    const audits = await s.t.db.auditEntry.count({ where: { entity: "import_batch" } });
    await expectTrpcError(
      api.accept({ batchId: p.batchId, column: "C", value: "Hải Ann", to: "Xã Hải Ba" }),
      "BAD_REQUEST",
      "'Xã Hải Ba' không phải tên được gợi ý cho 'Hải Ann' ở cột C.",
    );
    // The suggestion of another column, and a column the file does not have.
    await expectTrpcError(
      api.accept({ batchId: p.batchId, column: "B", value: "Hải Ann", to: "Xã Hải An" }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      api.accept({ batchId: p.batchId, column: "Z", value: "Hải Ann", to: "Xã Hải An" }),
      "BAD_REQUEST",
    );
    const other = await makeUser(s.t.db, { role: "editor" });
    await expectTrpcError(
      s.caller(other).imports.accept({ batchId: p.batchId, column: "C", value: "Hải Ann", to: "Xã Hải An" }),
      "FORBIDDEN",
    );
    const viewer = await makeUser(s.t.db, { role: "viewer" });
    await expectTrpcError(
      s.caller(viewer).imports.accept({ batchId: p.batchId, column: "C", value: "Hải Ann", to: "Xã Hải An" }),
      "FORBIDDEN",
    );
    expect(await cellsOf(p.batchId)).toEqual(cells);
    expect(await s.t.db.auditEntry.count({ where: { entity: "import_batch" } })).toBe(audits);
    expect(await api.get({ batchId: p.batchId })).toMatchObject({ errorRows: 3 });
  });
});
