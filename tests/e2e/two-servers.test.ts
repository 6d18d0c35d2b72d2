import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart, xlsx } from "../server/helpers/imports.ts";
import { onServer } from "../support/postgres.mjs";
import { type ServerProcess, startServer } from "../support/server-process.mjs";
import { E2E_ADMIN_PASSWORD } from "./helpers/auth.ts";

/**
 * Two app servers on one PostgreSQL database, as behind a load balancer (issue 26 item 4): a user
 * is moved between them in the middle of an import. The upload reaches server A, its progress is
 * polled on B, the commit is sent to B and its progress polled on A; the records land once. Runs
 * in the PostgreSQL step of tests/run.mjs (E2E_DATABASE_URL); the embedded database is one process.
 */
const serverUrl = process.env.E2E_DATABASE_URL;
const CLAN = "Dòng họ không có tội phạm";
const dbName = `two_servers_${process.pid}`;
const dbUrl = serverUrl?.replace(/\/[^/]+$/, `/${dbName}`) ?? "";
let a: ServerProcess;
let b: ServerProcess;

const client = (server: ServerProcess, cookie = "") => ({
  trpc: (proc: string, input: unknown) =>
    fetch(`${server.url}/api/trpc/${proc}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-qt-client": "web", cookie },
      body: JSON.stringify(input),
    }),
  progress: (query: string) => fetch(`${server.url}/api/imports/progress?${query}`, { headers: { cookie } }),
  upload: (fields: Record<string, string>, file: { name: string; bytes: Buffer }) => {
    const body = multipart(fields, file);
    return fetch(`${server.url}/api/imports`, {
      method: "POST",
      headers: { "content-type": body.contentType, "x-qt-client": "web", cookie },
      body: body.payload,
    });
  },
});

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

describe.runIf(serverUrl)("two app servers on one PostgreSQL database", () => {
  beforeAll(async () => {
    await onServer(serverUrl as string, `CREATE DATABASE "${dbName}"`);
    const env = { DATABASE_URL: dbUrl, SEED_DEMO: "false" };
    // The first migrates and sets the database up; the second finds it ready.
    a = await startServer({ env, password: E2E_ADMIN_PASSWORD, prefix: "qt-two-a-" });
    b = await startServer({ env, password: E2E_ADMIN_PASSWORD, prefix: "qt-two-b-" });
  }, 480_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (serverUrl) await onServer(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  });

  it("an import uploaded on one server is followed and committed on the other, once", async () => {
    const login = await client(a).trpc("auth.login", { username: "admin", password: E2E_ADMIN_PASSWORD });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const onA = client(a, cookie);
    const onB = client(b, cookie);
    // The session signed in on A is known to B (sessions live in the database).
    expect((await fetch(`${b.url}/api/trpc/auth.me`, { headers: { cookie } })).status).toBe(200);

    const file = await xlsx([
      ["Loại mô hình", "Tên điểm mô hình", "Xã", "Huyện", "Ngày thành lập", "Số hộ"],
      [CLAN, "Dòng họ Hai Máy Một", "Hải Ba", "Hải Lăng", "01/02/2020", 12],
      [CLAN, "Dòng họ Hai Máy Hai", "Hải Ba", "Hải Lăng", "02/02/2020", 9],
      [CLAN, "Dòng họ Hai Máy Ba", "Hải Ba", "Hải Lăng", "03/02/2020", 7],
    ]);
    const progressId = "two-servers-upload-0001";
    const uploaded = await onA.upload({ kind: "sites", progressId }, { name: "hai-may.xlsx", bytes: file });
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);
    const preview = (await uploaded.json()) as { batchId: number; ready: number; total: number };
    expect(preview).toMatchObject({ total: 3, ready: 3 });

    // The upload's progress, asked of the other server.
    const upload = await onB.progress(`upload=${progressId}`);
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ phase: "done" });
    // Another session does not see it, on either server.
    const other = client(b, "qt_session=not-a-session-token-at-all-000000000000000");
    expect((await other.progress(`upload=${progressId}`)).status).not.toBe(200);

    // The commit goes to B; its progress is asked of A.
    const commit = await onB.trpc("imports.commit", { batchId: preview.batchId, skipErrors: false });
    expect(commit.status, await commit.clone().text()).toBe(200);
    const batch = await onA.progress(`batch=${preview.batchId}`);
    expect(batch.status).toBe(200);
    expect(await batch.json()).toMatchObject({ phase: "done", processed: 3 });
    // Sent again to A: refused, nothing written twice.
    const again = await onA.trpc("imports.commit", { batchId: preview.batchId, skipErrors: false });
    expect(again.status).toBe(409);

    const [written] = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM site WHERE import_batch_id = $1 AND deleted_at IS NULL",
      [preview.batchId],
    );
    expect(written?.n).toBe(3);
  });

  it("a write on one server shows at once in the other's figures; signing out on one ends the session on both", async () => {
    const login = await client(b).trpc("auth.login", { username: "admin", password: E2E_ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const summaryOn = async (server: ServerProcess) => {
      const res = await fetch(`${server.url}/api/trpc/dashboard.summary?input=${encodeURIComponent("{}")}`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { data: { cameras: { installations: number } } } }).result.data;
    };
    const installations = async () =>
      (await sql<{ n: number }>("SELECT count(*)::int AS n FROM camera_installation WHERE deleted_at IS NULL"))[0]?.n;
    // B's cache holds the figures before the write.
    expect((await summaryOn(b)).cameras.installations).toBe(await installations());
    const created = await client(a, cookie).trpc("cameras.create", {
      areaCode: "19684",
      installedOn: "2020-05-01",
      cameras: 4,
      recorders: 1,
      memoryCards: 1,
      costVnd: 20_000_000,
      fundingSource: "socialized",
    });
    expect(created.status, await created.clone().text()).toBe(200);
    const after = await installations();
    expect(after).toBeGreaterThan(0);
    expect((await summaryOn(b)).cameras.installations).toBe(after);

    const out = await client(a, cookie).trpc("auth.logout", {});
    expect(out.status).toBe(200);
    expect((await fetch(`${b.url}/api/trpc/auth.me`, { headers: { cookie } })).status).toBe(401);
  });
});
