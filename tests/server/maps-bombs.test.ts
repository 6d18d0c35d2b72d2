import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { firstCrossing, TOO_COMPLEX } from "../../server/services/maps/geometry.ts";
import { MAP_LIMITS } from "../../server/services/maps/limits.ts";
import { collection, communeFile, gridFeatures } from "../fixtures/maps.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

/**
 * Issue 23, finding 4: boundary files whose size is in their structure, not their bytes. A TopoJSON
 * ring that names one 1,001-point arc 20,000 times (82 KB) ran 68 s to the heap limit and killed the
 * server; a ring of 1,600 long parallel edges held it 25 s in the crossing check.
 */
let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let cookie = "";
let code = "";
beforeAll(async () => {
  t = await createTestDb("reference");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  cookie = `qt_session=${await sessionFor(t.db, (await makeUser(t.db, { role: "admin" })).id)}`;
  const file = await communeFile(t.db, "two_level");
  code = String(file.features[0]?.properties.code);
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const upload = (body: string) =>
  app.inject({
    method: "POST",
    url: "/api/maps/communes/two_level?fileName=bom.json&attribution=Th%E1%BB%AD%20nghi%E1%BB%87m",
    headers: { "x-qt-client": "web", "content-type": "application/json", cookie },
    payload: body,
  });

/** A 1,001-point arc inside the province, named `uses` times by one ring. */
function arcBomb(uses: number) {
  const arc = Array.from({ length: 1001 }, (_, i) => [106.5 + (i % 2) * 0.001, 16.5 + i * 0.0001]);
  const ring = Array.from({ length: uses }, () => 0);
  return JSON.stringify({
    type: "Topology",
    arcs: [arc],
    objects: {
      units: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [ring], properties: { code } }] },
    },
  });
}

/**
 * A closed ring that never crosses itself: a zigzag of `n` long slanted edges, all nearly on one
 * line (from 106°E 16°N to 107°E 18°N), closed by a detour around them.
 */
function parallelRing(n: number): number[][] {
  const d = 1e-5;
  const zig = Array.from({ length: n }, (_, k) => (k % 2 === 0 ? [106, 16 + k * d] : [107, 18 + k * d]));
  return [...zig, [107.5, 18.2], [105.5, 18.2], [105.5, 15.8], [106, 15.8], [106, 16]];
}

describe("boundary files refused by their structure before any geometry", () => {
  it("refuses a TopoJSON ring that reuses one arc 20,000 times, at once, and the server answers", async () => {
    const body = arcBomb(20_000);
    expect(body.length).toBeLessThan(100_000);
    const started = Date.now();
    const res = await upload(body);
    const ms = Date.now() - started;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems).toEqual([
      `Tệp TopoJSON dùng cung số 0 ${MAP_LIMITS.arcUses + 1} lần (tối đa ${MAP_LIMITS.arcUses}): ranh giới không hợp lệ.`,
    ]);
    expect(ms).toBeLessThan(10_000);
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
  });

  it("refuses more points than the limit however they are spread over distinct arcs", async () => {
    // Quantized and delta-encoded, as TopoJSON files usually are: 1,100,000 points in about 7 MB.
    const arcs = Array.from({ length: 1100 }, (_, a) => [[a * 10, 0], ...Array.from({ length: 999 }, () => [0, 1])]);
    const transform = { scale: [1e-5, 1e-5], translate: [106, 16] };
    const geometries = arcs.map((_, a) => ({ type: "Polygon", arcs: [[a]], properties: { code } }));
    const res = await upload(
      JSON.stringify({ type: "Topology", transform, arcs, objects: { u: { type: "GeometryCollection", geometries } } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0]).toMatch(/^Tệp có 1\.1\d\d\.\d{3} điểm, quá giới hạn 1\.000\.000 điểm/);
  });

  it("refuses a GeoJSON ring longer than the limit, and a reference to an arc that does not exist", async () => {
    const ring = Array.from({ length: MAP_LIMITS.ringPoints + 1 }, (_, i) => [106 + i * 1e-6, 16.5]);
    const long = collection([
      { type: "Feature", properties: { code }, geometry: { type: "Polygon", coordinates: [ring] } },
    ]);
    expect((await upload(JSON.stringify(long))).json().error.problems[0]).toBe(
      `Đối tượng thứ 1: một vòng ranh giới có 100.001 điểm, quá giới hạn 100.000 điểm; hãy giản lược tệp.`,
    );
    const dangling = { type: "Topology", arcs: [], objects: { u: { type: "Polygon", arcs: [[7]] } } };
    const res = await upload(JSON.stringify(dangling));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0]).toMatch(/tham chiếu cung không có \(7\)/);
  });
});

describe("the crossing check runs in bounded time", () => {
  it("gives up on 1,600 long parallel edges (refused as too intricate) instead of comparing them pair by pair", async () => {
    const ring = parallelRing(1600);
    expect(firstCrossing([ring as [number, number][]], { work: 64 * ring.length + 20_000 })).toBe(TOO_COMPLEX);
    const file = collection([
      { type: "Feature", properties: { code }, geometry: { type: "Polygon", coordinates: [ring] } },
    ]);
    const res = await upload(JSON.stringify(file));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0]).toBe(
      `Đơn vị ${code}: ranh giới quá phức tạp để kiểm tra (nhiều cạnh dài sát nhau); hãy giản lược tệp.`,
    );
  }, 20_000);

  it("still finds a crossing of two long slanted edges (they share the cells they pass through)", () => {
    const bow: [number, number][] = [
      [106, 16],
      [107, 18],
      [107, 16],
      [106, 18],
      [106, 16],
    ];
    expect(firstCrossing([bow])).toEqual([106.5, 17]);
    // And a grid of real-looking outlines passes, with the budget the upload gives it.
    for (const f of gridFeatures(["1", "2", "3", "4"], { cell: 0.2 })) {
      const rings = f.geometry.coordinates as [number, number][][];
      expect(firstCrossing(rings, { work: 64 * 20 + 20_000 })).toBeNull();
    }
  });
});
