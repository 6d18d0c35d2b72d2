import { foldVietnamese } from "@qt/shared/domain";
import { NATIONAL_CODE } from "@qt/shared/province";
import type { Db } from "../../server/db.ts";
import { Prisma } from "../../server/generated/prisma/client.ts";
import { logger } from "../../server/logger.ts";
import {
  DEFAULT_PROVINCE,
  PROVINCE_CODES,
  PROVINCE_MERGES,
  recordProvince,
} from "../../server/services/units/province.ts";
import { MODEL_TYPES } from "./model-types.ts";
import {
  createOldDistricts,
  FIRST_DAY_OF_TWO_LEVELS,
  kindOf,
  LAST_DAY_OF_DISTRICTS,
  seedModelTypes,
  seedQuangTriUnits,
  unitStore,
} from "./reference.ts";

type Successor = { oldDistrict: string; oldArea: string; province: string; newCommune: string; divided: boolean };

/**
 * The reference data of a province other than Quảng Trị (decision 044), from the national lists:
 * the old provinces merged into it with their districts and communes (until 30/06/2025), today's
 * communes (from 01/07/2025), each with the former district most of its land came from and every
 * old area's successor, and the model-type catalogue. Idempotent, like seedReference.
 */
export async function seedNationalReference(db: Db, code: string): Promise<void> {
  if (!PROVINCE_MERGES[code]) throw new Error(`Unknown province ${code}`);
  await seedNationalUnits(db, [code]);
  await seedNationalModelTypes(db);
  await recordProvince(db, code);
}

/**
 * The national install (decision 050): Quảng Trị (44) from its own richer lists (its 2020–2025
 * history, both old provinces), the 33 other provinces of today from the national lists, the
 * national model-type catalogue. The same bulk statements as one province's, over all of them.
 */
export async function seedNation(db: Db): Promise<void> {
  await seedQuangTriUnits(db);
  await seedNationalUnits(
    db,
    PROVINCE_CODES.filter((c) => c !== DEFAULT_PROVINCE),
  );
  await seedNationalModelTypes(db);
  await recordProvince(db, NATIONAL_CODE);
}

/** The model-type catalogue without the notes on where Quảng Trị saw each model (its own history). */
const seedNationalModelTypes = (db: Db) =>
  seedModelTypes(
    db,
    MODEL_TYPES.map((t) => ({ ...t, description: "" })),
  );

/** Units and successor links of today's provinces `codes` and their old provinces, from the national lists. */
async function seedNationalUnits(db: Db, codes: readonly string[]): Promise<void> {
  const [today, before, successors] = await Promise.all([
    import("./data/national/vietnam-2025.json", { with: { type: "json" } }),
    import("./data/national/vietnam-before-2025-07.json", { with: { type: "json" } }),
    import("./data/national/successors-2025-07.json", { with: { type: "json" } }),
  ]);
  const provinces = codes.map((code) => {
    const province = today.default.provinces.find((p) => p.code === code);
    if (!province) throw new Error(`Province ${code} is not in vietnam-2025.json`);
    return province;
  });
  const formerCodes = codes.flatMap((code) => PROVINCE_MERGES[code] ?? []);
  const olds = before.default.provinces.filter((p) => formerCodes.includes(p.code));
  const wanted = new Set(codes);
  const rows: Successor[] = successors.default.rows
    .filter((r) => wanted.has(String(r[3])))
    .map((r) => ({
      oldDistrict: String(r[1]),
      oldArea: String(r[2] || r[1]),
      province: String(r[3]),
      newCommune: String(r[4]),
      divided: r[5] === true,
    }));
  namedSuccessors(rows, provinces, olds);

  const { id, has, createMissing } = await unitStore(db);
  await createMissing([
    ...olds.map((p) => ({
      code: p.code,
      catalog: "three_level" as const,
      name: p.name,
      kind: kindOf(p.name.startsWith("Thành phố") ? "Thành phố" : "Tỉnh"),
      level: "province" as const,
      validTo: LAST_DAY_OF_DISTRICTS,
    })),
    ...provinces.map((province) => ({
      code: province.code,
      catalog: "two_level" as const,
      name: province.name,
      kind: kindOf(province.type),
      level: "province" as const,
      validFrom: FIRST_DAY_OF_TWO_LEVELS,
    })),
  ]);
  await createOldDistricts({ id, createMissing }, olds);
  const districtOf = formerDistricts(rows);
  await createMissing(
    provinces.flatMap((province) =>
      province.communes.map((c) => {
        const district = districtOf.get(c.code);
        return {
          code: c.code,
          catalog: "two_level" as const,
          name: c.name,
          kind: kindOf(c.type || kindInName(c.name)),
          level: "commune" as const,
          parentId: id("two_level", province.code),
          validFrom: FIRST_DAY_OF_TWO_LEVELS,
          ...(district ? { formerDistrictId: id("three_level", district) } : {}),
        };
      }),
    ),
  );

  const names = new Map<string, string>();
  for (const p of olds) for (const d of p.districts) for (const c of d.communes) names.set(c.code, c.name);
  for (const province of provinces) for (const c of province.communes) names.set(`new:${c.code}`, c.name);
  const pairs: Prisma.Sql[] = [];
  const split: Prisma.Sql[] = [];
  for (const [old, options] of group(rows, (r) => r.oldArea)) {
    if (options.some((o) => o.divided) && has("three_level", old)) {
      options.forEach((o, position) => {
        if (has("two_level", o.newCommune))
          split.push(
            Prisma.sql`(${id("three_level", old)}::int, ${id("two_level", o.newCommune)}::int, ${position}::int)`,
          );
      });
    }
    const chosen = successorOf(names.get(old) ?? "", options, (c) => names.get(`new:${c}`) ?? "");
    if (!has("two_level", chosen) || !has("three_level", old)) {
      logger.warn({ old, successor: chosen }, "successor not in today's list: left without one");
      continue;
    }
    pairs.push(Prisma.sql`(${id("three_level", old)}::int, ${id("two_level", chosen)}::int)`);
  }
  // Bound parameters per statement (PostgreSQL allows 65 535): 10 000 pairs at most each.
  for (let i = 0; i < pairs.length; i += 10_000) {
    await db.$executeRaw`UPDATE admin_unit SET successor_id = v.successor
      FROM (VALUES ${Prisma.join(pairs.slice(i, i + 10_000))}) AS v(id, successor)
      WHERE admin_unit.id = v.id AND admin_unit.successor_id IS DISTINCT FROM v.successor`;
  }
  // Every successor of a divided old commune: the choices of a move (decision 055).
  if (split.length > 0) {
    await db.$executeRaw`INSERT INTO unit_successor (old_id, new_id, position)
      SELECT * FROM (VALUES ${Prisma.join(split)}) AS v(old_id, new_id, position)
      ON CONFLICT (old_id, new_id) DO NOTHING`;
  }
}

/**
 * A successor code that is not in today's list (06970 "Thị trấn Ba Chẽ" in three rows of Quảng Ninh,
 * SOURCES.md) is read as the commune of today of the same province that has that old unit's name
 * (06978 "Xã Ba Chẽ"), when exactly one has it (decision 050); else the row is left as it is (logged
 * at the successor links). Without this, that commune of today has no former district, and the
 * figures of its province (and the nation's 3 321) miss it.
 */
function namedSuccessors(
  rows: Successor[],
  provinces: readonly { code: string; communes: readonly { code: string; name: string }[] }[],
  olds: readonly { districts: readonly { communes: readonly { code: string; name: string }[] }[] }[],
): void {
  const known = new Set(provinces.flatMap((p) => p.communes.map((c) => c.code)));
  const oldNames = new Map(olds.flatMap((p) => p.districts.flatMap((d) => d.communes.map((c) => [c.code, c.name]))));
  for (const row of rows) {
    if (known.has(row.newCommune)) continue;
    const name = bareName(oldNames.get(row.newCommune) ?? "");
    const communes = provinces.find((p) => p.code === row.province)?.communes ?? [];
    const same = name ? communes.filter((c) => bareName(c.name) === name) : [];
    if (same.length === 1 && same[0]) row.newCommune = same[0].code;
  }
}

/** "xã Bắc Sơn" → "xã": the kind a name starts with, for the one commune the list gives no type (06325). */
const kindInName = (name: string) => /^(xã|phường|thị trấn|đặc khu)\s/iu.exec(name)?.[1] ?? "";

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** "Phường Ngọc Khánh" → "ngoc khanh": a name without its kind, for comparing an old and a new name. */
const bareName = (name: string) => foldVietnamese(name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/u, ""));

/**
 * The one commune of today an old area's records count in (decision 044): its only successor; for
 * an old commune divided between several, the successor that kept its name, else the first listed.
 */
export function successorOf(
  oldName: string,
  options: readonly Pick<Successor, "newCommune">[],
  newName: (code: string) => string,
): string {
  const first = options[0];
  if (!first) throw new Error(`No successor for ${oldName}`);
  const same = options.find((o) => bareName(newName(o.newCommune)) === bareName(oldName));
  return (same ?? first).newCommune;
}

/**
 * The former district each commune of today lies on (decision 044): the district most of its old
 * areas came from (counting an old commune divided between several new ones in each), the lowest
 * code on a tie. Records in the commune count in that district.
 */
function formerDistricts(rows: readonly Successor[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [commune, from] of group([...rows], (r) => r.newCommune)) {
    const counts = new Map<string, number>();
    for (const r of from) counts.set(r.oldDistrict, (counts.get(r.oldDistrict) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (best) out.set(commune, best[0]);
  }
  return out;
}
