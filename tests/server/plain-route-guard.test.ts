import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

/**
 * Issue 23, finding 5: a plain route decides who may call it at the request's headers. A client
 * announces a 19 MB body, sends its first 64 KB and waits: the refusal must come while the rest is
 * still unsent (before the fix the map upload read the whole body first, so no answer came).
 */
let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let base = "";
const cookies = { approver: "", viewer: "" };
beforeAll(async () => {
  t = await createTestDb("reference");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  for (const role of ["approver", "viewer"] as const) {
    cookies[role] = `qt_session=${await sessionFor(t.db, (await makeUser(t.db, { role })).id)}`;
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const ANNOUNCED = 19 * 1024 * 1024;

/** Posts the first 64 KB of an announced 19 MB body and waits up to 10 s for an answer. */
function partialPost(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number | null; body: string }>((resolve) => {
    const req = http.request(`${base}${path}`, {
      method: "POST",
      headers: { "x-qt-client": "web", "content-length": String(ANNOUNCED), ...headers },
    });
    const timer = setTimeout(() => finish(null, ""), 10_000);
    const finish = (status: number | null, body: string) => {
      clearTimeout(timer);
      req.destroy();
      resolve({ status, body });
    };
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => finish(res.statusCode ?? null, body));
    });
    req.on("error", () => finish(null, ""));
    req.write(Buffer.alloc(64 * 1024, 0x20));
  });
}

describe("plain routes refuse before reading the body", () => {
  it("a stranger's map upload is answered 401 while its body is still unsent", async () => {
    const res = await partialPost("/api/maps/communes/two_level?fileName=a.json&attribution=abc", {
      "content-type": "application/geo+json",
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.message).toBe("Vui lòng đăng nhập.");
  });

  it("a viewer's map upload is answered 403 while its body is still unsent", async () => {
    const res = await partialPost("/api/maps/communes/two_level?fileName=a.json&attribution=abc", {
      "content-type": "application/geo+json",
      cookie: cookies.viewer,
    });
    expect(res.status).toBe(403);
  });

  it("an approver's spreadsheet upload is answered 403, as imports.* answer approvers, before the file", async () => {
    const res = await partialPost("/api/imports", {
      "content-type": "multipart/form-data; boundary=xyz",
      cookie: cookies.approver,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.messageKey).toBe("role.approverReadOnly");
  });

  it("a stranger's spreadsheet upload is answered 401 before the file", async () => {
    const res = await partialPost("/api/imports", { "content-type": "multipart/form-data; boundary=xyz" });
    expect(res.status).toBe(401);
  });
});
