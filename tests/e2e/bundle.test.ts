import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteExtensions } from "../../server/db/adapter.ts";
import { findPostgresBin, freePort, startPostgres } from "../support/postgres.mjs";
import { interfacesOf, type ProbeResult, probe, startBundle } from "./helpers/bundle.ts";

// The offline bundle (issue 17, docs/decisions/014) as an operator meets it: built once, extracted
// into an empty folder, started with no network but loopback, signed in to, upgraded in place, and
// refusing what it must refuse. `unshare --net` needs root: CI runs as root; elsewhere it skips.
const root = path.resolve(import.meta.dirname, "../..");
const canIsolate = process.getuid?.() === 0 && spawnSync("unshare", ["--net", "true"]).status === 0;
const describeBundle = canIsolate || process.env.CI ? describe : describe.skip;
const hasSystemdAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
const PASSWORD = "bundle-Admin-Passw0rd";
const VERSION: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qt-bundle-test-"));
const archive = path.join(tmp, "qt.tar.gz");
const home = path.join(tmp, "home");
const tmpdir = path.join(tmp, "tmpdir");
const v1 = path.join(tmp, "v1");
const v2 = path.join(tmp, "v2");
const appOf = (dir: string) => path.join(dir, `qt-phongtrao-${VERSION}`);
const dataDir = path.join(appOf(v1), "data");
const backups = () =>
  fs.existsSync(path.join(dataDir, "backups")) ? fs.readdirSync(path.join(dataDir, "backups")) : [];

function extract(into: string) {
  fs.mkdirSync(into);
  const res = spawnSync("tar", ["-C", into, "-xzf", archive], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(res.stderr);
  return appOf(into);
}

/** Starts a bundle with no network, reads the dashboard, stops it. */
async function runIsolated(app: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = startBundle(
    app,
    { PORT: String(port), ADMIN_PASSWORD: PASSWORD, HOME: home, TMPDIR: tmpdir, ...env },
    { isolated: true },
  );
  try {
    const seen = await probe(app, server.pid, port, PASSWORD);
    const interfaces = await interfacesOf(server.pid);
    await server.stop();
    return { seen, interfaces, output: server.output() };
  } catch (err) {
    await server.stop();
    throw new Error(`${err}\n${server.output()}`);
  }
}

/** Starts a bundle that must refuse: its exit code and what it said. */
async function runRefused(app: string, env: Record<string, string>) {
  const server = startBundle(
    app,
    { PORT: String(await freePort()), HOME: home, TMPDIR: tmpdir, ...env },
    { isolated: false },
  );
  const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("running"), 90_000))]);
  await server.stop();
  return { code, output: server.output() };
}

describeBundle("offline bundle", () => {
  let first: ProbeResult;

  beforeAll(() => {
    fs.mkdirSync(home);
    fs.mkdirSync(tmpdir);
    const started = Date.now();
    // The e2e step builds the client just before (tests/run.mjs); build it here only if missing.
    const skipClient = fs.existsSync(path.join(root, "client/dist/index.html")) ? ["--skip-client-build"] : [];
    const built = spawnSync("node", ["scripts/bundle.mjs", "--out", archive, ...skipClient], {
      cwd: root,
      encoding: "utf8",
    });
    if (built.status !== 0) throw new Error(`pnpm bundle failed:\n${built.stdout}\n${built.stderr}`);
    console.log(
      `bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s:\n${built.stdout.split("\n").slice(-3).join("\n")}`,
    );
  }, 300_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("extracted into an empty folder, starts with no network and serves the signed-in dashboard", async () => {
    const extractedAt = Date.now();
    const app = extract(v1);
    const { seen, interfaces } = await runIsolated(app);
    console.log(`extraction to first /api/health answer: ${((seen.healthAt - extractedAt) / 1000).toFixed(1)} s`);
    expect(interfaces).toEqual(["lo"]);
    expect(seen.health).toEqual({ status: "ok", database: "pglite", version: VERSION });
    expect(seen.figures).toMatchObject({ cameraCoverage: { covered: 73, total: 126 }, cameras: { cameras: 1131 } });
    expect([seen.page, seen.pageType]).toEqual([200, "text/html; charset=utf-8"]);
    // Everything it wrote is in its folder: the data directory (default data/ beside bin/) and nothing in HOME or TMPDIR.
    expect(fs.existsSync(path.join(dataDir, "pg"))).toBe(true);
    expect(fs.readdirSync(home)).toEqual([]);
    expect(fs.readdirSync(tmpdir)).toEqual([]);
    expect(backups()).toEqual([]);
    first = seen;
  }, 240_000);

  it.skipIf(!hasSystemdAnalyze && !process.env.CI)("ships a systemd unit that systemd accepts", () => {
    const unit = path.join(tmp, "qt-phongtrao.service");
    const text = fs.readFileSync(path.join(appOf(v1), "qt-phongtrao.service"), "utf8");
    expect(text).toMatch(/^User=qtphongtrao$/m);
    expect(text).toMatch(/^Restart=on-failure$/m);
    expect(text).toMatch(/^StateDirectory=qt-phongtrao$/m);
    // Pointed at this extraction, so that verify can check that ExecStart exists and is executable.
    fs.writeFileSync(unit, text.replaceAll("/opt/qt-phongtrao/current", appOf(v1)));
    const res = spawnSync("systemd-analyze", ["verify", unit], { encoding: "utf8" });
    expect(`${res.status} ${res.stderr}`.trim()).toBe("0");
  });

  it("refuses a data directory held by a running server, a bad configuration value, and changes nothing", async () => {
    const port = await freePort();
    const holder = startBundle(appOf(v1), { PORT: String(port), HOME: home, TMPDIR: tmpdir }, { isolated: false });
    try {
      await expect.poll(() => holder.output(), { timeout: 120_000, interval: 250 }).toMatch(/Server listening/);
      const second = await runRefused(appOf(v1), {});
      expect(second.code).toBe(1);
      expect(second.output).toMatch(/đang được tiến trình \d+ .* sử dụng.*Nothing was changed/s);
    } finally {
      await holder.stop();
    }
    const fresh = path.join(tmp, "never-created");
    const bad = await runRefused(appOf(v1), { PORT: "tám nghìn", DATA_DIR: fresh });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/Cấu hình môi trường không hợp lệ \(invalid environment\)[\s\S]*PORT/);
    expect(fs.existsSync(fresh)).toBe(false);
    expect(backups()).toEqual([]);
  }, 240_000);

  it("a newer bundle on that data directory backs it up first and shows the same figures", async () => {
    // The same build with a higher version stands in for a newer release (no second build).
    const app = extract(v2);
    const pkg = JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8"));
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ ...pkg, version: "99.0.0" }));
    const { seen, output } = await runIsolated(app, { DATA_DIR: dataDir });
    expect(seen.health.version).toBe("99.0.0");
    expect(seen.figures).toEqual(first.figures);
    expect(output).toMatch(/pre-upgrade backup written/);
    const [backup, ...others] = backups();
    expect(others).toEqual([]);
    expect(backup).toMatch(/^pre-upgrade-99\.0\.0-\d{8}-\d{6}\.jsonl\.gz$/);
    expect(fs.statSync(path.join(dataDir, "backups", backup ?? "")).size).toBeGreaterThan(10_000);

    // Started again at the same version: nothing to upgrade, no second backup.
    const again = await runIsolated(app, { DATA_DIR: dataDir });
    expect(again.seen.figures).toEqual(first.figures);
    expect(backups()).toEqual([backup]);
  }, 360_000);

  it("refuses a data directory written by a newer version and touches nothing", async () => {
    const db = await PGlite.create(path.join(dataDir, "pg"), { extensions: pgliteExtensions });
    await db.exec(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-00000000abcd', 'x', '29990101000000_from_a_newer_version', now(), 1)`,
    );
    const count = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM site")).rows[0]?.n;
    const sites = await count();
    await db.close();
    const versionBefore = fs.readFileSync(path.join(dataDir, "product-version"), "utf8");
    const before = backups();

    const refused = await runRefused(appOf(v1), { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/phiên bản mới hơn[\s\S]*29990101000000_from_a_newer_version[\s\S]*newer version/);
    expect(backups()).toEqual(before);
    expect(fs.readFileSync(path.join(dataDir, "product-version"), "utf8")).toBe(versionBefore);
    const after = await PGlite.create(path.join(dataDir, "pg"), { extensions: pgliteExtensions });
    const rows = await after.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
    );
    expect(rows.rows[0]?.migration_name).toBe("29990101000000_from_a_newer_version");
    expect((await after.query<{ n: number }>("SELECT count(*)::int AS n FROM site")).rows[0]?.n).toBe(sites);
    await after.close();
  }, 240_000);

  it("rolls back as the guide says: the older bundle restores the pre-upgrade backup into a new data directory", async () => {
    const [backup] = backups().filter((f) => f.startsWith("pre-upgrade-"));
    expect(backup).toBeDefined();
    const restored = path.join(tmp, "rolled-back");
    const res = spawnSync(path.join(appOf(v1), "bin", "restore"), [path.join(dataDir, "backups", backup ?? "")], {
      env: { PATH: "/usr/bin:/bin", DATA_DIR: restored, HOME: home, TMPDIR: tmpdir },
      encoding: "utf8",
    });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Đã khôi phục \d+ dòng/);
    const { seen } = await runIsolated(appOf(v1), { DATA_DIR: restored });
    expect(seen.health.version).toBe(VERSION);
    expect(seen.figures).toEqual(first.figures);
  }, 240_000);

  it.runIf(findPostgresBin() || process.env.CI)(
    "runs on a PostgreSQL server with DATABASE_URL",
    async () => {
      const pg = await startPostgres();
      if (!pg) throw new Error("postgresql is not installed");
      try {
        const created = spawnSync("psql", [pg.url("postgres"), "-q", "-c", "CREATE DATABASE qt_bundle"], {
          encoding: "utf8",
        });
        expect(created.status, created.stderr).toBe(0);
        const port = await freePort();
        const env = { PORT: String(port), ADMIN_PASSWORD: PASSWORD, HOME: home, TMPDIR: tmpdir };
        const server = startBundle(
          appOf(v1),
          { ...env, DATABASE_URL: pg.url("qt_bundle"), DATA_DIR: path.join(tmp, "pg-app") },
          { isolated: false },
        );
        try {
          const seen = await probe(appOf(v1), server.pid, port, PASSWORD, { isolated: false });
          expect(seen.health).toEqual({ status: "ok", database: "postgresql", version: VERSION });
          // Reference data only on PostgreSQL (no demo records): the 126 areas, none covered.
          expect(seen.figures).toMatchObject({ cameraCoverage: { covered: 0, total: 126 }, siteCount: 0 });
        } finally {
          await server.stop();
        }
      } finally {
        pg.stop();
      }
    },
    240_000,
  );
});
