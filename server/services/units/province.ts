/**
 * The province this copy serves (decision 044): chosen at install with PROVINCE, stored in the
 * database (app_setting "province") on the first start, read by every service that names it or
 * checks a territory. The national lists (prisma/seed/data/national) are read only at install.
 */
import {
  bareProvinceName,
  type InstalledProvince,
  NATIONAL_CODE,
  type NationalProvince,
  type ProvinceKind,
  provincePlace,
} from "@qt/shared/province";
import merges from "../../../prisma/seed/data/national/province-merges-2025-07.json" with { type: "json" };
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";

/** Today's 34 provinces → the old provinces merged into each on 01/07/2025. */
export const PROVINCE_MERGES: Readonly<Record<string, readonly string[]>> = merges;
/** GSO codes of today's 34 provinces, in code order. */
export const PROVINCE_CODES: readonly string[] = Object.keys(merges).sort();
/** What PROVINCE may be: one of today's provinces, or "all" for the national install (decision 050). */
export const INSTALL_CODES: readonly string[] = [...PROVINCE_CODES, NATIONAL_CODE];
/** The province an install serves when PROVINCE is not set. */
export const DEFAULT_PROVINCE = "44";

const SETTING = "province";

/** Today's province `code` as the national lists describe it (loaded on demand: 1.5 MB of JSON). */
export async function provinceFromLists(code: string): Promise<InstalledProvince> {
  if (code === NATIONAL_CODE) return nationFromLists();
  const formerCodes = PROVINCE_MERGES[code];
  if (!formerCodes) throw new Error(`Unknown province ${code}`);
  const [today, before] = await Promise.all([
    import("../../../prisma/seed/data/national/vietnam-2025.json", { with: { type: "json" } }),
    import("../../../prisma/seed/data/national/vietnam-before-2025-07.json", { with: { type: "json" } }),
  ]);
  const p = today.default.provinces.find((x) => x.code === code);
  if (!p) throw new Error(`Province ${code} is not in vietnam-2025.json`);
  const former = formerCodes.map((c) => {
    const old = before.default.provinces.find((x) => x.code === c);
    if (!old) throw new Error(`Old province ${c} is not in vietnam-before-2025-07.json`);
    return { code: c, name: old.name };
  });
  return { code, name: p.name, nameEn: p.nameEn, type: p.type as ProvinceKind, former };
}

/** The national install (decision 050): the whole country, every old province its territory. */
async function nationFromLists(): Promise<InstalledProvince> {
  const [today, before] = await Promise.all([
    import("../../../prisma/seed/data/national/vietnam-2025.json", { with: { type: "json" } }),
    import("../../../prisma/seed/data/national/vietnam-before-2025-07.json", { with: { type: "json" } }),
  ]);
  const former = before.default.provinces.map((p) => ({ code: p.code, name: p.name }));
  const provinces = PROVINCE_CODES.map((code) => {
    const p = today.default.provinces.find((x) => x.code === code);
    if (!p) throw new Error(`Province ${code} is not in vietnam-2025.json`);
    return {
      code,
      name: p.name,
      nameEn: p.nameEn,
      type: p.type as ProvinceKind,
      former: [...(PROVINCE_MERGES[code] ?? [])],
    };
  });
  return {
    code: NATIONAL_CODE,
    name: "Toàn quốc",
    nameEn: "Whole country",
    type: "Tỉnh",
    former,
    national: true,
    provinces,
  };
}

/** True on the national install. */
export const isNational = (p: Pick<InstalledProvince, "code">) => p.code === NATIONAL_CODE;

const cache = new WeakMap<Db, Promise<InstalledProvince>>();

/**
 * The installed province of this database. A database set up before PROVINCE existed (no setting)
 * is Quảng Trị's, the only province the product then served: it is the default's.
 */
export function installedProvince(db: Db): Promise<InstalledProvince> {
  let found = cache.get(db);
  if (!found) {
    found = readSetting(db).then((stored) => stored ?? provinceFromLists(DEFAULT_PROVINCE));
    found.catch(() => cache.delete(db));
    cache.set(db, found);
  }
  return found;
}

async function readSetting(db: Db): Promise<InstalledProvince | null> {
  const row = await db.appSetting.findUnique({ where: { key: SETTING }, select: { value: true } });
  return (row?.value as InstalledProvince | undefined) ?? null;
}

/** Records `code` as the database's province (at install; idempotent). */
export async function recordProvince(db: Db, code: string): Promise<InstalledProvince> {
  const stored = await readSetting(db);
  // A national setting from before it listed the provinces is written again (decision 050).
  if (stored?.code === code && (code !== NATIONAL_CODE || stored.provinces)) return stored;
  const province = await provinceFromLists(code);
  const value = JSON.parse(JSON.stringify(province));
  await db.appSetting.upsert({ where: { key: SETTING }, create: { key: SETTING, value }, update: { value } });
  cache.delete(db);
  return province;
}

/**
 * The province a database already serves, read before anything is migrated or seeded: the stored
 * setting, else the default for a database that holds units (set up before PROVINCE existed),
 * else null (a new database). Reads only; a database without the tables is new.
 */
export async function provinceOfDatabase(db: Db): Promise<string | null> {
  const [tables] = await db.$queryRaw<{ ready: boolean }[]>`
    SELECT to_regclass('app_setting') IS NOT NULL AND to_regclass('admin_unit') IS NOT NULL AS ready`;
  if (!tables?.ready) return null;
  const [row] = await db.$queryRaw<{ code: string | null; units: bigint }[]>`
    SELECT (SELECT value->>'code' FROM app_setting WHERE key = ${SETTING}) AS code,
           (SELECT count(*) FROM admin_unit) AS units`;
  if (row?.code) return row.code;
  return row && row.units > 0n ? DEFAULT_PROVINCE : null;
}

/** "44 (Tỉnh Quảng Trị)" for messages at start-up. */
export async function provinceLabel(code: string): Promise<string> {
  const p = await provinceFromLists(code).catch(() => null);
  return p ? `${code} (${p.name})` : code;
}

/**
 * `code` as a territory (the land of one old province): one merged into the installed province
 * (on the national install: into `within`, the filter's province of today, else any of the 63),
 * else a 400 listing those that are (decision 044). Returns its unit of the old list.
 */
export async function requireFormerProvince(
  db: Db,
  code: string,
  within?: NationalProvince,
): Promise<{ id: number; code: string; name: string }> {
  const installed = await installedProvince(db);
  const former = within ? installed.former.filter((f) => within.former.includes(f.code)) : installed.former;
  const unit = former.some((f) => f.code === code)
    ? await db.adminUnit.findFirst({
        where: { code, level: "province", catalog: "three_level" },
        select: { id: true, code: true, name: true },
      })
    : null;
  if (!unit) {
    throw appError("invalid", "territory.notMerged", {
      code,
      ...provincePlace(within ?? installed),
      codes: former.map((f) => `${f.code} (${bareProvinceName(f.name)})`).join(", "),
    });
  }
  return unit;
}

/**
 * `provinceCode` of a filter (decision 050): on the national install one of today's 34 (its entry),
 * on a province's install its own code only (null: nothing to narrow); any other a 400.
 */
export async function requireProvince(db: Db, code: string): Promise<NationalProvince | null> {
  const installed = await installedProvince(db);
  if (!PROVINCE_MERGES[code]) {
    throw appError("invalid", "province.unknown", { code, codes: PROVINCE_CODES.join(", ") });
  }
  if (!isNational(installed)) {
    if (code === installed.code) return null;
    throw appError("invalid", "province.notInstalled", { code, ...provincePlace(installed) });
  }
  const found = installed.provinces?.find((p) => p.code === code);
  if (!found) throw new Error(`The national install's setting lists no province ${code}`);
  return found;
}
