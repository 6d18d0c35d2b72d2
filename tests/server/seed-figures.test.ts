import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("demo");
  viewer = await makeUser(t.db, { role: "viewer" });
}, 60_000);
afterAll(() => t.close());

/** The article's scope: former Quảng Trị, 2007–2022 (demo records of other land and years stay out). */
const ARTICLE = { formerProvinceCode: "45", fromYear: 2007, toYear: 2022 } as const;

// Leaders (viewers) read the figures; anonymous calls are refused (tests/server/authz-matrix.test.ts).
const caller = () => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: viewer }));

describe("seeded demo data reproduces every figure of the 2023 conference article", () => {
  it("loads the 10 + 8 district-level units and 126 + 151 commune-level areas of both old provinces", async () => {
    const districtsOf = (code: string) => t.db.adminUnit.count({ where: { level: "district", parent: { code } } });
    expect(await districtsOf("45")).toBe(10);
    expect(await districtsOf("44")).toBe(8);
    const communesOf = (code: string) =>
      t.db.adminUnit.count({ where: { level: "commune", catalog: "three_level", parent: { parent: { code } } } });
    expect(await communesOf("45")).toBe(125);
    expect(await communesOf("44")).toBe(151);
    const s = await caller().dashboard.summary({ formerProvinceCode: "45" });
    expect(s.cameraCoverage.total).toBe(126);
    expect(s.byDistrict).toHaveLength(10);
  });

  it("ends the communes merged before 01/07/2025 on their last day and the others with the districts", async () => {
    const endedOn = async (iso: string) =>
      (await t.db.adminUnit.findMany({ where: { validTo: new Date(iso) }, select: { code: true } }))
        .map((u) => u.code)
        .sort();
    // Former Quảng Trị, 01/01/2025 (Nghị quyết 1281); former Quảng Bình, 01/12/2024 (Nghị quyết 1242).
    expect(await endedOn("2024-12-31")).toEqual(["19525", "19531", "19549", "19630", "19651", "19696"]);
    expect(await endedOn("2024-11-30")).toEqual(["18910", "18916", "19048", "19120", "19195", "19201"]);
    const lastDay = await t.db.adminUnit.count({ where: { validTo: new Date("2025-06-30") } });
    expect(lastDay).toBe(2 + 18 + (125 - 6) + (151 - 6));
  });

  it("loads the 78 communes of 01/07/2025, each with its former district; every old area has a successor", async () => {
    const current = await t.db.adminUnit.findMany({
      where: { catalog: "two_level", level: "commune" },
      select: {
        code: true,
        validFrom: true,
        formerDistrict: { select: { code: true } },
        parent: { select: { code: true } },
      },
    });
    expect(current).toHaveLength(78);
    expect(current.every((u) => u.parent?.code === "44" && u.formerDistrict !== null)).toBe(true);
    expect(current.every((u) => u.validFrom?.toISOString().startsWith("2025-07-01"))).toBe(true);
    const onLandOf = (province: string) =>
      t.db.adminUnit.count({ where: { catalog: "two_level", formerDistrict: { parent: { code: province } } } });
    expect(await onLandOf("45")).toBe(37);
    expect(await onLandOf("44")).toBe(41);
    const orphans = await t.db.adminUnit.count({
      where: { catalog: "three_level", successorId: null, OR: [{ level: "commune" }, { code: "471" }] },
    });
    expect(orphans).toBe(0);
    // The communes merged before the reform follow their absorber into today's commune.
    const successorOf = async (code: string) =>
      (
        await t.db.adminUnit.findUnique({
          where: { catalog_code: { catalog: "three_level", code } },
          select: { successor: { select: { name: true } } },
        })
      )?.successor?.name;
    expect(await successorOf("19525")).toBe("Xã Gio Linh"); // Gio Châu → thị trấn Gio Linh (2025)
    expect(await successorOf("19696")).toBe("Xã Vĩnh Định"); // Hải Quế
    expect(await successorOf("19195")).toBe("Xã Nam Trạch"); // Nam Trạch (old) → Lý Nam (2024)
    expect(await successorOf("19201")).toBe(await successorOf("19207")); // the two Quán Hàu
  });

  it("seeding again changes nothing", async () => {
    const before = await t.db.adminUnit.findMany({ orderBy: { id: "asc" } });
    await seed(t.db, { demo: false });
    expect(await t.db.adminUnit.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("has more than 30 model types replicated", async () => {
    const s = await caller().dashboard.summary(ARTICLE);
    expect(s.modelTypeCount).toBeGreaterThan(30);
  });

  it("clan with no crime: 113 sites in 4 districts", async () => {
    const s = await caller().dashboard.summary(ARTICLE);
    const clan = s.byModelType.find((m) => m.code === "clan-no-crime");
    expect(clan).toMatchObject({ sites: 113, districts: 4 });
  });

  it("security cameras: 73/126 areas in 8 districts; 1,131 cameras, 53 recorders, 67 cards, just under 5 billion", async () => {
    const s = await caller().dashboard.summary(ARTICLE);
    expect(s.cameraCoverage).toMatchObject({ covered: 73, total: 126 });
    expect(s.byDistrict.filter((d) => d.coveredAreas > 0)).toHaveLength(8);
    const camera = s.byModelType.find((m) => m.code === "security-camera");
    expect(camera).toMatchObject({ sites: 73, communes: 73, districts: 8 });
    expect(s.cameras).toMatchObject({ cameras: 1131, recorders: 53, memoryCards: 67 });
    expect(s.cameras.costVnd).toBeLessThan(5_000_000_000);
    expect(s.cameras.costVnd).toBeGreaterThan(4_900_000_000);
  });

  it("camera coverage reads the same on the summary and the cameras screen, per district and in total", async () => {
    const keys = [
      "code",
      "areas",
      "coveredAreas",
      "currentAreas",
      "currentCoveredAreas",
      "cameras",
      "costVnd",
    ] as const;
    const sameFigures = (d: Record<(typeof keys)[number], unknown>) => Object.fromEntries(keys.map((k) => [k, d[k]]));
    const province = await caller().dashboard.cameras({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 });
    // Both lists of units: 73 of the 126 areas before 01/07/2025, 29 of the 37 communes after.
    // The headline of 2007–2022 is over the list in force on 31/12/2022 (decision 027): 73/126, no second line.
    expect(province.coverage).toEqual({
      covered: 73,
      total: 126,
      current: { covered: 29, total: 37 },
      headline: { list: "three_level", covered: 73, total: 126 },
      secondary: null,
    });
    for (const filter of [{}, { fromYear: 2007, toYear: 2015 }, { districtCode: "470" }, { fromYear: 2023 }]) {
      const [summary, cameras] = await Promise.all([
        caller().dashboard.summary(filter),
        caller().dashboard.cameras(filter),
      ]);
      expect(cameras.coverage).toEqual(summary.cameraCoverage);
      expect(cameras.totals).toEqual(summary.cameras);
      expect(cameras.districts.map(sameFigures)).toEqual(summary.byDistrict.map(sameFigures));
    }
  });

  it("175 clans take part in security; 34 Buddhist and 8 Catholic models", async () => {
    const s = await caller().dashboard.summary(ARTICLE);
    expect(s.byModelType.find((m) => m.code === "clan-security")?.sites).toBe(175);
    expect(s.byReligion).toEqual([
      { religion: "buddhism", sites: 34 },
      { religion: "catholicism", sites: 8 },
    ]);
    expect(s.byModelType.find((m) => m.code === "religious-community")).toMatchObject({ sites: 42 });
  });

  it("awards as listed in the article", async () => {
    const rows = (await caller().dashboard.awards(ARTICLE)).byIssuerForm;
    const count = (issuer: string, form: string, kind?: "collective" | "individual") =>
      rows
        .filter((r) => r.issuer === issuer && r.form === form)
        .reduce((sum, r) => sum + (kind ? r[kind] : r.total), 0);
    expect(count("provincial_committee", "emulation_flag", "collective")).toBe(6);
    expect(count("ministry", "certificate_of_merit", "collective")).toBe(18);
    expect(count("provincial_committee", "certificate_of_merit", "collective")).toBe(30);
    expect(count("provincial_committee", "certificate_of_merit", "individual")).toBe(75);
    expect(count("department_v05", "certificate", "collective")).toBe(5);
    expect(count("department_v05", "certificate", "individual")).toBe(5);
    expect(count("provincial_police", "certificate")).toBe(45);
  });

  it("establishment dates in former Quảng Trị's old areas spread over 2007–2022", async () => {
    const years = await t.db.$queryRaw<{ y: number }[]>`
      SELECT DISTINCT EXTRACT(YEAR FROM s.established_on)::int AS y
      FROM site s JOIN admin_unit a ON a.id = s.area_id LEFT JOIN admin_unit d ON d.id = a.parent_id
      WHERE a.catalog = 'three_level' AND (d.code = '45' OR d.parent_id = (SELECT id FROM admin_unit
        WHERE catalog = 'three_level' AND code = '45'))
      ORDER BY y`;
    expect(years.map((r) => r.y)).toEqual(Array.from({ length: 16 }, (_, i) => 2007 + i));
  });

  it("seeding twice changes nothing", async () => {
    const before = await Promise.all([
      t.db.site.count(),
      t.db.cameraInstallation.count(),
      t.db.award.count(),
      t.db.adminUnit.count(),
      t.db.modelType.count(),
    ]);
    await seed(t.db, { demo: true });
    const after = await Promise.all([
      t.db.site.count(),
      t.db.cameraInstallation.count(),
      t.db.award.count(),
      t.db.adminUnit.count(),
      t.db.modelType.count(),
    ]);
    expect(after).toEqual(before);
  });
});
