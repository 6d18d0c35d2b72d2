import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { docxParts, readXlsx } from "./reports-read.ts";

/** Reports by dates, "so với cùng kỳ" and report kinds (issue 28 items 1, 2, 4), on the demo data. */
let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let cookie: string;
beforeAll(async () => {
  t = await createTestDb("demo");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  const viewer = await makeUser(t.db, { role: "viewer" });
  cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const get = (url: string, headers: Record<string, string> = { cookie }) => app.inject({ method: "GET", url, headers });

/** Sites of former Quảng Trị (45) established from `from` to `to`, by SQL. */
async function sitesOf45(from: string, to: string): Promise<number> {
  const [row] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT COUNT(*) AS n FROM site s JOIN admin_unit a ON a.id = s.area_id
     WHERE s.deleted_at IS NULL AND s.established_on BETWEEN $1::date AND $2::date
       AND COALESCE(a.former_district_id, CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END) IN
         (SELECT d.id FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id WHERE p.code = '45')`,
    from,
    to,
  );
  return Number(row?.n);
}

/** "tăng 12 điểm (8,5%)" as the report should word the change, from the two SQL counts. */
function expectedChange(now: number, then: number): string {
  const diff = now - then;
  if (diff === 0) return "không đổi";
  const percent =
    then === 0
      ? ""
      : ` (${new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(diff) / then)})`;
  return `${diff > 0 ? "tăng" : "giảm"} ${Math.abs(diff).toLocaleString("vi-VN")} điểm${percent}`;
}

describe("reports by dates with the same period last year", () => {
  it("writes the comparison of 15/12/2021–14/06/2022 with the same days of the year before in the Word report", async () => {
    const res = await get(
      "/api/reports/summary.docx?formerProvinceCode=45&from=2021-12-15&to=2022-06-14&compare=same-period-last-year&sections=summary",
    );
    expect(res.statusCode).toBe(200);
    const { text } = await docxParts(res.rawPayload);
    expect(text).toContain("Địa bàn: Quảng Trị cũ; từ 15/12/2021 đến 14/06/2022");
    expect(text).toContain("So với cùng kỳ năm 2021 (từ 15/12/2020 đến 14/06/2021)");
    const [now, then] = await Promise.all([
      sitesOf45("2021-12-15", "2022-06-14"),
      sitesOf45("2020-12-15", "2021-06-14"),
    ]);
    expect(text).toContain(
      `số điểm mô hình ${expectedChange(now, then)} (cùng kỳ ${then.toLocaleString("vi-VN")} điểm)`,
    );
    const audit = await t.db.auditEntry.findFirst({
      where: { action: "export", entity: "report", entityId: "summary.docx" },
      orderBy: { id: "desc" },
      select: { after: true },
    });
    expect(audit?.after).toMatchObject({ from: "2021-12-15", to: "2022-06-14", compare: "same-period-last-year" });
  });

  it("names the earlier year in a year's report, and says nothing of it without compare", async () => {
    const base = "/api/reports/summary.docx?formerProvinceCode=45&fromYear=2022&toYear=2022&sections=summary";
    const compared = (await docxParts((await get(`${base}&compare=same-period-last-year`)).rawPayload)).text;
    expect(compared).toContain("So với cùng kỳ năm 2021 (năm 2021)");
    const plain = (await docxParts((await get(base)).rawPayload)).text;
    expect(plain.toLowerCase()).not.toContain("so với cùng kỳ");
  });

  it("gives the Excel summary the columns of the same period last year", async () => {
    const res = await get(
      "/api/reports/summary.xlsx?formerProvinceCode=45&fromYear=2022&toYear=2022&compare=same-period-last-year",
    );
    expect(res.statusCode).toBe(200);
    const ws = (await readXlsx(res.rawPayload)).worksheets[0];
    let header = 0;
    ws?.eachRow((row, i) => {
      if (row.getCell(1).value === "Chỉ tiêu") header = i;
    });
    expect(ws?.getRow(header).getCell(4).value).toBe("Cùng kỳ năm 2021");
    let sites: (string | number | null)[] = [];
    ws?.eachRow((row) => {
      if (row.getCell(1).value === "Số điểm mô hình") sites = [2, 4, 5].map((c) => row.getCell(c).value as number);
    });
    const [now, then] = await Promise.all([
      sitesOf45("2022-01-01", "2022-12-31"),
      sitesOf45("2021-01-01", "2021-12-31"),
    ]);
    expect(sites).toEqual([now, then, now - then]);
  });

  it("titles a six-month review and a report on one model type by their kind", async () => {
    const h1 = await get(
      "/api/reports/summary.docx?from=2022-01-01&to=2022-06-30&kind=so-ket-6-thang&compare=same-period-last-year&sections=summary",
    );
    const h1Text = (await docxParts(h1.rawPayload)).text;
    expect(h1Text).toContain("Sơ kết 6 tháng xây dựng, nhân rộng mô hình");
    expect(h1Text).toContain("từ 01/01/2022 đến 30/06/2022");
    const topic = await get(
      "/api/reports/summary.docx?fromYear=2022&toYear=2022&kind=chuyen-de&modelTypeCode=clan-no-crime&sections=summary",
    );
    expect(topic.statusCode).toBe(200);
    expect((await docxParts(topic.rawPayload)).text).toMatch(/Chuyên đề mô hình “[^”]+” .* năm 2022/);
  });

  it.each([
    [
      "from=2022-06-30&to=2022-01-01",
      "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc",
      "The start date must not be after the end date",
    ],
    ["from=2022-02-30&to=2022-06-30", "Ngày không tồn tại", "This date does not exist"],
    [
      "fromYear=2022&from=2022-01-01&to=2022-06-30",
      "Chọn thời gian theo năm (fromYear, toYear) hoặc theo ngày (from, to), không dùng cả hai",
      "Choose the period by years (fromYear, toYear) or by dates (from, to), not both",
    ],
    [
      "fromYear=2022&toYear=2022&compare=last-year",
      "Kiểu so sánh không hợp lệ: chọn same-period-last-year (so với cùng kỳ năm trước)",
      "Invalid comparison: choose same-period-last-year (against the same period a year earlier)",
    ],
  ])("refuses %s with 400 in the user's language and writes nothing", async (query, vi, en) => {
    const before = await t.db.auditEntry.count();
    const res = await get(`/api/reports/summary.docx?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(vi);
    const english = await get(`/api/reports/summary.docx?${query}`, { cookie, "x-qt-locale": "en" });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toBe(en);
    expect(await t.db.auditEntry.count()).toBe(before);
  });
});
