import { dateOf } from "@qt/shared/dates";
import { seedReference } from "../../prisma/seed/reference.ts";
import type { Db } from "../../server/db.ts";
import { type AreaRef, awardRow, installationRow, siteRow } from "../fixtures/factories.ts";

/**
 * A small hand-countable fixture for the dashboard aggregates (figures expected in
 * dashboard-aggregates.test.ts are counted from this list by hand):
 *   Đông Hà (461, 9 areas): Đông Giang 19330, Phường 1 19333; Cam Lộ (468, 8 areas): 19597;
 *   Cồn Cỏ (471): an area of its own. Deleted rows must never count. All in the list of units before
 *   01/07/2025; Phường 1 (19333) and Cồn Cỏ were taken over by Phường Đông Hà (19333) and Đặc khu
 *   Cồn Cỏ (19742), which are covered through them.
 */
export async function seedDashboardFixture(db: Db) {
  await seedReference(db);
  const units = await db.adminUnit.findMany({
    where: { catalog: "three_level", code: { in: ["19330", "19333", "19597", "471"] } },
    select: { id: true, code: true, name: true, parent: { select: { name: true } } },
  });
  const area = (code: string): AreaRef => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return { id: u.id, name: u.name, districtName: u.parent?.name ?? u.name };
  };
  const types = await db.modelType.findMany({ select: { id: true, code: true } });
  const type = (code: string) => types.find((t) => t.code === code)?.id ?? Number.NaN;
  await db.site.createMany({
    data: [
      siteRow(area("19330"), {
        modelTypeId: type("clan-no-crime"),
        name: "Họ Lê",
        establishedOn: dateOf("2007-03-01"),
        households: 20,
        members: 80,
      }),
      siteRow(area("19333"), {
        modelTypeId: type("clan-no-crime"),
        name: "Họ Nguyễn",
        establishedOn: dateOf("2010-06-01"),
        households: 10,
        members: 40,
      }),
      siteRow(area("19597"), {
        modelTypeId: type("clan-security"),
        name: "Họ Trần",
        establishedOn: dateOf("2010-01-15"),
      }),
      siteRow(area("19333"), {
        modelTypeId: type("security-camera"),
        name: "Camera P1",
        establishedOn: dateOf("2015-05-01"),
      }),
      siteRow(area("19597"), {
        modelTypeId: type("religious-community"),
        name: "Chùa Cam Lộ",
        establishedOn: dateOf("2012-02-02"),
        religion: "buddhism",
      }),
      siteRow(area("19330"), {
        modelTypeId: type("religious-community"),
        name: "Giáo xứ Đông Giang",
        establishedOn: dateOf("2020-08-08"),
        religion: "catholicism",
      }),
      siteRow(area("471"), {
        modelTypeId: type("religious-community"),
        name: "Chùa Cồn Cỏ",
        establishedOn: dateOf("2021-01-01"),
        religion: "buddhism",
      }),
      siteRow(area("471"), {
        modelTypeId: type("security-camera"),
        name: "Camera Cồn Cỏ",
        establishedOn: dateOf("2024-03-01"),
      }),
      siteRow(area("19333"), {
        modelTypeId: type("clan-no-crime"),
        name: "Đã xoá",
        establishedOn: dateOf("2011-01-01"),
        deletedAt: new Date(),
      }),
    ],
  });
  const cam = { recorders: 0, memoryCards: 0 };
  await db.cameraInstallation.createMany({
    data: [
      installationRow(area("19333"), {
        ...cam,
        installedOn: dateOf("2015-05-01"),
        cameras: 10,
        recorders: 1,
        memoryCards: 2,
        costVnd: 500_000_000n,
        fundingSource: "state_budget",
      }),
      installationRow(area("19333"), {
        ...cam,
        installedOn: dateOf("2019-01-01"),
        cameras: 5,
        memoryCards: 1,
        costVnd: 100_000_000n,
        fundingSource: "socialized",
      }),
      installationRow(area("471"), {
        ...cam,
        installedOn: dateOf("2024-03-01"),
        cameras: 3,
        recorders: 1,
        costVnd: 90_000_000n,
        fundingSource: "mixed",
      }),
      installationRow(area("19597"), {
        ...cam,
        installedOn: dateOf("2016-01-01"),
        cameras: 99,
        costVnd: 1n,
        fundingSource: "mixed",
        deletedAt: new Date(),
      }),
    ],
  });
  const aw = { recipientName: "Tập thể" };
  await db.award.createMany({
    data: [
      awardRow(area("19333"), {
        ...aw,
        year: 2015,
        issuer: "provincial_committee",
        form: "emulation_flag",
        recipientKind: "collective",
      }),
      awardRow(null, {
        ...aw,
        year: 2015,
        issuer: "ministry",
        form: "certificate_of_merit",
        recipientKind: "individual",
      }),
      awardRow(area("19597"), {
        ...aw,
        year: 2020,
        issuer: "provincial_committee",
        form: "certificate_of_merit",
        recipientKind: "individual",
      }),
      awardRow(area("19330"), {
        ...aw,
        year: 2020,
        issuer: "provincial_committee",
        form: "certificate_of_merit",
        recipientKind: "collective",
      }),
      awardRow(area("19330"), {
        ...aw,
        year: 2021,
        issuer: "provincial_police",
        form: "certificate",
        recipientKind: "collective",
        deletedAt: new Date(),
      }),
    ],
  });
}
