import type { Db } from "../../server/db.ts";
import type { Prisma } from "../../server/generated/prisma/client.ts";
import { demoRemoved } from "../../server/services/demo/removal.ts";
import { loadDemoApprovals } from "./demo-approvals.ts";
import { loadCurrentDemo } from "./demo-current.ts";
import { loadQuangBinhDemo } from "./demo-quang-binh.ts";
import { loadQuangTriDemo } from "./demo-quang-tri.ts";

/** An area `a` of the district-level list in old province `code` (its communes, and Cồn Cỏ). */
const inOldProvince = (code: string): Prisma.AdminUnitWhereInput => ({
  catalog: "three_level",
  OR: [{ parent: { parent: { catalog: "three_level", code } } }, { parent: { catalog: "three_level", code } }],
});

/**
 * The demo data in three parts, each loaded once: each part is recognised by a demo site on its
 * land and list of units, so a database that has the first part only (from before former Quảng
 * Bình was added) gets the other two, and seeding again adds nothing. Once an admin has removed the
 * demo records (services/demo-data.ts), nothing is ever loaded into that database again.
 */
const PARTS: { name: string; area: Prisma.AdminUnitWhereInput; load: (db: Db) => Promise<void> }[] = [
  { name: "quang-tri-2007-2022", area: inOldProvince("45"), load: loadQuangTriDemo },
  { name: "quang-binh-2007-2025", area: inOldProvince("44"), load: loadQuangBinhDemo },
  {
    name: "communes-since-2025-07-01",
    area: { catalog: "two_level", parent: { code: "44", catalog: "two_level" } },
    load: (db) => loadCurrentDemo(db, new Date(), "44"),
  },
];

/**
 * The demo of a province other than Quảng Trị (decision 044): generated records in today's
 * communes only, marked demo like Quảng Trị's (labelled, removed in one action), loaded once and
 * never after an admin removed them.
 */
export async function seedGeneratedDemo(db: Db): Promise<boolean> {
  if (await demoRemoved(db)) return false;
  if (await db.site.findFirst({ where: { isDemo: true }, select: { id: true } })) return false;
  await loadCurrentDemo(db);
  return true;
}

export async function seedDemo(db: Db): Promise<{ loaded: boolean; parts: string[] }> {
  if (await demoRemoved(db)) return { loaded: false, parts: [] };
  const parts: string[] = [];
  for (const part of PARTS) {
    if (await db.site.findFirst({ where: { isDemo: true, area: part.area }, select: { id: true } })) continue;
    await part.load(db);
    parts.push(part.name);
  }
  // Approvals are a part of their own (decision 025): a database seeded before them gets them once.
  if (!(await db.approval.findFirst({ where: { isDemo: true }, select: { id: true } }))) {
    await loadDemoApprovals(db);
    parts.push("approvals");
  }
  return { loaded: parts.length > 0, parts };
}
