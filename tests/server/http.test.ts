import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { FirstScreenData } from "@qt/shared/first-screen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteRow } from "../../prisma/seed/factories.ts";
import { createContextInner } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { resolveSession } from "../../server/services/accounts/sessions.ts";
import { makeLoginUser } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let admin: Awaited<ReturnType<typeof makeLoginUser>>;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeLoginUser(t.db, { role: "admin" });
  app = await buildApp({ db: t.db, dbKind: t.kind });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await t.close();
});

const CLIENT = { "x-qt-client": "web", "content-type": "application/json" };
const bodies: string[] = [];

async function post(path: string, payload: unknown, headers: Record<string, string> = CLIENT) {
  const res = await app.inject({ method: "POST", url: `/api/trpc/${path}`, headers, payload: JSON.stringify(payload) });
  bodies.push(res.body);
  return res;
}
async function get(path: string, input: unknown, cookie?: string) {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await app.inject({ method: "GET", url: `/api/trpc/${path}${q}`, headers: cookie ? { cookie } : {} });
  bodies.push(res.body);
  return res;
}
async function userOf(cookie: string) {
  return resolveSession(t.db, decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)));
}
async function loginCookie(username = admin.username, password = admin.password) {
  const res = await post("auth.login", { username, password });
  expect(res.statusCode).toBe(200);
  const raw = res.headers["set-cookie"];
  const line = (Array.isArray(raw) ? raw : [raw ?? ""]).find((c) => c.startsWith("qt_session=")) ?? "";
  return { line, cookie: line.split(";")[0] ?? "" };
}

describe("HTTP layer", () => {
  it("login sets an HttpOnly, SameSite=Lax session cookie for the whole site; me then works", async () => {
    const { line, cookie } = await loginCookie();
    expect(line).toMatch(/^qt_session=[A-Za-z0-9_-]{43};/);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    expect(line).toMatch(/Max-Age=43200/);
    // Plain HTTP here: Secure would make the browser drop the cookie.
    expect(line).not.toMatch(/Secure/i);
    const me = await get("auth.me", undefined, cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().result.data).toMatchObject({ username: admin.username, role: "admin" });
  });

  it("behind a trusted TLS proxy (TRUST_PROXY) marks the cookie Secure; others cannot claim https", async () => {
    const proxied = await buildApp({ db: t.db, dbKind: t.kind, trustProxy: ["127.0.0.1"] });
    try {
      const login = (remoteAddress: string) =>
        proxied.inject({
          method: "POST",
          url: "/api/trpc/auth.login",
          remoteAddress,
          headers: { ...CLIENT, "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" },
          payload: JSON.stringify({ username: admin.username, password: admin.password }),
        });
      const viaProxy = await login("127.0.0.1");
      expect(viaProxy.statusCode).toBe(200);
      expect(String(viaProxy.headers["set-cookie"])).toMatch(/qt_session=[^;]+;.*Secure/i);
      const sessions = await t.db.session.findMany({ orderBy: { id: "desc" }, take: 1, select: { ip: true } });
      expect(sessions[0]?.ip).toBe("203.0.113.7");
      const direct = await login("198.51.100.9");
      expect(direct.statusCode).toBe(200);
      expect(String(direct.headers["set-cookie"])).not.toMatch(/Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it("the dashboard needs a session: 401 with a Vietnamese message without one", async () => {
    const res = await get("dashboard.summary", {});
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ message: "Vui lòng đăng nhập.", data: { code: "UNAUTHORIZED" } });
  });

  it("logout clears the cookie and ends the session", async () => {
    const { cookie } = await loginCookie();
    const res = await app.inject({ method: "POST", url: "/api/trpc/auth.logout", headers: { ...CLIENT, cookie } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toMatch(/qt_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    const after = await get("auth.me", undefined, cookie);
    expect(after.statusCode).toBe(401);
    // The dead cookie is cleared too.
    expect(String(after.headers["set-cookie"])).toMatch(/qt_session=;/);
  });

  it("refuses mutations without the client header or from another origin (CSRF), in Vietnamese", async () => {
    const creds = { username: admin.username, password: admin.password };
    const noHeader = await post("auth.login", creds, { "content-type": "application/json" });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("từ chối") });
    expect(noHeader.headers["set-cookie"]).toBeUndefined();
    const foreign = await post("auth.login", creds, { ...CLIENT, origin: "https://evil.example" });
    expect(foreign.statusCode).toBe(403);
    const same = await post("auth.login", creds, { ...CLIENT, origin: "http://localhost:80", host: "localhost:80" });
    expect(same.statusCode).toBe(200);
    // Queries (GET) change nothing and need no header.
    expect((await get("auth.me", undefined)).statusCode).toBe(401);
  });

  it("sends the security headers (CSP, no framing, no sniffing)", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("errors carry a code and a Vietnamese message, never a stack trace or SQL", async () => {
    const { cookie } = await loginCookie();
    const bad = await app.inject({
      method: "POST",
      url: "/api/trpc/users.create",
      headers: { ...CLIENT, cookie },
      payload: JSON.stringify({ username: "x", displayName: "", password: "short", role: "boss", extra: 1 }),
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.fieldErrors.password).toEqual(["Mật khẩu cần ít nhất 10 ký tự"]);
    const missing = await app.inject({
      method: "POST",
      url: "/api/trpc/users.disable",
      headers: { ...CLIENT, cookie },
      payload: JSON.stringify({ id: 987654 }),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("Không tìm thấy tài khoản.");
    const tooBig = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.login",
      headers: CLIENT,
      payload: JSON.stringify({ username: "a", password: "x".repeat(1_100_000) }),
    });
    expect(tooBig.statusCode).toBe(413);
    for (const res of [bad, missing, tooBig]) {
      expect(res.body).not.toMatch(/stack|\n\s+at |SELECT|INSERT|prisma|node_modules/i);
    }
  });

  it("never sends a password hash or token hash in any response", async () => {
    const { cookie } = await loginCookie();
    await get("users.list", undefined, cookie);
    await get("audit.list", { page: 1, pageSize: 100 }, cookie);
    await get("audit.history", { entity: "user", entityId: String(admin.id) }, cookie);
    await get("auth.me", undefined, cookie);
    const all = bodies.join("\n");
    expect(all).toContain(admin.username);
    expect(all).not.toMatch(/\$argon2|passwordHash|tokenHash|password_hash/);
    expect(all).not.toContain(admin.password);
    const hashes = await t.db.session.findMany({ select: { tokenHash: true } });
    for (const h of hashes) expect(all).not.toContain(h.tokenHash);
  });
});

describe("the built client", () => {
  // A stand-in for client/dist with what the build writes: hashed assets and their .br/.gz copies.
  let dir: string;
  let site: Awaited<ReturnType<typeof buildApp>>;
  const js = `export const app = "${"Quảng Trị ".repeat(200)}";\n`;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-client-"));
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(
      path.join(dir, "index.html"),
      '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body></body></html>',
    );
    const asset = path.join(dir, "assets", "app-1a2b3c.js");
    fs.writeFileSync(asset, js);
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(js));
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(js));
    site = await buildApp({ db: t.db, dbKind: t.kind, serveClient: true, clientDir: dir });
  });
  afterAll(async () => {
    await site?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fetchAsset = (encoding?: string) =>
    site.inject({ url: "/assets/app-1a2b3c.js", headers: encoding ? { "accept-encoding": encoding } : {} });

  it("sends the brotli or gzip copy made at build time to a browser that takes it, the file otherwise", async () => {
    const br = await fetchAsset("gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    const gz = await fetchAsset("gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await fetchAsset();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(js);
    for (const res of [br, gz, plain]) {
      expect(res.headers["content-type"]).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it("lets browsers keep hashed assets for good, never the page", async () => {
    expect((await fetchAsset("br")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const url of ["/", "/index.html", "/district/461?from=2010"]) {
      const page = await site.inject({ url, headers: { "accept-encoding": "br" } });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).toContain('<script type="module" src="/assets/app-1a2b3c.js"></script>');
    }
  });

  /** The figures the page carries, from its `<script type="application/json">` element. */
  const carried = (html: string): FirstScreenData | null => {
    const m = html.match(/<script type="application\/json" id="qt-first-screen">(.*?)<\/script>/s);
    return m?.[1] ? (JSON.parse(m[1]) as FirstScreenData) : null;
  };
  const withoutAsOf = (v: unknown) => ({ ...(v as object), asOf: undefined });

  it("carries the session's user and the overview's figures for the address, as the procedures answer", async () => {
    const { cookie } = await loginCookie();
    const page = await site.inject({ url: "/?from=2010&to=2020&district=470&category=clan", headers: { cookie } });
    const data = carried(page.body);
    const approval = { fromYear: 2010, toYear: 2020, districtCode: "470" };
    const input = { ...approval, modelCategory: "clan" as const };
    const caller = createCaller(createContextInner({ db: t.db, user: await userOf(cookie) }));
    expect(data?.me).toEqual(await caller.auth.me());
    expect(data?.queries.map((q) => [q.path, q.input])).toEqual([
      ["dashboard.summary", input],
      ["dashboard.yearly", input],
      // Its own fields only: the view, category or model type do not change it.
      ["dashboard.approval", approval],
    ]);
    expect(withoutAsOf(data?.queries[0]?.data)).toEqual(withoutAsOf(await caller.dashboard.summary(input)));
    expect(data?.queries[1]?.data).toEqual(await caller.dashboard.yearly(input));
    expect(data?.queries[2]?.data).toEqual(await caller.dashboard.approval(approval));
    // Other screens: the user only. A filter the server refuses: left for the browser to ask.
    expect(carried((await site.inject({ url: "/district/461", headers: { cookie } })).body)?.queries).toEqual([]);
    expect(carried((await site.inject({ url: "/?district=999", headers: { cookie } })).body)?.queries).toEqual([]);
  });

  it("carries nothing without a session", async () => {
    const page = await site.inject({ url: "/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("qt-first-screen");
  });

  it("keeps the data inside its element whatever the data says", async () => {
    const { cookie } = await loginCookie();
    const name = "Mô hình </script><script>alert(1)</script> <!--";
    const type = await t.db.modelType.create({ data: { code: "html-in-name", name, category: "other" } });
    const area = await t.db.adminUnit.findUniqueOrThrow({
      where: { catalog_code: { catalog: "three_level", code: "19333" } },
      include: { parent: true },
    });
    await t.db.site.create({
      data: siteRow(
        { id: area.id, name: area.name, districtName: area.parent?.name ?? "" },
        { modelTypeId: type.id, name: "Chợ Phường 1", establishedOn: new Date("2015-01-01") },
      ),
    });
    const page = await site.inject({ url: "/", headers: { cookie } });
    expect(page.body).not.toContain("<script>alert(1)");
    // The app's, the installed province's (decision 044) and the data element's own.
    expect(page.body.match(/<\/script>/g)).toHaveLength(3);
    const summary = carried(page.body)?.queries[0]?.data as { byModelType: { name: string }[] };
    expect(summary.byModelType.map((m) => m.name)).toContain(name);
  });
});
