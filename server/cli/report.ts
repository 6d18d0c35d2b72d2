/**
 * Reports for scheduled jobs (`pnpm report …`): the same files as the download buttons. Opens the
 * database as the server does. PGlite is single-process: on the embedded database stop the server
 * first (or run the job against PostgreSQL with DATABASE_URL, which any number of processes share).
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { REPORT_FORMATS, REPORT_TABLES, type ReportTable, ZReportOptions } from "@qt/shared/schemas/reports";
import { chooseAdapter } from "../db/adapter.ts";
import { acquireLock } from "../db/lock.ts";
import { migrateDeploy } from "../db/migrate.ts";
import { createDb, type Db } from "../db.ts";
import { readEnv } from "../env.ts";
import { exportCsv, exportReport } from "../services/reports/export.ts";

const USAGE = `Cách dùng (usage):
  pnpm report --format docx|xlsx|pdf|csv --out <file> [--from 2007] [--to 2022] [--district 470 ...]
              [--table ${REPORT_TABLES.join("|")}] [--title "…"] [--number "…"] [--date yyyy-mm-dd]
              [--signer-title "…"] [--signer-name "…"]
  --district may be repeated; without it the report covers the whole province. --table is for csv.
  PGlite (the embedded database, no DATABASE_URL) is single-process: stop the server before running
  this, or point DATABASE_URL at the PostgreSQL server.`;

const OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  district: { type: "string", multiple: true },
  table: { type: "string" },
  title: { type: "string" },
  number: { type: "string" },
  date: { type: "string" },
  "signer-title": { type: "string" },
  "signer-name": { type: "string" },
  help: { type: "boolean" },
} as const;

async function run(db: Db, values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"]) {
  const format = values.format ?? "";
  if (!values.out || !["csv", ...REPORT_FORMATS].includes(format)) throw new Error(USAGE);
  const year = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const parsed = ZReportOptions.safeParse({
    fromYear: year(values.from),
    toYear: year(values.to),
    districtCodes: values.district ?? [],
    title: values.title,
    documentNumber: values.number,
    date: values.date,
    signerTitle: values["signer-title"],
    signerName: values["signer-name"],
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  const by = { user: null, via: "cli" } as const;
  let file: Awaited<ReturnType<typeof exportReport>>;
  if (format === "csv") {
    const table = values.table ?? "";
    if (!(REPORT_TABLES as readonly string[]).includes(table)) throw new Error(`--table: ${REPORT_TABLES.join(", ")}`);
    file = await exportCsv(db, by, parsed.data, table as ReportTable);
  } else {
    file = await exportReport(db, by, parsed.data, format as (typeof REPORT_FORMATS)[number]);
  }
  const body = Buffer.isBuffer(file.body) ? Readable.from([file.body]) : file.body;
  await pipeline(body, fs.createWriteStream(values.out));
  console.log(`Đã ghi ${values.out} (${fs.statSync(values.out).size} bytes).`);
}

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS });
  if (values.help || !values.format) {
    console.log(USAGE);
    return;
  }
  const env = readEnv();
  const release = env.DATABASE_URL ? () => {} : acquireLock(env.dataDir);
  try {
    await migrateDeploy(env);
    const adapter = await chooseAdapter({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
    const db = createDb(adapter);
    try {
      await run(db, values);
    } finally {
      await db.$disconnect();
      await adapter.close();
    }
  } finally {
    release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
