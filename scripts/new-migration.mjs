#!/usr/bin/env node
// Writes a new migration from the change to prisma/schema.prisma since the last commit:
//   pnpm db:new-migration <name>
// `prisma migrate dev` cannot be used here: its shadow database fails on PGlite (multi-statement
// migrations) and on PostgreSQL through the JavaScript schema engine (docs/decisions/002), so the
// SQL is computed schema-to-schema. Every committed schema change lands with its migration, so the
// committed schema is what the existing migrations build.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm db:new-migration <name in snake_case>");
  process.exit(2);
}
const previous = path.join(mkdtempSync(path.join(tmpdir(), "qt-migration-")), "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const sql = execFileSync(
  "pnpm",
  [
    "exec",
    "prisma",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.error("prisma/schema.prisma has no change since the last commit: no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql — review it, then run pnpm db:migrate-deploy`);
