import { seed } from "../prisma/seed/index.ts";
import { chooseAdapter } from "./db/adapter.ts";
import { migrateDeploy } from "./db/migrate.ts";
import { createDb } from "./db.ts";
import { readEnv } from "./env.ts";
import { buildApp } from "./http/app.ts";
import { logger } from "./logger.ts";

async function main() {
  const env = readEnv();
  logger.info({ dataDir: env.dataDir, database: env.DATABASE_URL ? "postgresql" : "pglite" }, "starting");
  await migrateDeploy(env);
  const adapter = await chooseAdapter({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
  const db = createDb(adapter);
  // Demo records by default on the embedded database only; PostgreSQL starts with reference data.
  const demo = env.SEED_DEMO ? env.SEED_DEMO === "true" : adapter.kind === "pglite";
  const { demoLoaded } = await seed(db, { demo });
  if (demoLoaded) logger.info("demo data loaded");

  const app = await buildApp({ db, dbKind: adapter.kind, serveClient: env.NODE_ENV === "production" });
  const close = async () => {
    await app.close();
    await db.$disconnect();
    await adapter.close();
    process.exit(0);
  };
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
  await app.listen({ port: env.PORT, host: env.HOST });
  logger.info(`Mở trình duyệt tại http://localhost:${env.PORT}`);
}

main().catch((err: unknown) => {
  logger.fatal(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
