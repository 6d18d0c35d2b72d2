// Starts a private PostgreSQL server (Debian's postgresql package) on a free loopback port in a
// temporary directory, for the PostgreSQL run of the integration suite. As root, the server runs
// as the `postgres` user (initdb refuses root).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export function findPostgresBin() {
  const roots = ["/usr/lib/postgresql"];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = path.join(root, v, "bin");
      if (fs.existsSync(path.join(bin, "initdb"))) return bin;
    }
  }
  return null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `settings`: more server settings (`name=value`), e.g. `shared_preload_libraries=pg_stat_statements`
 * for a benchmark that counts statements. `port`: a given port instead of a free one.
 */
export async function startPostgres({ settings = [], port: wanted } = {}) {
  const bin = findPostgresBin();
  if (!bin) return null;
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-pg-"));
  const dataDir = path.join(dir, "data");
  const port = wanted ?? (await freePort());
  const asPg = (cmd, args) => {
    const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] }).toString();
  };
  if (isRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  asPg(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  asPg(path.join(bin, "pg_ctl"), [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-t",
    "60",
    "-o",
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200${settings.map((x) => ` -c ${x}`).join("")}`,
    "start",
  ]);
  return {
    url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    stop() {
      try {
        asPg(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        spawnSync("rm", ["-rf", dir]);
      }
    },
  };
}

/**
 * Runs one statement on the server's `postgres` database, for CREATE/DROP DATABASE (which cannot run
 * inside a transaction, nor while connected to the database concerned).
 */
export async function onServer(url, sql) {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
