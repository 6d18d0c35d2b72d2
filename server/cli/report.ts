/**
 * Reports for scheduled jobs (`pnpm report …`): the same files as the download buttons. Opens the
 * database as the server does. PGlite is single-process: on the embedded database stop the server
 * first (or run the job against PostgreSQL with DATABASE_URL, which any number of processes share).
 */

import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
// Every word of the catalogue: an option refused before the database opens is said in full.
import "@qt/shared/messages/all";
import { messageOf } from "@qt/shared/messages/index";
import {
  type CsvSeparator,
  isCsvSeparator,
  REPORT_FORMATS,
  REPORT_TABLES,
  type ReportTable,
  type TReportOptions,
  ZReportOptions,
} from "@qt/shared/schemas/reports";
import type { Db } from "../db.ts";

const USAGE = `Cách dùng (usage):
  pnpm report --format docx|xlsx|pdf|csv --out <file> [--from 2007] [--to 2022] [--district 470 ...]
              [--province <old province code>] [--view historical|current] [--approved-only]
              [--table ${REPORT_TABLES.join("|")}] [--sep comma|semicolon]
              [--title "…"] [--number "…"] [--date yyyy-mm-dd]
              [--signer-title "…"] [--signer-name "…"] [--supervising-body "…"] [--draft <id>]
  --district may be repeated; without it the report covers the whole territory: the land of one old
  province merged into the installed one (--province, its code until 30/06/2025), else the province
  of today.
  --view current counts every record in today's commune that took its area over (default:
  historical, by the units of the record's date). --table and --sep are for csv (--sep semicolon:
  for Excel with Vietnamese regional settings). --approved-only counts only records of approved
  unit-years (decision 025).
  --draft prints that saved draft's narrative (it must be written for the same districts and years).
  PGlite (the embedded database, no DATABASE_URL) is single-process: stop the server before running
  this, or point DATABASE_URL at the PostgreSQL server.`;

const OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  district: { type: "string", multiple: true },
  province: { type: "string" },
  view: { type: "string" },
  "approved-only": { type: "boolean" },
  table: { type: "string" },
  sep: { type: "string" },
  title: { type: "string" },
  number: { type: "string" },
  date: { type: "string" },
  "signer-title": { type: "string" },
  "signer-name": { type: "string" },
  "supervising-body": { type: "string" },
  draft: { type: "string" },
  help: { type: "boolean" },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];
type Job = { out: string; options: TReportOptions } & (
  | { format: (typeof REPORT_FORMATS)[number] }
  | { format: "csv"; table: ReportTable; sep: CsvSeparator }
);

/** Checks every option before the database is opened, so a typo fails fast and changes nothing. */
function job(values: Args): Job {
  const format = values.format ?? "";
  if (!values.out || !["csv", ...REPORT_FORMATS].includes(format)) throw new Error(USAGE);
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const parsed = ZReportOptions.safeParse({
    formerProvinceCode: values.province,
    view: values.view,
    approvedOnly: values["approved-only"] ?? false,
    fromYear: num(values.from),
    toYear: num(values.to),
    districtCodes: values.district ?? [],
    title: values.title,
    documentNumber: values.number,
    date: values.date,
    signerTitle: values["signer-title"],
    signerName: values["signer-name"],
    supervisingBody: values["supervising-body"],
    draftId: num(values.draft),
  });
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${messageOf(i.message)}`).join("\n"));
  if (format !== "csv") {
    return { out: values.out, options: parsed.data, format: format as (typeof REPORT_FORMATS)[number] };
  }
  const table = values.table ?? "";
  if (!(REPORT_TABLES as readonly string[]).includes(table)) throw new Error(`--table: ${REPORT_TABLES.join(", ")}`);
  const sep = values.sep ?? "comma";
  if (!isCsvSeparator(sep)) throw new Error("--sep: comma, semicolon");
  return { out: values.out, options: parsed.data, format: "csv", table: table as ReportTable, sep };
}

async function run(db: Db, j: Job) {
  const { exportCsv, exportReport } = await import("../services/reports/export.ts");
  const by = { user: null, via: "cli" } as const;
  const file =
    j.format === "csv"
      ? await exportCsv(db, by, j.options, j.table, j.sep)
      : await exportReport(db, by, j.options, j.format);
  const body = Buffer.isBuffer(file.body) ? Readable.from([file.body]) : file.body;
  await pipeline(body, fs.createWriteStream(j.out));
  console.log(`Đã ghi ${j.out} (${fs.statSync(j.out).size} bytes).`);
}

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS });
  if (values.help || !values.format) {
    console.log(USAGE);
    return;
  }
  const todo = job(values);
  // Loaded only once the options are known good: a typo answers at once.
  const [{ openDatabase }, { readEnv }] = await Promise.all([import("../db/open.ts"), import("../env.ts")]);
  const { db, close } = await openDatabase(readEnv());
  try {
    await run(db, todo);
  } finally {
    await close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
