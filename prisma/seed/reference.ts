import type { Db } from "../../server/db.ts";
import { Prisma, type UnitCatalog, type UnitKind, type UnitLevel } from "../../server/generated/prisma/client.ts";
import { DEFAULT_PROVINCE, recordProvince } from "../../server/services/units/province.ts";
import quangBinh from "./data/quang-binh-2022.json" with { type: "json" };
import quangTri from "./data/quang-tri-2022.json" with { type: "json" };
import reform from "./data/quang-tri-2025-reform.full.json" with { type: "json" };
import { MODEL_TYPES, type ModelTypeSeed } from "./model-types.ts";

export const KIND: Record<string, UnitKind> = {
  tỉnh: "tinh",
  "thành phố": "thanh_pho",
  "thị xã": "thi_xa",
  huyện: "huyen",
  quận: "quan",
  phường: "phuong",
  xã: "xa",
  "thị trấn": "thi_tran",
  "đặc khu": "dac_khu",
};

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Last day of the district-level list: districts were abolished and the provinces merged on 01/07/2025. */
export const LAST_DAY_OF_DISTRICTS = day("2025-06-30");
export const FIRST_DAY_OF_TWO_LEVELS = day("2025-07-01");

/**
 * Communes removed before 01/07/2025 by a merge into a neighbour, with their last day. Former
 * Quảng Trị: six on 01/01/2025 (Nghị quyết 1281/NQ-UBTVQH15). Former Quảng Bình: six on
 * 01/12/2024 (Nghị quyết 1242/NQ-UBTVQH15). Every other unit of both lists ends on 30/06/2025.
 */
const REMOVED: Map<string, Date> = new Map([
  ...reform.changes_2025_01_01.codes_removed.map((r) => [r.code, day("2024-12-31")] as const),
  ...reform.changes_2024_12_01_quang_binh.codes_removed.map((r) => [r.code, day("2024-11-30")] as const),
]);

type Commune = { code: string; name: string; type: string };
type OldProvince = {
  province: { code: string; name: string };
  districts: { code: string; name: string; type: string; communes: Commune[] }[];
};

/** The two district-level lists the records of 2007–30/06/2025 are kept in (validity: docs/decisions/018). */
const OLD_PROVINCES: OldProvince[] = [quangTri, quangBinh];
const NEW_COMMUNES = [...reform.communes_from_old_quang_tri, ...reform.communes_from_old_quang_binh];

export function kindOf(type: string): UnitKind {
  const kind = KIND[type.toLocaleLowerCase("vi")];
  if (!kind) throw new Error(`Unknown unit type in reference data: ${type}`);
  return kind;
}

export type UnitRow = {
  code: string;
  catalog: UnitCatalog;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parentId?: number;
  validFrom?: Date;
  validTo?: Date;
  formerDistrictId?: number;
};

/**
 * Loads the administrative units of both old provinces (Quảng Trị, GSO 45: 10 districts, 125
 * communes; Quảng Bình, GSO 44: 8 districts, 151 communes), the 78 communes of the merged Quảng Trị
 * of 01/07/2025 (code 44 of the two-level list), each with the former district it lies on, the
 * successor of every old area, and the model-type catalogue. Runs at every start: it reads what is
 * there and writes only what is missing or different, in a few bulk statements.
 */
export async function seedReference(db: Db): Promise<void> {
  await seedQuangTriUnits(db);
  await seedModelTypes(db, MODEL_TYPES);
  await recordProvince(db, DEFAULT_PROVINCE);
}

/** The units of seedReference (Quảng Trị's own lists and successors), also the national install's for 44. */
export async function seedQuangTriUnits(db: Db): Promise<void> {
  const { id, createMissing } = await unitStore(db);
  await createMissing([
    ...OLD_PROVINCES.map((p) => ({
      code: p.province.code,
      catalog: "three_level" as const,
      name: p.province.name,
      kind: "tinh" as const,
      level: "province" as const,
      validTo: LAST_DAY_OF_DISTRICTS,
    })),
    {
      code: reform.province.code,
      catalog: "two_level",
      name: reform.province.name,
      kind: "tinh",
      level: "province",
      validFrom: FIRST_DAY_OF_TWO_LEVELS,
    },
  ]);
  await createMissing(
    OLD_PROVINCES.flatMap((p) =>
      p.districts.map((d) => ({
        code: d.code,
        catalog: "three_level" as const,
        name: d.name,
        kind: kindOf(d.type),
        level: "district" as const,
        parentId: id("three_level", p.province.code),
        validTo: LAST_DAY_OF_DISTRICTS,
      })),
    ),
  );
  await createMissing(
    OLD_PROVINCES.flatMap((p) =>
      p.districts.flatMap((d) =>
        d.communes.map((c) => ({
          code: c.code,
          catalog: "three_level" as const,
          name: c.name,
          kind: kindOf(c.type),
          level: "commune" as const,
          parentId: id("three_level", d.code),
          validTo: REMOVED.get(c.code) ?? LAST_DAY_OF_DISTRICTS,
        })),
      ),
    ),
  );
  await createMissing(
    NEW_COMMUNES.map((c) => ({
      code: c.code,
      catalog: "two_level" as const,
      name: c.name,
      kind: kindOf(c.type),
      level: "commune" as const,
      parentId: id("two_level", reform.province.code),
      validFrom: FIRST_DAY_OF_TWO_LEVELS,
      formerDistrictId: id("three_level", formerDistrictCode(c)),
    })),
  );
  await linkSuccessors(
    db,
    (code) => id("three_level", code),
    (code) => id("two_level", code),
  );
}

/** The model types of the catalogue that are not there yet (an admin's edits stay). */
export async function seedModelTypes(db: Db, types: readonly ModelTypeSeed[]): Promise<void> {
  const existingTypes = new Set((await db.modelType.findMany({ select: { code: true } })).map((t) => t.code));
  const newTypes = types.filter((t) => !existingTypes.has(t.code));
  if (newTypes.length > 0) await db.modelType.createMany({ data: newTypes });
}

/**
 * The units already there, by list and code, and a writer of the missing ones (a bulk insert per
 * call): what makes every seed of units idempotent.
 */
export async function unitStore(db: Db) {
  const ids = await unitIds(db);
  const key = (catalog: UnitCatalog, code: string) => `${catalog}:${code}`;
  const id = (catalog: UnitCatalog, code: string) => {
    const found = ids.get(key(catalog, code));
    if (found === undefined) throw new Error(`Reference data names an unknown unit ${catalog} ${code}`);
    return found;
  };
  const createMissing = async (rows: UnitRow[]) => {
    const missing = rows.filter((r) => !ids.has(key(r.catalog, r.code)));
    if (missing.length === 0) return;
    await db.adminUnit.createMany({ data: missing });
    for (const [k, v] of await unitIds(db)) ids.set(k, v);
  };
  return { id, has: (catalog: UnitCatalog, code: string) => ids.has(key(catalog, code)), createMissing };
}

async function unitIds(db: Db): Promise<Map<string, number>> {
  const rows = await db.adminUnit.findMany({ select: { id: true, catalog: true, code: true } });
  return new Map(rows.map((u) => [`${u.catalog}:${u.code}`, u.id]));
}

/** Every new unit lies on the land of one former district (checked here, not assumed). */
function formerDistrictCode(c: (typeof NEW_COMMUNES)[number]): string {
  const districts = new Set(c.formed_from.map((p) => p.old_district_code));
  const [district] = districts;
  if (districts.size !== 1 || !district) throw new Error(`${c.name} spans several former districts`);
  return district;
}

/**
 * `successor_id` of every old area: the 01/07/2025 commune that took over its land. The lists of
 * 01/07/2025 name the areas valid on 30/06/2025 (Cồn Cỏ, which had no communes, by its district);
 * a commune merged earlier (01/01/2025 in Quảng Trị, 01/12/2024 in Quảng Bình) follows the commune
 * that absorbed it, so one hop always reaches today's commune. One UPDATE, only where it differs.
 */
async function linkSuccessors(db: Db, oldId: (code: string) => number, newId: (code: string) => number) {
  const successorOf = new Map<string, string>();
  for (const c of NEW_COMMUNES) {
    for (const p of c.formed_from) successorOf.set(p.code ?? formerDistrictCode(c), c.code);
  }
  for (const r of reform.changes_2025_01_01.removed_communes_successors) {
    successorOf.set(r.code, r.successor_2025_07_01.code);
  }
  for (const m of reform.changes_2024_12_01_quang_binh.merges) {
    const successor = successorOf.get(m.into.code);
    if (!successor) throw new Error(`No 2025 successor for ${m.into.name}`);
    for (const from of m.formed_from) successorOf.set(from.split(" ")[0] as string, successor);
  }
  const pairs = [...successorOf].map(([old, now]) => Prisma.sql`(${oldId(old)}::int, ${newId(now)}::int)`);
  await db.$executeRaw`UPDATE admin_unit SET successor_id = v.successor
    FROM (VALUES ${Prisma.join(pairs)}) AS v(id, successor)
    WHERE admin_unit.id = v.id AND admin_unit.successor_id IS DISTINCT FROM v.successor`;
}
