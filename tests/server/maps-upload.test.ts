import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { topology } from "topojson-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { backupToFile } from "../../server/services/backup/dump.ts";
import { restoreBackup } from "../../server/services/backup/restore.ts";
import { expectedUnits } from "../../server/services/maps/expected-units.ts";
import { geometryProblems } from "../../server/services/maps/geometry.ts";
import { simplifyForScreen } from "../../server/services/maps/simplify.ts";
import { collection, communeFile, gridFeatures } from "../fixtures/maps.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

/** Loading commune-level boundaries: POST /api/maps/communes/:list, on the reference units. */
let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let admin: SessionUser;
const cookies: Record<"admin" | "viewer" | "editor", string> = { admin: "", viewer: "", editor: "" };
beforeAll(async () => {
  t = await createTestDb("reference");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  admin = await makeUser(t.db, { role: "admin" });
  cookies.admin = `qt_session=${await sessionFor(t.db, admin.id)}`;
  cookies.viewer = `qt_session=${await sessionFor(t.db, (await makeUser(t.db, { role: "viewer" })).id)}`;
  cookies.editor = `qt_session=${await sessionFor(t.db, (await makeUser(t.db, { role: "editor" })).id)}`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const ATTRIBUTION = "Ranh giới thử nghiệm (ô vuông sinh trong kiểm thử)";

function upload(
  body: unknown,
  opts: { list?: string; as?: keyof typeof cookies | null; missing?: string[]; query?: string; lang?: string } = {},
) {
  const params = new URLSearchParams({ fileName: "xa.geojson", attribution: ATTRIBUTION });
  if (opts.missing) params.set("missing", opts.missing.join(","));
  const headers: Record<string, string> = { "x-qt-client": "web", "content-type": "application/geo+json" };
  if (opts.as !== null) headers.cookie = cookies[opts.as ?? "admin"];
  if (opts.lang) headers["x-qt-locale"] = opts.lang;
  return app.inject({
    method: "POST",
    url: `/api/maps/communes/${opts.list ?? "two_level"}?${opts.query ?? params.toString()}`,
    headers,
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const api = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user })).maps;
const stored = () => t.db.mapLayer.findMany({ select: { list: true, fileName: true, loadedAt: true } });
const audits = (action: string) =>
  t.db.auditEntry.count({ where: { entity: "map_layer", action: action as "create" } });

/** A refusal: 400 with the problems named, and the layers as they were. */
async function refused(res: Awaited<ReturnType<typeof upload>>, before: unknown) {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.ok).toBe(false);
  expect(await stored()).toEqual(before);
  return body.error as { message: string; problems: string[]; more: number };
}

describe("loading commune boundaries", () => {
  it("stores a file of today's 78 communes, simplified, and the map can draw them", async () => {
    const file = await communeFile(t.db, "two_level");
    expect(file.features).toHaveLength(78);
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      layer: { list: "two_level", units: 78, missing: [], attribution: ATTRIBUTION, loadedBy: admin.username },
    });
    const b = await api(admin).boundaries({ level: "commune", list: "two_level" });
    expect(b.features).toHaveLength(78);
    expect(b.attribution).toBe(ATTRIBUTION);
    const units = await expectedUnits(t.db, "two_level");
    const first = units[0];
    expect(b.features.find((f) => f.properties.code === first?.code)?.properties).toEqual({
      code: first?.code,
      name: first?.name,
      districtCode: first?.districtCode,
    });
    // Simplified: the squares' 17 points per ring lose the ones on straight sides.
    const ring = b.features[0]?.geometry.coordinates[0] as number[][];
    expect(ring.length).toBeLessThan(17);
    expect(ring.length).toBeGreaterThanOrEqual(4);
    // One district's communes only, for a drill-down.
    const gio = await api(admin).boundaries({ level: "commune", list: "two_level", districtCode: "466" });
    expect(gio.features.length).toBe(units.filter((u) => u.districtCode === "466").length);
    expect(gio.features.length).toBeGreaterThan(0);
    expect(await audits("create")).toBe(1);
    expect(await api(admin).layers()).toMatchObject([{ list: "two_level", units: 78, fileName: "xa.geojson" }]);
  });

  it("takes TopoJSON too, with the units it leaves out declared missing (named in the layer)", async () => {
    const units = await expectedUnits(t.db, "three_level");
    const leaveOut = units.slice(0, 3).map((u) => u.code);
    const geo = await communeFile(t.db, "three_level", leaveOut);
    const topo = topology({ units: geo as never }, 1e5);
    const res = await upload(topo, { list: "three_level", missing: leaveOut });
    expect(res.statusCode).toBe(200);
    const layer = res.json().layer;
    expect(layer.units).toBe(units.length - 3);
    expect(layer.missing).toEqual(units.slice(0, 3).map((u) => ({ code: u.code, name: u.name })));
    const b = await api(admin).boundaries({ level: "commune", list: "three_level", formerProvinceCode: "45" });
    expect(b.features.every((f) => units.find((u) => u.code === f.properties.code)?.provinceCode === "45")).toBe(true);
    expect(b.features.length).toBeGreaterThan(100);
  });

  it("replaces a list's file on a new load, audited as an update", async () => {
    const before = await t.db.mapLayer.findUniqueOrThrow({ where: { list: "two_level" }, select: { loadedAt: true } });
    const res = await upload(await communeFile(t.db, "two_level"), {
      query: "fileName=moi.json&attribution=Nguon%20moi",
    });
    expect(res.statusCode).toBe(200);
    const after = await t.db.mapLayer.findUniqueOrThrow({
      where: { list: "two_level" },
      select: { loadedAt: true, fileName: true },
    });
    expect(after.fileName).toBe("moi.json");
    expect(after.loadedAt.getTime()).toBeGreaterThanOrEqual(before.loadedAt.getTime());
    expect(await audits("update")).toBe(1);
  });
});

describe("refusing a bad boundary file (nothing stored)", () => {
  const square = (code: string, ring: number[][]) => ({
    type: "Feature",
    properties: { code },
    geometry: { type: "Polygon", coordinates: [ring] },
  });

  it("refuses what is not JSON, and JSON that is neither GeoJSON nor TopoJSON", async () => {
    const before = await stored();
    expect((await refused(await upload("<kml>not json</kml>"), before)).problems).toEqual([
      "Tệp không đọc được như JSON: không phải GeoJSON hay TopoJSON.",
    ]);
    expect((await refused(await upload({ type: "Feature" }), before)).problems).toEqual([
      "Tệp không phải GeoJSON (FeatureCollection) hay TopoJSON (Topology).",
    ]);
  });

  it("names unknown codes, projected coordinates, open rings and self-crossing outlines by unit", async () => {
    const before = await stored();
    const units = await expectedUnits(t.db, "two_level");
    const [a, b, c, ...rest] = units.map((u) => u.code) as [string, string, string, ...string[]];
    const features = [
      square("99999", [
        [106.5, 16.8],
        [106.6, 16.8],
        [106.6, 16.9],
        [106.5, 16.8],
      ]),
      // VN-2000 / UTM metres, not degrees.
      square(a, [
        [620000, 1860000],
        [621000, 1860000],
        [621000, 1861000],
        [620000, 1860000],
      ]),
      // Not closed.
      square(b, [
        [106.5, 16.8],
        [106.6, 16.8],
        [106.6, 16.9],
        [106.5, 16.9],
      ]),
      // A bow tie: its sides cross at (106.55; 16.85).
      square(c, [
        [106.5, 16.8],
        [106.6, 16.9],
        [106.6, 16.8],
        [106.5, 16.9],
        [106.5, 16.8],
      ]),
      ...gridFeatures(rest),
    ];
    const error = await refused(await upload(collection(features as never)), before);
    expect(error.message).toBe("Tệp ranh giới bị từ chối (4 lỗi); không có gì được lưu.");
    expect(error.problems).toEqual([
      "Mã 99999 không phải đơn vị của danh mục đã chọn.",
      `Đơn vị ${a}: tọa độ (620000; 1860000) không phải kinh độ, vĩ độ WGS84 — tệp có lẽ ở hệ tọa độ phẳng (VN-2000, UTM); hãy chuyển sang WGS84 (EPSG:4326).`,
      `Đơn vị ${b}: vòng ranh giới không hợp lệ (cần ít nhất 4 điểm và khép kín).`,
      `Đơn vị ${c}: ranh giới tự cắt gần (106.55; 16.85).`,
    ]);
    expect(error.more).toBe(0);
  });

  it("refuses longitude and latitude swapped, a unit outside the province, and a polygon's rings crossing", async () => {
    const before = await stored();
    const units = (await expectedUnits(t.db, "two_level")).map((u) => u.code);
    const [a, b, c, ...rest] = units as [string, string, string, ...string[]];
    // Hà Nội: degrees, but not this province.
    const away = gridFeatures([c])[0] as { geometry: { coordinates: number[][][] } };
    away.geometry.coordinates = away.geometry.coordinates.map((r) =>
      r.map(([x, y]) => [x as number, (y as number) + 4.5]),
    );
    const swapped = gridFeatures([a])[0] as { geometry: { coordinates: number[][][] } };
    swapped.geometry.coordinates = swapped.geometry.coordinates.map((r) =>
      r.map(([x, y]) => [y as number, x as number]),
    );
    const holed = {
      type: "Feature",
      properties: { code: b },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [106.5, 16.8],
            [106.6, 16.8],
            [106.6, 16.9],
            [106.5, 16.9],
            [106.5, 16.8],
          ],
          // A hole that reaches outside its shell.
          [
            [106.55, 16.85],
            [106.65, 16.85],
            [106.65, 16.86],
            [106.55, 16.86],
            [106.55, 16.85],
          ],
        ],
      },
    };
    const error = await refused(
      await upload(collection([swapped, holed, away, ...gridFeatures(rest)] as never)),
      before,
    );
    expect(error.problems).toEqual([
      `Đơn vị ${a}: tọa độ (16.5; 106.2) không phải kinh độ, vĩ độ WGS84 — tệp có lẽ ở hệ tọa độ phẳng (VN-2000, UTM); hãy chuyển sang WGS84 (EPSG:4326).`,
      `Đơn vị ${b}: ranh giới tự cắt gần (106.6; 16.85).`,
      `Đơn vị ${c}: tọa độ (106.2; 21) nằm ngoài tỉnh Quảng Trị.`,
    ]);
  });

  it("names a unit left out without being declared missing, and a duplicate; English when asked", async () => {
    const before = await stored();
    const units = await expectedUnits(t.db, "two_level");
    const [gone, ...rest] = units;
    const dup = gridFeatures([rest[0]?.code as string]);
    const res = await upload(collection([...gridFeatures(rest.map((u) => u.code)), ...dup] as never), { lang: "en" });
    const error = await refused(res, before);
    expect(error.message).toBe("The boundary file was refused (2 problems); nothing was stored.");
    expect(error.problems).toEqual([
      `Code ${rest[0]?.code} has more than one boundary.`,
      `No boundary for ${gone?.name} (${gone?.code}); if on purpose, list this code as missing.`,
    ]);
  });

  it("names the first ten problems and counts the rest", async () => {
    const before = await stored();
    const codes = Array.from({ length: 25 }, (_, i) => String(90000 + i));
    const error = await refused(await upload(collection(gridFeatures(codes))), before);
    // 25 unknown codes, then the 78 communes that are missing.
    expect(error.message).toBe("Tệp ranh giới bị từ chối (103 lỗi); không có gì được lưu.");
    expect(error.problems).toHaveLength(10);
    expect(error.problems[0]).toBe("Mã 90000 không phải đơn vị của danh mục đã chọn.");
    expect(error.more).toBe(93);
  });

  it("refuses a file over the size limit with 413 and its message", async () => {
    const before = await stored();
    const res = await upload(`{"type":"FeatureCollection","features":[],"pad":"${"x".repeat(21 * 1024 * 1024)}"}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe("Tệp ranh giới quá lớn: tối đa 20 MB.");
    expect(await stored()).toEqual(before);
  });

  it("refuses a file without its source, and an unknown list", async () => {
    const before = await stored();
    const res = await upload(await communeFile(t.db, "two_level"), { query: "fileName=a.json" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Hãy ghi nguồn của ranh giới (hiện trên bản đồ)");
    const other = await upload(await communeFile(t.db, "two_level"), { list: "2030" });
    expect(other.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

describe("who may load and remove boundaries", () => {
  it.each([
    ["viewer", 403],
    ["editor", 403],
    [null, 401],
  ] as const)("refuses %s with %i, storing nothing", async (as, status) => {
    const before = await stored();
    const res = await upload(await communeFile(t.db, "two_level"), { as });
    expect(res.statusCode).toBe(status);
    expect(res.json().ok).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it("lets an admin remove a list's boundaries, audited; the commune level then says none are loaded", async () => {
    const viewer = await makeUser(t.db, { role: "viewer" });
    await expect(api(viewer).removeCommunes({ list: "two_level" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await api(admin).removeCommunes({ list: "two_level" })).toEqual({ removed: true });
    expect(await audits("remove")).toBe(1);
    await expect(api(admin).boundaries({ level: "commune", list: "two_level" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await api(viewer).layers()).map((l) => l.list)).toEqual(["three_level"]);
  });
});

describe("simplifying a detailed file for the screen", () => {
  it("keeps about 20,000 points of a 96,000-point file, every outline still valid", () => {
    const features = Array.from({ length: 24 }, (_, i) => {
      const [cx, cy] = [106.3 + (i % 6) * 0.08, 16.5 + Math.floor(i / 6) * 0.08];
      const ring = Array.from({ length: 4000 }, (_, k) => {
        const a = (2 * Math.PI * k) / 4000;
        const r = 0.035 + 0.002 * Math.sin(40 * a);
        return [Number((cx + r * Math.cos(a)).toFixed(6)), Number((cy + r * Math.sin(a)).toFixed(6))];
      });
      ring.push(ring[0] as number[]);
      return {
        type: "Feature" as const,
        properties: { code: String(i), name: `Xã ${i}`, districtCode: "466" },
        geometry: { type: "Polygon" as const, coordinates: [ring] },
      };
    });
    const simple = simplifyForScreen(features);
    const points = simple.reduce((n, f) => n + (f.geometry.coordinates[0] as number[][]).length, 0);
    // The budget, give or take the weights tied at the cut (1%).
    expect(points).toBeLessThanOrEqual(20_200);
    expect(points).toBeGreaterThan(10_000);
    for (const f of simple) expect(geometryProblems(f.properties.code, f.geometry)).toEqual([]);
  });
});

describe("boundaries in a backup", () => {
  it("come back whole from a backup (features, missing list, attribution)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-maps-"));
    const target = await createTestDb();
    try {
      const file = path.join(dir, "b.jsonl.gz");
      const before = await api(admin).boundaries({ level: "commune", list: "three_level" });
      const layers = await api(admin).layers();
      expect(layers[0]?.missing.length).toBe(3);
      await backupToFile(t.db, t.kind, file);
      await restoreBackup(target.db, file);
      const there = createCaller(createContextInner({ db: target.db, dbKind: target.kind, user: admin })).maps;
      expect(await there.boundaries({ level: "commune", list: "three_level" })).toEqual(before);
      expect(await there.layers()).toEqual(layers);
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
