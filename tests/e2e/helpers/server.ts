import { onServer } from "../../support/postgres.mjs";
import { type ServerProcess, startServer as startServerProcess } from "../../support/server-process.mjs";
import { E2E_ADMIN_PASSWORD } from "./auth.ts";

export type RunningServer = ServerProcess;

/**
 * Starts the real server (tests/support/server-process.mjs) with the e2e admin password, on a fresh
 * embedded database; or on `opts.dataDir`, kept after stop, to start again on the same data. With
 * E2E_DATABASE_URL (a PostgreSQL server of tests/run.mjs) the server gets a new empty database on
 * that server instead, migrates it at start-up and loads the demo records (SEED_DEMO=true), as a
 * PostgreSQL deployment does.
 */
export async function startServer(
  env: Record<string, string> = {},
  opts: { dataDir?: string } = {},
): Promise<RunningServer> {
  const database = await postgresDatabase();
  const server = await startServerProcess({
    env: { ...(database ? { DATABASE_URL: database.url, SEED_DEMO: "true" } : {}), ...env },
    dataDir: opts.dataDir,
    prefix: "qt-e2e-",
    password: E2E_ADMIN_PASSWORD,
    timeoutMs: 240_000,
  }).catch(async (err) => {
    await database?.drop();
    throw err;
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
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
