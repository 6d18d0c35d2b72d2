/**
 * `pnpm seed:national [--sites 100000] [--installations 10000] [--awards 5000] [--database-url URL]
 * [--force]`: fills a national install (PROVINCE=all, decision 050) with generated demo records over
 * all 34 provinces, for the scale and load benchmarks (issue 26 item 5; prisma/seed/national-records.ts).
 * Refuses (exit 2) a database that is not a national install, and one holding real records unless
 * --force. A new run replaces the previous run's records. Prints the counts and the time.
 */
import { NATIONAL_LIMITS, type NationalSize, seedNationalRecords } from "../../prisma/seed/national-records.ts";
import { runCli } from "./run-cli.ts";

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const url = arg("database-url");
if (url) process.env.DATABASE_URL = url;
const sites = Number(arg("sites") ?? 100_000);
const size: NationalSize = {
  sites,
  installations: Number(arg("installations") ?? Math.min(NATIONAL_LIMITS.installations, Math.round(sites / 10))),
  awards: Number(arg("awards") ?? Math.min(NATIONAL_LIMITS.awards, Math.round(sites / 20))),
};

runCli("Cơ sở dữ liệu chưa được nâng cấp (not upgraded yet).", async (db) => {
  const done = await seedNationalRecords(db, size, { force: process.argv.includes("--force") });
  const n = (x: number) => x.toLocaleString("vi-VN");
  console.log(
    `Đã sinh ${n(done.sites)} điểm mô hình, ${n(done.installations)} lượt lắp camera, ${n(done.awards)} khen thưởng ` +
      `trên ${n(done.areas)} địa bàn, trong ${done.seconds.toFixed(1)} s` +
      (done.replaced ? ` (thay ${n(done.replaced)} bản ghi sinh lần trước)` : "") +
      `. (Generated ${done.sites} sites, ${done.installations} installations, ${done.awards} awards in ${done.seconds.toFixed(1)} s.)`,
  );
  return 0;
});
