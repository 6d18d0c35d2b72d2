import type { Db } from "../../server/db.ts";
import type { UnitKind } from "../../server/generated/prisma/client.ts";
import units from "./data/quang-tri-2022.json" with { type: "json" };
import { MODEL_TYPES } from "./model-types.ts";

const KIND: Record<string, UnitKind> = {
  "thành phố": "thanh_pho",
  "thị xã": "thi_xa",
  huyện: "huyen",
  phường: "phuong",
  xã: "xa",
  "thị trấn": "thi_tran",
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
    where: { code: units.province.code },
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
      where: { code: d.code },
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
  const existingTypes = new Set((await db.modelType.findMany({ select: { code: true } })).map((t) => t.code));
  const newTypes = MODEL_TYPES.filter((t) => !existingTypes.has(t.code));
  if (newTypes.length > 0) await db.modelType.createMany({ data: newTypes });
}
