import { LOCALE_HEADER } from "@qt/shared/format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { makeLoginUser } from "../fixtures/sessions.ts";
import { DONG_HA, HAI_AN } from "../fixtures/units.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
const cookies: Record<"admin" | "dongHa" | "viewer", string> = { admin: "", dongHa: "", viewer: "" };

type ErrorBody = {
  error: {
    message: string;
    data: { code: string; messageKey?: string; params?: object; fieldErrors?: Record<string, string[]> };
  };
};

/** One tRPC call over HTTP, as the browser makes it, in the language the client names (or none). */
async function call(
  path: string,
  input: unknown,
  opts: { cookie?: string; locale?: "vi" | "en"; query?: boolean } = {},
) {
  const headers: Record<string, string> = { "x-qt-client": "web", "content-type": "application/json" };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.locale) headers[LOCALE_HEADER] = opts.locale;
  const url = `/api/trpc/${path}`;
  const res = opts.query
    ? await app.inject({ method: "GET", url: `${url}?input=${encodeURIComponent(JSON.stringify(input))}`, headers })
    : await app.inject({ method: "POST", url, headers, payload: JSON.stringify(input) });
  return { status: res.statusCode, body: res.json() as ErrorBody, cookie: res.headers["set-cookie"] };
}

async function login(role: "admin" | "editor" | "viewer", districtCode?: string) {
  const u = await makeLoginUser(t.db, { role, districtCode });
  const res = await call("auth.login", { username: u.username, password: u.password });
  expect(res.status).toBe(200);
  const raw = res.cookie;
  const line = (Array.isArray(raw) ? raw : [raw ?? ""]).find((c) => c.startsWith("qt_session=")) ?? "";
  return line.split(";")[0] ?? "";
}

beforeAll(async () => {
  t = await createTestDb("reference");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  cookies.admin = await login("admin");
  cookies.dongHa = await login("editor", DONG_HA);
  cookies.viewer = await login("viewer");
}, 60_000);
afterAll(async () => {
  await app?.close();
  await t.close();
});

const site = async () => ({
  modelTypeId: (await t.db.modelType.findUniqueOrThrow({ where: { code: "clan-no-crime" }, select: { id: true } })).id,
  areaCode: HAI_AN,
  name: "Dòng họ Lê",
  establishedOn: "2015-03-10",
});

describe("server messages in the client's language (header x-qt-locale)", () => {
  it("not signed in: Vietnamese by default and for vi, English for en, with the same key", async () => {
    for (const [locale, text] of [
      [undefined, "Vui lòng đăng nhập."],
      ["vi", "Vui lòng đăng nhập."],
      ["en", "Please sign in."],
    ] as const) {
      const res = await call("sites.create", await site(), { locale });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe(text);
      expect(res.body.error.data).toMatchObject({ code: "UNAUTHORIZED", messageKey: "auth.loginRequired" });
    }
  });

  it("the cross-site request guard (before tRPC) names its message too", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.logout",
      headers: { "content-type": "application/json", [LOCALE_HEADER]: "en" },
      payload: "{}",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: {
        code: "FORBIDDEN",
        message: "Request refused: it did not come from the application (cross-site request forgery guard).",
        messageKey: "auth.csrf",
      },
    });
  });

  it("a dashboard filter naming no commune of today: 400 in the client's language", async () => {
    for (const [locale, text] of [
      ["vi", "Không có xã, phường, đặc khu hiện nay (từ 01/07/2025) với mã 99999."],
      ["en", "No commune of today's list (since 01/07/2025) has the code 99999."],
    ] as const) {
      const res = await call(
        "dashboard.summary",
        { communeCode: "99999" },
        { cookie: cookies.viewer, locale, query: true },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(text);
      expect(res.body.error.data).toMatchObject({ code: "BAD_REQUEST", messageKey: "commune.notCurrent" });
    }
  });

  it("wrong credentials and a read-only account, in English", async () => {
    const bad = await call("auth.login", { username: "nobody", password: "wrong-password" }, { locale: "en" });
    expect(bad.body.error.message).toBe("Wrong username or password.");
    const viewer = await call("sites.create", await site(), { cookie: cookies.viewer, locale: "en" });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.message).toBe("Your account may only view data, not change it.");
  });

  it("the district scope refusal, in both languages, and nothing is written", async () => {
    const before = await t.db.site.count();
    const vi = await call("sites.create", await site(), { cookie: cookies.dongHa });
    expect(vi.body.error.message).toBe("Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.");
    const en = await call("sites.create", await site(), { cookie: cookies.dongHa, locale: "en" });
    expect(en.body.error).toMatchObject({
      message: "You may only change data of the district you are responsible for.",
      data: { code: "FORBIDDEN", messageKey: "scope.ownDistrict" },
    });
    expect(await t.db.site.count()).toBe(before);
  });

  it("schema (zod) messages per field, with a field's name translated inside the sentence", async () => {
    const input = { ...(await site()), name: " ", households: -2 };
    const vi = await call("sites.create", input, { cookie: cookies.admin });
    expect(vi.status).toBe(400);
    expect(vi.body.error.data.fieldErrors).toEqual({
      name: ["Vui lòng nhập tên điểm mô hình"],
      households: ["Số hộ không được âm"],
    });
    const en = await call("sites.create", input, { cookie: cookies.admin, locale: "en" });
    expect(en.body.error.message).toBe("Please enter the site name");
    // The field's name is a message of its own, named by its key (decision 042).
    expect(en.body.error.data).toMatchObject({ messageKey: "v.required", params: { label: { key: "noun.siteName" } } });
    expect(en.body.error.data.fieldErrors).toEqual({
      name: ["Please enter the site name"],
      households: ["Number of households cannot be negative"],
    });
  });

  // Schema messages are keys with parameters (decision 042): before, the Vietnamese text was read
  // back by a pattern, which took "100.000" and "Tên bản nháp" for words and left them as they were.
  it("a schema message in English has its parameters filled in English: numbers and field names", async () => {
    const households = await call(
      "sites.create",
      { ...(await site()), households: 100_001 },
      {
        cookie: cookies.admin,
        locale: "en",
      },
    );
    expect(households.status).toBe(400);
    expect(households.body.error.message).toBe("Number of households cannot exceed 100,000");
    expect(households.body.error.data).toMatchObject({
      messageKey: "v.tooBig",
      params: { label: { key: "noun.households" }, max: 100_000 },
      fieldErrors: { households: ["Number of households cannot exceed 100,000"] },
    });
    const vi = await call("sites.create", { ...(await site()), households: 100_001 }, { cookie: cookies.admin });
    expect(vi.body.error.message).toBe("Số hộ không được vượt quá 100.000");

    const before = await t.db.reportDraft.count();
    const draft = { name: "x".repeat(121), fromYear: 2007, toYear: 2022, districtCodes: [] };
    const en = await call("reports.drafts.create", draft, { cookie: cookies.admin, locale: "en" });
    expect([en.status, en.body.error.message]).toEqual([400, "Draft name: at most 120 characters"]);
    const long = { ...draft, name: "Dự thảo", narrative: { lessons: "a".repeat(20_001) } };
    const section = await call("reports.drafts.create", long, { cookie: cookies.admin, locale: "en" });
    expect(section.body.error.message).toBe(
      "The section “Lessons learned (Bài học kinh nghiệm)” is longer than 20,000 characters",
    );
    expect(await t.db.reportDraft.count()).toBe(before);
  });

  // zod's own "Unrecognized key" reached Vietnamese users in English (issue 22).
  it("a strict input's extra key, in the caller's language from the catalogue", async () => {
    const input = { ...(await site()), colour: "red" };
    const vi = await call("sites.create", input, { cookie: cookies.admin });
    expect(vi.status).toBe(400);
    expect(vi.body.error.message).toBe("Tham số không được hỗ trợ: colour");
    const en = await call("sites.create", input, { cookie: cookies.admin, locale: "en" });
    expect(en.body.error.message).toBe("Unsupported parameter: colour");
    expect(en.body.error.data).toMatchObject({ messageKey: "v.unrecognizedKeys", params: { keys: "colour" } });
  });

  it("a rule checked against the database (field error) and a missing record, with parameters", async () => {
    const bad = await call(
      "sites.create",
      { ...(await site()), areaCode: "99999" },
      {
        cookie: cookies.admin,
        locale: "en",
      },
    );
    expect(bad.body.error.message).toBe("No area has the code 99999");
    expect(bad.body.error.data).toMatchObject({ messageKey: "area.codeNotFound", params: { code: "99999" } });
    expect(bad.body.error.data.fieldErrors).toEqual({ areaCode: ["No area has the code 99999"] });
    const missing = await call("sites.get", { id: 987654 }, { cookie: cookies.admin, locale: "en", query: true });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("Model site not found (it may have been removed).");
    const vi = await call("sites.update", { id: 987654, version: 1 }, { cookie: cookies.admin });
    expect(vi.body.error.message).toBe("Không tìm thấy điểm mô hình (có thể đã bị xóa).");
  });
});

describe("the lock of an approved year (decision 025), in both languages", () => {
  it("names the unit, the year and the day, and who can reopen it; nothing is written", async () => {
    const unit = await t.db.adminUnit.findUniqueOrThrow({
      where: { catalog_code: { catalog: "three_level", code: "470" } },
      select: { id: true },
    });
    const key = { unitId: unit.id, year: 2015 };
    const approved = { state: "approved" as const, approvedAt: new Date("2023-01-20T02:00:00Z") };
    await t.db.approval.upsert({ where: { unitId_year: key }, create: { ...key, ...approved }, update: approved });
    try {
      const before = await t.db.site.count();
      const vi = await call("sites.create", await site(), { cookie: cookies.admin });
      expect(vi.status).toBe(403);
      expect(vi.body.error.message).toBe(
        "Số liệu năm 2015 của Huyện Hải Lăng (cũ) đã được phê duyệt ngày 20/01/2023 — đề nghị quản trị viên mở lại trước khi sửa.",
      );
      const en = await call("sites.create", await site(), { cookie: cookies.admin, locale: "en" });
      expect(en.body.error).toMatchObject({
        message:
          "The 2015 figures of Huyện Hải Lăng (former) were approved on 20 Jan 2023 — ask an administrator to reopen them before changing them.",
        data: { code: "FORBIDDEN", messageKey: "lock.approved", params: { year: "2015", date: "20/01/2023" } },
      });
      expect(await t.db.site.count()).toBe(before);
    } finally {
      await t.db.approval.update({ where: { unitId_year: key }, data: { state: "draft", approvedAt: null } });
    }
  });
});
