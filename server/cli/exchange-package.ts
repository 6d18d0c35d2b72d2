/**
 * The signed package of a period's approved figures (`pnpm exchange:package --from 2007 --to 2022
 * --out file`), the same file as the download on the "Trao đổi số liệu" screen (decision 052).
 * Opens the database as the server does: on the embedded database stop the server first, or point
 * DATABASE_URL at the PostgreSQL server.
 */
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { message, messageOf } from "@qt/shared/messages/index";
import { ZExchangePeriod } from "@qt/shared/schemas/exchange";

const USAGE = `Cách dùng (usage):
  pnpm exchange:package --from 2007 --to 2022 --out <file>
  Ghi gói số liệu đã phê duyệt của giai đoạn, có chữ ký số của bản cài đặt này (writes the signed
  package of the period's approved figures). PGlite (no DATABASE_URL) is single-process: stop the
  server before running this, or point DATABASE_URL at the PostgreSQL server.`;

const OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean" },
} as const;

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS });
  if (values.help || !values.out) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const parsed = ZExchangePeriod.safeParse({ fromYear: Number(values.from), toYear: Number(values.to) });
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${messageOf(i.message)}`).join("\n"));
  const [{ openDatabase }, { readEnv }, { makePackage }, { AppError }] = await Promise.all([
    import("../db/open.ts"),
    import("../env.ts"),
    import("../services/exchange/make.ts"),
    import("../errors.ts"),
  ]);
  const { db, close } = await openDatabase(readEnv());
  try {
    const pkg = await makePackage(db, parsed.data, null).catch((err: unknown) => {
      throw err instanceof AppError ? new Error(message(err.key, err.params)) : err;
    });
    await pipeline(pkg.stream, fs.createWriteStream(values.out));
    console.log(`Đã ghi ${values.out} (${fs.statSync(values.out).size} bytes).`);
  } finally {
    await close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
