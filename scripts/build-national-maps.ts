// Builds the maps of any province from geoBoundaries' national layers (docs/decisions/045):
//   pnpm maps:build-national
// reads ../shared/data/national/ (the old and new unit lists, the province merges, geo/ ADM1 2008 and
// ADM2 2020) and writes server/assets/maps/vn-districts-2020.json (the districts of the 63 old
// provinces, one TopoJSON object per old province code) and vn-provinces-2025.json (the 34 provinces,
// each merged from the districts of its old provinces). The product reads only those two files.
// Prints what it matched, province by province; prisma/seed/data/geo/SOURCES.md keeps that report.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature, mergeArcs, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type {
  GeometryCollection,
  GeometryObject,
  Topology,
  MultiPolygon as TopoMultiPolygon,
} from "topojson-specification";
import { geometryProblems } from "../server/services/maps/geometry.ts";
import { NATIONAL_DISTRICTS_ASSET, PROVINCES_ASSET, rounded } from "../server/services/maps/source.ts";
import { contains, interiorPoint, nameKey, nearness, plain, sourceKeys } from "./maps/match.ts";
import { RENAMED_SINCE_2020 } from "./maps/renamed.ts";

const SHARED = path.resolve(import.meta.dirname, "../../shared/data/national");
const read = (f: string) => JSON.parse(readFileSync(path.join(SHARED, f), "utf8"));

/** Shares of the source's points kept: districts for a province's map, provinces for the nation's. */
const KEEP_DISTRICTS = 0.3;
const KEEP_PROVINCES = 0.08;

type Area = Polygon | MultiPolygon;
type District = { code: string; name: string; type: string };
type Province = { code: string; name: string; districts: District[] };
const before: { provinces: Province[] } = read("vietnam-before-2025-07.json");
const after: { provinces: { code: string; name: string }[] } = read("vietnam-2025.json");
const merges: Record<string, string[]> = read("province-merges-2025-07.json");

// 1. The 64 outlines of ADM1 (2008) → the 63 old provinces, by name; Côn Đảo is Bà Rịa - Vũng Tàu's.
const PROVINCE_ALIASES: Record<string, string> = { condao: "77", thuathienhue: "46" };
const provinceByKey = new Map(before.provinces.map((p) => [plain(p.name.replace(/^(Tỉnh|Thành phố) /, "")), p.code]));
const adm1Topo = read("geo/geoBoundaries-VNM-ADM1_simplified.topojson") as Topology;
const adm1 = (
  feature(adm1Topo, Object.values(adm1Topo.objects)[0] as GeometryCollection) as FeatureCollection<Area>
).features.map((f) => {
  const key = plain(String(f.properties?.shapeName));
  const code = PROVINCE_ALIASES[key] ?? provinceByKey.get(key);
  if (!code) throw new Error(`ADM1 ${f.properties?.shapeName}: no old province of that name`);
  return { code, geometry: f.geometry };
});
const unmatchedProvinces = before.provinces.filter((p) => !adm1.some((a) => a.code === p.code));
if (unmatchedProvinces.length)
  throw new Error(`old provinces without an ADM1 outline: ${unmatchedProvinces.map((p) => p.code)}`);

/**
 * The old provinces where a point may lie, likeliest first: the ADM1 outline containing it, then the
 * others from the nearest (the 2008 outlines are coarse: a district on a border may fall just outside
 * its own, and they leave out the Trường Sa islands).
 */
const provincesAt = (p: Position) => {
  const near = [...adm1].sort((a, b) => nearness(a.geometry, p) - nearness(b.geometry, p)).map((a) => a.code);
  const inside = adm1.find((a) => contains(a.geometry, p))?.code;
  return [...new Set([...(inside ? [inside] : []), ...near])];
};

// 2. Each ADM2 polygon (2020) → a district of its old province, by name without diacritics or kind.
const adm2Topo = read("geo/geoBoundaries-VNM-ADM2_simplified.topojson") as Topology;
const adm2Object = Object.values(adm2Topo.objects)[0] as GeometryCollection<{ shapeName: string }>;
const districtsOf = new Map(before.provinces.map((p) => [p.code, p.districts]));

type Match = { index: number; source: string; province: string; code: string | null; note?: string };
const urban = (kind: string) => plain(kind) !== "huyen";
/** The districts of a province a source name stands for; a kind in the name picks rural or urban. */
function candidates(province: string, source: string): District[] {
  const { keys, kind } = sourceKeys(source);
  const districts = districtsOf.get(province) ?? [];
  const whole = districts.filter((d) => nameKey(d.name, d.type) === keys[0]);
  if (whole.length || !kind) return whole; // "Quan Hoa" is Huyện Quan Hóa, not a quận
  return districts.filter((d) => nameKey(d.name, d.type) === keys[1] && urban(d.type) === urban(kind));
}
const matches: Match[] = adm2Object.geometries.map((geom, index) => {
  const source = (geom.properties as { shapeName?: string } | undefined)?.shapeName ?? "";
  const g = (feature(adm2Topo, geom as GeometryObject) as Feature<Area>).geometry;
  const near = provincesAt(interiorPoint(g));
  // Its own province's district of that name (or its successor), else a neighbour's (then said so).
  const renamed = (p: string) => RENAMED_SINCE_2020[`${p}:${plain(source)}`];
  const province = near.find((p) => candidates(p, source).length > 0 || renamed(p)) ?? (near[0] as string);
  const moved = province === near[0] ? {} : { note: `outside ${near[0]}'s 2008 outline` };
  const successor = renamed(province);
  if (successor) return { index, source, province, ...successor };
  const here = candidates(province, source);
  if (here.length === 1) return { index, source, province, code: (here[0] as District).code, ...moved };
  if (here.length > 1) {
    // Town and rural district of one name, the source naming neither: the rural district, said so.
    const rural = here.find((d) => d.type === "Huyện") ?? (here[0] as District);
    return {
      index,
      source,
      province,
      code: rural.code,
      note: `also ${here.filter((d) => d !== rural).map((d) => d.name)}`,
    };
  }
  return { index, source, province, code: null };
});

// A district matched twice is drawn once, from all its polygons (districts merged since 2020).
const byCode = new Map<string, Match[]>();
for (const m of matches) if (m.code) byCode.set(m.code, [...(byCode.get(m.code) ?? []), m]);

// 3. Simplify the shared topology once (neighbours keep identical borders), then draw each output.
/** A closed arc (an island, a ring) keeps at least its three weightiest points: it stays a ring, never vanishes. */
const RING_POINTS = 3;
const simplified = (keep: number) => {
  const pre = presimplify(adm2Topo as Topology<{ units: GeometryCollection }>);
  const same = (a?: number[], b?: number[]) => !!a && !!b && a[0] === b[0] && a[1] === b[1];
  for (const arc of pre.arcs) {
    if (!same(arc[0], arc[arc.length - 1])) continue;
    const inner = arc.slice(1, -1).sort((a, b) => (b[2] as number) - (a[2] as number));
    for (const p of inner.slice(0, RING_POINTS)) p[2] = Number.POSITIVE_INFINITY;
  }
  return simplify(pre, Math.max(quantile(pre, keep), Number.MIN_VALUE));
};
function outline(topo: Topology, indexes: number[]): Area {
  const parts = indexes.map((i) => adm2Object.geometries[i] as GeometryObject);
  const merged =
    parts.length === 1 ? (parts[0] as GeometryObject) : (mergeArcs(topo, parts as never) as TopoMultiPolygon);
  return rounded((feature(topo, merged) as Feature<Area>).geometry);
}
const problemsOf = (code: string, g: Area) =>
  geometryProblems(code, g)
    .filter((p) => p.key !== "map.outsideProvince")
    .map((p) => p.key);
const kept: string[] = [];
/** Finer simplifications and the source itself, tried in turn for a unit whose rings cross once simplified. */
const FINER = [...[0.15, 0.3, 0.5, 0.75].map((keep) => simplified(keep)), adm2Topo];
/** A unit's outline from the simplified topology, or a finer one where simplifying made its rings cross. */
function drawn(code: string, topo: Topology, indexes: number[]): Area {
  for (const t of [topo, ...FINER.filter((f) => f !== topo)]) {
    const g = outline(t, indexes);
    if (problemsOf(code, g).length === 0) {
      if (t !== topo) kept.push(code);
      return g;
    }
  }
  throw new Error(`${code}: no simplification of its outline is valid`);
}
const write = (file: string, objects: Record<string, FeatureCollection>) => {
  // On the source's own grid (about 10 m): every point stays where the source put it.
  const topo = quantize(
    topology(objects as never) as unknown as Topology<Record<string, GeometryCollection>>,
    adm2Topo.transform as NonNullable<Topology["transform"]>,
  );
  const text = `${JSON.stringify(topo)}\n`;
  writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${text.length} bytes)`);
};

const fine = simplified(KEEP_DISTRICTS);
const districtObjects: Record<string, FeatureCollection> = {};
for (const p of before.provinces) {
  districtObjects[p.code] = {
    type: "FeatureCollection",
    features: p.districts
      .filter((d) => byCode.has(d.code))
      .map((d) => ({
        type: "Feature",
        properties: { code: d.code, name: d.name },
        geometry: drawn(
          d.code,
          fine,
          (byCode.get(d.code) as Match[]).map((m) => m.index),
        ),
      })),
  };
}
write(NATIONAL_DISTRICTS_ASSET, districtObjects);

const coarse = simplified(KEEP_PROVINCES);
const provinceFeatures = after.provinces.map((p) => {
  const old = merges[p.code];
  if (!old) throw new Error(`province ${p.code} is not in province-merges-2025-07.json`);
  const parts = matches.filter((m) => old.includes(m.province)).map((m) => m.index);
  return {
    type: "Feature" as const,
    properties: { code: p.code, name: p.name, formerProvinceCodes: old },
    geometry: drawn(p.code, coarse, parts),
  };
});
write(PROVINCES_ASSET, { provinces: { type: "FeatureCollection", features: provinceFeatures } });

// 4. The report: per old province, districts drawn of districts listed; what was left out and why.
console.log("\n| old province | districts | drawn | not drawn (no 2020 polygon) |\n|---|---|---|---|");
let shown = 0;
let listed = 0;
for (const p of before.provinces) {
  const missing = p.districts.filter((d) => !byCode.has(d.code));
  shown += p.districts.length - missing.length;
  listed += p.districts.length;
  console.log(
    `| ${p.code} ${p.name} | ${p.districts.length} | ${p.districts.length - missing.length} | ${missing.map((d) => `${d.code} ${d.name}`).join(", ")} |`,
  );
}
console.log(`\n${shown} of ${listed} districts drawn; ${adm2Object.geometries.length} source polygons.`);
const unmatched = matches.filter((m) => !m.code);
console.log(
  `source polygons matched to no district (${unmatched.length}): ${unmatched.map((m) => `${m.source} (in ${m.province})`).join(", ")}`,
);
console.log(
  `notes: ${matches
    .filter((m) => m.note)
    .map((m) => `${m.source} (${m.province}) → ${m.code}: ${m.note}`)
    .join("; ")}`,
);
const twice = [...byCode].filter(([, ms]) => ms.length > 1 && !ms.some((m) => m.note));
if (twice.length)
  console.log(`matched by several polygons: ${twice.map(([c, ms]) => `${c} ← ${ms.map((m) => m.source)}`).join("; ")}`);
if (kept.length) console.log(`kept finer (simplifying made their rings cross): ${kept.join(", ")}`);
