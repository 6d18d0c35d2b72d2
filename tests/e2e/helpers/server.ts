import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, onServer } from "../../support/postgres.mjs";
import { E2E_ADMIN_PASSWORD } from "./auth.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

export type RunningServer = { url: string; dataDir: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts the real server (`tsx server/main.ts`, production mode, serving the built client) on a
 * free loopback port with a fresh embedded database, as `pnpm start` does. With E2E_DATABASE_URL
 * (a PostgreSQL server of tests/run.mjs) the server gets a new empty database on that server
 * instead, migrates it at start-up and loads the demo records (SEED_DEMO=true), as a PostgreSQL
 * deployment does.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-e2e-"));
  const database = await postgresDatabase();
  let output = "";
  const child: ChildProcess = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), ["server/main.ts"], {
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
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
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
