import type { TReportDraftCreateInput } from "@qt/shared/schemas/report-drafts";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/** Named drafts of a report's written parts (decision 019), through the procedures on a real database. */
const s = entryFile(120_000);

const drafts = (user: SessionUser | null) => s.caller(user).reports.drafts;
let n = 0;
const input = (over: Partial<TReportDraftCreateInput> = {}): TReportDraftCreateInput => ({
  name: `Dự thảo ${++n}`,
  fromYear: 2007,
  toYear: 2022,
  districtCodes: ["466"],
  signerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
  signerName: "Nguyễn Văn A",
  narrative: {
    assessment: "Phong trào được triển khai sâu rộng.\n\nNhiều mô hình hiệu quả.",
    proposals: "Đề nghị Bộ Công an khen thưởng.",
  },
  ...over,
});
/** Drafts and audit entries: what a refused call must leave as it was. */
const counts = async () => ({ drafts: await s.t.db.reportDraft.count(), audit: await s.t.db.auditEntry.count() });

describe("report drafts", () => {
  it("are created, listed per scope and period, reopened and saved with the version", async () => {
    const made = await drafts(s.users.province).create(input({ name: "Báo cáo Gio Linh" }));
    expect(made).toMatchObject({
      version: 1,
      name: "Báo cáo Gio Linh",
      districtCodes: ["466"],
      supervisingBody: "BỘ CÔNG AN",
      signerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
      narrative: {
        assessment: "Phong trào được triển khai sâu rộng.\n\nNhiều mô hình hiệu quả.",
        shortcomings: "",
        proposals: "Đề nghị Bộ Công an khen thưởng.",
      },
    });
    // Another scope and another period each have their own list.
    await drafts(s.users.admin).create(input({ name: "Toàn tỉnh", districtCodes: [] }));
    await drafts(s.users.admin).create(input({ name: "Gio Linh 2015", fromYear: 2015 }));
    const list = await drafts(s.users.viewer).list({ fromYear: 2007, toYear: 2022, districtCodes: ["466"] });
    expect(list.items.map((d) => d.name)).toEqual(["Báo cáo Gio Linh"]);
    expect((await drafts(s.users.viewer).list({ districtCodes: [] })).items.map((d) => d.name)).toEqual(["Toàn tỉnh"]);

    const opened = await drafts(s.users.viewer).get({ id: made.id });
    expect(opened).toEqual(made);
    const saved = await drafts(s.users.admin).update({
      ...input({ name: "Báo cáo Gio Linh" }),
      id: made.id,
      version: 1,
      narrative: { lessons: "Phát huy vai trò người có uy tín." },
    });
    expect(saved.version).toBe(2);
    expect(saved.narrative).toMatchObject({ assessment: "", lessons: "Phát huy vai trò người có uy tín." });
    const trail = await s.caller(s.users.viewer).audit.history({ entity: "report_draft", entityId: String(made.id) });
    expect(trail.map((e) => e.action).sort()).toEqual(["create", "update"]);
    expect(trail.find((e) => e.action === "update")?.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(["narrative"]),
    );
  });

  it("refuses a stale save with a clear message and keeps the newer text", async () => {
    const made = await drafts(s.users.province).create(input());
    await drafts(s.users.admin).update({ ...input({ name: made.name }), id: made.id, version: 1 });
    const before = await counts();
    await expectTrpcError(
      drafts(s.users.province).update({
        ...input({ name: made.name, narrative: { assessment: "Bản cũ" } }),
        id: made.id,
        version: 1,
      }),
      "CONFLICT",
      "Bản nháp vừa được người khác lưu (phiên bản 2). Mở lại bản nháp để xem thay đổi của họ rồi sửa tiếp; nội dung bạn đang soạn chưa được lưu.",
    );
    await expectTrpcError(drafts(s.users.province).remove({ id: made.id, version: 1 }), "CONFLICT");
    expect(await counts()).toEqual(before);
    expect((await drafts(s.users.viewer).get({ id: made.id })).narrative.assessment).not.toBe("Bản cũ");
  });

  it("are removed with their version, audited, and then gone", async () => {
    const made = await drafts(s.users.admin).create(input());
    await drafts(s.users.province).remove({ id: made.id, version: 1 });
    await expectTrpcError(
      drafts(s.users.viewer).get({ id: made.id }),
      "NOT_FOUND",
      "Không tìm thấy bản nháp báo cáo (có thể đã bị xóa).",
    );
    const removal = await s.t.db.auditEntry.findFirstOrThrow({
      where: { entity: "report_draft", entityId: String(made.id), action: "remove" },
    });
    expect(removal.username).toBe(s.users.province.username);
    expect(removal.before).toMatchObject({ name: made.name });
  });

  it("may be written by admins and province editors only; leaders and district editors read", async () => {
    const made = await drafts(s.users.admin).create(input());
    const before = await counts();
    for (const user of [s.users.viewer, s.users.haiLang]) {
      await expectTrpcError(drafts(user).create(input()), "FORBIDDEN");
      await expectTrpcError(drafts(user).update({ ...input(), id: made.id, version: 1 }), "FORBIDDEN");
      await expectTrpcError(drafts(user).remove({ id: made.id, version: 1 }), "FORBIDDEN");
      expect((await drafts(user).get({ id: made.id })).name).toBe(made.name);
    }
    await expectTrpcError(drafts(null).list({}), "UNAUTHORIZED");
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input with a Vietnamese message and changes nothing", async () => {
    const taken = await drafts(s.users.admin).create(input());
    const before = await counts();
    const cases: [TReportDraftCreateInput, string, "BAD_REQUEST" | "NOT_FOUND"][] = [
      [
        input({ narrative: { lessons: "x".repeat(20_001) } }),
        "Mục “Bài học kinh nghiệm” dài quá 20.000 ký tự",
        "BAD_REQUEST",
      ],
      [
        // Refused at the edge, before the schema (decision 033); the form shows it at the field.
        input({ narrative: { assessment: "Đoạn một\u0007" } }),
        "Có ký tự không hợp lệ",
        "BAD_REQUEST",
      ],
      [input({ name: "   " }), "Vui lòng nhập tên bản nháp", "BAD_REQUEST"],
      [input({ name: taken.name }), "Đã có bản nháp cùng tên cho phạm vi và giai đoạn này", "BAD_REQUEST"],
      [input({ fromYear: 2020, toYear: 2010 }), "Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc", "BAD_REQUEST"],
      [input({ signerTitle: "A\nB\nC\nD" }), "Chức vụ người ký tối đa 3 dòng", "BAD_REQUEST"],
      [input({ districtCodes: ["999"] }), "Không tìm thấy huyện, thị xã, thành phố có mã 999.", "NOT_FOUND"],
    ];
    for (const [bad, message, code] of cases) await expectTrpcError(drafts(s.users.admin).create(bad), code, message);
    // Exactly the limit is accepted; Windows line ends are kept as paragraphs.
    const long = await drafts(s.users.admin).create(
      input({ narrative: { lessons: "x".repeat(20_000), directions: "Một\r\nHai" } }),
    );
    expect(long.narrative.lessons).toHaveLength(20_000);
    expect(long.narrative.directions).toBe("Một\nHai");
    expect(await counts()).toEqual({ drafts: before.drafts + 1, audit: before.audit + 1 });
  });
});
