import type { Db } from "../../server/db.ts";
import type { UnitKind } from "../../server/generated/prisma/client.ts";
import units from "./data/quang-tri-2022.json" with { type: "json" };
import reform from "./data/quang-tri-2025-reform.json" with { type: "json" };
import { MODEL_TYPES } from "./model-types.ts";

const KIND: Record<string, UnitKind> = {
  "thành phố": "thanh_pho",
  "thị xã": "thi_xa",
  huyện: "huyen",
  phường: "phuong",
  xã: "xa",
  "thị trấn": "thi_tran",
  "đặc khu": "dac_khu",
};

/**
 * End of validity of the 2020–2024 units. Six communes were merged into neighbours on 01/01/2025
 * (Nghị quyết 1281/NQ-UBTVQH15; codes from the GSO lists before and after). Districts were
 * abolished and the province merged with Quảng Bình on 01/07/2025, so every other unit of this
 * arrangement ends on 30/06/2025. Records of 2007–2024 keep pointing at these units.
 */
const MERGED_ON_2025_01_01 = new Set(["19549", "19525", "19531", "19630", "19651", "19696"]);
const END_OF_2024 = new Date(Date.UTC(2024, 11, 31));
const END_OF_DISTRICTS = new Date(Date.UTC(2025, 5, 30));
const validTo = (code: string) => (MERGED_ON_2025_01_01.has(code) ? END_OF_2024 : END_OF_DISTRICTS);
const START_OF_TWO_LEVELS = new Date(Date.UTC(2025, 6, 1));

function kindOf(type: string): UnitKind {
  const kind = KIND[type];
  if (!kind) throw new Error(`Unknown unit type in reference data: ${type}`);
  return kind;
}

/**
 * Loads the real administrative units of Quảng Trị (GSO codes, 2020–2024 arrangement: 10
 * district-level units, 125 communes) and the model-type catalogue. Upserts by code: running it
 * again changes nothing.
 */
export async function seedReference(db: Db): Promise<void> {
  const province = await db.adminUnit.upsert({
    where: { catalog_code: { catalog: "three_level", code: units.province.code } },
    create: {
      code: units.province.code,
      name: units.province.name,
      kind: "tinh",
      level: "province",
      validTo: END_OF_DISTRICTS,
    },
    update: { validTo: END_OF_DISTRICTS },
    select: { id: true },
  });
  for (const d of units.districts) {
    const district = await db.adminUnit.upsert({
      where: { catalog_code: { catalog: "three_level", code: d.code } },
      create: {
        code: d.code,
        name: d.name,
        kind: kindOf(d.type),
        level: "district",
        parentId: province.id,
        validTo: END_OF_DISTRICTS,
      },
      update: { validTo: END_OF_DISTRICTS },
      select: { id: true },
    });
    const existing = new Set(
      (await db.adminUnit.findMany({ where: { parentId: district.id }, select: { code: true } })).map((u) => u.code),
    );
    const missing = d.communes.filter((c) => !existing.has(c.code));
    if (missing.length > 0) {
      await db.adminUnit.createMany({
        data: missing.map((c) => ({
          code: c.code,
          name: c.name,
          kind: kindOf(c.type),
          level: "commune" as const,
          parentId: district.id,
          validTo: validTo(c.code),
        })),
      });
    }
  }
  await seedTwoLevelUnits(db);
  const existingTypes = new Set((await db.modelType.findMany({ select: { code: true } })).map((t) => t.code));
  const newTypes = MODEL_TYPES.filter((t) => !existingTypes.has(t.code));
  if (newTypes.length > 0) await db.modelType.createMany({ data: newTypes });
}

/**
 * The arrangement of 01/07/2025 (Nghị quyết 1680/NQ-UBTVQH15; codes from Công văn 1027/CTK-CSCL):
 * the new Tỉnh Quảng Trị (code 44) and its 37 commune-level units on the old province's land, each
 * with the abolished district it lies in, and the successor of each old area. The 41 communes on
 * former Quảng Bình land are not loaded: the sources give no predecessors for them and the
 * movement's records cover the old province (docs/decisions/009). Upserts: idempotent.
 */
async function seedTwoLevelUnits(db: Db): Promise<void> {
  const twoLevel = (code: string) => ({ catalog_code: { catalog: "two_level" as const, code } });
  const province = await db.adminUnit.upsert({
    where: twoLevel(reform.province.code),
    create: {
      code: reform.province.code,
      catalog: "two_level",
      name: reform.province.name,
      kind: "tinh",
      level: "province",
      validFrom: START_OF_TWO_LEVELS,
    },
    update: {},
    select: { id: true },
  });
  const old = await db.adminUnit.findMany({
    where: { catalog: "three_level", level: { in: ["district", "commune"] } },
    select: { id: true, code: true, level: true },
  });
  const oldId = (level: "district" | "commune", code: string) => {
    const unit = old.find((u) => u.level === level && u.code === code);
    if (!unit) throw new Error(`Reform data names an unknown ${level} ${code}`);
    return unit.id;
  };
  for (const c of reform.communes_from_old_quang_tri) {
    const districts = new Set(c.formed_from.map((p) => p.old_district_code));
    const [district] = districts;
    if (districts.size !== 1 || !district) throw new Error(`${c.name} spans several former districts`);
    const data = {
      name: c.name,
      kind: kindOf(c.type),
      level: "commune" as const,
      parentId: province.id,
      validFrom: START_OF_TWO_LEVELS,
      formerDistrictId: oldId("district", district),
    };
    const unit = await db.adminUnit.upsert({
      where: twoLevel(c.code),
      create: { code: c.code, catalog: "two_level", ...data },
      update: data,
      select: { id: true },
    });
    // Cồn Cỏ had no communes: the district itself was the area (its code is missing in the source).
    const predecessors = c.formed_from.map((p) => (p.code ? oldId("commune", p.code) : oldId("district", district)));
    await db.adminUnit.updateMany({ where: { id: { in: predecessors } }, data: { successorId: unit.id } });
  }
  // Communes merged on 01/01/2025 follow the commune that absorbed them, where a source says which.
  // The absorber is named by its 2025 name; the units carry their 2020–2024 names (renamed in place).
  const { codes_renamed, codes_removed, known_compositions } = reform.changes_2025_01_01;
  for (const k of known_compositions) {
    const code = codes_renamed.find((r) => r.new_name === k.new)?.code;
    const into = code
      ? await db.adminUnit.findUnique({ where: { catalog_code: { catalog: "three_level", code } } })
      : null;
    const merged = codes_removed.filter((r) => k.from.includes(r.name)).map((r) => r.code);
    if (into?.successorId && merged.length > 0) {
      await db.adminUnit.updateMany({
        where: { catalog: "three_level", code: { in: merged } },
        data: { successorId: into.successorId },
      });
    }
  }
}
