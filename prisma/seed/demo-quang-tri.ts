import type { Db } from "../../server/db.ts";
import type { AwardForm, AwardIssuer, Prisma, RecipientKind } from "../../server/generated/prisma/client.ts";
import { GIVEN, MIDDLE, SURNAMES, saveDemoRows, shortName } from "./demo-common.ts";
import { type AreaRef, apportion, awardRow, installationRow, seededRandom, siteRow } from "./factories.ts";

/**
 * Demo records that reproduce every figure of the 2023 conference article (../shared FIGURES.md)
 * exactly, spread deterministically (fixed seed) over the real communes and over 2007–2022.
 * Every row is marked `isDemo`. demo.ts decides whether to load it.
 */
export const DEMO_FIGURES = {
  clanNoCrime: { sites: 113, districts: ["466", "468", "469", "470"] },
  camera: {
    // 8 district-level units: all but Đa Krông (467) and Cồn Cỏ (471).
    districts: ["461", "462", "464", "465", "466", "468", "469", "470"],
    coveredAreas: 73,
    extraInstallations: 12,
    cameras: 1131,
    recorders: 53,
    memoryCards: 67,
    costVnd: 4_928_650_000,
  },
  clanSecurity: { sites: 175 },
  religious: {
    buddhism: 34,
    buddhistDistricts: ["461", "462", "464", "465", "466", "469", "470"],
    catholicism: 8,
    catholicDistricts: ["466", "469", "470"],
  },
  awards: [
    { issuer: "provincial_committee", form: "emulation_flag", collective: 6, individual: 0 },
    { issuer: "ministry", form: "certificate_of_merit", collective: 18, individual: 0 },
    { issuer: "provincial_committee", form: "certificate_of_merit", collective: 30, individual: 75 },
    { issuer: "department_v05", form: "certificate", collective: 5, individual: 5 },
    { issuer: "provincial_police", form: "certificate", collective: 20, individual: 25 },
  ] satisfies { issuer: AwardIssuer; form: AwardForm; collective: number; individual: number }[],
} as const;

/** Model types added to the catalogue after these records were designed: left out, so the records stay the same. */
const LATER_TYPES = ["clan-self-managed", "parish-security"];

export async function loadQuangTriDemo(db: Db): Promise<void> {
  const r = seededRandom(20230131);

  // The 2007–2022 history of former Quảng Trị (GSO 45): the article's figures.
  const inQuangTri = { catalog: "three_level", code: "45" } as const;
  const units = await db.adminUnit.findMany({
    where: {
      catalog: "three_level",
      OR: [
        { level: "district", parent: inQuangTri },
        { level: "commune", parent: { parent: inQuangTri } },
      ],
    },
    select: { id: true, code: true, name: true, level: true, parentId: true },
    orderBy: { code: "asc" },
  });
  const districts = units.filter((u) => u.level === "district");
  const areasOf = new Map<string, AreaRef[]>();
  for (const d of districts) {
    const communes = units.filter((u) => u.parentId === d.id);
    const areas = (communes.length > 0 ? communes : [d]).map((a) => ({ id: a.id, name: a.name, districtName: d.name }));
    areasOf.set(d.code, areas);
  }
  const areasIn = (codes: readonly string[]) => codes.flatMap((c) => areasOf.get(c) ?? []);
  const allAreas = [...areasOf.values()].flat();
  const types = new Map((await db.modelType.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  const typeId = (code: string) => {
    const id = types.get(code);
    if (id === undefined) throw new Error(`Model type ${code} missing: run the reference seed first`);
    return id;
  };

  const sites: Prisma.SiteCreateManyInput[] = [];
  const clanName = () => `Dòng họ ${r.pick(SURNAMES)}`;

  // "Dòng họ không có tội phạm và tệ nạn xã hội": 113 sites in 4 districts.
  const clanAreas = areasIn(DEMO_FIGURES.clanNoCrime.districts);
  for (let i = 0; i < DEMO_FIGURES.clanNoCrime.sites; i++) {
    const area = i < clanAreas.length ? (clanAreas[i] as AreaRef) : r.pick(clanAreas);
    const clan = clanName();
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("clan-no-crime"),
        name: `${clan} – ${shortName(area.name)}`,
        host: clan,
        establishedOn: r.dateIn(2007, 2022),
        households: r.int(15, 160),
        isDemo: true,
      }),
    );
  }

  // "Dòng họ tham gia bảo đảm an ninh, trật tự": 175 clans across the province.
  const mainland = allAreas.filter((a) => !a.districtName.includes("Cồn Cỏ"));
  for (let i = 0; i < DEMO_FIGURES.clanSecurity.sites; i++) {
    const area = r.pick(mainland);
    const clan = clanName();
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("clan-security"),
        name: `${clan} – ${shortName(area.name)}`,
        host: clan,
        establishedOn: r.dateIn(2009, 2022),
        households: r.int(20, 200),
        members: r.int(80, 900),
        isDemo: true,
      }),
    );
  }

  // Religious communities: 34 Buddhist (7 districts), 8 Catholic.
  const rel = DEMO_FIGURES.religious;
  const buddhistAreas = r.shuffle(areasIn(rel.buddhistDistricts));
  const perDistrictFirst = rel.buddhistDistricts.map((c) => r.pick(areasOf.get(c) ?? []));
  const buddhist = [...perDistrictFirst, ...buddhistAreas.filter((a) => !perDistrictFirst.includes(a))].slice(
    0,
    rel.buddhism,
  );
  for (const area of buddhist) {
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("religious-community"),
        name: `Niệm Phật đường ${shortName(area.name)}`,
        host: `Gia đình Phật tử ${shortName(area.name)}`,
        religion: "buddhism",
        establishedOn: r.dateIn(2016, 2022),
        members: r.int(40, 400),
        isDemo: true,
      }),
    );
  }
  for (const area of r.shuffle(areasIn(rel.catholicDistricts)).slice(0, rel.catholicism)) {
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("religious-community"),
        name: `Giáo xứ ${shortName(area.name)}`,
        host: `Giáo xứ ${shortName(area.name)}`,
        religion: "catholicism",
        establishedOn: r.dateIn(2012, 2022),
        members: r.int(200, 2500),
        isDemo: true,
      }),
    );
  }

  // Security cameras: one site per covered area, 73 areas in exactly 8 districts.
  const cam = DEMO_FIGURES.camera;
  const firstPerDistrict = cam.districts.map((c) => r.pick(areasOf.get(c) ?? []));
  const rest = r.shuffle(areasIn(cam.districts).filter((a) => !firstPerDistrict.includes(a)));
  const covered = [...firstPerDistrict, ...rest].slice(0, cam.coveredAreas);
  const installAreas = [...covered, ...Array.from({ length: cam.extraInstallations }, () => r.pick(covered))];
  const siteDates = new Map<AreaRef, Date>();
  for (const area of covered) {
    const on = r.dateIn(2012, 2020);
    siteDates.set(area, on);
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("security-camera"),
        name: `Camera an ninh ${shortName(area.name)}`,
        host: `Công an ${area.name
          .replace(/^Thị trấn/, "thị trấn")
          .replace(/^Xã/, "xã")
          .replace(/^Phường/, "phường")}`,
        establishedOn: on,
        isDemo: true,
      }),
    );
  }

  // The other model types: a few sites each, some no longer active.
  const others = [...types.keys()].filter(
    (c) => !["clan-no-crime", "clan-security", "religious-community", "security-camera", ...LATER_TYPES].includes(c),
  );
  for (const code of others) {
    for (let i = r.int(2, 9); i > 0; i--) {
      const area = r.pick(mainland);
      const status = r.next() < 0.08 ? "suspended" : r.next() < 0.05 ? "dissolved" : "active";
      const establishedOn = r.dateIn(2007, 2020);
      sites.push(
        siteRow(area, {
          modelTypeId: typeId(code),
          name: `${shortName(area.name)} – điểm ${i}`,
          establishedOn,
          status,
          statusChangedOn: status === "active" ? null : r.dateIn(2021, 2022),
          isDemo: true,
        }),
      );
    }
  }

  // Camera installations carrying 1,131 cameras, 53 recorders, 67 memory cards, 4,928,650,000 VND.
  const weights = installAreas.map(() => r.int(5, 25));
  const cameras = apportion(cam.cameras, weights);
  const costUnits = apportion(cam.costVnd / 10_000, cameras); // whole 10,000 VND
  const withRecorder = new Set(r.shuffle(installAreas.map((_, i) => i)).slice(0, cam.recorders));
  const withCard = new Set(r.shuffle(installAreas.map((_, i) => i)).slice(0, cam.memoryCards));
  const funding = ["state_budget", "socialized", "mixed"] as const;
  const installations = installAreas.map((area, i) => {
    const first = siteDates.get(area) ?? new Date(Date.UTC(2015, 0, 1));
    const installedOn = i < covered.length ? first : r.dateIn(Math.max(first.getUTCFullYear(), 2016), 2022);
    return installationRow(area, {
      installedOn,
      cameras: cameras[i] ?? 0,
      recorders: withRecorder.has(i) ? 1 : 0,
      memoryCards: withCard.has(i) ? 1 : 0,
      costVnd: BigInt((costUnits[i] ?? 0) * 10_000),
      fundingSource: r.pick(funding),
      isDemo: true,
    });
  });

  const awards: Prisma.AwardCreateManyInput[] = [];
  for (const a of DEMO_FIGURES.awards) {
    for (const [kind, count] of [
      ["collective", a.collective],
      ["individual", a.individual],
    ] as [RecipientKind, number][]) {
      for (let i = 0; i < count; i++) {
        const area = r.pick(mainland);
        const recipientName =
          kind === "individual"
            ? `${r.pick(SURNAMES)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`
            : r.pick([
                `Công an ${area.name.toLowerCase().startsWith("phường") ? "phường" : "xã"} ${shortName(area.name)}`,
                `Ban Công tác Mặt trận ${shortName(area.name)}`,
                `${clanName()} (${shortName(area.name)})`,
              ]);
        awards.push(
          awardRow(area, {
            year: r.int(2008, 2022),
            issuer: a.issuer,
            form: a.form,
            recipientKind: kind,
            recipientName,
            isDemo: true,
          }),
        );
      }
    }
  }

  // Each installation is linked to its area's camera site (one per covered area).
  await saveDemoRows(db, { sites, installations, awards });
}
