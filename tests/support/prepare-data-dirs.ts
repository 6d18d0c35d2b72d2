// Run by tests/support/data-dirs.ts as its own process (`node --import tsx`): makes the prepared
// data directories of the server project's process tests, each the way a first start makes one
// (server/db/open.ts `openDatabase`): `reference` (SEED_DEMO=false: migrations, reference data),
// then a copy of it opened again with the demo records (`demo`, what a default first start leaves;
// seeding is idempotent). Usage: prepare-data-dirs.ts OUT
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../../server/db/open.ts";
import { readEnv } from "../../server/env.ts";

const out = process.argv[2];
if (!out) throw new Error("usage: prepare-data-dirs.ts OUT");
const open = async (dir: string, demo: "true" | "false") =>
  (await openDatabase(readEnv({ DATA_DIR: dir, DATABASE_URL: "", SEED_DEMO: demo, LOG_LEVEL: "warn" }))).close();
await open(path.join(out, "reference"), "false");
fs.cpSync(path.join(out, "reference"), path.join(out, "demo"), { recursive: true });
await open(path.join(out, "demo"), "true");
