import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, onServer } from "../../support/postgres.mjs";
import { E2E_ADMIN_PASSWORD } from "./auth.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

export type RunningServer = {
  url: string;
  dataDir: string;
  /** The server's own process id (memory can be read from /proc/PID/status). */
  pid: number;
  output: () => string;
  /** SIGTERM (a clean shutdown); removes the data directory unless the caller gave it. */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or `kill -9` would: nothing runs in the server after it. */
  kill: () => Promise<void>;
};

/**
 * Starts the real server (`server/main.ts` under tsx's loader, production mode, serving the built
 * client) on a free loopback port with a fresh embedded database, as `pnpm start` does; or on
 * `opts.dataDir`, kept after stop, to start again on the same data. The server runs in the spawned
 * process itself (`node --import tsx`, not the `tsx` launcher, which would be a second process
 * that a SIGKILL would leave the server behind). With E2E_DATABASE_URL (a PostgreSQL server of
 * tests/run.mjs) the server gets a new empty database on that server instead, migrates it at
 * start-up and loads the demo records (SEED_DEMO=true), as a PostgreSQL deployment does.
 */
export async function startServer(
  env: Record<string, string> = {},
  opts: { dataDir?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "qt-e2e-"));
  const database = await postgresDatabase();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? "",
      ...(database ? { SEED_DEMO: "true" } : {}),
      LOG_LEVEL: "warn",
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const signal = async (sig: NodeJS.Signals, waitMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(sig);
    await Promise.race([exited, new Promise((r) => setTimeout(r, waitMs))]);
  };
  return {
    url,
    dataDir,
    pid: child.pid as number,
    output: () => output,
    stop: async () => {
      await signal("SIGTERM", 10_000);
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
    kill: () => signal("SIGKILL", 10_000),
  };
}

async function postgresDatabase() {
  const server = process.env.E2E_DATABASE_URL;
  if (!server) return null;
  const name = `e2e_${process.pid}_${Date.now()}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  return {
    url: server.replace(/\/[^/]+$/, `/${name}`),
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
