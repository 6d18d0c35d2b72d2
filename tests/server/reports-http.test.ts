import { isoOf } from "@qt/shared/dates";
import { formerUnitName } from "@qt/shared/unit-names";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { Prisma } from "../../server/generated/prisma/client.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { countAreas } from "../fixtures/territory.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { type DistrictFigures, expectedFigures } from "./helpers/figures.ts";
import { docxParts, parseCsv, readXlsx, sheetRows } from "./reports-read.ts";

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let viewer: SessionUser;
let cookie: string;
beforeAll(async () => {
  t = await createTestDb("demo");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  viewer = await makeUser(t.db, { role: "viewer" });
  cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const get = (url: string, headers: Record<string, string> = { cookie }) => app.inject({ method: "GET", url, headers });

/** Records of 2007–2022 in the districts (none: the whole province), by id, read with plain SQL. */
const inDistricts = (districts: string[]) => Prisma.sql`(${districts.length === 0} OR EXISTS (
  SELECT 1 FROM admin_unit a JOIN admin_unit d
    ON d.id = COALESCE(a.former_district_id, CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)
  WHERE a.id = area_id AND d.code = ANY(${districts}::text[])))`;
const sitesBySql = (districts: string[]) =>
  t.db.$queryRaw<{ id: number; name: string; established_on: Date }[]>`
    SELECT id, name, established_on FROM site WHERE deleted_at IS NULL
      AND established_on BETWEEN DATE '2007-01-01' AND DATE '2022-12-31' AND ${inDistricts(districts)} ORDER BY id`;
const installationsBySql = (districts: string[]) =>
  t.db.$queryRaw<{ id: number; cameras: number; cost_vnd: bigint }[]>`
    SELECT id, cameras, cost_vnd FROM camera_installation WHERE deleted_at IS NULL
      AND installed_on BETWEEN DATE '2007-01-01' AND DATE '2022-12-31' AND ${inDistricts(districts)} ORDER BY id`;
const awardIdsBySql = async (districts: string[]) =>
  (
    await t.db.$queryRaw<{ id: number }[]>`
      SELECT id FROM award WHERE deleted_at IS NULL AND year BETWEEN 2007 AND 2022 AND ${inDistricts(districts)}
      ORDER BY id`
  ).map((r) => r.id);

describe("GET /api/reports/…", () => {
  it("refuses a visitor without a session: 401 with a Vietnamese message", async () => {
    const res = await get("/api/reports/summary.docx", {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      error: { code: "UNAUTHORIZED", message: "Vui lòng đăng nhập để tải báo cáo." },
    });
  });

  it("sends the Word report of one district with its type and a Vietnamese file name, and audits it", async () => {
    const res = await get(
      "/api/reports/summary.docx?fromYear=2007&toYear=2022&districtCode=470&signerName=Nguy%E1%BB%85n%20V%C4%83n%20A",
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const disposition = String(res.headers["content-disposition"]);
    // The demo records of this database show in the name too (decision 023).
    expect(disposition).toContain('filename="bao-cao-2007-2022-huyen-hai-lang-cu-co-so-lieu-minh-hoa.docx"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent("Báo cáo 2007-2022 - Huyện Hải Lăng (cũ) - có số liệu minh họa.docx").replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const { text } = await docxParts(res.rawPayload);
    expect(text).toContain("Nguyễn Văn A");
    expect(text).toContain("Huyện Hải Lăng (cũ)");
    expect(text).toContain(
      "Địa bàn: Huyện Hải Lăng (cũ); giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ",
    );
    const entry = await t.db.auditEntry.findFirst({
      where: { action: "export", entity: "report", entityId: "summary.docx" },
      select: { userId: true, username: true, after: true },
    });
    expect(entry).toMatchObject({
      userId: viewer.id,
      username: viewer.username,
      after: {
        formerProvinceCode: null,
        view: "historical",
        fromYear: 2007,
        toYear: 2022,
        districtCodes: ["470"],
        via: "http",
      },
    });
  });

  it("streams the Excel workbook and the CSV tables, row for row as the database holds them", async () => {
    const period = "fromYear=2007&toYear=2022";
    const xlsx = await get(`/api/reports/summary.xlsx?${period}&districtCodes=470,466`);
    expect(xlsx.statusCode).toBe(200);
    const wb = await readXlsx(xlsx.rawPayload);
    expect(wb.worksheets).toHaveLength(6);
    const two = ["466", "470"];
    const e = await expectedFigures(t.db, { from: 2007, to: 2022, districts: two });
    const ids = (rows: unknown[][]) => rows.map((r) => Number(r[0]));
    expect(sheetRows(wb, "Điểm mô hình").map((r) => [r[0], r[2], isoOf(r[6] as Date)])).toEqual(
      (await sitesBySql(two)).map((s) => [s.id, s.name, isoOf(s.established_on)]),
    );
    expect(sheetRows(wb, "Lắp đặt camera").map((r) => [r[0], r[4], r[7]])).toEqual(
      (await installationsBySql(two)).map((i) => [i.id, i.cameras, Number(i.cost_vnd)]),
    );
    expect(ids(sheetRows(wb, "Khen thưởng"))).toEqual(await awardIdsBySql(two));
    const districtRow = (d: DistrictFigures) => [
      d.code,
      formerUnitName(d.name),
      d.sites,
      d.areas,
      d.coveredAreas,
      d.cameras,
      d.costVnd,
    ];
    // 2007–2022 ends before 01/07/2025: the old list's pair of columns only (issue 22, decision 027).
    expect(sheetRows(wb, "Theo huyện").map((r) => r.slice(0, 7))).toEqual(e.byDistrict.map(districtRow));
    expect(sheetRows(wb, "Theo địa bàn cấp xã").map((r) => [r[0], r[2], r[4], r[5], r[6]])).toEqual(
      two.flatMap((d) => e.areaRows(d, "historical").map((a) => [a.code, d, a.sites, a.cameras, a.covered ? 1 : 0])),
    );

    // The CSV tables of the whole province read back the same way: every cell is text there.
    const csv = async (table: string) => {
      const res = await get(`/api/reports/${table}.csv?${period}`);
      expect(res.statusCode, table).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return parseCsv(res.body.slice(1)).slice(1);
    };
    const all = await expectedFigures(t.db, { from: 2007, to: 2022 });
    const text = (cells: unknown[]) => cells.map(String);
    expect((await csv("sites")).map((r) => [r[0], r[2], r[6]])).toEqual(
      (await sitesBySql([])).map((s) => text([s.id, s.name, isoOf(s.established_on)])),
    );
    expect((await csv("cameras")).map((r) => [r[0], r[4], r[7]])).toEqual(
      (await installationsBySql([])).map((i) => text([i.id, i.cameras, i.cost_vnd])),
    );
    expect((await csv("awards")).map((r) => Number(r[0]))).toEqual(await awardIdsBySql([]));
    expect((await csv("districts")).map((r) => r.slice(0, 7))).toEqual(all.byDistrict.map((d) => text(districtRow(d))));
    expect((await csv("areas")).map((r) => [r[0], r[6]])).toEqual(
      all.byDistrict.flatMap((d) => all.areaRows(d.code, "historical").map((a) => [a.code, a.covered ? "1" : "0"])),
    );
  });

  it("lists the areas of the territory and view asked (areas.csv, 2007–2022 by default)", async () => {
    const lines = async (query: string) => {
      const res = await get(`/api/reports/areas.csv${query}`);
      expect(res.statusCode, query).toBe(200);
      return res.body.trimEnd().split("\r\n").slice(1);
    };
    // Counted from the units themselves (2007–2022, the reports' default period).
    const count = (catalog: "three_level" | "two_level", province?: "45" | "44") =>
      countAreas(t.db, { catalog, province, from: "2007-01-01", to: "2022-12-31" });
    // The historical view lists the units that existed in the period, and no commune of today
    // (issue 22: an annex of 2007–2022 lists no unit "từ 01/07/2025").
    expect(await lines("")).toHaveLength(await count("three_level"));
    expect(await lines("?formerProvinceCode=44")).toHaveLength(await count("three_level", "44"));
    // By today's communes: only they are listed, every record rolled up into them.
    const current = await lines("?view=current");
    expect(current).toHaveLength(await count("two_level"));
    expect(await lines("?formerProvinceCode=45&view=current")).toHaveLength(await count("two_level", "45"));
    const sum = (rows: string[], column: number) => rows.reduce((s, r) => s + Number(r.split(",")[column]), 0);
    const historical = await lines("");
    expect(sum(current, 4)).toBe(sum(historical, 4)); // sites
    expect(sum(current, 5)).toBe(sum(historical, 5)); // cameras
  });

  it.each([
    ["fromYear=abc", "Năm phải là một số"],
    ["fromYear=2022&toYear=2007", "Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc"],
    ["districtCode=x1", "Mã đơn vị hành chính (mã GSO) không hợp lệ"],
    ["sections=summary,gossip", "Mục báo cáo không hợp lệ"],
    ["date=31/01/2023", "Ngày ban hành phải có dạng yyyy-mm-dd"],
    ["colour=red", "Tham số báo cáo không được hỗ trợ: colour"],
    ["formerProvinceCode=4x", "Mã tỉnh cũ không hợp lệ (hai chữ số, mã GSO đến 30/06/2025)"],
    [
      "formerProvinceCode=46",
      "Tỉnh cũ mã 46 không thuộc địa bàn tỉnh Quảng Trị; chọn một trong: 44 (Quảng Bình), 45 (Quảng Trị).",
    ],
    [
      "view=today",
      "Cách tổng hợp không hợp lệ: chọn historical (theo đơn vị hành chính tại thời điểm ghi nhận) hoặc current (theo xã, phường, đặc khu hiện nay)",
    ],
    ["formerProvinceCode=44&districtCode=470", "Huyện Hải Lăng không thuộc địa bàn Quảng Bình cũ."],
  ])("answers 400 with a clear message for bad parameters (%s) and writes nothing", async (query, message) => {
    const before = await t.db.auditEntry.count();
    const res = await get(`/api/reports/summary.pdf?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("BAD_REQUEST");
    expect(res.json().error.message).toBe(message);
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("answers an unknown district 404, as dashboard.* do (one mapping of a domain error, decision 036)", async () => {
    const before = await t.db.auditEntry.count();
    const res = await get("/api/reports/summary.pdf?districtCode=999");
    expect([res.statusCode, res.json().error]).toEqual([
      404,
      {
        code: "NOT_FOUND",
        message: "Không tìm thấy huyện, thị xã, thành phố có mã 999.",
        messageKey: "district.notFound",
        params: { codes: "999" },
      },
    ]);
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("answers 404 for a report that does not exist", async () => {
    expect((await get("/api/reports/users.csv")).statusCode).toBe(404);
    expect((await get("/api/reports/summary.odt")).statusCode).toBe(404);
  });

  it("answers in English when the link says lang=en (a download link cannot send the header)", async () => {
    const refusal = async (url: string, headers?: Record<string, string>) => (await get(url, headers)).json().error;
    expect(await refusal("/api/reports/summary.docx?lang=en", {})).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Please sign in to download the report.",
    });
    expect((await refusal("/api/reports/summary.pdf?formerProvinceCode=44&districtCode=470&lang=en")).message).toBe(
      "Huyện Hải Lăng is not on the land of former Quảng Bình.",
    );
    expect((await refusal("/api/reports/users.csv?lang=en")).message).toBe("There is no such report.");
    // The header wins; without either the message stays Vietnamese.
    expect((await refusal("/api/reports/users.csv?lang=vi", { cookie, "x-qt-locale": "en" })).message).toBe(
      "There is no such report.",
    );
    expect((await refusal("/api/reports/users.csv")).message).toBe("Không có báo cáo này.");
  });
});

describe("reports.preview", () => {
  it("returns the printed document to a viewer and refuses a visitor", async () => {
    const preview = await createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: viewer })).reports.preview({
      districtCodes: ["470"],
    });
    const sites = (await sitesBySql(["470"])).length;
    expect(sites).toBeGreaterThan(0);
    const firstTable = preview.body.find((b) => b.kind === "table");
    expect(firstTable?.kind === "table" && firstTable.rows[0]?.[2]).toBe(sites.toLocaleString("vi-VN"));
    expect(preview.scope).toBe(
      "(Địa bàn: Huyện Hải Lăng (cũ); giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ)",
    );
    await expect(
      createCaller(createContextInner({ db: t.db, dbKind: t.kind })).reports.preview({}),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
