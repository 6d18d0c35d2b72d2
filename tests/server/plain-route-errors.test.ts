import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_KINDS } from "../../server/errors.ts";
import { buildApp } from "../../server/http/app.ts";
import { httpStatusOf } from "../../server/http/errors.ts";
import { trpcCodeOf } from "../../server/trpc.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

/**
 * Issue 24 item 3: a domain error (AppError) is mapped once to an HTTP status, and every plain route
 * answers every refusal, its guard's or a service's, in one shape through one error handler:
 * { ok: false, error: { code, message, messageKey, params } } (before, the report downloads sent
 * neither the key nor `ok`, and the map upload no key).
 */
let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
const cookie = { viewer: "", editor: "", admin: "" };
beforeAll(async () => {
  t = await createTestDb("reference");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  for (const role of ["viewer", "editor", "admin"] as const) {
    cookie[role] = `qt_session=${await sessionFor(t.db, (await makeUser(t.db, { role })).id)}`;
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const multipart = (fields: Record<string, string>) =>
  `${Object.entries(fields)
    .map(([k, v]) => `--xyz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("")}--xyz--\r\n`;

type Case = [
  string,
  { as?: keyof typeof cookie; method?: "POST"; body?: string; type?: string },
  number,
  string,
  string,
];
// [url, request, status, code, messageKey]: each refusal written out with the status of its kind.
const CASES: Case[] = [
  ["/api/reports/sites.csv", {}, 401, "UNAUTHORIZED", "report.loginRequired"],
  ["/api/reports/users.csv", { as: "viewer" }, 404, "NOT_FOUND", "report.noSuchReport"],
  ["/api/reports/sites.csv?sep=tab", { as: "viewer" }, 400, "BAD_REQUEST", "report.badSeparator"],
  ["/api/reports/summary.pdf?districtCode=999", { as: "viewer" }, 404, "NOT_FOUND", "district.notFound"],
  [
    "/api/reports/summary.pdf?formerProvinceCode=44&districtCode=470",
    { as: "viewer" },
    400,
    "BAD_REQUEST",
    "territory.outside",
  ],
  [
    "/api/maps/communes/two_level?fileName=a.json&attribution=abc",
    { as: "viewer", method: "POST", body: "{}" },
    403,
    "FORBIDDEN",
    "role.adminOnly",
  ],
  [
    "/api/imports",
    { as: "viewer", method: "POST", body: multipart({ kind: "sites" }) },
    403,
    "FORBIDDEN",
    "role.viewerReadOnly",
  ],
  [
    "/api/imports",
    { as: "editor", method: "POST", body: multipart({ kind: "sites" }) },
    400,
    "BAD_REQUEST",
    "import.noFile",
  ],
  [
    "/api/imports",
    { as: "editor", method: "POST", body: multipart({ kind: "boats" }) },
    400,
    "BAD_REQUEST",
    "import.badKind",
  ],
  ["/api/imports/progress?upload=nothing", { as: "editor" }, 404, "NOT_FOUND", "import.noProgress"],
  ["/api/imports/123456/errors.xlsx", { as: "editor" }, 404, "NOT_FOUND", "import.batchNotFound"],
  ["/api/imports/template.xlsx?kind=boats", { as: "viewer" }, 400, "BAD_REQUEST", "import.badKind"],
];

describe("plain routes answer a domain error by its kind, in one shape", () => {
  it.each(CASES)("%s (%j) → %i %s %s", async (url, req, status, code, messageKey) => {
    const before = await t.db.auditEntry.count();
    const res = await app.inject({
      method: req.method ?? "GET",
      url,
      payload: req.body,
      headers: {
        "x-qt-client": "web",
        ...(req.as ? { cookie: cookie[req.as] } : {}),
        ...(req.body?.startsWith("--xyz")
          ? { "content-type": "multipart/form-data; boundary=xyz" }
          : req.body
            ? { "content-type": "application/octet-stream" }
            : {}),
      },
    });
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body).toEqual({
      ok: false,
      error: { code, messageKey, message: expect.any(String), params: expect.any(Object) },
    });
    expect(body.error.message).not.toMatch(/Error|at |SELECT|prisma/i);
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("says a schema's refusal of a query parameter in the link's language, with its key", async () => {
    const res = await app.inject({
      url: "/api/reports/summary.pdf?fromYear=2022&toYear=2007&lang=en",
      headers: { cookie: cookie.viewer },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("BAD_REQUEST");
    expect(typeof error.messageKey).toBe("string");
    expect(error.message).not.toBe("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc");
  });
});

describe("one kind, one meaning on both edges", () => {
  it("each kind's HTTP status is the status tRPC gives its code, and no two kinds share one", () => {
    const http = ERROR_KINDS.map(httpStatusOf);
    const trpc = ERROR_KINDS.map((kind) => getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeOf(kind) })));
    expect(http).toEqual([400, 401, 403, 404, 409, 413, 429, 503]);
    expect(trpc).toEqual(http);
  });
});
