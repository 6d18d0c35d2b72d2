import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { countAreas } from "../fixtures/territory.ts";
import { fileDatabase } from "../support/file-db.ts";
import { expectTrpcError, shownMessage } from "./helpers/entry.ts";

const { t, caller } = fileDatabase({ from: "reference", role: "viewer", dashboard: true });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
  return "OK";
}

describe("dashboard.yearly", () => {
  it("counts sites per year from 2007 to the last year with data, cumulative, per category", async () => {
    const y = await caller().dashboard.yearly({});
    expect([y.fromYear, y.toYear, y.before]).toEqual([2007, 2024, 0]);
    expect(y.years).toHaveLength(18);
    const at = (year: number) => y.years.find((r) => r.year === year);
    expect(at(2007)).toMatchObject({ sites: 1, cumulative: 1 });
    expect(at(2010)).toMatchObject({ sites: 2, cumulative: 3 });
    expect(at(2010)?.byCategory).toMatchObject({ clan: 2, camera: 0 });
    expect(at(2011)).toMatchObject({ sites: 0, cumulative: 3 }); // the deleted 2011 site never counts
    expect(at(2022)).toMatchObject({ sites: 0, cumulative: 7 });
    expect(at(2024)).toMatchObject({ sites: 1, cumulative: 8, byCategory: expect.objectContaining({ camera: 1 }) });
  });

  it("filters by years and district; earlier sites start the cumulative line", async () => {
    const y = await caller().dashboard.yearly({ fromYear: 2010, toYear: 2015, districtCode: "461" });
    expect(y.before).toBe(1);
    expect(y.years.map((r) => [r.year, r.sites, r.cumulative])).toEqual([
      [2010, 1, 2],
      [2011, 0, 2],
      [2012, 0, 2],
      [2013, 0, 2],
      [2014, 0, 2],
      [2015, 1, 3],
    ]);
  });

  it("filters by category and model type", async () => {
    const religious = await caller().dashboard.yearly({ modelCategory: "religious" });
    expect(religious.years.filter((r) => r.sites > 0).map((r) => r.year)).toEqual([2012, 2020, 2021]);
    const clan = await caller().dashboard.yearly({ modelTypeCode: "clan-security" });
    expect(clan.years.at(-1)?.cumulative).toBe(1);
  });

  it("refuses an out-of-range year, a reversed range, an unknown district or type", async () => {
    expect(await codeOf(caller().dashboard.yearly({ fromYear: 1980 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller().dashboard.yearly({ toYear: 2200 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller().dashboard.yearly({ fromYear: 2020, toYear: 2010 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller().dashboard.yearly({ districtCode: "999" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller().dashboard.yearly({ modelTypeCode: "no-such-type" }))).toBe("NOT_FOUND");
    const early = await expectTrpcError(caller().dashboard.yearly({ fromYear: 1980 }), "BAD_REQUEST");
    expect(shownMessage(early)).toMatch(/^Năm phải từ 1990 đến \d{4}$/);
  });

  it("needs a signed-in user", async () => {
    expect(await codeOf(caller(null).dashboard.yearly({}))).toBe("UNAUTHORIZED");
  });
});

describe("dashboard.areas", () => {
  it("lists every commune-level area of the district with sites per category and camera coverage", async () => {
    const r = await caller().dashboard.areas({ districtCode: "461" });
    expect(r.district).toEqual({ code: "461", name: "Thành phố Đông Hà" });
    expect(r.areas.filter((x) => !x.current)).toHaveLength(9);
    // After them, the two wards of 01/07/2025 on Đông Hà's land; Phường Đông Hà took over Phường 1.
    // By the units of the record's date it has no installation of its own: not ticked (issue 22).
    expect(r.areas.filter((x) => x.current).map((x) => [x.code, x.name, x.covered, x.cameras])).toEqual([
      ["19333", "Phường Đông Hà", false, 0],
      ["19351", "Phường Nam Đông Hà", false, 0],
    ]);
    const a = (code: string) => r.areas.find((x) => x.code === code);
    expect(a("19330")).toMatchObject({ sites: 2, covered: false, cameras: 0 });
    expect(a("19330")?.byCategory).toMatchObject({ clan: 1, religious: 1, camera: 0 });
    expect(a("19333")).toMatchObject({ sites: 2, covered: true, cameras: 15 });
    expect(r.areas.filter((x) => x.sites === 0 && !x.current)).toHaveLength(7);
  });

  it("treats Cồn Cỏ as an area of its own and applies the years", async () => {
    const conCo = await caller().dashboard.areas({ districtCode: "471" });
    expect(conCo.areas).toEqual([
      expect.objectContaining({ code: "471", sites: 2, covered: true, cameras: 3, current: false }),
      expect.objectContaining({ code: "19742", sites: 0, covered: false, cameras: 0, current: true }),
    ]);
    const early = await caller().dashboard.areas({ districtCode: "461", toYear: 2016 });
    expect(early.areas.find((x) => x.code === "19333")).toMatchObject({ cameras: 10, sites: 2 });
    expect(early.areas.find((x) => x.code === "19330")).toMatchObject({ sites: 1 });
  });

  it("needs a known district", async () => {
    expect(await codeOf(caller().dashboard.areas({ districtCode: "999" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller().dashboard.areas({ districtCode: "19333" }))).toBe("NOT_FOUND");
    // @ts-expect-error: the district is required
    expect(await codeOf(caller().dashboard.areas({}))).toBe("BAD_REQUEST");
  });
});

describe("dashboard.cameras", () => {
  it("sums cameras, recorders, cards and money per district and funding source", async () => {
    // The fixture lies on former Quảng Trị: its 126 areas and the 37 communes of today on its land.
    const c = await caller().dashboard.cameras({ formerProvinceCode: "45" });
    // Over every year: the headline is over today's 37 communes, the old list second (decision 027).
    expect(c.coverage).toEqual({
      covered: 2,
      total: 126,
      current: { covered: 2, total: 37 },
      headline: { list: "two_level", covered: 2, total: 37 },
      secondary: { list: "three_level", covered: 2, total: 126 },
    });
    expect(c.totals).toEqual({ cameras: 18, recorders: 2, memoryCards: 3, costVnd: 690_000_000, installations: 3 });
    expect(c.districts).toHaveLength(10);
    expect(c.districts.find((d) => d.code === "461")).toEqual({
      code: "461",
      name: "Thành phố Đông Hà",
      areas: 9,
      coveredAreas: 1,
      currentAreas: 2,
      currentCoveredAreas: 1,
      cameras: 15,
      recorders: 1,
      memoryCards: 3,
      costVnd: 600_000_000,
    });
    expect(c.districts.find((d) => d.code === "468")).toMatchObject({ coveredAreas: 0, cameras: 0 });
    expect(c.funding).toEqual([
      { source: "state_budget", installations: 1, cameras: 10, costVnd: 500_000_000 },
      { source: "socialized", installations: 1, cameras: 5, costVnd: 100_000_000 },
      { source: "mixed", installations: 1, cameras: 3, costVnd: 90_000_000 },
    ]);
    expect(c.areas).toHaveLength(126 + 37);
    expect(c.areas.filter((a) => a.covered).map((a) => [a.code, a.name, a.current, a.firstInstalledOn])).toEqual([
      ["19333", "Phường 1", false, "2015-05-01"],
      ["471", "Huyện Cồn Cỏ", false, "2024-03-01"],
    ]);
  });

  it("applies years and district", async () => {
    const early = await caller().dashboard.cameras({ formerProvinceCode: "45", toYear: 2018 });
    expect(early.coverage).toEqual({
      covered: 1,
      total: 126,
      current: { covered: 1, total: 37 },
      headline: { list: "three_level", covered: 1, total: 126 },
      secondary: null,
    });
    expect(early.totals.cameras).toBe(10);
    const late = await caller().dashboard.cameras({ fromYear: 2016 });
    expect(late.totals).toMatchObject({ cameras: 8, installations: 2 });
    const camLo = await caller().dashboard.cameras({ districtCode: "468" });
    expect(camLo.coverage).toMatchObject({ covered: 0, total: 8, current: { covered: 0, total: 2 } });
    expect(camLo.districts.map((d) => d.code)).toEqual(["468"]);
    expect(camLo.funding).toEqual([]);
  });

  it("covers the whole province of today without a territory: every old area and all of today's communes", async () => {
    // Counted from the units, not from the dashboard: old-list areas (a district without communes
    // is its own area) and the communes of 01/07/2025.
    const old = await countAreas(t.db, { catalog: "three_level" });
    const today = await countAreas(t.db, { catalog: "two_level" });
    const c = await caller().dashboard.cameras({});
    expect(c.coverage).toMatchObject({
      covered: 2,
      total: old,
      current: { covered: 2, total: today },
      headline: { list: "two_level", covered: 2, total: today },
    });
    expect(c.districts.map((d) => d.code)).toEqual((await caller().dashboard.options()).districts.map((d) => d.code));
    expect(c.totals.cameras).toBe(18);
  });
});

describe("dashboard.modelType", () => {
  it("shows one type over time, by district, and pages its sites", async () => {
    const m = await caller().dashboard.modelType({ code: "clan-no-crime" });
    expect(m.modelType).toMatchObject({ code: "clan-no-crime", category: "clan" });
    expect(m.totalSites).toBe(2);
    expect(m.years).toHaveLength(16);
    expect(m.years.at(-1)).toEqual({ year: 2022, sites: 0, cumulative: 2 });
    expect(m.byDistrict).toEqual([{ code: "461", name: "Thành phố Đông Hà", sites: 2, areas: 2 }]);
    expect(m.sites.items.map((s) => [s.name, s.areaName, s.establishedOn])).toEqual([
      ["Họ Lê", "Phường Đông Giang", "2007-03-01"],
      ["Họ Nguyễn", "Phường 1", "2010-06-01"],
    ]);
    const page2 = await caller().dashboard.modelType({ code: "clan-no-crime", page: 2, pageSize: 1 });
    expect(page2.sites).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.sites.items.map((s) => s.name)).toEqual(["Họ Nguyễn"]);
  });

  it("applies the filter and refuses unknown types and bad pages", async () => {
    const m = await caller().dashboard.modelType({ code: "religious-community", districtCode: "468" });
    expect(m.totalSites).toBe(1);
    expect(m.sites.items[0]).toMatchObject({ name: "Chùa Cam Lộ", religion: "buddhism", districtName: "Huyện Cam Lộ" });
    expect(await codeOf(caller().dashboard.modelType({ code: "no-such-type" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller().dashboard.modelType({ code: "clan-no-crime", page: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller().dashboard.modelType({ code: "clan-no-crime", fromYear: 1900 }))).toBe("BAD_REQUEST");
  });
});

describe("dashboard.communities", () => {
  it("counts clan models and religious models by religion and district", async () => {
    const c = await caller().dashboard.communities({});
    expect(c.clans.sites).toBe(3);
    expect(c.clans.types).toEqual([
      expect.objectContaining({ code: "clan-no-crime", sites: 2, districts: 1, households: 30, members: 120 }),
      // Never recorded: null (shown as "—"), not 0.
      expect.objectContaining({ code: "clan-security", sites: 1, districts: 1, households: null, members: null }),
    ]);
    expect(c.religious.sites).toBe(3);
    expect(c.religious.byReligion).toEqual([
      { religion: "buddhism", sites: 2 },
      { religion: "catholicism", sites: 1 },
    ]);
    expect(c.byDistrict.map((d) => [d.code, d.clans, d.religious])).toEqual([
      ["461", 2, 1],
      ["468", 1, 1],
      ["471", 0, 1],
    ]);
  });

  it("applies years and district", async () => {
    const c = await caller().dashboard.communities({ fromYear: 2015, districtCode: "461" });
    expect(c.clans.sites).toBe(0);
    expect(c.religious.byReligion).toEqual([{ religion: "catholicism", sites: 1 }]);
  });
});

describe("dashboard.awards", () => {
  it("groups awards by year, issuer and form, and recipient kind", async () => {
    const a = await caller().dashboard.awards({});
    expect(a.total).toBe(4);
    expect(a.byYear).toEqual([
      { year: 2015, collective: 1, individual: 1, total: 2 },
      { year: 2020, collective: 1, individual: 1, total: 2 },
    ]);
    expect(a.byIssuerForm[0]).toEqual({
      issuer: "provincial_committee",
      form: "certificate_of_merit",
      collective: 1,
      individual: 1,
      total: 2,
    });
    expect(a.byIssuerForm).toHaveLength(3);
    expect(a.byRecipientKind).toEqual([
      { kind: "collective", count: 2 },
      { kind: "individual", count: 2 },
    ]);
  });

  it("applies district and years", async () => {
    const d = await caller().dashboard.awards({ districtCode: "461" });
    expect(d.byRecipientKind).toEqual([
      { kind: "collective", count: 2 },
      { kind: "individual", count: 0 },
    ]);
    const late = await caller().dashboard.awards({ fromYear: 2016 });
    expect(late.byYear.map((y) => y.year)).toEqual([2020]);
    expect(await codeOf(caller().dashboard.awards({ fromYear: 2030.5 }))).toBe("BAD_REQUEST");
  });
});

describe("dashboard.summary with the new filters", () => {
  it("narrows site figures by category and gives each district its sites per category", async () => {
    const s = await caller().dashboard.summary({ formerProvinceCode: "45", modelCategory: "clan" });
    expect([s.siteCount, s.modelTypeCount]).toEqual([3, 2]);
    expect(s.cameraCoverage).toMatchObject({ covered: 2, total: 126, current: { covered: 2, total: 37 } });
    const all = await caller().dashboard.summary({});
    expect(all.siteCount).toBe(8);
    expect(all.byDistrict.find((d) => d.code === "461")?.byCategory).toMatchObject({
      clan: 2,
      camera: 1,
      religious: 1,
    });
  });
});

describe("dashboard.options", () => {
  it("offers the 10 + 8 former districts with their old province, and the model-type catalogue", async () => {
    const o = await caller().dashboard.options();
    expect(o.districts.filter((d) => d.province === "45")).toHaveLength(10);
    expect(o.districts.filter((d) => d.province === "44")).toHaveLength(8);
    expect(o.districts).toHaveLength(18);
    expect(o.districts.find((d) => d.code === "461")).toEqual({
      code: "461",
      name: "Thành phố Đông Hà",
      province: "45",
    });
    expect(o.districts.find((d) => d.code === "450")).toEqual({
      code: "450",
      name: "Thành phố Đồng Hới",
      province: "44",
    });
    expect(o.modelTypes.find((m) => m.code === "clan-no-crime")).toMatchObject({ category: "clan" });
    expect(await codeOf(caller(null).dashboard.options())).toBe("UNAUTHORIZED");
  });
});
