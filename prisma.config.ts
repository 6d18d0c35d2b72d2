import path from "node:path";
import { defineConfig } from "prisma/config";
import { chooseAdapter, releaseWhenCliIsDone } from "./server/db/adapter.ts";

// The CLI (generate, migrate deploy, migrate diff) uses the JavaScript schema engine through the same
// adapter the server uses, so no native Prisma engine is ever downloaded (docs/decisions/002).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const choice = await chooseAdapter({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: path.resolve(process.env.DATA_DIR ?? "./data"),
    });
    releaseWhenCliIsDone(choice);
    return choice.factory;
  },
});
