import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { readTls } from "../../server/http/tls.ts";
import { makeLoginUser } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// TLS in the box (issue 29 item 4): with TLS_CERT/TLS_KEY the server speaks HTTPS itself, sends
// HSTS and Secure cookies; a key that is not the certificate's, or a file it cannot read, stops it.

const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-tls-"));
const file = (name: string) => path.join(dir, name);
/** A self-signed certificate as the install guide makes one. */
function selfSigned(name: string) {
  execFileSync("openssl", [
    ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=qt.local"],
    ...["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", file(`${name}.key`), "-out", file(`${name}.crt`)],
  ]);
}

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let base = "";
beforeAll(async () => {
  selfSigned("a");
  selfSigned("b");
  t = await createTestDb("reference");
  app = await buildApp({ db: t.db, dbKind: t.kind, https: readTls(file("a.crt"), file("a.key")) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  base = `https://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(url: string, opts: { method?: string; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: opts.method ?? "GET",
        ca: fs.readFileSync(file("a.crt")),
        headers: opts.body ? { "content-type": "application/json", "x-qt-client": "web" } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

describe("HTTPS served by the server itself", () => {
  it("answers over TLS with the given certificate, HSTS, and a Secure session cookie", async () => {
    const health = await request(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const u = await makeLoginUser(t.db, { role: "viewer" });
    const login = await request(`${base}/api/trpc/auth.login`, {
      method: "POST",
      body: JSON.stringify({ username: u.username, password: u.password }),
    });
    expect(login.status).toBe(200);
    const cookie = [login.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("qt_session=")) ?? "";
    expect(cookie).toMatch(/; Secure/i);
  });

  it("refuses a key that is not the certificate's, and a file it cannot read, saying which", () => {
    expect(() => readTls(file("a.crt"), file("b.key"))).toThrow(/does not belong to the certificate/);
    expect(() => readTls(file("missing.crt"), file("a.key"))).toThrow(/TLS_CERT .*missing\.crt \(ENOENT\)/);
    expect(() => readTls(file("a.key"), file("a.key"))).toThrow(/is not a PEM certificate/);
  });

  // A process that stops before opening any database: the same in either run, so only the PGlite one runs it.
  it.skipIf(process.env.TEST_DATABASE_URL)(
    "a server started with a mismatched pair stops with that message, before opening the database",
    () => {
      const dataDir = path.join(dir, "data");
      const run = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, TLS_CERT: file("a.crt"), TLS_KEY: file("b.key") },
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain("does not belong to the certificate");
      expect(fs.existsSync(path.join(dataDir, "pg"))).toBe(false);
    },
  );
});
