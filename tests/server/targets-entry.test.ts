import { TRPCError } from "@trpc/server";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { shownMessage } from "./helpers/entry.ts";
import { multipart, xlsx } from "./helpers/imports.ts";
import { docxParts, readXlsx } from "./reports-read.ts";

/**
 * Targets entry (issue 28 item 3, decision 056): remove, import from the Excel template (all or
 * nothing, rows refused in the user's language), the report's "Kết quả thực hiện chỉ tiêu", and
 * "previous" on the model-type page, the areas table and the communities screen; on the demo data.
 */
let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let admin: SessionUser;
let viewer: SessionUser;
let adminCookie: string;
let viewerCookie: string;
beforeAll(async () => {
  t = await createTestDb("demo");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  admin = await makeUser(t.db, { role: "admin" });
  viewer = await makeUser(t.db, { role: "viewer" });
  adminCookie = `qt_session=${await sessionFor(t.db, admin.id)}`;
  viewerCookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const call = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));

async function refusal(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

function upload(bytes: Buffer, cookie = adminCookie, lang?: string) {
  const body = multipart({}, { name: "chi-tieu.xlsx", bytes });
  return app.inject({
    method: "POST",
    url: `/api/targets/import${lang ? `?lang=${lang}` : ""}`,
    payload: body.payload,
    headers: { "content-type": body.contentType, cookie, "x-qt-client": "1" },
  });
}

const written = async () => ({ targets: await t.db.target.count(), audit: await t.db.auditEntry.count() });

/** A commune of today (two-level list), by SQL. */
async function communeOfToday(): Promise<{ code: string; name: string }> {
  const [row] = await t.db.$queryRawUnsafe<{ code: string; name: string }[]>(
    `SELECT code, name FROM admin_unit WHERE catalog = 'two_level' AND level = 'commune' ORDER BY code LIMIT 1`,
  );
  return row as { code: string; name: string };
}

describe("targets.remove", () => {
  it("removes a target with a 'remove' audit entry; a viewer gets 403 and an unknown one 404", async () => {
    await call(admin).targets.set({ year: 2030, measure: "cameras", value: 7 });
    const before = await written();
    expect((await refusal(call(viewer).targets.remove({ year: 2030, measure: "cameras" }))).code).toBe("FORBIDDEN");
    expect(await written()).toEqual(before);
    await call(admin).targets.remove({ year: 2030, measure: "cameras" });
    expect(await call(viewer).targets.list({ year: 2030 })).toEqual([]);
    const last = await t.db.auditEntry.findFirst({ where: { entity: "target" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "remove", after: null });
    expect(last?.before).toMatchObject({ year: 2030, measure: "cameras", value: 7 });
    expect((await refusal(call(admin).targets.remove({ year: 2030, measure: "cameras" }))).code).toBe("NOT_FOUND");
  });

  it("a district's admin removes nor sets outside their district: 400 in the user's language, nothing written", async () => {
    await call(admin).targets.set({ year: 2030, measure: "awards", value: 3, unitCode: "461" });
    const scoped = await makeUser(t.db, { role: "admin", districtCode: "464" });
    const before = await written();
    const e = await refusal(call(scoped).targets.remove({ year: 2030, measure: "awards", unitCode: "461" }));
    expect([e.code, shownMessage(e)]).toEqual(["BAD_REQUEST", "Chỉ được đặt chỉ tiêu trong địa bàn của tài khoản."]);
    const province = await refusal(call(scoped).targets.set({ year: 2030, measure: "awards", value: 1 }));
    expect(province.code).toBe("BAD_REQUEST");
    expect(await written()).toEqual(before);
  });

  it("targets.list names each target's unit", async () => {
    const [row] = await t.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM admin_unit WHERE code = '461' AND catalog = 'three_level' AND level = 'district'`,
    );
    expect(await call(viewer).targets.list({ year: 2030 })).toEqual([
      { year: 2030, measure: "awards", unitCode: "461", modelTypeCode: null, value: 3, unitName: row?.name },
    ]);
  });
});

describe("targets from the Excel template", () => {
  it("the template names the columns and lists the units and model types; viewers get 403", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/api/targets/template.xlsx",
      headers: { cookie: adminCookie },
    });
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res.rawPayload);
    expect(wb.getWorksheet("Chỉ tiêu")?.getRow(1).values).toEqual([
      undefined,
      "Năm",
      "Chỉ tiêu",
      "Giá trị",
      "Mã đơn vị (để trống: toàn tỉnh)",
      "Loại mô hình (chỉ với Điểm mô hình)",
    ]);
    const [units] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM admin_unit WHERE (catalog = 'three_level' AND level = 'district') OR (catalog = 'two_level' AND level = 'commune')`,
    );
    expect(wb.getWorksheet("Danh mục")?.getColumn(1).values.filter(Boolean).length).toBe(Number(units?.n) + 1);
    const viewerRes = await app.inject({
      method: "GET",
      url: "/api/targets/template.xlsx",
      headers: { cookie: viewerCookie },
    });
    expect(viewerRes.statusCode).toBe(403);
  });

  it("one bad row: 400 listing every refused row in the user's language, nothing written", async () => {
    const commune = await communeOfToday();
    const file = await xlsx([
      ["Năm", "Chỉ tiêu", "Giá trị", "Mã đơn vị (để trống: toàn tỉnh)", "Loại mô hình (chỉ với Điểm mô hình)"],
      [2031, "Mắt camera", 1200],
      [2031, "Xã, phường, đặc khu có camera an ninh", -4],
      [2031, "Số hộ", 5],
      [2031, "Điểm mô hình", 2.5],
      [2031, "Khen thưởng", 3, "99999"],
      [2031, "Mắt camera", 30, "Mắt camera"],
      [2031, "Mắt camera", 8, `${commune.code} – ${commune.name}`],
      [2031, "Mắt camera", 9, `${commune.code} – ${commune.name}`],
      [20311, "Mắt camera", 9],
      [2031, "Mắt camera", 10, null, "security-camera"],
    ]);
    const before = await written();
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.message).toBe("Tệp có 8 dòng lỗi; chưa ghi chỉ tiêu nào. Sửa các dòng dưới đây rồi tải lên lại.");
    expect(
      body.issues.map((i: { row: number; column: string | null; message: string }) => [i.row, i.column, i.message]),
    ).toEqual([
      [3, "C", "Chỉ tiêu phải là số nguyên từ 0 trở lên"],
      [4, "B", "Chỉ tiêu không hợp lệ: chọn một mục của danh sách trong mẫu."],
      [5, "C", "Chỉ tiêu phải là số nguyên từ 0 trở lên"],
      [6, "D", "Không tìm thấy đơn vị 99999."],
      [7, "D", "Mã đơn vị hành chính (mã GSO) không hợp lệ"],
      [9, null, "Trùng với dòng 8 (cùng năm, chỉ tiêu, đơn vị và loại mô hình)."],
      [10, "A", "Năm phải là số nguyên từ 2000 đến 2100."],
      [11, "E", "Không tìm thấy loại mô hình security-camera."],
    ]);
    expect(await written()).toEqual(before);
    const en = (await upload(file, adminCookie, "en")).json();
    expect(en.error.message).toBe(
      "The file has 8 rows in error; no target was written. Correct the rows below and upload again.",
    );
    expect(en.issues[0].message).toBe("A target must be a whole number, 0 or more");
    expect(await written()).toEqual(before);
  });

  it("a right file writes every row in one go, each audited; a viewer's upload is 403", async () => {
    const commune = await communeOfToday();
    const file = await xlsx([
      ["Năm", "Chỉ tiêu", "Giá trị", "Mã đơn vị (để trống: toàn tỉnh)", "Loại mô hình (chỉ với Điểm mô hình)"],
      [2032, "Xã, phường, đặc khu có camera an ninh", 60],
      [2032, "Điểm mô hình", 12, null, "security-camera – Camera an ninh"],
      [2032, "Mắt camera", "1.131", `${commune.code} – ${commune.name}`],
    ]);
    const before = await written();
    expect((await upload(file, viewerCookie)).statusCode).toBe(403);
    expect(await written()).toEqual(before);
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    const rows = await t.db.$queryRawUnsafe<
      { measure: string; unit_code: string; model_type_code: string; value: number }[]
    >(`SELECT measure, unit_code, model_type_code, value FROM target WHERE year = 2032 ORDER BY measure`);
    expect(rows).toEqual([
      { measure: "cameras", unit_code: commune.code, model_type_code: "", value: 1131 },
      { measure: "coveredCommunes", unit_code: "", model_type_code: "", value: 60 },
      { measure: "sites", unit_code: "", model_type_code: "security-camera", value: 12 },
    ]);
    expect(await written()).toEqual({ targets: before.targets + 3, audit: before.audit + 3 });
  });
});

describe("the report of a year with targets", () => {
  it("Word: a section 'Kết quả thực hiện chỉ tiêu' with each target and actual; Excel: the rows; another period: none", async () => {
    await call(admin).targets.set({ year: 2026, measure: "coveredCommunes", value: 60 });
    // Today's communes with a camera installed in 2026 (in the commune, or an old area it took over), by SQL.
    const [row] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(DISTINCT CASE WHEN a.catalog = 'two_level' THEN a.id ELSE a.successor_id END) AS n
       FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
       WHERE ci.deleted_at IS NULL AND ci.installed_on BETWEEN '2026-01-01' AND '2026-12-31'`,
    );
    const actual = Number(row?.n);
    expect(actual).toBeGreaterThan(0);
    const rate = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1 }).format(actual / 60);
    const get = (url: string) => app.inject({ method: "GET", url, headers: { cookie: viewerCookie } });
    const docx = await get("/api/reports/summary.docx?fromYear=2026&toYear=2026&sections=summary");
    expect(docx.statusCode).toBe(200);
    const text = (await docxParts(docx.rawPayload)).text;
    expect(text).toContain("II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU");
    expect(text).toContain(`xã, phường, đặc khu có camera an ninh: chỉ tiêu 60, thực hiện ${actual}, đạt ${rate}`);
    const xlsxRes = await get("/api/reports/summary.xlsx?fromYear=2026&toYear=2026");
    const ws = (await readXlsx(xlsxRes.rawPayload)).getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const line = ws.getSheetValues().find((r) => Array.isArray(r) && r[1] === "Xã, phường, đặc khu có camera an ninh");
    expect((line as ExcelJS.CellValue[]).slice(1, 5)).toEqual([
      "Xã, phường, đặc khu có camera an ninh",
      60,
      actual,
      actual / 60,
    ]);
    const other = await get("/api/reports/summary.docx?fromYear=2025&toYear=2026&sections=summary");
    expect((await docxParts(other.rawPayload)).text).not.toContain("KẾT QUẢ THỰC HIỆN CHỈ TIÊU");
  });
});

describe("previous on the model-type page and the areas table", () => {
  it("dashboard.modelType and dashboard.areas with compare carry the same figures one year earlier, as SQL counts them", async () => {
    const [type] = await t.db.$queryRawUnsafe<{ code: string; d: string }[]>(
      `SELECT m.code, d.code AS d FROM site s JOIN model_type m ON m.id = s.model_type_id
       JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d ON d.id = COALESCE(a.former_district_id, a.parent_id)
       WHERE s.deleted_at IS NULL AND s.established_on BETWEEN '2021-01-01' AND '2021-12-31' AND d.level = 'district'
       GROUP BY 1, 2 ORDER BY COUNT(*) DESC LIMIT 1`,
    );
    const code = type?.code as string;
    const [count] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM site s JOIN model_type m ON m.id = s.model_type_id
       WHERE s.deleted_at IS NULL AND m.code = $1 AND s.established_on BETWEEN '2021-01-01' AND '2021-12-31'`,
      code,
    );
    const m = await call(viewer).dashboard.modelType({
      code,
      fromYear: 2022,
      toYear: 2022,
      compare: "same-period-last-year",
    });
    expect(m.previous).toMatchObject({ from: "2021-01-01", to: "2021-12-31", totalSites: Number(count?.n) });
    expect(Number(count?.n)).toBeGreaterThan(0);
    expect((await call(viewer).dashboard.modelType({ code, fromYear: 2022, toYear: 2022 })).previous).toBeUndefined();

    const district = type?.d as string;
    const [inDistrict] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM site s JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d ON d.id = COALESCE(a.former_district_id, a.parent_id)
       WHERE s.deleted_at IS NULL AND d.code = $1 AND d.level = 'district' AND s.established_on BETWEEN '2021-01-01' AND '2021-12-31'`,
      district,
    );
    const a = await call(viewer).dashboard.areas({
      districtCode: district,
      fromYear: 2022,
      toYear: 2022,
      compare: "same-period-last-year",
    });
    expect(a.previous?.sites).toBe(Number(inDistrict?.n));
    const earlier = await call(viewer).dashboard.areas({ districtCode: district, fromYear: 2021, toYear: 2021 });
    expect(a.previous?.areas).toEqual(earlier.areas.map(({ code, sites, cameras }) => ({ code, sites, cameras })));
  });

  it("dashboard.communities with compare carries the clan and religious-community sites one year earlier, as SQL counts them", async () => {
    const [earlier] = await t.db.$queryRawUnsafe<{ clans: bigint; religious: bigint }[]>(
      `SELECT COUNT(*) FILTER (WHERE m.category = 'clan') AS clans, COUNT(*) FILTER (WHERE m.category = 'religious') AS religious
       FROM site s JOIN model_type m ON m.id = s.model_type_id
       WHERE s.deleted_at IS NULL AND s.established_on BETWEEN '2021-01-01' AND '2021-12-31'`,
    );
    const c = await call(viewer).dashboard.communities({
      fromYear: 2022,
      toYear: 2022,
      compare: "same-period-last-year",
    });
    expect(c.previous).toEqual({
      from: "2021-01-01",
      to: "2021-12-31",
      clans: Number(earlier?.clans),
      religious: Number(earlier?.religious),
    });
    expect(Number(earlier?.clans) + Number(earlier?.religious)).toBeGreaterThan(0);
    expect((await call(viewer).dashboard.communities({ fromYear: 2022, toYear: 2022 })).previous).toBeUndefined();
  });
});
