import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { writeAudit } from "../../server/services/audit/write.ts";
import { loginToken, makeLoginUser } from "../fixtures/sessions.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { createTestDb } from "../support/db.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/** Issue 14, finding 7: the smaller holes, each checked where a client would meet it. */
const s = entryFile();
let app: Awaited<ReturnType<typeof buildApp>>;
let proxied: Awaited<ReturnType<typeof buildApp>>;
let cookie: string;
beforeAll(async () => {
  app = await buildApp({ db: s.t.db, dbKind: s.t.kind });
  proxied = await buildApp({ db: s.t.db, dbKind: s.t.kind, trustProxy: ["127.0.0.1"] });
  const viewer = await makeLoginUser(s.t.db, { role: "viewer" });
  cookie = `qt_session=${await loginToken(s.t.db, viewer.username, viewer.password)}`;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await proxied?.close();
});

describe("HTTP headers", () => {
  it("tRPC answers, errors and report downloads carry Cache-Control: no-store", async () => {
    const me = await app.inject({ method: "GET", url: "/api/trpc/auth.me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.headers["cache-control"]).toBe("no-store");
    const anon = await app.inject({ method: "GET", url: "/api/trpc/auth.me" });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers["cache-control"]).toBe("no-store");
    const csv = await app.inject({ method: "GET", url: "/api/reports/districts.csv", headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["cache-control"]).toBe("no-store");
  });

  it("sends HSTS only over HTTPS", async () => {
    const plain = await app.inject({ method: "GET", url: "/api/health" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const https = await proxied.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(https.headers["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
    // A client that is not a trusted proxy cannot claim HTTPS.
    const spoofed = await app.inject({ method: "GET", url: "/api/health", headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("a failure the schemas cannot prevent", () => {
  it("answers 500 with the Vietnamese message only: no stack, no SQL, no driver text", async () => {
    const broken = await createTestDb();
    const brokenApp = await buildApp({ db: broken.db, dbKind: broken.kind });
    await broken.db.$executeRawUnsafe('DROP TABLE "session" CASCADE');
    try {
      const res = await brokenApp.inject({ method: "GET", url: "/api/trpc/auth.me", headers: { cookie } });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.message).toBe("Lỗi hệ thống, vui lòng thử lại sau.");
      expect(res.body).not.toMatch(/stack|session|relation|SELECT|prisma|\.ts:\d+/i);
    } finally {
      await brokenApp.close();
      await broken.close();
    }
  });
});

describe("who exported what", () => {
  it("is readable by admins only", async () => {
    await writeAudit(s.t.db, { user: null, action: "export", entity: "report", entityId: "summary.docx" });
    const input = { entity: "report", entityId: "summary.docx" };
    for (const user of [s.users.viewer, s.users.province, s.users.haiLang]) {
      await expectTrpcError(s.caller(user).audit.history(input), "FORBIDDEN");
    }
    expect((await s.caller(s.users.admin).audit.history(input)).map((r) => r.action)).toContain("export");
  });
});

describe("report date", () => {
  it.each([
    ["2023-02-30", "Ngày ban hành không tồn tại"],
    ["9999-12-31", `Năm của ngày ban hành phải từ 1990 đến ${new Date().getFullYear() + 1}`],
    ["1066-10-14", `Năm của ngày ban hành phải từ 1990 đến ${new Date().getFullYear() + 1}`],
  ])("refuses %s with a clear message, over HTTP and in the preview", async (date, message) => {
    const res = await app.inject({ method: "GET", url: `/api/reports/summary.pdf?date=${date}`, headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(message);
    await expectTrpcError(s.caller(s.users.viewer).reports.preview({ date }), "BAD_REQUEST", message);
  });
});

describe("search", () => {
  it("takes % and _ literally (not as LIKE wildcards) in sites, cameras and awards", async () => {
    const admin = s.caller(s.users.admin);
    const modelTypeId = await s.typeId("security-camera");
    const site = (name: string, notes: string) =>
      admin.sites.create({
        modelTypeId,
        areaCode: HAI_AN,
        districtCode: HAI_LANG,
        name,
        establishedOn: "2015-01-01",
        notes,
      });
    await site("Điểm A", "giảm 50% chi phí");
    await site("Điểm B", "giảm 500 chi phí");
    await site("Điểm C", "mã ab_cd");
    await site("Điểm D", "mã abxcd");
    const names = async (search: string) => (await admin.sites.list({ search })).items.map((i) => i.name).sort();
    expect(await names("50%")).toEqual(["Điểm A"]);
    expect(await names("ab_cd")).toEqual(["Điểm C"]);
    expect(await names("%")).toEqual(["Điểm A"]);
    const camera = (notes: string) =>
      admin.cameras.create({
        areaCode: HAI_AN,
        installedOn: "2016-01-01",
        cameras: 1,
        recorders: 1,
        memoryCards: 0,
        costVnd: 1,
        fundingSource: "socialized",
        notes,
      });
    await camera("lô_1");
    await camera("lôx1");
    expect((await admin.cameras.list({ search: "lo_1" })).items.map((i) => i.notes)).toEqual(["lô_1"]);
    const award = (decisionNumber: string) =>
      admin.awards.create({
        year: 2018,
        issuer: "provincial_committee",
        form: "certificate",
        recipientKind: "collective",
        recipientName: "Tập thể",
        areaCode: HAI_AN,
        decisionNumber,
      });
    await award("12%/QĐ");
    await award("123/QĐ");
    expect((await admin.awards.list({ search: "12%" })).items.map((i) => i.decisionNumber)).toEqual(["12%/QĐ"]);
  });
});
