import { dateOf } from "@qt/shared/dates";
import { foldVietnamese } from "@qt/shared/domain";
import { formerUnitName } from "@qt/shared/unit-names";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Area } from "../records/areas.ts";
import { validOn } from "../units/area-sql.ts";
import type { CellIssue } from "./values.ts";

/**
 * Matching the names people write to the product's units and model types, in memory: the whole
 * unit list (a few hundred rows) and catalogue are read once per file, so 50.000 rows cost no
 * query each. Names are compared by their bare key: no diacritics, no prefix ("Xã", "P.", "TT."),
 * no spaces ("Đakrông" and "Đa Krông" are one key), no leading zeros ("Phường 01").
 */
type UnitRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: string;
  catalog: string;
  parentId: number | null;
  formerDistrictId: number | null;
  successorId: number | null;
  validFrom: Date | null;
  validTo: Date | null;
};
type Unit = UnitRow & { key: string; districtId: number };

const PREFIXES = [
  ["thanh pho", "thanh_pho"],
  ["thi tran", "thi_tran"],
  ["thi xa", "thi_xa"],
  ["dac khu", "dac_khu"],
  ["huyen", "huyen"],
  ["quan", "quan"],
  ["phuong", "phuong"],
  ["xa", "xa"],
  ["tt", "thi_tran"],
  ["tx", "thi_xa"],
  ["tp", "thanh_pho"],
  ["p", "phuong"],
  ["h", "huyen"],
] as const;

/** The bare key of a unit's name and the kind its prefix said ("TT. Khe Sanh" → "khesanh", thi_tran). */
export function unitKey(text: string): { key: string; kind: string | null } {
  let s = foldVietnamese(text.replace(/[.,;:_/\\-]+/g, " "));
  let kind: string | null = null;
  for (const [prefix, k] of PREFIXES) {
    if (s.startsWith(`${prefix} `)) {
      s = s.slice(prefix.length + 1);
      kind = k;
      break;
    }
  }
  return { key: s.replace(/\s+/g, "").replace(/^0+(?=\d)/, ""), kind };
}

/** Edit distance, for the closest names when nothing matches exactly. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** Up to three names closest to `key`, close enough to be a misspelling. */
function closest<T extends { key: string }>(key: string, among: T[], nameOf: (t: T) => string): string[] {
  const limit = Math.max(2, Math.floor(key.length / 3));
  const near = among.map((t) => ({ t, d: distance(key, t.key) })).filter((x) => x.d <= limit);
  // Only the nearest: "Hải Ann" suggests "Xã Hải An", not every name two letters away.
  const best = Math.min(...near.map((x) => x.d));
  return near
    .filter((x) => x.d === best)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => nameOf(x.t))
    .filter((n, i, all) => all.indexOf(n) === i);
}

export type Match<T> = { ok: true; value: T } | { ok: false; issue: CellIssue };
const fail = (key: CellIssue["key"], params: CellIssue["params"], suggestions: string[] = []): Match<never> => ({
  ok: false,
  issue: { key, params: suggestions.length ? { ...params, suggestions: suggestions.join("', '") } : params },
});

export type UnitMatcher = Awaited<ReturnType<typeof unitMatcher>>;

export async function unitMatcher(db: Prisma.TransactionClient) {
  const rows = await db.adminUnit.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      level: true,
      catalog: true,
      parentId: true,
      formerDistrictId: true,
      successorId: true,
      validFrom: true,
      validTo: true,
      _count: { select: { children: true } },
    },
  });
  const byId = new Map<number, Unit>();
  for (const { _count, ...u } of rows) {
    const isArea = u.level === "commune" || (u.level === "district" && _count.children === 0);
    const districtId = u.formerDistrictId ?? (u.level === "district" ? u.id : (u.parentId ?? 0));
    const unit = { ...u, key: unitKey(u.name).key, districtId };
    byId.set(u.id, unit);
    if (!isArea) Object.assign(unit, { notArea: true });
  }
  const all = [...byId.values()];
  const areas = all.filter((u) => !("notArea" in u));
  const districts = all.filter((u) => u.level === "district" && u.catalog === "three_level");
  const areasByKey = new Map<string, Unit[]>();
  for (const a of areas) areasByKey.set(a.key, [...(areasByKey.get(a.key) ?? []), a]);

  const districtName = (id: number) => byId.get(id)?.name ?? "";
  const label = (a: Unit) => `${a.name} (${districtName(a.districtId)})`;

  /** The district a cell names, by name or code. */
  function district(text: string): Match<Unit> {
    const t = text.trim();
    const byCode = districts.find((d) => d.code === t);
    if (byCode) return { ok: true, value: byCode };
    const { key } = unitKey(t);
    const found = districts.filter((d) => d.key === key);
    if (found.length === 1 && found[0]) return { ok: true, value: found[0] };
    return fail(
      "import.districtNotFound",
      { value: t },
      closest(key, districts, (d) => d.name),
    );
  }

  /**
   * The commune-level area a cell names, valid on the record's day (`on`, yyyy-mm-dd), inside the
   * district when the row gives one. A GSO code may name one area before 01/07/2025 and another
   * after it; the day picks. Names shared across districts ("Phường 1") need the district.
   */
  function area(text: string, on: string, inDistrict: Unit | null): Match<Area> {
    const t = text.trim();
    const day = dateOf(on);
    const inScope = (a: Unit) => !inDistrict || a.districtId === inDistrict.id;
    let found: Unit[];
    let kind: string | null = null;
    if (/^\d{2,5}$/.test(t)) {
      const code = t.padStart(5, "0");
      found = areas.filter((a) => a.code === code || a.code === t);
    } else {
      const k = unitKey(t);
      kind = k.kind;
      found = areasByKey.get(k.key) ?? [];
    }
    const here = found.filter(inScope);
    const valid = here.filter((a) => validOn(a, day));
    const sameKind = kind && valid.length > 1 ? valid.filter((a) => a.kind === kind) : valid;
    const pick = sameKind.length > 0 ? sameKind : valid;
    if (pick.length === 1 && pick[0]) return { ok: true, value: toArea(pick[0]) };
    if (pick.length > 1) {
      return fail("import.areaAmbiguous", { value: t, choices: pick.map(label).join("; ") });
    }
    if (here.length > 0) {
      // The name exists, but not on that day: after 01/07/2025 point at today's commune.
      const successor = here.map((a) => (a.successorId ? byId.get(a.successorId) : undefined)).find(Boolean);
      const date = on.split("-").reverse().join("/");
      return fail("import.areaNotOnDate", { value: t, date }, successor ? [successor.name] : []);
    }
    const pool = areas.filter((a) => inScope(a) && validOn(a, day));
    const suggestions = closest(unitKey(t).key, pool, (a) => a.name);
    if (inDistrict) {
      return fail("import.areaNotFoundIn", { value: t, district: inDistrict.name }, suggestions);
    }
    return fail("import.areaNotFound", { value: t }, suggestions);
  }

  function toArea(u: Unit): Area {
    const d = byId.get(u.districtId);
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      districtId: u.districtId,
      districtCode: d?.code ?? "",
      // As the records' search text names it (areaFields writes a former district so).
      districtName: u.catalog === "two_level" ? formerUnitName(d?.name ?? "") : (d?.name ?? ""),
      communeId: u.catalog === "two_level" ? u.id : u.successorId,
    };
  }

  /** The communes valid on a day, for the template's list. */
  const communesOn = (on: string) => areas.filter((a) => validOn(a, dateOf(on)));

  return { district, area, communesOn, label };
}

type TypeRow = { id: number; code: string; name: string; category: string; key: string };

/** The folded words of a model type's name without the common lead "Mô hình". */
const typeKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/^mo hinh /, "")
    .trim();

export type TypeMatcher = Awaited<ReturnType<typeof typeMatcher>>;

export async function typeMatcher(db: Prisma.TransactionClient) {
  const rows = await db.modelType.findMany({
    where: { deletedAt: null },
    select: { id: true, code: true, name: true, category: true },
  });
  const types: TypeRow[] = rows.map((r) => ({ ...r, key: typeKey(r.name) }));
  /** A model type by its code, its name in any spelling, or a name that contains or is contained in one. */
  function modelType(text: string): Match<TypeRow> {
    const t = text.trim();
    const key = typeKey(t);
    const exact = types.filter((x) => x.code === t || x.key === key);
    if (exact.length === 1 && exact[0]) return { ok: true, value: exact[0] };
    const near = types.filter((x) => key.length >= 4 && (x.key.includes(key) || key.includes(x.key)));
    if (near.length === 1 && near[0]) return { ok: true, value: near[0] };
    const suggestions = near.length > 1 ? near.slice(0, 3).map((x) => x.name) : closest(key, types, (x) => x.name);
    return fail("import.modelTypeNotFound", { value: t }, suggestions);
  }
  return { modelType, types };
}
