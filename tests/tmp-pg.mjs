import { spawnSync } from "node:child_process";
import { startPostgres } from "./support/postgres.mjs";
const pg = await startPostgres();
try {
  const template = pg.url("qt_template");
  spawnSync("psql", [pg.url("postgres"), "-q", "-c", "CREATE DATABASE qt_template"], { stdio: "inherit" });
  const env = { ...process.env, DATABASE_URL: template };
  spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "inherit", env });
  const files = process.argv.slice(2);
  const r = spawnSync("node_modules/.bin/vitest", ["run", "--project", "server", ...files], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: template },
  });
  process.exitCode = r.status ?? 1;
} finally {
  await pg.stop();
}
